"""The built-in channel catalogue: the contact moments a customer has with a business.

A touchpoint's `channel` is either a catalogue key (`"social-media"`) or free text of up to 60 characters. Text that
names a catalogue channel becomes its key wherever a channel comes in (a journey file, an edit, a paste, the
properties form, the palette): `catalogue_key` matches the key, the English or Dutch name or a synonym, exactly once
case, spaces, hyphens, underscores and accents are left out ("Zoek-machine", "MOND TOT MONDRECLAME", "e mail").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cjmapper.model import Language


@dataclass(frozen=True, slots=True)
class Channel:
    key: str
    name_en: str
    name_nl: str
    icon: str
    """Name of the icon under resources/icons/channels/ (without extension)."""

    def name(self, language: Language | str = Language.EN) -> str:
        return self.name_nl if str(language) == Language.NL else self.name_en


CHANNELS: tuple[Channel, ...] = (
    Channel("website", "Website", "Website", "website"),
    Channel("e-mail", "E-mail", "E-mail", "e-mail"),
    Channel("phone", "Phone", "Telefoon", "phone"),
    Channel("newsletter", "Newsletter", "Nieuwsbrief", "newsletter"),
    Channel("contact-form", "Contact form", "Contactformulier", "contact-form"),
    Channel("customer-service", "Customer service", "Klantenservice", "customer-service"),
    Channel("webshop", "Webshop", "Webshop", "webshop"),
    Channel("physical-store", "Physical store", "Fysieke winkel", "physical-store"),
    Channel("social-media", "Social media", "Sociale media", "social-media"),
    Channel("advertising", "Advertising", "Advertentie", "advertising"),
    Channel("word-of-mouth", "Word of mouth", "Mond-tot-mondreclame", "word-of-mouth"),
    Channel("reviews", "Reviews", "Reviews", "reviews"),
    Channel("search-engine", "Search engine", "Zoekmachine", "search-engine"),
    Channel("brochure", "Brochure", "Brochure", "brochure"),
    Channel("video", "Video", "Video", "video"),
    Channel("account-manager", "Account manager", "Accountmanager", "account-manager"),
    Channel("quote", "Quote", "Offerte", "quote"),
    Channel("delivery-updates", "Delivery updates", "Verzendupdates", "delivery-updates"),
    Channel("chat", "Chat", "Chat", "chat"),
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "website": ("websites",),
    "e-mail": ("e-mails",),
    "phone": ("telephone", "phone call", "telefonisch", "telefoongesprek"),
    "newsletter": ("newsletters", "nieuwsbrieven"),
    "contact-form": ("contact forms", "contactformulieren"),
    "customer-service": ("customer support", "customer care", "klantendienst"),
    "webshop": ("online shop", "online store", "webwinkel", "online winkel"),
    "physical-store": ("physical shop", "brick-and-mortar store", "brick-and-mortar shop", "in-store"),
    "advertising": ("advertisement", "advertisements", "ads", "advertenties", "reclame"),
    "word-of-mouth": ("mond-tot-mond",),
    "reviews": ("review", "online reviews", "recensie", "recensies"),
    "search-engine": ("search engines", "zoekmachines"),
    "brochure": ("brochures", "folder"),
    "video": ("videos", "video's", "video’s"),
    "account-manager": ("relationship manager", "relatiebeheerder"),
    "quote": ("quotation", "quotations", "offertes", "prijsopgave"),
    "delivery-updates": ("shipping updates", "track & trace", "track and trace"),
    "chat": ("live chat", "online chat"),
}
"""Other words people write for a catalogue channel, in English and Dutch: only those that can mean nothing else.
"mail" (post, or e-mail), "Google" (search, an advert, a map or reviews), "flyer" (advertising or a brochure) and
"winkel" (a shop, or a webshop) stay free text, and so do brand names ("Instagram"): the catalogue's name would say
less than the user wrote. Listed in docs/journey-json.md."""

_BY_KEY = {c.key: c for c in CHANNELS}


def folded(text: str) -> str:
    """`text` as channel names are compared: accents off (NFKD without its combining marks), case folded, and
    whitespace, hyphens, dashes and underscores left out."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        ch
        for ch in decomposed.casefold()
        if not ch.isspace() and not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Pd", "Pc")
    )


def _names() -> dict[str, str]:
    """Every folded name of a catalogue channel (key, English and Dutch name, synonyms) to its key; a name that
    would fold to two channels is a mistake in the catalogue, found at import."""
    names: dict[str, str] = {}
    for entry in CHANNELS:
        for name in (entry.key, entry.name_en, entry.name_nl, *SYNONYMS.get(entry.key, ())):
            key = folded(name)
            if names.setdefault(key, entry.key) != entry.key:
                raise AssertionError(f"channels: {name!r} names both {names[key]!r} and {entry.key!r}")
    if not SYNONYMS.keys() <= _BY_KEY.keys():
        raise AssertionError(f"channels: synonyms of unknown channels {sorted(SYNONYMS.keys() - _BY_KEY.keys())}")
    return names


_BY_NAME = _names()


@lru_cache(maxsize=4096)
def catalogue_key(text: str | None) -> str | None:
    """The key of the catalogue channel `text` names (its key, English or Dutch name, or a synonym, compared
    `folded`), or None when it names none: then it is free text."""
    return _BY_NAME.get(folded(text)) if text else None


def resolve(text: str | None) -> str | None:
    """The channel a user means by `text`: the catalogue key when it names a catalogue channel, else the trimmed
    free text (runs of spaces as one); None when there is no text."""
    if text is None:
        return None
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    return catalogue_key(cleaned) or cleaned


def channel(key: str | None) -> Channel | None:
    """The catalogue entry for `key`, or None for free text and no channel."""
    return _BY_KEY.get(key) if key else None


def channel_label(key: str | None, language: Language | str = Language.EN) -> str:
    """What to show for a touchpoint's channel: the catalogue name, or the free text as typed."""
    if not key:
        return ""
    entry = _BY_KEY.get(key)
    return entry.name(language) if entry else key
