"""Русский: the site's words for Russian pages (the message catalogue) and how Russian writes a date.

    >>> format_date(date(2016, 3, 1))
    '01.03.2016'

Dates are written as in the official texts and on adilet.zan.kz: ``ДД.ММ.ГГГГ``.
Plural tables use CLDR categories: one (1, 21, …), few (2–4, 22–24, …), many (0, 5–20, …), other.
"""

from __future__ import annotations

from datetime import date

FORMS = ("", "short")


def format_date(d: date, form: str = "") -> str:
    if form not in FORMS:
        raise KeyError(f"Russian has no date form {form!r}")
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


MESSAGES: dict[str, str | dict[str, str]] = {
    # the site and its menu
    "site_name": "zanlex — законодательство о государственных услугах",
    "site_tagline": "Закон Республики Казахстан «О государственных услугах» и подзаконные акты к нему: "
                    "тексты на трёх языках, редакции на любую дату, связи актов и публичные обсуждения.",
    "menu.home": "Главная",
    "menu.acts": "Акты",
    "menu.drafts": "Проекты на обсуждении",
    "menu.graph": "Связи актов",
    "menu.downloads": "Скачать",
    "menu.search": "Поиск",
    "menu.language": "Язык",

    # languages: their names in Russian, "in Russian", "of the Russian text"
    "lang.rus": "русский",
    "lang.kaz": "казахский",
    "lang.eng": "английский",
    "lang_in.rus": "на русском языке",
    "lang_in.kaz": "на казахском языке",
    "lang_in.eng": "на английском языке",
    "lang_of.rus": "на русском языке",
    "lang_of.kaz": "на казахском языке",
    "lang_of.eng": "на английском языке",

    # dates that take effect
    "eff.exact": "с {date}",
    "eff.lower": "не ранее {date}",
    "eff.window_note": "Дата официального опубликования акта неизвестна, поэтому дата вступления в силу — "
                       "нижняя граница: не ранее {date}.",
    "eff.window_latest": "При обычном сроке опубликования — не позднее {latest}.",
    "eff.explain": "Почему дата не точна",

    # acts
    "act.law": "Закон РК от {date} № {number}",
    "act.code": "Кодекс РК от {date} № {number}",
    "act.order": "Приказ от {date} № {number}",
    "act.resolution": "Постановление от {date} № {number}",
    "act.other": "Акт от {date} № {number}",
    "act.titled.law": "Закон «{title}»",
    "act.titled.code": "{title}",
    "act.titled.order": "Приказ «{title}»",
    "act.titled.other": "«{title}»",
    "act.registered": "зарегистрирован в Министерстве юстиции {date} № {number}",

    # kinds of change
    "kind.amended": "изменения",
    "kind.new_wording": "новая редакция",
    "kind.inserted": "дополнение",
    "kind.repealed": "исключение",
    "kind.heading_changed": "изменение заголовка",

    # units: in headings, and named in running text
    "unit.chapter": "Глава {num}.",
    "unit.subchapter": "Параграф {num}.",
    "unit.article": "Статья {num}.",
    "ref.chapter": "глава {num}",
    "ref.subchapter": "параграф {num}",
    "ref.article": "статья {num}",
    "ref.paragraph": "пункт {num}",
    "ref.point": "подпункт {num}",
    "ref.unnumbered": "абзац",
    "ref.attachment": "приложение",
    "ref.preamble": "преамбула",
    "ref.sep": ", ",

    # runs of provisions whose wording is not known
    "run.one.chapter": "Глава {a}",
    "run.many.chapter": "Главы {a}–{b}",
    "run.one.subchapter": "Параграф {a}",
    "run.many.subchapter": "Параграфы {a}–{b}",
    "run.one.article": "Статья {a}",
    "run.many.article": "Статьи {a}–{b}",
    "run.one.paragraph": "Пункт {a}",
    "run.many.paragraph": "Пункты {a}–{b}",
    "run.one.point": "Подпункт {a}",
    "run.many.point": "Подпункты {a}–{b}",
    "run.one.provision": "Положение",
    "run.many.provision": {"one": "{count} положение", "few": "{count} положения", "many": "{count} положений",
                           "other": "{count} положения"},
    "run.missing": "{units}: текст, действовавший на эту дату, по имеющимся источникам не установлен.",
    "run.after": "Предыдущее изменение — {act} ({kind}), в силе {eff}.",
    "run.before": "Следующее изменение — {act} ({kind}), в силе {eff}.",
    "run.timeline": "Хронология изменений",

    # one provision's explanations
    "prov.anchor": "Ссылка на это положение",
    "prov.footnote": "Сноска",
    "toc.borrowed": "(текст известен только {lang_in})",
    "prov.other_lang": "Текст на эту дату известен только {lang_in}",
    "prov.other_lang.more": "Текст {own_in}, действовавший на эту дату, по имеющимся источникам не установлен; для справки "
                            "приводится текст {lang_in}.",
    "prov.derived": "Текст восстановлен по изменяющему акту",
    "prov.derived.more": "Текст получен применением изменений, внесённых актом № {act}: источника с этим "
                         "текстом среди имеющихся нет.",
    "prov.derived.partial": "Известна только часть текста.",
    "prov.uncertain": "Действие на эту дату не установлено",
    "prov.uncertain.event": "{kind}: {act}, в силе {eff}. Действует ли положение на эту дату, не установлено.",
    "prov.uncertain.eif": "Акт вступает в силу {eff}; действует ли он на эту дату, не установлено.",
    "prov.uncertain.history": "Положение есть только в более позднем тексте; когда оно было добавлено, "
                              "не записано.",
    "prov.uncertain.wording": "Действует ли этот текст на эту дату, не доказано: он взят из более раннего текста, а положение могло быть изменено позже без записи об этом.",
    "prov.uncertain.generic": "Имеющиеся источники не говорят, действует ли положение на эту дату.",
    "prov.missing": "Текст, действовавший на эту дату, по имеющимся источникам не установлен.",

    # an act page
    "expr.current": "Действующая редакция",
    "expr.version_of": "Редакция от {date}",
    "expr.version_lower": "Редакция, действующая не ранее {date}",
    "expr.title_version": "{title} (редакция от {date})",
    "banner.from.exact": "Действует с {date}",
    "banner.from.lower": "Действует не ранее чем с {date}",
    "banner.next.exact": "следующая редакция — с {date}",
    "banner.next.lower": "следующая редакция — не ранее {date}",
    "banner.current": "действует по настоящее время",
    "banner.coverage.provisions": {"one": "Текст на русском языке известен для {known} из {count} положения.",
                                   "few": "Текст на русском языке известен для {known} из {count} положений.",
                                   "many": "Текст на русском языке известен для {known} из {count} положений.",
                                   "other": "Текст на русском языке известен для {known} из {count} положения."},
    "banner.coverage": {"one": "Текст на русском языке известен для {known} из {count} статьи.",
                        "few": "Текст на русском языке известен для {known} из {count} статей.",
                        "many": "Текст на русском языке известен для {known} из {count} статей.",
                        "other": "Текст на русском языке известен для {known} из {count} статьи."},
    "nav.version": "Редакция",
    "nav.go": "Перейти",
    "nav.previous": "Предыдущая редакция ({date})",
    "nav.next": "Следующая редакция ({date})",
    "nav.diff_previous": "Изменения по сравнению с предыдущей редакцией",
    "nav.diff_current": "Сравнить с действующей редакцией",
    "nav.timeline": "Хронология изменений",
    "nav.parallel": "Тексты на трёх языках",
    "nav.graph": "Подзаконные акты и ссылки",
    "nav.download": "Скачать",
    "nav.work": "Об акте",
    "toc.title": "Содержание",
    "attachment": "Приложение",

    # the "as of" box
    "asof.title": "Состояние текста",
    "asof.date": "По состоянию на {date}",
    "asof.edition": "Текст сверен с официальной редакцией от {date}",
    "asof.edition_cause": "внесены изменения: {cause}",
    "asof.consolidated": "Текст сверен с консолидированным текстом; последнее учтённое в нём изменение — {act}.",
    "asof.consolidated_unknown": "Текст сверен с консолидированным текстом; какие изменения он включает, "
                                 "не указано.",
    "asof.original": "Текст сверен с текстом в первоначальной редакции: изменения в нём не учтены.",
    "asof.per_provision": "Для каждого положения приводится текст, действующий на дату редакции; где он "
                          "неизвестен или взят из текста на другом языке, это указано.",
    "asof.source": "Официальный источник",
    "asof.built": "Сайт собран {date}.",
    "asof.outstanding": "Изменения, ещё не внесённые в этот текст",
    "asof.outstanding.intro": "Эти акты изменили положения, текст которых на этом языке здесь неизвестен:",
    "asof.outstanding.none": "Все известные изменения внесены в текст.",
    "asof.outstanding.item": "{act} — в силе {eff}, {count}",
    "asof.provisions": {"one": "{count} положение", "few": "{count} положения", "many": "{count} положений",
                        "other": "{count} положения"},
    "print.header": "{title} · {lang} · по состоянию на {date}",

    # timeline
    "timeline.title": "Хронология изменений",
    "timeline.intro": "Изменения упорядочены по дате вступления в силу. «Не ранее» означает нижнюю границу: "
                      "дата официального опубликования акта неизвестна. Точки ведут к редакции, "
                      "вступившей в силу в этот день.",
    "timeline.svg": "Хронология: изменяющие акты по дате вступления в силу",
    "timeline.entry_into_force": "вступление в силу",
    "timeline.acts": "Изменяющие акты",
    "timeline.per_article": "Изменения по статьям",
    "timeline.legend.exact": "точная дата",
    "timeline.legend.lower": "нижняя граница даты",
    "th.takes_effect": "Вступает в силу",
    "th.act": "Акт",
    "th.kind": "Вид изменения",
    "th.provisions": "Положения",
    "th.version": "Редакция",
    "th.from": "Действует с",
    "th.until": "Следующая редакция с",
    "th.coverage": "Известный текст",
    "th.files": "Файлы",
    "th.provision": "Положение",
    "th.language": "Язык",
    "until_now": "— (действующая)",
    "open_version": "открыть редакцию",

    # a work's page
    "work.texts": "Тексты",
    "work.versions": "Редакции {lang_of}",
    "work.diff": "изменения",
    "work.no_text": "Текст этого акта на русском языке здесь не опубликован; доступны тексты на других языках.",

    # diffs
    "diff.title": "{title}: изменения {old} → {new}",
    "diff.count": {"one": "{count} изменённое положение", "few": "{count} изменённых положения",
                   "many": "{count} изменённых положений", "other": "{count} изменённого положения"},
    "diff.legend.ins": "добавленные слова",
    "diff.legend.del": "исключённые слова",
    "diff.view": "Вид сравнения",
    "diff.view.inline": "В тексте",
    "diff.view.side": "Рядом",
    "diff.old": "Было: {label}",
    "diff.new": "Стало: {label}",
    "diff.none": "Текст не изменился.",
    "diff.none_known": "Известных изменений текста нет.",
    "diff.unknown.count": {"one": "текст {count} положения неизвестен", "few": "текст {count} положений неизвестен",
                           "many": "текст {count} положений неизвестен", "other": "текст {count} положения неизвестен"},
    "diff.unknown.summary": "Положения, текст которых хотя бы в одной из редакций неизвестен ({count})",
    "diff.unknown.new_known": "Новый текст известен, прежний — нет.",
    "diff.inserted": "добавлено",
    "diff.removed": "исключено",
    "diff.changed": "изменено",
    "diff.not_available": "текст недоступен",
    "diff.not_available.more": "Текст на русском языке хотя бы в одной из двух редакций неизвестен, поэтому слова "
                               "не сравниваются: это не исключение и не дополнение.",
    "diff.context": "Контекст",

    # parallel view
    "parallel.title": "Тексты на трёх языках",
    "parallel.intro": "Положения выровнены по нумерации; положения, которых нет в тексте на каком-либо языке, "
                      "отмечены.",
    "parallel.current": "Действующие тексты",
    "parallel.version": "Редакция от {date}",
    "parallel.absent": "нет в тексте на этом языке",

    # the graph
    "graph.title": "Связи закона и подзаконных актов",
    "graph.intro": "Опубликованные здесь акты и их положения: подзаконные акты указывают на норму, на основании которой "
                   "изданы; положения — на нормы, на которые ссылаются. Каждый узел ведёт на свою страницу.",
    "graph.svg": "Граф связей актов",
    "graph.legend": "Обозначения",
    "graph.per_work": "Связи по статьям",
    "graph.audits": "Проверки",
    "graph.audits.none": "Замечаний нет.",
    "graph.download": "Скачать граф",
    "node.work": "акт, опубликованный здесь",
    "node.provision": "положение акта",
    "node.other": "акт, не опубликованный здесь",
    "edge.legal_basis": "издан на основании",
    "edge.cites": "ссылается на",
    "edge.part_of": "часть акта",
    "edge.amends": "изменяет",
    "edge.inserts": "дополняет",
    "edge.repeals": "исключает",
    "edge.declares_invalid": "признаёт утратившим силу",
    "edge_in.legal_basis": "на его основании издан",
    "edge_in.cites": "на него ссылается",
    "edge_in.part_of": "содержит",
    "edge_in.amends": "изменён актом",
    "edge_in.inserts": "дополнен актом",
    "edge_in.repeals": "исключён актом",
    "edge_in.declares_invalid": "признан утратившим силу актом",
    "edge.valid": "с {since}",
    "edge.valid_until": "с {since} по {until}",
    "work_graph.title": "Подзаконные акты и ссылки",
    "work_graph.whole": "Весь граф",
    "severity.error": "Ошибка",
    "severity.warning": "Предупреждение",
    "severity.info": "Сведения",
    "audit.stale_delegation": "{bylaw} издан на основании нормы «{basis}», которая после его принятия ({adopted}) "
                              "изменена: {acts}.",
    "audit.basis_missing": "{bylaw} издан на основании нормы «{basis}», которой на {date} нет.",
    "audit.dangling_reference": "Ссылка «{text}» ({where}) ведёт на положение, которого на {date} нет.",
    "audit.unresolved_reference": "Ссылка «{text}» ({where}) не распознана.",
    "audit.invalid_akn": "Документ Akoma Ntoso ({where}) не прошёл проверку по схеме.",
    "audit.other": "Замечание проверки связей ({where}).",

    # drafts
    "drafts.title": "Проекты на публичном обсуждении",
    "drafts.intro": "Проект подзаконного акта о порядке оказания государственной услуги обсуждается десять "
                    "рабочих дней; первый день — рабочий день, следующий за днём размещения (ст. 15 Закона "
                    "№ 88-V). Сколько дней осталось, считает ваш браузер по сроку окончания.",
    "drafts.ical": "Календарь сроков (iCalendar)",
    "drafts.none": "Проектов на обсуждении нет.",
    "th.draft": "Проект",
    "th.posted": "Размещён",
    "th.deadline": "Последний день (время Астаны)",
    "th.status": "Состояние",
    "th.comments": "Замечания",
    "status.open": "идёт обсуждение",
    "status.not_yet_posted": "ещё не размещён",
    "status.not_yet_open": "обсуждение ещё не началось",
    "status.closed": "обсуждение завершено",
    "status.closed_report_due": "обсуждение завершено, отчёт не опубликован",
    "status.closed_reported": "обсуждение завершено, отчёт опубликован",
    "draft.posted": "Размещён {date}.",
    "draft.window": "Замечания принимаются до 24:00 {date} по времени Астаны",
    "draft.status": "Состояние: {status}.",
    "draft.amends": "изменяет акт: {work}",
    "draft.all": "Все проекты",
    "draft.comments": "Замечания ({count})",
    "draft.no_comments": "Замечаний нет.",
    "draft.late": "поступило после срока: не подлежит рассмотрению",
    "draft.no_justification": "обоснование не приведено",
    "draft.report": "Отчёт о завершении обсуждения",
    "draft.report_posted": "Отчёт размещён {date}: {where}",
    "draft.no_report": "Отчёт о завершении обсуждения не опубликован.",
    "draft.source": "Где размещён",
    "draft.status_as_of": "Состояние на {date}: {status}.",
    "draft.cell_as_of": "{status} (на {date})",
    "status.days_left": {"one": "идёт обсуждение, остался {count} рабочий день",
                         "few": "идёт обсуждение, осталось {count} рабочих дня",
                         "many": "идёт обсуждение, осталось {count} рабочих дней",
                         "other": "идёт обсуждение, осталось {count} рабочего дня"},
    "moment": "{date}, {time}",
    "author.individual": "физическое лицо",
    "author.legal_entity": "юридическое лицо",
    "decision.accepted": "принято",
    "decision.rejected": "отклонено",
    "warn.no_decree": "На {year} год постановление Правительства о переносе выходных дней не записано: перенос "
                      "может сдвинуть срок.",
    "warn.estimated_holiday": "Дата праздника {date} оценочная и объявляется ежегодно; срок зависит от неё.",
    "warn.before_posted": "Замечание № {number} поступило до размещения проекта.",
    "warn.late_decided": "Замечание № {number} поступило после срока и не подлежит рассмотрению, но по нему "
                         "принято решение.",
    "warn.report_early": "Отчёт датирован днём до окончания обсуждения.",
    "warn.undecided": "В отчёте нет решения по замечаниям № {numbers}.",
    "warn.other": "Проверка сроков сделала замечание; подробности — в выводе «zanlex status».",

    # home
    "home.acts": "Акты",
    "home.all_acts": "Все акты ({count})",
    "pages.nav": "Страницы",
    "home.latest": "Последние изменения",
    "home.latest_item": "{work}: {act} ({kind}, {count})",
    "home.no_events": "Изменения не известны.",
    "home.drafts": "Проекты на обсуждении",
    "home.no_drafts": "Сейчас нет проектов на обсуждении.",
    "home.deadline": "последний день — {date}",
    "home.notices": "О сборке",
    "home.notice": "Часть данных не собрана: этап «{stage}» недоступен.",

    # downloads and feeds
    "downloads.title": "Скачать",
    "downloads.intro": "Каждая редакция каждого акта — в формате Akoma Ntoso (XML), PDF и DOCX.",
    "downloads.graph": "Граф связей",
    "downloads.feeds": "Ленты",
    "feed.atom": "Изменения по мере вступления в силу (Atom)",
    "feed.ical": "Сроки публичных обсуждений (iCalendar)",
    "feed.title": "zanlex: изменения по мере вступления в силу",
    "feed.entry": "{work}: {act}",
    "feed.summary": "Вступает в силу {eff}: {kinds}. Затронуто положений: {count}.",

    # search
    "search.title": "Поиск",
    "search.other": "Поиск на других языках",
    "search.results": {"one": "{count} результат по запросу «{term}»",
                       "few": "{count} результата по запросу «{term}»",
                       "many": "{count} результатов по запросу «{term}»",
                       "other": "{count} результата по запросу «{term}»"},
    "pagefind.placeholder": "Поиск по текстам на русском языке",
    "pagefind.clear_search": "Очистить",
    "pagefind.load_more": "Показать ещё",
    "pagefind.search_label": "Поиск по сайту",
    "pagefind.filters_label": "Фильтры",
    "pagefind.zero_results": "По запросу «[SEARCH_TERM]» ничего не найдено",
    "pagefind.alt_search": "По запросу «[SEARCH_TERM]» ничего не найдено. Результаты по запросу «[DIFFERENT_TERM]»",
    "pagefind.search_suggestion": "Ничего не найдено. Попробуйте другой запрос.",
    "pagefind.searching": "Поиск «[SEARCH_TERM]»…",
    "pagefind.filter.act": "Акт",

    # the 404 page
    "e404.title": "Страница не найдена",
    "e404.text": "Такой страницы на сайте нет.",
    "e404.home": "На главную",
}
