"""The built-in channel catalogue: the contact moments a customer has with a business.

A touchpoint's `channel` is either a catalogue key (`"social-media"`) or free text of up to 60 characters.
"""

from __future__ import annotations

from dataclasses import dataclass

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

_BY_KEY = {c.key: c for c in CHANNELS}


def channel(key: str | None) -> Channel | None:
    """The catalogue entry for `key`, or None for free text and no channel."""
    return _BY_KEY.get(key) if key else None


def channel_label(key: str | None, language: Language | str = Language.EN) -> str:
    """What to show for a touchpoint's channel: the catalogue name, or the free text as typed."""
    if not key:
        return ""
    entry = _BY_KEY.get(key)
    return entry.name(language) if entry else key
