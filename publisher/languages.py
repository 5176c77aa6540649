"""One registry entry per language: its `<html lang>` code and the words the site prints in it.

    >>> LANGUAGES["kaz"].html
    'kk'
    >>> LANGUAGES["rus"].label("in_force_from")
    'действует с'
    >>> LANGUAGES["kaz"].unit("article", "9-1"), LANGUAGES["eng"].unit("point", "3)")
    ('9-1-бап.', '3)')

The site's own pages (home, drafts, graph, downloads) are in English; every page that shows the
text of an act is in that text's language, so Pagefind puts it in that language's index.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    code: str                 # ISO 639-2, as in the corpus: rus, kaz, eng
    html: str                 # BCP 47 for <html lang>: ru, kk, en
    name: str                 # the language's own name
    labels: dict[str, str] = field(default_factory=dict)
    letters: str = ""         # letters that mark a text as this language (for untagged text)
    extends: str | None = None   # the language whose alphabet this one adds letters to

    def label(self, key: str) -> str:
        return self.labels.get(key) or ENGLISH_LABELS[key]

    def unit(self, kind: str, num: str | None) -> str:
        """How the text prints a unit's number: ``unit("article", "9-1")`` → "Статья 9-1."."""
        if not num:
            return ""
        key = f"unit_{kind}"
        form = self.labels.get(key) or ENGLISH_LABELS.get(key, "{num}")
        return form.format(num=num)


ENGLISH_LABELS = {
    "current": "Current text",
    "version": "Version",
    "versions": "Point-in-time versions",
    "in_force_from": "in force from",
    "until": "until",
    "until_now": "to date",
    "not_before": "not before {date}",
    "window": "between {start} and {end}",
    "coverage": "wording known for {known} of {total} articles",
    "other_language": "wording in force on this date is known only in {lang}",
    "missing": "the wording in force on this date is not in the corpus",
    "bounded_by": "bounded by",
    "uncertain": "in force on this date uncertain",
    "repealed": "repealed",
    "footnote": "Footnote",
    "previous": "previous version",
    "next": "next version",
    "diff_prev": "changes from the previous version",
    "diff_current": "compare with the current text",
    "timeline": "Timeline",
    "parallel": "Russian · Kazakh · English",
    "graph": "Bylaws and references",
    "download": "AKN XML",
    "search": "Search",
    "absent": "not in this language's text",
    "events": "Changes",
    "attachment": "Attachment",
    "switch_version": "Version",
    "unit_chapter": "Chapter {num}.",
    "unit_subchapter": "Paragraph {num}.",
    "unit_article": "Article {num}.",
    "diff_inserted": "inserted",
    "diff_removed": "removed",
    "diff_changed": "changed",
    "diff_now_known": "wording now known",
    "diff_no_longer_known": "wording no longer known",
    "diff_other_text": "wording from another language's text",
}

LANGUAGES: dict[str, Language] = {
    "rus": Language("rus", "ru", "Русский", letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя", labels={
        "current": "Действующая редакция",
        "version": "Редакция",
        "versions": "Редакции по датам",
        "in_force_from": "действует с",
        "until": "по",
        "until_now": "по настоящее время",
        "not_before": "не ранее {date}",
        "window": "между {start} и {end}",
        "coverage": "текст известен для {known} из {total} статей",
        "other_language": "текст, действующий на эту дату, известен только на языке: {lang}",
        "missing": "текст, действовавший на эту дату, в корпусе отсутствует",
        "bounded_by": "между событиями",
        "uncertain": "действие на эту дату не определено",
        "repealed": "исключен",
        "footnote": "Сноска",
        "previous": "предыдущая редакция",
        "next": "следующая редакция",
        "diff_prev": "изменения по сравнению с предыдущей редакцией",
        "diff_current": "сравнить с действующей редакцией",
        "timeline": "Хронология изменений",
        "parallel": "Русский · Қазақша · English",
        "graph": "Подзаконные акты и ссылки",
        "download": "AKN XML",
        "search": "Поиск",
        "absent": "нет в тексте на этом языке",
        "events": "Изменения",
        "attachment": "Приложение",
        "switch_version": "Редакция",
        "unit_chapter": "Глава {num}.",
        "unit_subchapter": "Параграф {num}.",
        "unit_article": "Статья {num}.",
        "diff_inserted": "добавлено",
        "diff_removed": "исключено",
        "diff_changed": "изменено",
        "diff_now_known": "текст стал известен",
        "diff_no_longer_known": "текст неизвестен",
        "diff_other_text": "текст из другого языка",
    }),
    "kaz": Language("kaz", "kk", "Қазақша", letters="әғқңөұүһі", extends="rus", labels={
        "current": "Қолданыстағы редакция",
        "version": "Редакция",
        "versions": "Күні бойынша редакциялар",
        "in_force_from": "қолданылады",
        "until": "дейін",
        "until_now": "қазіргі уақытқа дейін",
        "not_before": "{date} күнінен ерте емес",
        "window": "{start} мен {end} аралығында",
        "coverage": "{total} баптың {known} бабының мәтіні белгілі",
        "other_language": "осы күнгі мәтін тек мына тілде белгілі: {lang}",
        "missing": "осы күні қолданыста болған мәтін корпуста жоқ",
        "bounded_by": "оқиғалар аралығында",
        "uncertain": "осы күні қолданылуы анықталмаған",
        "repealed": "алып тасталды",
        "footnote": "Ескерту",
        "previous": "алдыңғы редакция",
        "next": "келесі редакция",
        "diff_prev": "алдыңғы редакциямен салыстыру",
        "diff_current": "қолданыстағы редакциямен салыстыру",
        "timeline": "Өзгерістер хронологиясы",
        "parallel": "Русский · Қазақша · English",
        "graph": "Заңға тәуелді актілер және сілтемелер",
        "download": "AKN XML",
        "search": "Іздеу",
        "absent": "осы тілдегі мәтінде жоқ",
        "events": "Өзгерістер",
        "attachment": "Қосымша",
        "switch_version": "Редакция",
        "unit_chapter": "{num}-тарау.",
        "unit_subchapter": "{num}-параграф.",
        "unit_article": "{num}-бап.",
        "diff_inserted": "толықтырылды",
        "diff_removed": "алып тасталды",
        "diff_changed": "өзгертілді",
        "diff_now_known": "мәтіні белгілі болды",
        "diff_no_longer_known": "мәтіні белгісіз",
        "diff_other_text": "басқа тілдегі мәтін",
    }),
    "eng": Language("eng", "en", "English", letters="abcdefghijklmnopqrstuvwxyz"),
}

SITE = LANGUAGES["eng"]    # the language of the site's own pages


def guess_language(text: str) -> str:
    """The language of an untagged text (a draft's title): the one with most of its letters in it,
    where a language that ``extends`` another (Kazakh: Cyrillic plus nine letters) also counts the
    other's letters once one of its own occurs.

    >>> guess_language("Қағидаларын бекіту туралы"), guess_language("Об утверждении IT"), guess_language("Rules")
    ('kaz', 'rus', 'eng')
    """
    lower = text.lower()
    own = {lang.code: sum(ch in lang.letters for ch in lower) for lang in LANGUAGES.values()}
    scores = {code: n + (own[LANGUAGES[code].extends] if n and LANGUAGES[code].extends else 0)
              for code, n in own.items()}
    best = max(scores, key=lambda code: scores[code])
    return best if scores[best] else SITE.code
