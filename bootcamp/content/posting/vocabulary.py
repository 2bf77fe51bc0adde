"""The words that say what a line of a posting is: boilerplate (equal opportunity, pay, terms, how to apply, the
company's blurb), a requirement of the person, or a duty (its verbs, the adverbs and lead-ins before them, who is
said to do the work)."""

from __future__ import annotations

import re

from bootcamp.content.posting.text import _words

# Each is searched in the line's lower-case text, apostrophes straightened.
_BOILERPLATE = {
    "equal opportunity": re.compile(
        r"\bequal (?:employment )?opportunit|\beeo\b|\baffirmative action\b|\bregardless of\b|\bwithout regard to\b"
        r"|\bprotected (?:veteran|characteristic|class|status)|\breasonable (?:adjustment|accommodation)"
        r"|\bcelebrate diversity\b|\b(?:committed|commitment) to (?:diversity|inclusion|equal|an inclusive|building a diverse)"
        r"|\ball qualified applicants\b"
    ),
    "pay and benefits": re.compile(
        # "compensation" is the job's pay, not "redress and compensation for upheld complaints" "compensation plans",
        # "compensation decisions" or what customers are granted ("mass compensation", "goodwill compensation")
        r"\bsalary\b|(?<!mass )(?<!goodwill )(?<!customer )(?<!player )(?<!individual )"
        # … or what a duty's verb pays, cuts or limits ("cut compensation the company need not pay")
        r"(?<!cut )(?<!cuts )(?<!reduce )(?<!reduces )(?<!limit )(?<!limits )(?<!approve )(?<!approves )(?<!award )"
        r"(?<!awards )(?<!grant )(?<!grants )(?<!pay )(?<!pays )(?<!offer )(?<!offers )(?<!agree )(?<!agrees )\bcompensation\b"
        r"(?!\s(?:to|claims?|payments?|cases?|requests?|plans?|models?|structures?|decisions?)\b"
        r"|\sfor (?!this|the (?:role|position|job)))"
        r"|\bbonus scheme\b"
        r"|\b(?:competitive|generous|great|comprehensive|attractive) (?:salary|package|benefits|pay)\b"
        r"|\bbenefits (?:include|package)\b|\bpension\b|\b401\s?\(?k\)?|\bhealth (?:insurance|care|plan|cover)\b|\bdental\b"
        r"|\bpaid (?:time off|leave|holidays?)\b|\bpto\b|\b(?:annual|parental) leave\b|\bdays'? (?:holiday|vacation|leave)\b"
        r"|\b(?:stock|share) options\b|\bequity (?:package|grant)\b|\bwellness\b|\bgym\b|\bperks?\b"
    ),
    # the catch-all at the end of a list of duties says nothing about the role
    "other duties as assigned": re.compile(
        r"\b(?:any |such |all )?other (?:related |reasonable |similar |ad[- ]hoc |appropriate )*duties\b"
        r"|\bduties (?:as|that may be) (?:assigned|required|directed|requested)\b|\bcommensurate with the (?:grade|level|post|role)\b"
    ),
    "location and terms": re.compile(
        r"^(?:location|salary(?: range| band)?|base (?:salary|pay)|compensation|pay(?: range| scale| band)?"
        r"|remuneration|work(?:place)? (?:location|type)|contract type|seniority level"
        r"|reports? to|reporting line|start date|contract|hours|job type"
        r"|employment type|closing date|department|directorate|division|business unit|service area|level|grade|band"
        r"|responsible to|accountable to|line manager|direct reports|ref(?:erence)?|job (?:title|id|ref|family)"
        # "Location: Leeds", "Location – Leeds", but not "Company-wide …" or "Department-level …"
        r"|(?:work )?schedule|shifts?|working hours|hours of work|work pattern|company|employer|travel)\s*(?::|[\-–](?=\s))"
        r"|^(?:full|part)[- ]time\b"
        # "Remote (US)", "Hybrid – London": where the job is, a line of its own
        r"|^(?:fully |100% )?(?:remote|hybrid|on-?site|in[- ]office)(?:$|\s*[(\-–—,·|/].{0,60}$)"
        # "an office-based role", but not "keep the back office working" (a part of the business named as a duty's object)
        r"|\b(?:remote|hybrid|on-?site|(?<!back )(?<!front )(?<!head )(?<!box )office)[- ](?:first|working|role|position|based|friendly)\b"
        r"|\b(?:fully|partly) remote\b"
        r"|\bwork(?:ing)? from home\b|\b(?:based|located) (?:in|at|out of)\b|\brelocation\b|\bvisa sponsorship\b"
        r"|\b(?:full|part)[- ]time (?:position|role|contract|permanent)\b|\btravel (?:up to|\d+\s?%)"
    ),
    "how to apply": re.compile(
        r"\bapply (?:now|today|here|online|via|through|by|with|for this)\b|\bhow to apply\b"
        r"|^to apply\b|\bto apply(?:,| for (?:this|the) (?:role|job|position|vacancy)| (?:please|visit|click|online))"
        r"|\b(?:send|submit|email) (?:us )?(?:your|a) (?:cv|resume|résumé|application|cover letter)|\bcover letter\b"
        r"|\bclick (?:here|the|below|apply)\b"
        # "the reasons customers (need to) get in touch" are contact reasons, a duty's object, not how to apply
        r"|(?<!customers )(?<!clients )(?<!members )(?<!patients )(?<!users )(?<!people )(?<!residents )(?<!they )(?<!who )"
        r"(?<!need to )(?<!needs to )(?<!have to )(?<!has to )\bget in touch\b(?! with (?!us\b|me\b|our\b|the (?:recruit|hiring|talent|hr\b|people)))|\brecruitment agenc|\bclosing date\b"
        r"|\binterview process\b|https?://|\bwww\.|(?<=\w)@[\w-]+\.[a-z]"
        # "Find out more …", "See our website …": the verbs postings use for duties open these too
        r"|\b(?:find out|learn|read) more\b|\b(?:visit|see|check out) our (?:website|site|careers?|jobs)\b"
        r"|\b(?:our|the) (?:careers?|jobs) (?:page|site|portal)\b|\b(?:call|contact|email) us\b|\breach out to us\b"
    ),
    # "#LI-Remote #LI-JD1": a job board's tags for tracking the posting, a line of nothing else
    "tracking tags": re.compile(r"^#[\w-]+(?:[\s,]+#[\w-]+)*$"),
    "company blurb": re.compile(
        r"^(?:we are|we're|we have|we've|we offer|we believe|we value|we welcome|founded|headquartered|join (?:us|our|a)"
        r"|our (?:company|mission|team|culture|values|story|vision|people|purpose|clients))\b"
        r"|\b(?:is|are) (?:a|an|the) (?:leading|fast[- ]growing|global|award[- ]winning|market[- ]leading|world[- ]class"
        r"|innovative|leader)\b|\bexciting (?:opportunity|time)\b|\bwe(?:'re| are) (?:looking|seeking|hiring|searching|growing)\b"
        r"|\bis (?:looking|seeking|hiring) (?:for )?(?:a|an)\b|\bjoin (?:us|our team)\b"
    ),
}

# What the person must bring, not what the role does. Mostly anchored at the start: "Strong …"
# starts a requirement, while "build strong relationships" is a duty.
_REQUIREMENT = re.compile(
    r"^(?:at least |a minimum of |minimum |min\.? |over |more than )?\d+\s*\+?\s*(?:years?|yrs)\b"
    r"|\b\d+\s*\+?\s*(?:years?|yrs)['’]?\s.{0,40}\b(?:experience|leadership|background|track record)\b"
    r"|^(?:an? )?(?:bachelor|master|mba|phd|doctorate|degree|university degree|diploma)\b|\bdegree (?:in|or)\b|\bdegree-level\b"
    r"|\b(?:mba|phd)\b (?:preferred|desirable|required|a plus)"
    r"|^(?:an? )?(?:excellent|strong|outstanding|exceptional|proven|demonstrated|demonstrable|solid|deep|extensive|good"
    r"|superb|great|significant|substantial)\b.{0,60}\b(?:skills|abilit(?:y|ies)|experience|track record|understanding"
    r"|knowledge|communicator|background|record|acumen|presence)\b"
    r"|^(?:relevant |prior |previous |hands-on |senior )?(?:experience|knowledge|understanding|familiarity|expertise"
    r"|fluency|proficiency|background)\b"
    r"|^(?:\w+ )?(?:communication|interpersonal|analytical|presentation|negotiation) skills\b"
    r"|^(?:ability|able|willing(?:ness)?|capacity) to\b|^(?:fluent|native)\b|^(?:must|should) (?:have|be)\b"
    # "You are …" is the person, but "You are responsible for …" is the duty
    r"|^you(?:(?: are|'re)(?! (?:responsible|accountable|in charge)\b)| have|'ve| bring| can| need| will have|'ll have"
    r"| will bring|'ll bring| must)\b"
    r"|\b(?:ideal|successful) candidate (?:will )?(?:have|has|be|is|brings?)\b"
    r"|\b(?:is|are) (?:required|essential|desirable|preferred|a plus|an advantage|a bonus|beneficial)\b"
    r"|\b(?:preferred|desirable|a plus|an advantage|nice to have)\W*$"
    # "Nice to have: French or Spanish.", "Bonus: Salesforce admin": the label a requirement is given
    r"|^(?:nice|good|great|must)[- ]to[- ]have\b|^(?:must[- ]have|desirable|preferred|bonus(?: points)?|a plus)\s*:"
    r"|^(?:an? )?passion(?:ate)? (?:for|about)\b|^(?:an? )?self[- ]starter\b|^comfortable (?:with|in)\b"
    r"|^(?:ideally|preferably)\b"  # "Ideally, you will have led …": the person, though "you will" follows
)

# Prose (not a bulleted item) is kept, when no heading says where the duties are, only when
# it reads as a duty: it starts with one of these verbs, in any of its forms ("-s", "-ing", "-ed",
# "-ies", a doubled consonant; "-ize" as "-ise"), perhaps after an adverb ("Personally handle …") or a
# lead-in phrase ("Where needed, take over …"), or says who will do what. The verbs are the ones postings
# use for duties; a phrasal verb is known by its first word ("Look after", "Roll out", "Line up").
DUTY_VERBS = _words(
    """
    accelerate accept achieve acknowledge act adapt add address adjust administer adopt advise advocate agree align
    allocate amend analyse answer anticipate apply appoint approve argue arrange articulate ask assess assign assist
    assure attend attract audit authorise award balance be benchmark boost bridge brief bring broaden broker budget
    build calculate call capture carry categorise celebrate chair challenge champion change check choose clarify
    classify close coach collaborate collect combine come commission communicate compare compile complete comply
    conduct connect consider consolidate consult contact contribute control convert convince coordinate craft create
    cultivate curate cut deal decide decline deepen define delegate deliver demonstrate deploy describe design detect
    determine develop devise diagnose digitise direct discover discuss dispatch distribute do document draft draw
    drive earn educate elevate eliminate email embed embody empower enable encourage enforce engage enhance enlist
    enrich ensure equip escalate establish estimate evaluate evangelise examine exceed execute expand explain explore
    extend facilitate feed fight finalise find fix follow forecast foresee forge formulate foster frame fund gain
    gather gauge generate get give govern grow guide handle harmonise harness head hear help highlight hire hit hold
    host identify illustrate implement improve incorporate increase influence inform initiate innovate insist inspect
    inspire install instil institute integrate interpret interview introduce invent invest investigate invite issue
    judge justify keep know land launch lay lead learn leverage liaise lift line link listen lobby locate log look
    lower maintain make manage map match maximise measure mediate meet mentor merge minimise mitigate mobilise model
    modernise modify monitor motivate move name navigate negotiate notice notify nurture observe obtain offer onboard
    open operate optimise orchestrate organise originate outline oversee own participate partner perform persuade
    phone pilot pioneer pitch plan play predict prepare present press prevent prioritise probe process procure
    produce promote propose prospect protect prove provide publish pull purchase pursue push put qualify question
    raise reach read realise rebuild receive recognise recommend reconcile record recruit rectify redesign redirect
    reduce refer refine reflect refresh regulate reinforce relate release remain remove renew reorganise repair
    replace reply report represent request research reshape resolve resource respond restore restructure retain
    revamp review revise revitalise reward rework roll route run safeguard save scale schedule search secure see seek
    select sell send separate serve set settle shape share shift show sign simplify sit solve sort source speak
    spearhead specify spell spend sponsor spot spread staff standardise start stay steer step stimulate stop streamline
    strengthen structure study submit suggest summarise supervise supply support survey sustain synthesise tackle
    tailor take target teach tell test track train transfer transform translate travel triage troubleshoot tune turn
    uncover understand undertake unify unlock update upgrade uphold upsell upskill urge use utilise validate verify
    visit volunteer watch win work write
    """
)
# Adverbs that may come before a duty's verb ("Personally handle …", "Also owns …"), besides any word in "-ly".
_ADVERBS = _words("also then always often jointly together further directly personally")
# Words that open a lead-in phrase, before a comma and the duty ("Where needed, take over …", "In partnership
# with Sales, design …"). A duty after any comma would take "Customers, staff and partners …" for one.
_LEAD_INS = _words(
    """
    in with where when whenever as together alongside through across from for on at by under within if once after
    before while following using working acting partnering beyond besides
    """
)
# Who a posting says does the work, besides "you".
_THE_ROLE = r"(?:the|this) (?:role|position|cco|chief customer officer|post ?holder|successful candidate)"
_SAYS_WHO_DOES_WHAT = re.compile(
    rf"\byou(?:'ll| will| would)\b|\b{_THE_ROLE} (?:will|is responsible|is accountable|owns|leads)\b"
    r"|\b(?:responsible|accountable) for\b|\bin charge of\b|\byour (?:job|role|remit|mission) (?:is|will be)\b"
)
