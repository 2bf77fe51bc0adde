"""What a heading says the section under it is: the headings of duties, of everything else (the person wanted, the
company, pay, how to apply) and of the role itself, in English, French, German, Spanish, Portuguese, Italian and
Dutch postings."""

from __future__ import annotations

import re
from enum import Enum

from bootcamp.content.posting.text import _plain

# Checked in this order, each a search in the heading's lower-case text: a heading that wraps the
# whole posting ("About the job" on LinkedIn, "Full job description") says nothing; then a heading
# that names duties outright wins ("Responsibilities and requirements"); then one that names
# something else ("What you'll bring", "About Acme"); then the looser words for the role itself.
_WRAPPER_HEADING = re.compile(r"^(?:about (?:the|this) job|(?:full )?job (?:description|details|advert|posting))$")
_DUTY_HEADING = re.compile(
    r"responsibilit|\bduties\b|\baccountabilit|\bday[- ]to[- ]day\b"
    # "Essential functions" (US job descriptions), "Key tasks", "Key result areas", "What the job involves"
    r"|\b(?:essential|key|main|principal|primary|core|major|job) (?:job )?(?:functions|tasks)\b|^(?:your )?tasks$"
    r"|\bkey (?:result|performance) areas\b|\bkey (?:deliverables|outputs|activities)\b"
    r"|\bwhat (?:the|this) (?:job|role|position) (?:involves|entails|includes)\b"
    r"|\bwhat (?:you(?:'ll| will| would)|the role will) (?:do|own|lead|drive|be doing|achieve|deliver|work on)\b"
    # the same in French, German, Spanish, Portuguese, Italian and Dutch postings: "Vos missions", "Ihre Aufgaben",
    # "Funciones", "Principais atribuições", "Mansioni", "Taken en verantwoordelijkheden"
    r"|\bmissions\b|\bt[âa]ches\b|\bresponsabili[td]|\bactivit[ée]s principales\b|\bprincipales activit[ée]s\b"
    r"|aufgaben|\bverantwortlichkeit|\bt[äa]tigkeiten\b|\bfunciones\b|\btareas\b|\batribui[çc][õo]es\b"
    r"|\bmansioni\b|^(?:(?:jouw|je|uw|de|belangrijkste) )?taken\b|\bverantwoordelijkheden\b|\bwat ga je doen\b"
)
# A duties heading's own words at the start of a longer heading, not a sentence about them ("Responsibilities include …")
_DUTY_HEADING_PHRASE = re.compile(
    r"^(?:(?:key|main|principal|primary|core|major|essential|specific|general|job|your|the role's) )*"
    r"(?:duties|responsibilities|accountabilities|functions|tasks)\b(?! (?:include|includes|are|is|will|cover|involve))"
)
_OTHER_HEADING = re.compile(
    # the person wanted
    r"requirement|qualification|\bcompetenc|\beducation\b|\bcertification|\bperson spec|\b(?:selection|essential|desirable) criteria\b"
    r"|^(?:(?:required|relevant|your|key|essential|desired|preferred|professional|work|previous|technical) )?"
    r"(?:experience|skills)\b"
    r"|\bwho you are\b|\bwhat you(?:'ll| will)? (?:bring|need)\b|\bwhat we(?:'re| are) looking for\b|\byou (?:have|bring|are)\b"
    r"|\b(?:ideal|successful) candidate\b|\byour (?:profile|background)\b|\b(?:nice|must)[- ]to[- ]haves?\b"
    r"|\bmust[- ]haves?\b|\bbonus points\b"
    # the conditions of the work (US job descriptions end with these)
    r"|\bphysical (?:demands|requirements|effort)\b|\bwork(?:ing)? (?:conditions|environment)\b|\btools and equipment\b"
    # the company
    r"|^about (?!(?:the|this) (?:role|position|opportunity))|\bwho we are\b|\bthe company\b"
    r"|\bour (?:company|story|mission|values|culture|team)\b|\bcompany (?:overview|description)\b|\bthe team\b"
    # what it pays, where, how to apply, the legal statements
    r"|\bbenefits?\b|\bperks\b|\bwhat we(?:'ll| will)? (?:offer|give|provide)\b|\bwe offer\b|\bin it for you\b|\bwhy (?:join|work|you'll love)\b"
    r"|\bcompensation\b|\bsalary\b|^pay\b|\bpackage\b|\brewards?\b|^location\b|\bapply\b|\bapplication\b"
    r"|\b(?:hiring|interview) process\b|\bnext steps\b|\b(?:additional|other) information\b"
    r"|\bequal (?:employment )?opportunit|\beeo\b|\bdiversity\b|\binclusion\b"
    # the same in French, German, Spanish, Portuguese, Italian and Dutch postings: "Profil recherché", "Ihr Profil",
    # "Das bringst du mit", "Wir bieten", "Avantages", "Requisitos", "Benefícios", "Wat wij bieden", "Über uns"
    r"|\bprofil\b|\bperfil\b|\bprofiel\b|\bexigences\b|\bcomp[ée]tences\b|\banforderungen\b|\bqualifikation"
    r"|\bkenntnisse\b|mitbring|\bbringst du mit\b|\bbringen sie mit\b|\brequisit[oi]s?\b|\bfunctie-?eisen\b"
    r"|\bwat (?:wij|we) vragen\b|\bwie ben (?:jij|je)\b"
    r"|\bnous (?:vous )?(?:offrons|proposons)\b|\bbieten\b|\bangebot\b|\bofrecemos\b|\boferecemos\b|\boffriamo\b"
    r"|\bbieden\b|\bavantages\b|\bvorteile\b|\bbeneficios\b|\bbenef[íi]cios\b|\bvantaggi\b|\barbeidsvoorwaarden\b"
    r"|\br[ée]mun[ée]ration\b|\bsalaire\b|\bgehalt\b|\bverg[üu]tung\b|\bsalario\b|\bsal[áa]rio\b"
    r"|\bcandidature\b|\bbewerbung\b|\bpostula|\bsollicit|\bcandidatura\b"
    r"|^(?:[àa] propos|[üu]ber uns|sobre (?:nosotros|n[óo]s)|over ons|chi siamo|qui sommes|wer wir sind|quem somos"
    r"|qui[ée]nes somos)\b"
)
# A short line that describes a thing is a line of a list, though it names a section ("Competitive salary").
_DESCRIBED = re.compile(
    r"^(?:competitive|generous|great|comprehensive|attractive|flexible|private|annual|enhanced)\b",
    re.IGNORECASE,
)
_ROLE_HEADING = re.compile(
    r"\b(?:role|position|job|opportunity|mission|impact|remit|will)\b|\byou'll\b|\bin this role\b"
    # "Le poste", "Votre rôle", "Ce que vous ferez", "Deine Rolle", "Was dich erwartet", "El puesto", "A vaga"
    r"|\b(?:poste|r[ôo]le|rolle|stelle|puesto|vaga|ferez|erwartet)\b"
)


class SectionKind(Enum):
    INTRO = "intro"  # before any heading the splitter knows
    DUTIES = "duties"
    OTHER = "other"


def section_kind(heading: str) -> SectionKind | None:
    """What a heading says the section under it is; ``None`` for a sub-heading (or one not known)."""
    text = _plain(heading).strip(" :-–—*_#")
    if _WRAPPER_HEADING.search(text):
        return None
    if _DUTY_HEADING.search(text):
        return SectionKind.DUTIES
    if _OTHER_HEADING.search(text):
        return SectionKind.OTHER
    if _ROLE_HEADING.search(text):
        return SectionKind.DUTIES
    return None
