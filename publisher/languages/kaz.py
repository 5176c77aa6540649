"""Қазақша: the site's words for Kazakh pages (the message catalogue) and how Kazakh writes a date.

Kazakh writes a date as "2014 жылғы 10 қазан" and declines the month where the sentence needs a
case: "10 қазаннан ерте емес" (ablative), "6 маусымға дейін" (dative), "17 қарашадағы № 408-V
Заңы" (locative + -ғы/-гі), "7 мамыр мен 6 маусым аралығында" (with мен/бен/пен).

    >>> format_date(date(2014, 10, 10)), format_date(date(2014, 10, 10), "abl")
    ('2014 жылғы 10 қазан', '2014 жылғы 10 қазаннан')
    >>> format_date(date(2016, 6, 6), "dat"), format_date(date(2015, 11, 17), "attr")
    ('2016 жылғы 6 маусымға', '2015 жылғы 17 қарашадағы')
    >>> format_date(date(2016, 3, 1), "short")
    '01.03.2016'

Kazakh nouns do not change after a numeral, so each plural table has only CLDR's ``one`` and ``other``.
"""

from __future__ import annotations

from datetime import date

# The twelve months in each case the messages use (vowel harmony and the final sound choose the suffix).
MONTHS: dict[str, tuple[str, ...]] = {
    "": ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
         "қараша", "желтоқсан"),
    "abl": ("қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан", "шілдеден", "тамыздан",
            "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан"),
    "dat": ("қаңтарға", "ақпанға", "наурызға", "сәуірге", "мамырға", "маусымға", "шілдеге", "тамызға",
            "қыркүйекке", "қазанға", "қарашаға", "желтоқсанға"),
    "loc": ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
            "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"),
    "attr": ("қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі",
             "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"),
    "com": ("қаңтар мен", "ақпан мен", "наурыз бен", "сәуір мен", "мамыр мен", "маусым мен", "шілде мен",
            "тамыз бен", "қыркүйек пен", "қазан мен", "қараша мен", "желтоқсан мен"),
}
FORMS = ("short", *MONTHS)


def format_date(d: date, form: str = "") -> str:
    if form == "short":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if form not in MONTHS:
        raise KeyError(f"Kazakh has no date form {form!r}")
    return f"{d.year} жылғы {d.day} {MONTHS[form][d.month - 1]}"


MESSAGES: dict[str, str | dict[str, str]] = {
    # the site and its menu
    "site_name": "zanlex — мемлекеттік көрсетілетін қызметтер туралы заңнама",
    "site_tagline": "Қазақстан Республикасының «Мемлекеттік көрсетілетін қызметтер туралы» Заңы және оған сәйкес "
                    "қабылданған заңға тәуелді актілер: үш тілдегі мәтіндер, кез келген күнгі редакциялар, "
                    "актілердің байланыстары және жария талқылаулар.",
    "menu.home": "Басты бет",
    "menu.acts": "Актілер",
    "menu.drafts": "Талқылаудағы жобалар",
    "menu.graph": "Актілердің байланыстары",
    "menu.downloads": "Жүктеу",
    "menu.search": "Іздеу",
    "menu.language": "Тіл",

    "lang.rus": "орыс тілі",
    "lang.kaz": "қазақ тілі",
    "lang.eng": "ағылшын тілі",
    "lang_in.rus": "орыс тілінде",
    "lang_in.kaz": "қазақ тілінде",
    "lang_in.eng": "ағылшын тілінде",
    "lang_of.rus": "орыс тіліндегі",
    "lang_of.kaz": "қазақ тіліндегі",
    "lang_of.eng": "ағылшын тіліндегі",

    "eff.exact": "{date:abl} бастап",
    "eff.lower": "{date:abl} ерте емес",
    "eff.window_note": "Актінің ресми жарияланған күні белгісіз, сондықтан күшіне ену күні — төменгі шек: "
                       "{date:abl} ерте емес.",
    "eff.window_latest": "Әдеттегі жариялау мерзімінде — {latest:dat} дейін.",
    "eff.explain": "Күн неге дәл емес",

    "act.law": "ҚР {date:attr} № {number} Заңы",
    "act.code": "ҚР {date:attr} № {number} Кодексі",
    "act.order": "{date:attr} № {number} бұйрық",
    "act.resolution": "{date:attr} № {number} қаулы",
    "act.other": "{date:attr} № {number} акт",
    "act.titled.law": "«{title}» Заңы",
    "act.titled.code": "{title}",
    "act.titled.order": "«{title}» бұйрығы",
    "act.titled.other": "«{title}»",
    "act.registered": "Әділет министрлігінде {date:loc} № {number} болып тіркелген",

    "kind.amended": "өзгерістер",
    "kind.new_wording": "жаңа редакция",
    "kind.inserted": "толықтыру",
    "kind.repealed": "алып тастау",
    "kind.heading_changed": "тақырыбын өзгерту",

    "unit.chapter": "{num}-тарау.",
    "unit.subchapter": "{num}-параграф.",
    "unit.article": "{num}-бап.",
    "ref.chapter": "{num}-тарау",
    "ref.subchapter": "{num}-параграф",
    "ref.article": "{num}-бап",
    "ref.paragraph": "{num}-тармақ",
    "ref.point": "{num} тармақша",
    "ref.unnumbered": "абзац",
    "ref.attachment": "қосымша",
    "ref.preamble": "кіріспе",
    "ref.sep": ", ",

    "run.one.chapter": "{a}-тарау",
    "run.many.chapter": "{a}–{b}-тараулар",
    "run.one.subchapter": "{a}-параграф",
    "run.many.subchapter": "{a}–{b}-параграфтар",
    "run.one.article": "{a}-бап",
    "run.many.article": "{a}–{b}-баптар",
    "run.one.paragraph": "{a}-тармақ",
    "run.many.paragraph": "{a}–{b}-тармақтар",
    "run.one.point": "{a} тармақша",
    "run.many.point": "{a}–{b} тармақшалар",
    "run.one.provision": "Ереже",
    "run.many.provision": {"one": "{count} ереже", "other": "{count} ереже"},
    "run.missing": "{units}: осы күні қолданыста болған мәтін корпуста жоқ.",
    "run.after": "Алдыңғы өзгеріс — {act} ({kind}), {eff} күшінде.",
    "run.before": "Келесі өзгеріс — {act} ({kind}), {eff} күшінде.",
    "run.timeline": "Өзгерістер хронологиясы",

    "prov.anchor": "Осы ережеге сілтеме",
    "prov.footnote": "Ескерту",
    "prov.other_lang": "Осы күнгі мәтін тек {lang_in} белгілі",
    "prov.other_lang.more": "Осы күні қолданыста болған {own_of} мәтін корпуста жоқ; анықтама үшін {lang_of} "
                            "мәтін келтірілген.",
    "prov.derived": "Мәтін өзгертуші акт бойынша қалпына келтірілген",
    "prov.derived.more": "Мәтін № {act} актісі енгізген өзгерістерді қолдану арқылы алынды: корпуста осы "
                         "мәтіні бар дереккөз жоқ.",
    "prov.derived.partial": "Мәтіннің бір бөлігі ғана белгілі.",
    "prov.uncertain": "Осы күні қолданылуы анықталмаған",
    "prov.uncertain.event": "{kind}: {act}, {eff} күшінде. Ереженің осы күні қолданыста болғаны анықталмаған.",
    "prov.uncertain.eif": "Акт {eff} күшіне енеді; оның осы күні қолданыста болғаны анықталмаған.",
    "prov.uncertain.history": "Ереже тек кейінгі мәтінде бар; оның қашан қосылғаны жазылмаған.",
    "prov.uncertain.wording": "Бұл мәтіннің осы күні қолданыста болғаны дәлелденбеген: ол ертерек мәтіннен алынған, ал ереже кейін бұл туралы жазбасыз өзгертілуі мүмкін.",
    "prov.uncertain.generic": "Ереженің осы күні қолданыста болғаны туралы корпуста мәлімет жоқ.",
    "prov.missing": "Осы күні қолданыста болған мәтін корпуста жоқ.",

    "expr.current": "Қолданыстағы редакция",
    "expr.version_of": "{date:attr} редакция",
    "expr.version_lower": "{date:abl} ерте емес қолданылатын редакция",
    "expr.title_version": "{title} ({date:attr} редакция)",
    "banner.from.exact": "{date:abl} бастап қолданылады",
    "banner.from.lower": "{date:abl} ерте емес қолданылады",
    "banner.next.exact": "келесі редакция — {date:abl} бастап",
    "banner.next.lower": "келесі редакция — {date:abl} ерте емес",
    "banner.current": "қазір де қолданыста",
    "banner.coverage": {"one": "{count} баптың {known} бабының қазақ тіліндегі мәтіні белгілі.",
                        "other": "{count} баптың {known} бабының қазақ тіліндегі мәтіні белгілі."},
    "nav.version": "Редакция",
    "nav.go": "Өту",
    "nav.previous": "Алдыңғы редакция ({date})",
    "nav.next": "Келесі редакция ({date})",
    "nav.diff_previous": "Алдыңғы редакциямен салыстыру",
    "nav.diff_current": "Қолданыстағы редакциямен салыстыру",
    "nav.timeline": "Өзгерістер хронологиясы",
    "nav.parallel": "Үш тілдегі мәтіндер",
    "nav.graph": "Заңға тәуелді актілер мен сілтемелер",
    "nav.download": "Жүктеу",
    "nav.work": "Акт туралы",
    "toc.title": "Мазмұны",
    "attachment": "Қосымша",

    "asof.title": "Мәтіннің жай-күйі",
    "asof.date": "{date:attr} жағдай бойынша",
    "asof.edition": "Мәтін {date:attr} ресми редакциямен салыстырылды",
    "asof.edition_cause": "өзгерістер енгізген акт: {cause}",
    "asof.consolidated": "Мәтін шоғырландырылған мәтінмен салыстырылды; онда ескерілген соңғы өзгеріс — {act}.",
    "asof.consolidated_unknown": "Мәтін шоғырландырылған мәтінмен салыстырылды; онда қандай өзгерістер "
                                 "ескерілгені көрсетілмеген.",
    "asof.original": "Мәтін бастапқы редакциядағы мәтінмен салыстырылды: онда өзгерістер ескерілмеген.",
    "asof.per_provision": "Әр ереже үшін редакция күнінде қолданыста болған мәтін келтіріледі; ол белгісіз "
                          "болса немесе басқа тілдегі мәтіннен алынса, бұл көрсетіледі.",
    "asof.source": "Ресми дереккөз",
    "asof.built": "Сайт {date:loc} құрастырылды.",
    "asof.outstanding": "Бұл мәтінге әлі енгізілмеген өзгерістер",
    "asof.outstanding.intro": "Бұл актілер мәтіні осы тілде мұнда белгісіз ережелерді өзгертті:",
    "asof.outstanding.none": "Белгілі өзгерістердің бәрі мәтінге енгізілген.",
    "asof.outstanding.item": "{act} — {eff} күшінде, {count}",
    "asof.provisions": {"one": "{count} ереже", "other": "{count} ереже"},
    "print.header": "{title} · {lang} · {date:attr} жағдай бойынша",

    "timeline.title": "Өзгерістер хронологиясы",
    "timeline.intro": "Өзгерістер күшіне ену күні бойынша реттелген. «…ерте емес» — төменгі шек: актінің ресми "
                      "жарияланған күні белгісіз. Нүктелер сол күні күшіне енген редакцияға апарады.",
    "timeline.svg": "Хронология: өзгертуші актілер күшіне ену күні бойынша",
    "timeline.entry_into_force": "күшіне енуі",
    "timeline.acts": "Өзгертуші актілер",
    "timeline.per_article": "Баптар бойынша өзгерістер",
    "timeline.legend.exact": "дәл күн",
    "timeline.legend.lower": "күннің төменгі шегі",
    "th.takes_effect": "Күшіне енеді",
    "th.act": "Акт",
    "th.kind": "Өзгеріс түрі",
    "th.provisions": "Ережелер",
    "th.version": "Редакция",
    "th.from": "Қолданылу басы",
    "th.until": "Қолданылу соңы",
    "th.coverage": "Мәтіні белгілі баптар",
    "th.files": "Файлдар",
    "th.provision": "Ереже",
    "th.language": "Тіл",
    "until_now": "қазірге дейін",
    "open_version": "редакцияны ашу",

    "work.texts": "Мәтіндер",
    "work.versions": "{lang_of} редакциялар",
    "work.diff": "өзгерістер",
    "work.no_text": "Бұл актінің қазақ тіліндегі мәтіні корпуста жоқ; басқа тілдердегі мәтіндері бар.",

    "diff.title": "{title}: өзгерістер {old} → {new}",
    "diff.count": {"one": "{count} ереже өзгерді", "other": "{count} ереже өзгерді"},
    "diff.legend.ins": "қосылған сөздер",
    "diff.legend.del": "алып тасталған сөздер",
    "diff.view": "Салыстыру түрі",
    "diff.view.inline": "Мәтін ішінде",
    "diff.view.side": "Қатар",
    "diff.old": "Бұрын: {label}",
    "diff.new": "Кейін: {label}",
    "diff.none": "Мәтін өзгермеген.",
    "diff.inserted": "толықтырылды",
    "diff.removed": "алып тасталды",
    "diff.changed": "өзгертілді",
    "diff.not_available": "мәтіні қолжетімсіз",
    "diff.not_available.more": "Екі редакцияның кемінде біреуінде қазақ тіліндегі мәтін белгісіз, сондықтан "
                               "сөздер салыстырылмайды: бұл алып тастау да, толықтыру да емес.",
    "diff.context": "Мәтінмән",

    "parallel.title": "Үш тілдегі мәтіндер",
    "parallel.intro": "Ережелер нөмірлері бойынша қатар қойылған; қай да бір тілдегі мәтінде жоқ ережелер "
                      "белгіленген.",
    "parallel.current": "Қолданыстағы мәтіндер",
    "parallel.version": "{date:attr} редакция",
    "parallel.absent": "осы тілдегі мәтінде жоқ",

    "graph.title": "Заң мен заңға тәуелді актілердің байланыстары",
    "graph.intro": "Корпус актілері және олардың ережелері: заңға тәуелді актілер өздері негізінде шығарылған "
                   "нормаға, ережелер өздері сілтеме жасайтын нормаларға нұсқайды. Әр түйін өз бетіне апарады.",
    "graph.svg": "Актілер байланыстарының графы",
    "graph.legend": "Шартты белгілер",
    "graph.per_work": "Баптар бойынша байланыстар",
    "graph.audits": "Тексерулер",
    "graph.audits.none": "Ескертулер жоқ.",
    "graph.download": "Графты жүктеу",
    "node.work": "корпус актісі",
    "node.provision": "акт ережесі",
    "node.other": "корпустан тыс акт",
    "edge.legal_basis": "негізінде шығарылған",
    "edge.cites": "сілтеме жасайды",
    "edge.part_of": "актінің бөлігі",
    "edge.amends": "өзгертеді",
    "edge.inserts": "толықтырады",
    "edge.repeals": "алып тастайды",
    "edge.declares_invalid": "күшін жойды деп таниды",
    "edge_in.legal_basis": "осы негізде шығарылған",
    "edge_in.cites": "оған сілтеме жасайды",
    "edge_in.part_of": "құрамында",
    "edge_in.amends": "өзгертуші акт",
    "edge_in.inserts": "толықтырушы акт",
    "edge_in.repeals": "алып тастаушы акт",
    "edge_in.declares_invalid": "күшін жойды деп танитын акт",
    "edge.valid": "{since:abl} бастап",
    "edge.valid_until": "{since:abl} бастап {until:dat} дейін",
    "work_graph.title": "Заңға тәуелді актілер мен сілтемелер",
    "work_graph.whole": "Толық граф",
    "severity.error": "Қате",
    "severity.warning": "Назар аударыңыз",
    "severity.info": "Мәлімет",
    "audit.stale_delegation": "{bylaw} «{basis}» нормасы негізінде шығарылған; ол қабылданғаннан кейін "
                              "({adopted}) бұл норма өзгертілді: {acts}.",
    "audit.basis_missing": "{bylaw} «{basis}» нормасы негізінде шығарылған, бірақ ол {date:loc} жоқ.",
    "audit.dangling_reference": "«{text}» сілтемесі ({where}) {date:loc} жоқ ережеге апарады.",
    "audit.unresolved_reference": "«{text}» сілтемесі ({where}) танылмады.",
    "audit.invalid_akn": "Akoma Ntoso құжаты ({where}) схема бойынша тексерістен өтпеді.",
    "audit.other": "Байланыстарды тексеру ескертуі ({where}).",

    "drafts.title": "Жария талқылаудағы жобалар",
    "drafts.intro": "Мемлекеттік қызмет көрсету тәртібі туралы заңға тәуелді акт жобасы он жұмыс күні "
                    "талқыланады; бірінші күн — орналастырылған күннен кейінгі жұмыс күні (№ 88-V Заңның 15-бабы). "
                    "Қалған күндерді браузеріңіз мерзімнің аяқталуы бойынша есептейді.",
    "drafts.ical": "Мерзімдер күнтізбесі (iCalendar)",
    "drafts.none": "Корпуста жобалар жоқ.",
    "th.draft": "Жоба",
    "th.posted": "Орналастырылды",
    "th.deadline": "Соңғы күн (Астана уақыты)",
    "th.status": "Жай-күйі",
    "th.comments": "Ескертулер",
    "status.open": "талқылау жүріп жатыр",
    "status.not_yet_posted": "әлі орналастырылмаған",
    "status.not_yet_open": "талқылау әлі басталмаған",
    "status.closed": "талқылау аяқталды",
    "status.closed_report_due": "талқылау аяқталды, есеп жарияланбаған",
    "status.closed_reported": "талқылау аяқталды, есеп жарияланды",
    "draft.posted": "{date:loc} орналастырылды.",
    "draft.window": "Ескертулер Астана уақытымен {date} сағат 24:00-ге дейін қабылданады",
    "draft.status": "Жай-күйі: {status}.",
    "draft.amends": "өзгертілетін акт: {work}",
    "draft.all": "Барлық жобалар",
    "draft.comments": "Ескертулер ({count})",
    "draft.no_comments": "Ескертулер жоқ.",
    "draft.late": "мерзімнен кейін түсті: қаралуға жатпайды",
    "draft.no_justification": "негіздеме келтірілмеген",
    "draft.report": "Талқылаудың аяқталуы туралы есеп",
    "draft.report_posted": "Есеп {date:loc} орналастырылды: {where}",
    "draft.no_report": "Талқылаудың аяқталуы туралы есеп жарияланбаған.",
    "draft.source": "Қайда орналастырылған",
    "draft.status_as_of": "{date:attr} жай-күйі: {status}.",
    "draft.cell_as_of": "{status} ({date:attr} жағдай бойынша)",
    "status.days_left": {"one": "талқылау жүріп жатыр, {count} жұмыс күні қалды",
                         "other": "талқылау жүріп жатыр, {count} жұмыс күні қалды"},
    "moment": "{date}, {time}",
    "author.individual": "жеке тұлға",
    "author.legal_entity": "заңды тұлға",
    "decision.accepted": "қабылданды",
    "decision.rejected": "қабылданбады",
    "warn.no_decree": "{year} жылға демалыс күндерін ауыстыру туралы Үкімет қаулысы жазылмаған: ауыстыру "
                      "мерзімді жылжытуы мүмкін.",
    "warn.estimated_holiday": "{date} мереке күні болжамды және жыл сайын жарияланады; мерзім соған байланысты.",
    "warn.before_posted": "№ {number} ескерту жоба орналастырылғанға дейін түскен.",
    "warn.late_decided": "№ {number} ескерту мерзімнен кейін түсті және қаралуға жатпайды, бірақ ол бойынша "
                         "шешім қабылданған.",
    "warn.report_early": "Есеп талқылау аяқталғанға дейінгі күнмен белгіленген.",
    "warn.undecided": "Есепте № {numbers} ескертулер бойынша шешім жоқ.",
    "warn.other": "Мерзімдерді тексеру ескерту жасады; толығырақ — «zanlex status» нәтижесінде.",

    "home.acts": "Актілер",
    "home.latest": "Соңғы өзгерістер",
    "home.latest_item": "{work}: {act} ({kind}, {count})",
    "home.no_events": "Өзгерістер белгісіз.",
    "home.drafts": "Талқылаудағы жобалар",
    "home.no_drafts": "Қазір талқылауда жоба жоқ.",
    "home.deadline": "соңғы күні — {date}",
    "home.notices": "Құрастыру туралы",
    "home.notice": "Деректердің бір бөлігі жиналмады: «{stage}» кезеңі қолжетімсіз.",

    "downloads.title": "Жүктеу",
    "downloads.intro": "Әр актінің әр редакциясы Akoma Ntoso (XML), PDF және DOCX форматтарында.",
    "downloads.graph": "Байланыстар графы",
    "downloads.feeds": "Арналар",
    "feed.atom": "Күшіне енуіне қарай өзгерістер (Atom)",
    "feed.ical": "Жария талқылау мерзімдері (iCalendar)",
    "feed.title": "zanlex: күшіне енуіне қарай өзгерістер",
    "feed.entry": "{work}: {act}",
    "feed.summary": "{eff} күшіне енеді: {kinds}. Қозғалған ережелер саны: {count}.",

    "search.title": "Іздеу",
    "search.other": "Басқа тілдерде іздеу",
    "search.results": {"one": "«{term}» сұрауы бойынша {count} нәтиже",
                       "other": "«{term}» сұрауы бойынша {count} нәтиже"},
    "pagefind.placeholder": "Қазақ тіліндегі мәтіндерден іздеу",
    "pagefind.clear_search": "Тазарту",
    "pagefind.load_more": "Тағы көрсету",
    "pagefind.search_label": "Сайттан іздеу",
    "pagefind.filters_label": "Сүзгілер",
    "pagefind.zero_results": "«[SEARCH_TERM]» сұрауы бойынша ештеңе табылмады",
    "pagefind.alt_search": "«[SEARCH_TERM]» бойынша ештеңе табылмады. «[DIFFERENT_TERM]» бойынша нәтижелер",
    "pagefind.search_suggestion": "Ештеңе табылмады. Басқа сұрауды қолданып көріңіз.",
    "pagefind.searching": "«[SEARCH_TERM]» ізделуде…",
    "pagefind.filter.act": "Акт",


    "e404.title": "Бет табылмады",
    "e404.text": "Сайтта мұндай бет жоқ.",
    "e404.home": "Басты бетке",
}
