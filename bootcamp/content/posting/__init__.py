"""Split a whole pasted job posting into the lines that describe the role's duties.

The role check takes a role description one line at a time; a facilitator more often has a
whole posting to hand, with its headings, company blurb, requirements and benefits. This
package finds the duty lines in it, in order, so the room judges duties and nothing else.

The rules, in the order they apply:

1. **Lines.** Any line ending (``\\n``, ``\\r\\n``, ``\\r``) ends a line; leading tabs count as
   indentation.
   A line with cells between tabs (a table pasted from Word) or pipes (a Markdown table) is its
   cell that says a duty (else a duties heading, else the first; in a header row the cell naming the duties wins
   over a short title that opens with a verb, "Share of time"); the other cells are left out as another column.
   Blank lines and rules (``---``, ``***``, a Markdown table's ``|---|``)
   separate blocks. Markdown quote marks, bold and italics are taken off; a Markdown link keeps its
   text. A web page's controls copied with its text ("…see more" ending a line, "Show less" alone on
   one, as LinkedIn folds a posting) are cut off, left out as boilerplate, and so are a PDF's page headers and
   footers: a page's number ("Page 2 of 3", "Acme · Confidential · Page 1 of 2"), and a short line that comes again
   at another page's edge (a form feed) or beside its number; a duty wrapped across the page is joined again.
2. **Headings.** A line is a heading when it is a Markdown heading (``## …``, or underlined
   with ``===``/``---``), wholly bold (``**…**``), ALL CAPS, ends in ``:`` (unless the next
   line goes on with the sentence in lower case, not as a list: "i. Developing …" is an item), is
   a numbered label of a few words ("KRA 1: Customer Strategy"), or is a short unpunctuated line
   naming a known section ("Responsibilities", "About us", "Benefits" …) that neither reads as a
   duty (a verb and its object: "Own all customer responsibilities") nor describes a thing
   ("Competitive salary and annual bonus" is a line of a list) nor states a term ("Job type: Full
   time"). An emoji before a known section's name decorates a heading ("🎯 What you'll do").
   A heading names the kind of section that follows until the next heading:

   - *duties*: responsibilities, duties, what you'll do, about the role, the role, in this role …
   - *other*: requirements, qualifications, person specification, skills, who you are, about
     us/<company>, benefits, what we offer, salary, location, how to apply, equal opportunity,
     physical demands, working conditions …
   - the usual headings of French, German, Spanish, Portuguese, Italian and Dutch postings are known too ("Vos
     missions", "Ihre Aufgaben", "Funciones"; "Profil recherché", "Wir bieten", "Requisitos", "Wat wij bieden" …).
   - a heading of neither kind ("Strategy:", "THE TEAM") is a sub-heading: the section it is
     in goes on (before any known heading, that is the introduction).

   A duties heading may have its first duties on its own line ("Responsibilities: Lead …", also
   inside a posting pasted as one paragraph: "… Director. Responsibilities: Lead …"), and
   a bold or italic label may name the duty after it ("**Customer strategy.** Define …", "-
   **Insight:** Share …", "*Operations*: Oversee …"), as may one to three capitalised words and a
   colon before a duty ("Customer Insight: Run …"): each is taken off as a heading, unless the
   label opens with a duty verb or names the job's terms ("**Location:** Remote (US)" stays whole,
   left out as boilerplate). So is a paragraph's first sentence of up to four words before a duty
   ("Strategy. Set the customer strategy …").

3. **Items.** A bullet (``-`` ``*`` ``•`` ``·`` ``–`` ``o`` ``▪`` …, the Symbol font's bullets that
   Word and PDFs paste (any of U+F020–U+F0FF), an emoji and a space: "✅ Own …"; bullets between items on one line,
   a list pasted flat, start one item each) or a number (``1.`` ``1)`` ``(a)`` ``a.``) starts an item, its
   mark taken off. A line without a mark (and no blank line before it) carries on the item or text
   above it when it was wrapped: it is indented, or it starts in lower case, or the line above ends
   in a comma, a hyphen or a word like "and", "the", "with" (but not "… any office can act on" +
   "Merge the …": a capitalised duty verb after a preposition starts a new line); or, after a long
   bulleted line (50 characters or more) that has not finished its sentence, whatever it starts
   with; or, after a line of prose of 70 characters or more that has not finished its sentence,
   when it finishes one and does not open with a duty verb ("… report to the Quality" +
   "Committee. They will …", as a PDF wraps it). Otherwise it starts new text, so "Sound like
   you?" after a short bullet stays apart, and a list that lost its bullets stays a list.
   **A plain list** is a list that lost its bullets: two or more lines of text between the same
   blank lines or headings, each at most 40 words, most not ending in ``.`` ``!`` or ``?``. Each
   of its lines is an item. Other text (not an item) is split into sentences: a paragraph becomes
   one line per sentence, and a list run into a sentence one line per item ("Responsibilities
   include: setting …; managing …; and reporting …", its lead-in left out as a heading; or three
   or more duties joined by semicolons, each opening with its verb). A sentence goes on after a
   common abbreviation ("the Sr. VP", "approx.", "e.g.", "etc.") and inside a decimal ("3.5"). An
   item stays whole however long it is. A bullet over more indented items ("* Customer strategy"
   over its "o …" items) is their label: a sub-heading, unless it opens with a duty verb. An
   indented item that is no duty of its own (in lower case, or opening with "Including", "Such
   as", "e.g.", "From", "Across", "With") goes on with the item above it, after ", " and in lower
   case ("Map the customer journey, including onboarding …"; another after ": "); one that opens
   with a duty verb is its own.
4. **Which lines are kept.**

   - When the posting has a *duties* heading, only what is under duties headings is kept, and the
     sentences of the introduction (before any known heading) that say what you or the role will
     do ("In this role you will shape …", "The successful candidate will be responsible for …";
     not "You'll be joining …", "You will get to …").
   - When it has none, what is not under an *other* heading is kept when it reads as a duty:
     every bulleted or numbered item; every line of a plain list, unless it names something (a
     company, a title, a place: every word capitalised) or speaks for the company ("We …", "Our
     …"); and each sentence that starts with a duty verb ("Lead", "Owns", "Building", "Tracked" …),
     perhaps after an adverb ("Personally handle …") or a short lead-in phrase and a comma ("Where
     needed, take over …", "In partnership with Sales, design …"), or says what you or the role will
     do ("You will …", "responsible for"). Its first line, when a few capitalised words name a role
     ("Head of Customer Success", "Lead Customer Success Manager"), is the posting's title, though
     "Head" and "Lead" are duty verbs too.
   - One sentence given alone (a duty typed, or a file of one line) is that duty, whatever its first
     word, unless it names something or speaks for the company, as in a plain list.
   - Either way, never boilerplate (equal-opportunity statements, pay and benefits, location and
     contract terms ("Remote (US)"), how to apply, the company's blurb, the catch-all "other duties
     as assigned", a job board's tracking tags "#LI-Remote #LI-JD1"; a sum of money, or a
     benefit's name, is pay unless a duty's verb opens the line: "Approve claims above £500", "Lead
     patient experience across the health care system", but not "Support your wellness with a
     gym"), requirements of the person ("10+ years of experience", "Bachelor's degree", "Excellent
     communication skills", "Nice to have: French or Spanish", "You have …", "You are …" but not
     "You are responsible for …") or questions ("Sound like you?"). A paragraph with an
     equal-opportunity statement goes whole.

The result is the list of duty lines, whitespace tidied, a list's trailing ";" or "; and"
taken off, and the first letter of a duty cut out of a longer line (a run-in list's item, the
duty after a label) made a capital; nothing is invented or reworded. :func:`split_posting`
also gives every line left out, each with its kind (heading, outside the duties, requirement,
boilerplate, question, not read as a duty) and why, so that a front end can say what was left
out: no duty is dropped unsaid.

Its modules, in the order a posting goes through them: ``lines`` reads the text into lines of a
kind (with ``page_furniture``, ``tables``, ``labels`` and ``marks``), ``pieces`` assembles them into
items, text and headings, and ``split`` keeps the duty lines; ``sections``, ``vocabulary``, ``duties``
and ``prose`` hold what it knows of headings, words, single lines and sentences, ``result`` what it
gives back, ``text`` the small helpers they all share.
"""

from __future__ import annotations

from bootcamp.content.posting.duties import reads_as_duty, says_what_you_will_do
from bootcamp.content.posting.prose import run_in_list, sentences
from bootcamp.content.posting.result import LeftOut, LeftOutKind, Split, left_out_counts
from bootcamp.content.posting.sections import SectionKind, section_kind
from bootcamp.content.posting.split import duty_lines, split_posting

__all__ = [
    "LeftOut",
    "LeftOutKind",
    "SectionKind",
    "Split",
    "duty_lines",
    "left_out_counts",
    "reads_as_duty",
    "run_in_list",
    "says_what_you_will_do",
    "section_kind",
    "sentences",
    "split_posting",
]
