// The phone page with scripts on: it follows the console through server-sent events, sends each tap
// without a page load, and never throws away what someone is typing. Without scripts the same page
// works through its plain forms and the reload link (not offered once joining has ended: that address is gone).
"use strict";
(() => {
  const view = document.getElementById("view");
  const offline = document.getElementById("offline");
  const oldLink = document.getElementById("old-link");
  const said = document.getElementById("said");
  document.documentElement.classList.add("scripted"); // what works only with the script (the name finder) shows
  // While contact is lost the page looks for the laptop after 2 s, then 4 and 8, then every 12 s: forty phones
  // that looked every 2 s sent a laptop back on the Wi-Fi (or woken, with every look queued) a burst of requests.
  // Each wait is a fifth longer or shorter at random, so phones that lost the laptop together do not look together.
  const FIRST_LOOK_MILLISECONDS = 2000;
  const LAST_LOOK_MILLISECONDS = 12000;
  const lookDelay = (milliseconds) => milliseconds * (0.8 + 0.4 * Math.random());
  // Once told joining stopped, the page looks about every 30 s (a room of phones left on that page asks a laptop two
  // looks a minute each): joining may start again with a new code, which the look's 404 tells, so the person knows
  // to scan it. Lost or stopped, a phone put away (locked, another app in front) asks nothing, as nobody would read
  // what a look found, and looks at once when it is looked at again.
  const STOPPED_LOOK_MILLISECONDS = 30000;
  // A 429 (this phone's address refused for a while: too many wrong codes came from it) says in Retry-After when to
  // ask again: the page asks nothing until then, and its notice says so. Only a 2xx to a look is the laptop back: a
  // 421 is another server on this address, not the laptop.
  // The notice's short line (its summary, read out) and the rest, shown on a tap.
  const offlineSays = offline.querySelector("summary");
  const offlineMore = offline.querySelector("details p");
  const LOST_SAYS = [offlineSays.textContent, offlineMore.textContent];
  let refusedUntil = 0; // the phone's time until which the laptop refuses it
  const silenceMs = Number(document.body.dataset.silenceMs) || 40000;
  const postMs = Number(document.body.dataset.postMs) || 10000;

  // Text typed into a field and not sent yet: it differs from what the page was given.
  const typed = (root) =>
    [...root.querySelectorAll("textarea[name], input[type=text][name]")].filter(
      (field) => !field.readOnly && field.value.trim() !== field.defaultValue.trim()
    );
  // A part being typed in, or with a tap on its way (the laptop's answer to the tap redraws it).
  const busy = (part) => {
    const focused = document.activeElement;
    const typing = part.contains(focused) && focused.matches("textarea, input[type=text]");
    return typed(part).length > 0 || typing || part.matches("[data-sending]") || !!part.querySelector("[data-sending]");
  };
  // While the event stream has lost the laptop, a tap would reach nobody: the page's buttons wait (disabled,
  // and the notice says a tap is not sent) rather than keep a tap to send later, when the room may have moved
  // on or the person changed their mind. The answers shown as saved are exactly what the laptop has.
  let lost = false;
  let source = null; // the event stream, when the browser has one
  let looking = 0; // the timer of the next look, while contact is lost or joining is stopped
  let lookAfter = FIRST_LOOK_MILLISECONDS;
  let lookOnItsWay = false;
  let stopped = false; // told joining stopped
  let followOnceBack = () => {}; // set below: the stream opened again
  let watching = 0; // the timer that notices a silent stream
  // A 404 to a look or a post is not the laptop away: joining started again with a new code, and this address is
  // gone for good. Looking again would only loop, and each look and stream is a wrong code: within two minutes the
  // laptop refused this phone the new code too (429, for ten minutes). A reload would throw away what was typed.
  let gone = false;
  function waitForLaptop(lostNow) {
    lost = lostNow || gone;
    offline.hidden = !lost || gone;
    // What the laptop held of this phone's answers may never be saved if it was killed: the held line says so.
    document.documentElement.classList.toggle("lost-contact", lost);
    if (lost) {
      sayWhyWaiting();
      lookForLaptop();
    } else {
      if (!stopped) looking = clearTimeout(looking) || 0;
      lookAfter = FIRST_LOOK_MILLISECONDS;
      refusedUntil = 0;
      if (source && source.readyState === EventSource.CLOSED) followAgain(); // a tap got through first
    }
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
  // The next look, unless one is due or on its way. A look is a HEAD the laptop answers without making a page; once
  // it answers, the event stream (closed when it failed: the browser's own retry every 3 s would not back off) is
  // opened again and its opening ends the notice; a stream still open (a post failed, the stream did not) ends it
  // on the look's answer.
  function lookForLaptop() {
    if (looking || lookOnItsWay || gone || document.hidden) return; // shown again: lookAtOnce
    const refusedFor = refusedUntil - Date.now();
    if (refusedFor > 0) {
      looking = setTimeout(lookNow, refusedFor * (1 + 0.2 * Math.random())); // never sooner than asked
      return;
    }
    if (stopped) {
      looking = setTimeout(lookNow, lookDelay(STOPPED_LOOK_MILLISECONDS));
      return;
    }
    looking = setTimeout(lookNow, lookDelay(lookAfter));
    lookAfter = Math.min(2 * lookAfter, LAST_LOOK_MILLISECONDS);
  }
  function sayWhyWaiting() {
    const until = new Date(refusedUntil).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const [says, more] =
      refusedUntil > Date.now()
        ? [
            `The laptop refuses this phone until ${until}: a tap until then is not sent.`,
            "It refuses it because too many wrong join codes came from it; this page tries again then by itself.",
          ]
        : LOST_SAYS;
    if (offlineSays.textContent !== says) offlineSays.textContent = says;
    if (offlineMore.textContent !== more) offlineMore.textContent = more;
  }
  // Told to wait (429): until when, by the answer's Retry-After in seconds (a minute if it says nothing usable).
  function refusedBy(response) {
    const seconds = Number(response.headers.get("Retry-After"));
    const wait = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) : 60;
    refusedUntil = Date.now() + 1000 * wait;
  }
  // One look: the laptop's answer's status, or 0 when nothing answered.
  async function askTheLaptop() {
    lookOnItsWay = true;
    const giveUp = new AbortController();
    const patience = setTimeout(() => giveUp.abort(), postMs); // a Wi-Fi gone without a word leaves a look hanging
    try {
      const response = await fetch(document.body.dataset.alive, {
        method: "HEAD",
        cache: "no-store",
        credentials: "same-origin",
        signal: giveUp.signal,
      });
      if (response.status === 429) refusedBy(response);
      return response.status;
    } catch (error) {
      return 0; // still out of reach
    } finally {
      clearTimeout(patience);
      lookOnItsWay = false;
    }
  }
  async function lookNow() {
    looking = clearTimeout(looking) || 0;
    if (!(lost || stopped) || lookOnItsWay || gone || document.hidden) return;
    const status = await askTheLaptop();
    const answered = status >= 200 && status < 300; // not a 421, a 429, or a proxy's error page
    if (status === 404) {
      linkIsOld();
      return;
    }
    if (status === 429) {
      if (lost) sayWhyWaiting();
      lookForLaptop();
      return;
    }
    if (stopped) {
      // Told joining stopped: this address serves nothing, until joining starts again, most often with a new code (a
      // 404: the link is old) or, once a console came back after a crash, with this one (then the page follows again).
      if (answered) {
        stopped = false;
        followOnceBack();
      } else {
        lookForLaptop();
      }
      return;
    }
    if (!lost) return; // the stream or a tap found the laptop meanwhile
    sayWhyWaiting(); // a refusal over: lost, as before it
    if (answered && (!source || source.readyState === EventSource.OPEN)) {
      waitForLaptop(false);
      return;
    }
    if (answered && source.readyState === EventSource.CLOSED) followAgain();
    lookForLaptop();
  }
  // The phone back on a network, or woken and looked at: look now, and soon again if that finds nobody.
  function lookAtOnce() {
    if (lost) lookAfter = FIRST_LOOK_MILLISECONDS;
    if (refusedUntil > Date.now()) lookForLaptop(); // not before the laptop said
    else lookNow();
  }
  window.addEventListener("online", lookAtOnce);
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && lookAtOnce());
  let followAgain = () => {}; // set below when the browser has an event stream
  // The page stays as it is, with what was typed (to copy), its buttons held; it says once, as an alert, to scan the
  // new code, and asks the laptop nothing more.
  function linkIsOld() {
    if (gone) return;
    gone = true;
    looking = clearTimeout(looking) || 0;
    clearInterval(watching);
    followAgain = () => {};
    if (source) source.close();
    const typedHere = typed(view).length > 0;
    oldLink.hidden = false;
    oldLink.textContent =
      "This link is old: joining started again with a new code. Scan the new code on the wall to join." +
      (typedHere ? " What you typed stays here to copy; it was not sent." : "");
    document.title = "Old link";
    for (const reload of view.querySelectorAll(".reload")) reload.hidden = true; // it leads nowhere now
    waitForLaptop(true);
  }
  // A form, and a button on it, by what it sends rather than by node: a part drawn anew has new nodes.
  const keyOf = (form) => {
    const fields = [...form.querySelectorAll("input[type=hidden]:not([name=csrf])")];
    return [form.getAttribute("action"), ...fields.map((field) => field.value)].join("|");
  };
  const addressOf = (element) =>
    element && element.form && element.matches("button") ? { form: keyOf(element.form), value: element.value } : null;
  const formAt = (key) => [...view.querySelectorAll("form")].find((form) => keyOf(form) === key);
  // Several forms may send alike (every name's form posts a seat): the button is found by its value among them all.
  const buttonAt = (address) => {
    if (!address) return null;
    for (const form of view.querySelectorAll("form")) {
      if (keyOf(form) !== address.form) continue;
      const button = [...form.querySelectorAll("button")].find((each) => each.value === address.value);
      if (button) return button;
    }
    return null;
  };
  // Focus taken away with its part (drawn anew, or its button disabled while a tap is sent) goes back to the same
  // button: a keyboard or a screen reader stays where it was instead of starting again from the top of the page.
  function focusAgain(address) {
    const button = buttonAt(address);
    const focused = document.activeElement;
    const away = !focused || focused === document.body || !view.contains(focused);
    if (button && away) button.focus({ preventScroll: true });
  }

  // What a screen reader hears after a tap: the answer and how it stands ("Partly: saved ✓"), in one live region
  // that stays on the page (a region drawn anew with its part is not reliably read out), said again only when it
  // changes ("sending…", then "saved ✓").
  let watched = null; // the last tap: its form's key, what it was, where its state shows
  // Where a tap's state shows on the page as it is now, if anywhere.
  const stateOf = (tapped) => {
    const form = formAt(tapped.form);
    return tapped.says ? view.querySelector(tapped.says) : form && form.querySelector(".saved");
  };
  function sayHowItStands() {
    if (!watched) return;
    const form = formAt(watched.form);
    const shown = stateOf(watched);
    if (!shown) return;
    // Still on its way, the tap's own words stand: the row drawn anew for another's change has no answer pressed yet.
    if (form && form.matches("[data-sending]")) return;
    const state = shown.textContent.trim();
    // A row says the answer it now shows (the console may have changed or cleared it since the tap).
    const chosen = form && form.classList.contains("row") ? form.querySelector('[aria-pressed="true"]') : null;
    const what = form && form.classList.contains("row") ? chosen && chosen.textContent.trim() : watched.what;
    const words = what ? `${what}: ${state}` : state;
    if (said.textContent !== words) said.textContent = words;
  }
  function sayNothing() {
    watched = null;
    said.textContent = "";
  }
  // Refused, the laptop says why in the page's alert: the tap itself was not kept. Its "sending…" is over, and the
  // state of what stood there before (a note before it "saved ✓") is not this tap's, now or when a part is redrawn.
  function sayRefused(tapped) {
    watched = null;
    said.textContent = tapped && tapped.what ? `${tapped.what}: not kept` : "not kept";
  }
  // A tap that took the page on (an item's last row answered, or "Next →") leaves nothing of itself on the page to
  // say how it stands: what is read out is where the page is now, after the answer it took ("Mixed: sent. 2 of 10:
  // Make Them Listen"), rather than the "sending…" said as it went.
  function sayWhereNow(tapped) {
    watched = null;
    const where = [view.querySelector(".counter"), view.querySelector("#asked-heading")]
      .filter(Boolean)
      .map((element) => element.textContent.trim())
      .join(": ");
    said.textContent = (tapped.row && tapped.what ? `${tapped.what}: sent. ` : "") + where;
  }

  // A long list of names narrows as one types in its field: each word typed begins a word of the name, in any order,
  // an accent, a capital or an apostrophe making no difference ("chloe oneil" finds Chloé O’Neil), as the roster
  // compares names (bootcamp/names.py name_key). Read out once the typing pauses, in the region that stays.
  const OPTIONAL_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670]|\p{Cf}/gu;
  const APOSTROPHES = /['\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07]/g;
  const PLAIN_LETTERS = { ł: "l", ø: "o", đ: "d", ð: "d", ħ: "h", ŧ: "t", ı: "i", æ: "ae", œ: "oe", þ: "th", ß: "ss" };
  const wordsOf = (text) =>
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(OPTIONAL_MARKS, "")
      .replace(APOSTROPHES, "")
      .replace(/[łøđðħŧıæœþß]/g, (letter) => PLAIN_LETTERS[letter])
      .split(/[\s\-‐.,()]+/)
      .filter(Boolean);
  const SAY_FOUND_AFTER_MILLISECONDS = 700;
  let finding = ""; // what the field holds, kept for a screen drawn anew
  let sayFound = 0;
  function narrowNames(typing) {
    const field = view.querySelector("#find");
    const names = view.querySelector(".names");
    if (!field || !names) return;
    if (typing) finding = field.value;
    else if (field.value !== finding) field.value = finding;
    const wanted = wordsOf(finding);
    const forms = [...names.querySelectorAll("form[data-name]")];
    const shown = forms.filter((form) => {
      const words = wordsOf(form.dataset.name);
      const match = wanted.every((want) => words.some((word) => word.startsWith(want)));
      form.hidden = !match;
      return match;
    });
    const found = view.querySelector("#found");
    const none = wanted.length > 0 && shown.length === 0;
    if (found.hidden === none || (none && found.dataset.for !== finding)) {
      found.hidden = !none;
      found.dataset.for = finding;
      const ask = document.createElement("a");
      ask.href = "#name";
      ask.textContent = "Ask to join below";
      found.replaceChildren(`No name on the list has “${finding.trim()}”. Not on the list? `, ask, ".");
    }
    if (!typing) return;
    clearTimeout(sayFound);
    sayFound = setTimeout(() => {
      if (!view.contains(field)) return; // a name was tapped meanwhile
      const only = shown.length === 1 ? `: ${shown[0].dataset.name}` : "";
      said.textContent = !wanted.length
        ? `All ${forms.length} names shown.`
        : none
        ? `No name matches “${finding.trim()}”.`
        : `${shown.length} ${shown.length === 1 ? "name matches" : "names match"}${only}.`;
    }, SAY_FOUND_AFTER_MILLISECONDS);
  }
  document.addEventListener("input", (event) => event.target.id === "find" && narrowNames(true));
  document.addEventListener("keydown", (event) => {
    // "Done" on a phone's keyboard puts the keyboard away, so the names it narrowed to are in sight.
    if (event.target.id === "find" && event.key === "Enter") event.target.blur();
  });
  document.addEventListener("click", (event) => {
    // The link to ask takes the person to the field (a link to an id scrolls there but leaves the focus behind).
    const link = event.target.closest && event.target.closest('#found a[href="#name"]');
    const field = link && view.querySelector("#name");
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });

  // The name finder is no part (drawn anew it would lose its text and the keyboard), so a list grown past ten names
  // (a late list pasted) or shrunk under it counts as a different screen: drawn whole, what was typed kept.
  const parts = (root) =>
    [...root.querySelectorAll("[data-part]")].map((part) => part.dataset.part).join(" ") +
    (root.querySelector("#find") ? " find" : "");

  // The step drawn again for a change of the console's (or of the room's) is not this phone's doing: why its last tap
  // was not kept, and what was typed and not sent, stay in sight on it until the person taps again or the step
  // changes. The laptop sends them only in the answer to the tap, never with the step drawn again.
  function keepWhatWasSaid(old, next) {
    const header = next.querySelector('[data-part="header"]');
    let after = header;
    for (const name of ["message", "unsent"]) {
      const was = old.querySelector(`[data-part="${name}"]`);
      if (was && header && !next.querySelector(`[data-part="${name}"]`)) after.after(was.cloneNode(true));
      after = next.querySelector(`[data-part="${name}"]`) || after;
    }
    const keptWas = old.querySelector('[data-part="unsent-kept"]');
    const kept = next.querySelector('[data-part="unsent-kept"]');
    if (keptWas && kept && !keptWas.hidden && kept.hidden) {
      kept.hidden = false;
      kept.querySelector("textarea").value = keptWas.querySelector("textarea").value;
    }
  }
  function show(html, { pushed = false } = {}) {
    const holder = document.createElement("div");
    holder.innerHTML = html; // made by the server's templates, every text escaped there
    const next = holder.querySelector(".screen");
    const old = view.querySelector(".screen");
    if (!next) return;
    if (!old) {
      view.replaceChildren(next);
      return;
    }
    const focusWas = addressOf(document.activeElement);
    const unsent = typed(old);
    const sameStep = old.dataset.step === next.dataset.step && old.dataset.screen === next.dataset.screen;
    if (sameStep && pushed) keepWhatWasSaid(old, next);
    if (sameStep && parts(old) === parts(next)) {
      // Part by part, so a field being typed in keeps its text, its focus and the phone's keyboard.
      for (const part of next.querySelectorAll("[data-part]")) {
        const was = old.querySelector(`[data-part="${part.dataset.part}"]`);
        if (was && !was.isEqualNode(part) && !busy(was)) was.replaceWith(part);
      }
      focusAgain(focusWas);
      narrowNames(false);
      sayHowItStands();
      if (lost) waitForLaptop(true); // a part drawn anew comes with its buttons working
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
    const findingWas = document.activeElement && document.activeElement.id === "find";
    old.replaceWith(next);
    narrowNames(false);
    if (findingWas && next.querySelector("#find")) next.querySelector("#find").focus({ preventScroll: true });
    if (sameStep) {
      focusAgain(focusWas);
      sayHowItStands();
    } else {
      sayNothing(); // a new step: the last tap's state is not this screen's
    }
    if (lost) waitForLaptop(true);
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    event.preventDefault();
    if (lost) return; // the buttons wait: nothing would reach the laptop
    const body = new URLSearchParams(new FormData(form));
    if (event.submitter && event.submitter.name) body.append(event.submitter.name, event.submitter.value);
    const focusWas = addressOf(document.activeElement);
    const label = event.submitter ? event.submitter.textContent.trim() : "";
    watched = {
      form: keyOf(form),
      what: "what" in form.dataset ? form.dataset.what : label,
      says: form.dataset.says || "",
      row: form.classList.contains("row"),
    };
    // Until the laptop answers, the tapped row says so: on a slow network greyed buttons alone look broken.
    const shown = form.querySelector(".saved");
    const before = shown && { text: shown.textContent, className: shown.className };
    if (shown) {
      shown.textContent = form.classList.contains("row") ? `sending ${label}…` : "sending…";
      shown.className = "saved saved-sending";
    }
    said.textContent = watched.what ? `${watched.what}: sending…` : "sending…";
    for (const button of form.querySelectorAll("button")) button.disabled = true;
    form.dataset.sending = "";
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
      if (response.status === 404) {
        if (shown) Object.assign(shown, { textContent: before.text, className: before.className }); // nothing kept
        said.textContent = watched.what ? `${watched.what}: not sent` : "not sent";
        linkIsOld();
        return;
      }
      if (response.status === 429 || response.status === 421) {
        if (response.status === 429) refusedBy(response);
        throw new Error("not sent"); // refused, or another server: as unsent as when nothing answered
      }
      waitForLaptop(false); // the laptop answered, whatever it said: contact is back
      if (response.status === 403) {
        location.reload(); // the seat or the page is stale: start again from the page
        return;
      }
      for (const field of typed(form)) field.defaultValue = field.value; // sent: the answer shows what was kept
      const html = await response.text();
      delete form.dataset.sending;
      const tapped = watched;
      show(html);
      if (response.status === 422 || response.status === 503) sayRefused(tapped);
      else if (watched === tapped && !stateOf(tapped)) sayWhereNow(tapped);
    } catch (error) {
      waitForLaptop(true);
      if (shown) Object.assign(shown, { textContent: before.text, className: before.className }); // nothing was sent
      said.textContent = watched.what ? `${watched.what}: not sent` : "not sent";
    } finally {
      clearTimeout(patience);
      delete form.dataset.sending;
      for (const button of form.querySelectorAll("button")) button.disabled = false;
      if (lost) waitForLaptop(true);
      focusAgain(focusWas);
    }
  });

  // A laptop whose lid is closed, or a Wi-Fi gone, breaks no connection: the stream just falls silent. The laptop
  // says it is there at least every few seconds ("alive"); after a longer silence the page says it lost contact
  // and opens its stream again, until the laptop answers.
  const events = document.body.dataset.events;
  if (window.EventSource && events) {
    let heard = Date.now();
    const hear = () => {
      heard = Date.now();
    };
    const follow = () => {
      const stream = new EventSource(events);
      source = stream;
      stream.addEventListener("view", (event) => {
        hear();
        show(event.data, { pushed: true });
      });
      stream.addEventListener("alive", hear);
      stream.addEventListener("closed", (event) => {
        show(event.data);
        stream.close();
        clearInterval(watching);
        followAgain = () => {}; // joining has ended: this address serves nothing now
        stopped = true;
        lookForLaptop();
      });
      stream.addEventListener("open", () => {
        hear();
        waitForLaptop(false);
      });
      stream.addEventListener("error", () => {
        if (stream.readyState === EventSource.OPEN) return;
        stream.close(); // opened again once a look finds the laptop, rather than by the browser every 3 s
        waitForLaptop(true);
      });
    };
    followAgain = () => {
      hear(); // the new stream gets as long as the first to say something
      follow();
    };
    const watch = () =>
      setInterval(() => {
        if (Date.now() - heard < silenceMs || source.readyState === EventSource.CLOSED) return; // closed: looks open it
        // Put away, nobody would read it (shown again, noticed within a second); refused, it would be refused too.
        if (document.hidden || refusedUntil > Date.now()) return;
        // Silence on a stream that looks open: a stopped laptop. This stream waits (unanswered until the laptop
        // wakes, when it opens at once); looks go on beside it.
        source.close();
        followAgain();
        waitForLaptop(true);
      }, Math.min(1000, silenceMs / 4));
    followOnceBack = () => {
      followAgain = () => {
        hear();
        follow();
      };
      followAgain(); // its first view takes the place of "Joining has ended"
      watching = watch();
    };
    watching = watch();
    follow();
  }
})();
