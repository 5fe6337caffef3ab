"""The poster's own words (headings, legend, tile instructions) in the journey's language."""

from __future__ import annotations

from cjmapper.i18n import whole
from cjmapper.model import Framework, Language

_LABELS: dict[str, dict[Language, str]] = {
    "persona": {Language.EN: "Persona", Language.NL: "Persona"},
    "goals": {Language.EN: "Goals", Language.NL: "Doelen"},
    "frustrations": {Language.EN: "Frustrations", Language.NL: "Frustraties"},
    "framework": {Language.EN: "Framework", Language.NL: "Model"},
    "language": {Language.EN: "Language", Language.NL: "Taal"},
    "printed": {Language.EN: "Printed", Language.NL: "Afgedrukt"},
    "wall_photo": {Language.EN: "Wall photo", Language.NL: "Foto van de muur"},
    "version": {Language.EN: "Version", Language.NL: "Versie"},
    "avg": {Language.EN: "avg {0}", Language.NL: "gem. {0}"},
    "touchpoints_1": {Language.EN: "1 touchpoint", Language.NL: "1 contactmoment"},
    "touchpoints_n": {Language.EN: "{0} touchpoints", Language.NL: "{0} contactmomenten"},
    "score": {Language.EN: "Score", Language.NL: "Score"},
    "score_low": {Language.EN: "1 = very poor", Language.NL: "1 = zeer slecht"},
    "score_high": {Language.EN: "5 = excellent", Language.NL: "5 = uitstekend"},
    "no_score": {Language.EN: "not scored", Language.NL: "geen score"},
    "votes": {Language.EN: "dots: votes", Language.NL: "stippen: stemmen"},
    "channels": {Language.EN: "Channels", Language.NL: "Kanalen"},
    "no_channels": {Language.EN: "none", Language.NL: "geen"},
    "csat": {Language.EN: "CSAT {0}", Language.NL: "CSAT {0}"},
    "csat_hint": {Language.EN: "share of scores 4-5", Language.NL: "aandeel scores 4-5"},
    "average": {Language.EN: "average {0}", Language.NL: "gemiddeld {0}"},
    "heat": {Language.EN: "Heat view, {0}:", Language.NL: "Hitteweergave, {0}:"},
    "heat_short": {Language.EN: "short of target", Language.NL: "onder het doel"},
    "heat_on": {Language.EN: "on target", Language.NL: "op het doel"},
    "heat_beyond": {Language.EN: "beyond target", Language.NL: "boven het doel"},
    "heat_darker": {Language.EN: "darker: further from it", Language.NL: "donkerder: verder ervan af"},
    "made_with": {Language.EN: "Made with cjmapper", Language.NL: "Gemaakt met cjmapper"},
    "assembly": {Language.EN: "Assembly of {0}", Language.NL: "Zo plak je {0} in elkaar"},
    "sheets": {
        Language.EN: "{0} of {1} in {2} and {3}, overlapping by {4} mm.",
        Language.NL: "{0} {1} in {2} en {3}, {4} mm overlappend.",
    },
    "sheets_1": {Language.EN: "1 sheet", Language.NL: "1 vel"},
    "sheets_n": {Language.EN: "{0} sheets", Language.NL: "{0} vellen"},
    "rows_1": {Language.EN: "1 row", Language.NL: "1 rij"},
    "rows_n": {Language.EN: "{0} rows", Language.NL: "{0} rijen"},
    "columns_1": {Language.EN: "1 column", Language.NL: "1 kolom"},
    "columns_n": {Language.EN: "{0} columns", Language.NL: "{0} kolommen"},
    "left_out": {
        Language.EN: "The grey gaps need no sheet: nothing prints there.",
        Language.NL: "De grijze gaten hebben geen vel nodig: daar wordt niets afgedrukt.",
    },
    "how": {
        Language.EN: "Trim each sheet at its crop marks on the right and at the bottom. Lay it on its neighbour so the "
        "edge meets the dashed marks, and glue the overlap. Start top left with A1.",
        Language.NL: "Knip elk vel rechts en onder af bij de snijtekens. Leg het op het buurvel zodat de rand op de "
        "gestreepte tekens valt en lijm de overlap. Begin linksboven met A1.",
    },
    "sheet": {
        Language.EN: "Sheet {0}: row {1} of {2}, column {3} of {4}",
        Language.NL: "Vel {0}: rij {1} van {2}, kolom {3} van {4}",
    },
}

_FRAMEWORKS: dict[Framework, dict[Language, str]] = {
    Framework.FIVE_PHASE: {Language.EN: "Five phases", Language.NL: "Vijf fasen"},
    Framework.AIDA: {Language.EN: "AIDA", Language.NL: "AIDA"},
    Framework.SEE_THINK_DO_CARE: {Language.EN: "See-Think-Do-Care", Language.NL: "See-Think-Do-Care"},
    Framework.CUSTOM: {Language.EN: "Own phases", Language.NL: "Eigen fasen"},
}

_LANGUAGES: dict[Language, dict[Language, str]] = {
    Language.EN: {Language.EN: "English", Language.NL: "Engels"},
    Language.NL: {Language.EN: "Dutch", Language.NL: "Nederlands"},
}

_MONTHS: dict[Language, tuple[str, ...]] = {
    Language.EN: ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"),
    Language.NL: ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"),
}  # fmt: skip


def label(key: str, language: Language, *values: object) -> str:
    """The label in `language` with `values` filled in, counts written as the language writes them ("1.000")."""
    shown = (whole(v, language) if isinstance(v, int) and not isinstance(v, bool) else v for v in values)
    return _LABELS[key][language].format(*shown)


def counted(key: str, count: int, language: Language) -> str:
    """ "1 row", "3 rows": the `key`_1 label for one, the `key`_n label with the count otherwise."""
    return label(f"{key}_1", language) if count == 1 else label(f"{key}_n", language, count)


def framework_name(framework: Framework, language: Language) -> str:
    return _FRAMEWORKS[framework][language]


def language_name(of: Language, language: Language) -> str:
    return _LANGUAGES[of][language]


def long_date(year: int, month: int, day: int, language: Language) -> str:
    name = _MONTHS[language][month - 1]
    return f"{day} {name} {year}"


def tile_name(row: int, column: int) -> str:
    """ "A1" for the top-left sheet: rows are letters (A..Z, then AA..), columns numbers, both from the top left."""
    letters = ""
    n = row + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{column + 1}"
