"""Kazakh: "Ескерту. Қағидалар жаңа редакцияда – ҚР … министрінің 01.04.2024 № 189/НҚ (…) бұйрығымен."

The number comes before the unit word ("9-1-бап"), the act's kind after its number
("… Заңымен", "… бұйрығымен"), and the entry-into-force clause may sit on either side of it.

    >>> KAZ.unit_kind("бапқа"), KAZ.unit_kind("тармақшасы"), KAZ.month("наурызынан")
    ('article', 'point', 3)
"""

from consolidator.grammar import Registry

_NUM = r"(?P<num>\d+(?:-\d+)?)"
_DATE = r"\d{2}\.\d{2}\.\d{4}|\d{4}\.\d{2}\.\d{2}"

KAZ = Registry(
    lang="kaz",
    note_prefix=r"Ескерту\s*\.",
    subjects=(
        # "15-баптың тақырыбы", "6-бапқа", "9-1-баппен", "2-тарау", "6-1-тармақ"
        rf"{_NUM}-(?P<unit>бап|тарау|тармақша|тармақ|параграф)\w*(?P<heading>\s+тақырыбы\w*)?",
        r"(?P<unit>Қағидалар)",
    ),
    units={"бап": "article", "тарау": "chapter", "тармақ": "paragraph", "тармақша": "point",
           "параграф": "subchapter", "қағидалар": "attachment"},
    kinds=(
        (r"(?:жаңа\s+)?редакцияда", "new_wording"),
        (r"өзгеріс(?:тер)?\s+енгізілді", "amended"),
        (r"толықтырылды", "inserted"),
        (r"алып\s+тасталды", "repealed"),
    ),
    citation=(rf"(?:(?P<body>ҚР\s[^;]*?)\s+)?(?P<date>{_DATE})\s*(?:жылғы\s*)?№\s*(?P<number>[^\s();]+)\s*"
              r"(?:\((?P<rule>[^()]*)\)\s*)?(?P<acttype>Заңдарымен|Заңымен|бұйрықтарымен|бұйрығымен|қаулысымен)"
              r"(?:\s*\((?P<rule2>[^()]*)\))?"),
    act_types={"заң": "law", "бұйры": "order", "қаулы": "resolution"},
    rules=(
        (rf"(?P<on>{_DATE})\s+бастап\s+қолданысқа\s+енгізіледі", "date"),
        (r"(?P<on_year>\d{4})\s+жылғы\s+(?P<on_day>\d{1,2})\s+(?P<on_month>\w+)\s+бастап\s+қолданысқа\s+енгізіледі",
         "date"),
        (r"ресми\s+жарияланған(?:\s+күнінен|ынан)\s+кейін\s+күнтізбелік\s+(?P<days>[\w ]+?)\s+күн\s+өткен\s+соң"
         r"(?:\s*,?\s*бірақ\s+(?P<nb_year>\d{4})\s+жылдың\s+(?P<nb_day>\d{1,2})\s+(?P<nb_month>\w+)\s+бұрын\s+емес)?"
         r"\s+қолданысқа\s+енгізіледі", "after_publication"),
        (r"ресми\s+жарияланған\s+күнінен\s+бастап\s+қолданысқа\s+енгізіледі", "on_publication"),
    ),
    numerals={"бес": 5, "жеті": 7, "он": 10, "он бес": 15, "жиырма": 20, "отыз": 30, "қырық": 40,
              "алпыс": 60, "тоқсан": 90},
    months={"қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7,
            "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12},
    repeal_inline=r"алып\s+тасталды",
)
