# ruff: noqa: E501 (patterns read best one alternative after another, not wrapped mid-phrase)
"""The shipped crisis words: phrases and stems per language, written for the matcher in crisis.py.

Every network matches these; a network's own words (CrisisTerm rows) are added to them.

Each entry is (label, pattern). The label is what a coordinator sees on a flagged request. The
pattern is a regular expression over *normalised* text (see crisis.normalise: lower case, no
diacritics, so "й" is written "и", "ё" is "е", "ę" is "e", "ł" is "l"), with four shorthands:

    " "    separators (spaces, punctuation), or none: "kill myself" also matches "killmyself"
    "~"    an optional separator: "не~хоч" also matches "нехочу"
    " … "  up to two other words in between, within one sentence: "не хочу больше жить"
    "*"    any ending of the word: "самоуби*" matches самоубийство, самоубийства, самоубийца

A pattern always starts at the beginning of a word. A label that starts with "!" is skipped when
a negation comes right before it ("I don't want to die", «не хочу умирать»).

False positives: on a peer line a flag that was not needed costs a coordinator a minute, a missed
one can cost a life, so the lists lean towards flagging. What they leave alone are idioms that
nobody reads as crisis: «убить время», «умереть со смеху», "killing time", "I could die
laughing", "zabić czas" (see HARMLESS_AFTER in crisis.py), and ordinary words that merely share a
stem ("gwałtownie", «повесить картину», "hit the road").
"""

# Words that may follow a wish to live somewhere or with someone, not a wish not to live.
_LIVE_WITH = r"(?![\W_]+(?:с|со|вместе|у|рядом|здесь|тут|там|без|по|в~(?:общежитии|общаге|" \
             r"городе|деревне|квартире|доме|москве|россии|съемн\w*))(?!\w))"
_ZYC_WITH = r"(?![\W_]+(?:z|ze|razem|u|tutaj|tu|tam|bez|na|w~(?:akademiku|miescie|domu|" \
            r"mieszkaniu|bloku|warszawie|polsce|wsi))(?!\w))"
_LIVE_EN_WITH = r"(?![\W_]+(?:with|in|here|there|near|at|without|alone|on)(?!\w))"

RU = [
    ("суицид", r"суицид*"),
    ("самоубийство", r"самоуби*"),
    ("покончить с собой", r"поконч* (?:с~)?собо*|поконч* с~жизн*"),
    ("убить себя", r"уб(?:ить|ью|ил|ила|ивать|иваю|ивает|ьет|ьешь) себя|себя уб(?:ить|ью|ила?|ил)(?!\w)|убью?сь|убиться"),
    ("не хочу жить", r"не~(?:хоч*|хоте*|жела*|могу|могу больше|вижу смысла) … жит[ьи]" + _LIVE_WITH),
    ("не хочу жить", r"жить … не~(?:хоч*|хоте*|могу|за чем|зачем)" + _LIVE_WITH),
    ("не хочу жить", r"не~(?:хоч*|хоте*) … (?:просыпаться|существовать|быть на этом свете)"),
    ("незачем жить", r"(?:незачем|не~для~чего|не~ради~чего|нет смысла|нету смысла|не~за~чем) … жит[ьи]"),
    ("зачем жить", r"зачем (?:мне )?(?:жить|я живу)|смысл жизни потерян|устал[аи]? жить"),
    ("!хочу умереть", r"(?:хоч*|хоте*|хотелось бы|мечтаю) … (?:умереть|умирать|сдохнуть|помереть|"
                      r"исчезнуть навсегда|исчезнуть|не~существовать|не~проснуться|уснуть и не~проснуться)"),
    ("лучше бы я умер", r"лучше бы (?:я )?(?:умер*|сдох*|не~родил*)|лучше (?:умереть|сдохнуть)"),
    ("лучше бы меня не было", r"(?:лучше|легче) (?:бы )?(?:всем )?(?:будет )?(?:без меня|меня не~было|"
                              r"если бы меня не~было)"),
    ("уйти из жизни", r"(?:уйти|уиду|ухожу) из жизни"),
    ("свести счеты с жизнью", r"св(?:ести|еду|ела|ел|одить) сч[её]ты"),
    ("наложить на себя руки", r"налож* на себя руки|руки на себя налож*"),
    ("повеситься", r"повес(?:иться|илась|ился|ится|ишься)|повешусь|петл[юяи] на шею|в петлю"),
    ("вскрыть вены", r"(?:вскр|перерез|пореза|реза|резать)\w* (?:себе )?(?:вены|запяст*)|вены (?:вскр|резат|порез)*"),
    ("выпрыгнуть из окна", r"(?:вы|с|)(?:прыгн|прыгат|брош|брос|шагн)\w* (?:с|из|под) "
                           r"(?:окна|крыши|балкона|моста|многоэтажки|поезд|электричк|машин)\w*"),
    ("наглотаться таблеток", r"наглота\w* (?:таблет|снотворн|лекарств)\w*|(?:напи|выпи|выпью|съем|съел|"
                             r"проглоч|проглот)\w* (?:вс[еюя]|пачку|упаковку|горсть|банку) (?:таблет|снотворн|"
                             r"лекарств)\w*|передозиров*|отравить себя|отравлюсь"),
    ("самоповреждение", r"самоповрежд*|самоповреж*|селфхарм*|селф~харм*"),
    ("режу себя", r"(?:реж|пореж|резал|резала|порезала|порезал)\w* себя|себя (?:реж|пореж)\w*|"
                  r"(?:причиня|нанош|делаю)\w* себе (?:боль|вред|порезы|травм)\w*|порезы на (?:руках|ногах|запяст)\w*"),
    ("не вижу выхода", r"не~вижу (?:никакого )?выхода|выхода нет|нет выхода"),
    ("избивает", r"(?:из)?бь[её]т (?:меня|нас|ребенка|детей|маму|жену)|(?:меня|нас|ребенка|детей|жену) (?:из)?бь[её]т|"
                 r"избива*|избил*|побои|побил* (?:меня|нас)"),
    ("поднимает руку", r"подн(?:има|ял|яла)\w* на (?:меня|нас|ребенка|детей|жену|маму) руку|"
                       r"руку на (?:меня|нас|ребенка|детей)"),
    ("насилие", r"(?:из)?насил(?:и|ов|ь|уе|ует)\w*|надругал*"),
    ("угрожает убить", r"(?:угрожа|грози|грозит|обеща)\w* (?:меня |нас |мне |нам )?(?:убить|убииством|зарезать|"
                       r"прибить|задушить|покалечить)"),
    ("душит меня", r"душит меня|душил меня|пытался задушить"),
]

PL = [
    ("samobójstwo", r"samoboj*"),
    ("zabić się", r"zabi(?:c|je|jesz|ja|jemy|l|la|lam|lem) sie|sie zabi(?:c|je|ja|l|la)|zabi(?:c|je) siebie|"
                  r"zabijam sie|zabijac sie|zabila by[mc] sie|zabil by[mc] sie"),
    ("odebrać sobie życie", r"odebr* sobie zyci*|odbior* sobie zyci*|targn* sie na (?:wlasne )?zyci*|"
                            r"skonczyc ze soba|skoncze ze soba|skonczyc z (?:tym|zyciem) wszystkim|skonczyc z zyciem"),
    ("nie chcę żyć", r"nie~(?:chce|chcial\w*|mam ochoty|mam sily|potrafie|moge) … zyc(?!\w)" + _ZYC_WITH),
    ("nie chcę żyć", r"zyc … nie~(?:chce|chcial\w*|moge|mam po co)(?!\w)"),
    ("nie chcę żyć", r"nie~(?:chce|chcial\w*) … (?:sie budzic|sie obudzic|istniec)"),
    ("nie ma sensu żyć", r"(?:nie~ma|nie~widze|bez) (?:zadnego )?sensu … (?:zyc|zycia)|nie~mam po~co zyc|"
                         r"nie~mam dla~kogo zyc|po~co (?:mam )?(?:zyc|zyje)|zmeczon[ya] zyciem|mam dosc zycia"),
    ("!chcę umrzeć", r"(?:chc*|marze\w*) … (?:umrzec|umierac|zniknac na zawsze|zniknac|nie~istniec|zasnac i "
                     r"sie nie~obudzic|nie~obudzic sie)"),
    ("lepiej żebym nie żył", r"lepiej (?:by|zeby|gdyby)\w* (?:mnie nie~bylo|nie~zyl\w*|umarl\w*)|"
                             r"(?:wszystkim|im) (?:bedzie )?lepiej beze mnie|gdyby mnie nie~bylo|"
                             r"lepiej (?:bylo|byloby) umrzec|wolal\w* bym umrzec|wolal\w* umrzec"),
    ("powiesić się", r"powie(?:sic|sze|sil\w*|szam) sie|sie powie(?:sic|sze|sil\w*)|petla na szyj*|stryczek"),
    ("skoczyć z mostu", r"(?:wy|)skocz\w* (?:z|przez|pod) (?:mostu|dachu|okna|balkonu|wiezowca|bloku|pociag)\w*|"
                        r"rzuc\w* sie pod (?:pociag|samochod|tramwaj|auto)\w*"),
    ("podciąć żyły", r"(?:podci|przeci|podetn)\w* (?:sobie )?zyly|zyly (?:podci|przeci)\w*"),
    ("tnę się", r"(?:tne|tniesz|tnie|ciac|cial(?:a|am|em)?|ciel(?:a|am)|pocial\w*|pociel\w*) sie|sie (?:tne|tnie|cial(?:a|am|em)?|ciel(?:a|am)|pocial\w*|pociel\w*)|"
                r"samookalecz*|okalecz\w* sie|sie okalecz\w*|krzywdz\w* (?:sie|siebie)|"
                r"z?robi\w* sobie krzywd\w*|zadaj\w* sobie bol|samouszkodz*|selfharm*|self~harm*"),
    ("przedawkować", r"przedawkow*|nalyka\w* sie (?:tabletek|lekow|prochow)|"
                     r"(?:lykn|polkn|wezm|wzie)\w* (?:wszystkie|cale opakowanie|garsc) (?:tabletek|tabletki|lekow|leki)"),
    ("nie widzę wyjścia", r"nie~widze (?:zadnego )?wyjscia|nie~ma (?:juz )?wyjscia"),
    ("bije mnie", r"(?:bije|bil|bila|pobil\w*|katuje|skatowal\w*|kopie) (?:mnie|nas|dzieci|dziecko|zone|mame)|"
                  r"(?:mnie|nas|dzieci|dziecko) (?:bije|bil|bila|pobil\w*|katuje|kopie)"),
    ("przemoc", r"przemoc(?:y|a|owy\w*|owa\w*)?(?!\w)|niebiesk\w* kart(?:a|y|e|ie)?(?!\w)|znecani*|"
                r"znecaj\w*|zneca sie"),
    ("gwałt", r"zgwalc*|gwalt(?:u|em|ach|y|ow)?(?!\w)|gwalci(?:l|la|c)?(?!\w)|molest*"),
    ("grozi mi śmiercią", r"groz\w* (?:mi |nam )?(?:smiercia|zabiciem|ze (?:mnie|nas) zabije)|"
                          r"odgraz\w* sie ze (?:mnie|nas) zabije"),
]

EN = [
    ("suicide", r"suicid*"),
    ("kill myself", r"kill(?:ing|ed)? (?:my~self|meself)|kms(?!\w)|off myself"),
    ("end my life", r"(?:end|ending|take|taking|took) (?:my|me) (?:own )?life|end (?:it all|everything)|"
                    r"(?:end|ending) it (?:all|tonight)"),
    ("!want to die", r"(?:want|wanna|wanted|wanting|wish|would like|d like) (?:\w+ )?(?:to )?"
                     r"(?:die|be dead|not exist|not be here|disappear forever|go to sleep and never wake up|"
                     r"never wake up)(?!\w)"),
    ("don't want to live", r"(?:do|did)~n[o']?t (?:really )?want to (?:live|be alive|exist|wake up|go on)"
                           + _LIVE_EN_WITH + r"|dont want to (?:live|be alive|exist)" + _LIVE_EN_WITH),
    ("nothing to live for", r"(?:no|nothing|no reason|no point) (?:left )?(?:to live for|to live|in living)|"
                            r"what(?:'s| is) the point of living|tired of (?:living|life|being alive)"),
    ("better off dead", r"better off (?:dead|without me)|wish i (?:was|were|had) (?:dead|never been born)|"
                        r"wish i (?:could )?(?:just )?die|rather be dead|won't be (?:here|around) (?:much longer|anymore)"),
    ("can't go on", r"can~n?[o']?t go on|cannot go on|can~n?[o']?t (?:take|do) (?:it|this) any~more|"
                    r"no way out|see no way out"),
    ("hang myself", r"hang(?:ing|ed)? (?:my~self|me)|noose"),
    ("jump off a bridge", r"jump(?:ing|ed)? (?:off|from|in front of) (?:a|the|my) (?:bridge|roof|building|"
                          r"balcony|train|car|window|cliff)"),
    ("overdose", r"overdos*|take all (?:my|the|of my) (?:pills|tablets)|swallow(?:ed)? (?:all )?(?:the |my )?"
                 r"(?:pills|tablets)"),
    ("self-harm", r"self~harm*|self~injur*|cutting (?:my~self|my wrists?|my arms?|my legs?)|"
                  r"cut my wrists?|cut my~self on purpose|(?:want|wanna|started|keep) (?:to )?cut(?:ting)? my~self|"
                  r"slit(?:ting)? (?:my|me) wrists?|hurting my~self|(?:want|wanna|going|started) to hurt my~self|"
                  r"hurt my~self on purpose|burning my~self|harm(?:ing)? my~self"),
    ("beats me", r"(?:he|she|husband|partner|father|dad|mother|mum|mom|boyfriend|girlfriend|wife|son|"
                 r"stepfather|stepdad|they) (?:\w+ )?(?:beat|beats|beating|hits|hit|hitting|punches|punched|"
                 r"kicks|kicked|chokes|choked|strangles|strangled|slaps|slapped|hurts|hurt) (?:me|us|the kids|"
                 r"my (?:child|children|kids|son|daughter|mum|mom))(?!\w)"),
    ("violence", r"(?<!non[\W_])violen*|battered"),
    ("abuse", r"(?<!substance\s)(?<!alcohol\s)(?<!drug\s)(?<!drugs\s)(?<!opioid\s)abus(?:e|ed|es|ing|er|ive)(?!\w)"),
    ("rape", r"rap(?:e|ed|es|ist|ing)(?!\w)|sexually assault*|molest*"),
    ("threatens to kill", r"threat(?:en|ens|ened|ening)? (?:to kill|to hurt)|"
                          r"(?:said|says) (?:he|she)(?:'ll| will) kill (?:me|us)"),
]

DEFAULT_TERMS = {"ru": RU, "pl": PL, "en": EN}
