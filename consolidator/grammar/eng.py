"""English: "Footnote. Article 6 as amended by the Law of the Republic of Kazakhstan dated 29.09.2014
No. 239-V (shall be enforced upon expiry of ten calendar days after its first official publication)."

    >>> ENG.unit_kind("Article"), ENG.act_type("Laws")
    ('article', 'law')
"""

from consolidator.grammar import Registry

_NUM = r"(?P<num>\d+(?:-\d+)?)"
_ACT = r"(?P<acttype>Laws|Law|orders|order|resolution)"
_RK = r"(?:\s+of\s+the\s+Republic\s+of\s+Kazakhstan)?(?:\s+(?P<body>.+?))?"

ENG = Registry(
    lang="eng",
    note_prefix=r"Footnote\s*\.",
    subjects=(
        rf"(?P<heading>(?:The\s+)?(?:heading|title)\s+of\s+)?(?P<unit>Article|Chapter|Paragraph|Sub-paragraph|Subparagraph)\s+{_NUM}\)?",
        r"(?P<unit>Rules)",
    ),
    units={"article": "article", "chapter": "chapter", "paragraph": "paragraph", "sub-paragraph": "point",
           "subparagraph": "point", "rules": "attachment"},
    kinds=(
        (rf"(?:is\s+)?as\s+amended\s+by\s+the\s+{_ACT}{_RK}", "amended"),
        (rf"(?:is\s+)?in\s+(?:the\s+)?wording\s+of\s+the\s+{_ACT}{_RK}", "new_wording"),
        (rf"(?:is\s+)?supplemented\s+(?:with|by)\s+(?P<unit>Article|Paragraph|Sub-paragraph)\s+{_NUM}\)?"
         rf"\s+in\s+accordance\s+with\s+the\s+{_ACT}{_RK}", "inserted"),
        (rf"(?:is|are)\s+excluded\s+by\s+the\s+{_ACT}{_RK}", "repealed"),
    ),
    citation=r"dated\s+(?P<date>\d{2}\.\d{2}\.\d{4})\s*No\.?\s*(?P<number>[\w/-]+)\s*(?:\((?P<rule>[^()]*)\))?",
    act_types={"law": "law", "order": "order", "resolution": "resolution"},
    rules=(
        (r"shall\s+be\s+enforced\s+from\s+(?P<on>\d{2}\.\d{2}\.\d{4})", "date"),
        (r"shall\s+be\s+enforced\s+upon\s+expiry\s+of\s+(?P<days>[\w ]+?)\s+calendar\s+days\s+after\s+"
         r"(?:the\s+date\s+of\s+)?its\s+first\s+official\s+publication", "after_publication"),
        (r"shall\s+be\s+enforced\s+from\s+the\s+date\s+of\s+its\s+first\s+official\s+publication", "on_publication"),
    ),
    numerals={"five": 5, "seven": 7, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
              "sixty": 60, "ninety": 90},
    repeal_inline=r"(?:is|are)\s+excluded\s",
)
