// The phone page with scripts on: it follows the console through server-sent events, sends each tap
// without a page load, and never throws away what someone is typing. Without scripts the same page
// works through its plain forms and the reload link (not offered once joining has ended: that address is gone).
"use strict";
(() => {
  const view = document.getElementById("view");
  const offline = document.getElementById("offline");
  const silenceMs = Number(document.body.dataset.silenceMs) || 40000;
  const postMs = Number(document.body.dataset.postMs) || 10000;

  // Text typed into a field and not sent yet: it differs from what the page was given.
  const typed = (root) =>
    [...root.querySelectorAll("textarea[name], input[type=text][name]")].filter(
      (field) => !field.readOnly && field.value.trim() !== field.defaultValue.trim()
    );
  const busy = (part) => {
    const focused = document.activeElement;
    return typed(part).length > 0 || (part.contains(focused) && focused.matches("textarea, input[type=text]"));
  };
  // While the event stream has lost the laptop, a tap would reach nobody: the page's buttons wait (disabled,
  // and the notice says a tap is not sent) rather than keep a tap to send later, when the room may have moved
  // on or the person changed their mind. The answers shown as saved are exactly what the laptop has.
  let lost = false;
  function waitForLaptop(lostNow) {
    lost = lostNow;
    offline.hidden = !lost;
    for (const button of view.querySelectorAll("button")) {
      if (lost && !button.disabled) {
        button.disabled = true;
        button.dataset.waiting = "";
      } else if (!lost && "waiting" in button.dataset) {
        button.disabled = false;
        delete button.dataset.waiting;
      }
    }
  }
  const parts = (root) => [...root.querySelectorAll("[data-part]")].map((part) => part.dataset.part).join(" ");

  function show(html) {
    const holder = document.createElement("div");
    holder.innerHTML = html; // made by the server's templates, every text escaped there
    const next = holder.querySelector(".screen");
    const old = view.querySelector(".screen");
    if (!next) return;
    if (!old) {
      view.replaceChildren(next);
      return;
    }
    const unsent = typed(old);
    const sameStep = old.dataset.step === next.dataset.step && old.dataset.screen === next.dataset.screen;
    if (sameStep && parts(old) === parts(next)) {
      // Part by part, so a field being typed in keeps its text, its focus and the phone's keyboard.
      for (const part of next.querySelectorAll("[data-part]")) {
        const was = old.querySelector(`[data-part="${part.dataset.part}"]`);
        if (was && !was.isEqualNode(part) && !busy(was)) was.replaceWith(part);
      }
      return;
    }
    if (sameStep) {
      for (const field of unsent) {
        const same = next.querySelector(`[name="${field.name}"]:not([readonly])`);
        if (same) same.value = field.value;
      }
    } else if (unsent.length) {
      // The room moved on while something was typed: keep it in sight, to copy.
      const kept = next.querySelector('[data-part="unsent-kept"]');
      if (kept) {
        kept.hidden = false;
        kept.querySelector("textarea").value = unsent.map((field) => field.value).join("\n\n");
      }
    }
    old.replaceWith(next);
    if (lost) waitForLaptop(true);
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    event.preventDefault();
    if (lost) return; // the buttons wait: nothing would reach the laptop
    const body = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    // A stopped laptop (lid closed) keeps the post waiting, unanswered, for as long as it sleeps: give up on it
    // in time, as the page then says; the laptop does not store a post its phone gave up on.
    const giveUp = new AbortController();
    const patience = setTimeout(() => giveUp.abort(), postMs);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body,
        headers: { "X-Phone": "fetch" },
        credentials: "same-origin",
        signal: giveUp.signal,
      });
      waitForLaptop(false); // the laptop answered, whatever it said: contact is back
      if (response.status === 403 || response.status === 404) {
        location.reload(); // the seat or the page is stale: start again from the page
        return;
      }
      for (const field of typed(form)) field.defaultValue = field.value; // sent: the answer shows what was kept
      show(await response.text());
    } catch (error) {
      offline.hidden = false;
    } finally {
      clearTimeout(patience);
      for (const button of form.querySelectorAll("button")) button.disabled = false;
      if (lost) waitForLaptop(true);
    }
  });

  // A laptop whose lid is closed, or a Wi-Fi gone, breaks no connection: the stream just falls silent. The laptop
  // says it is there at least every few seconds ("alive"); after a longer silence the page says it lost contact
  // and opens its stream again, until the laptop answers.
  const events = document.body.dataset.events;
  if (window.EventSource && events) {
    let source = null;
    let heard = Date.now();
    const hear = () => {
      heard = Date.now();
    };
    const follow = () => {
      source = new EventSource(events);
      source.addEventListener("view", (event) => {
        hear();
        show(event.data);
      });
      source.addEventListener("alive", hear);
      source.addEventListener("closed", (event) => {
        show(event.data);
        source.close();
        clearInterval(watching);
      });
      source.addEventListener("open", () => {
        hear();
        waitForLaptop(false);
      });
      source.addEventListener("error", () => waitForLaptop(source.readyState !== EventSource.OPEN));
    };
    const watching = setInterval(() => {
      if (Date.now() - heard < silenceMs) return;
      waitForLaptop(true);
      source.close();
      hear(); // the next try gets as long again
      follow();
    }, Math.min(1000, silenceMs / 4));
    follow();
  }
})();
