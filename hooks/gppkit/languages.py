"""The site's languages, in the order the language switcher shows them."""

from typing import Final

DEFAULT_LANGUAGE: Final = "en"
LANGUAGES: Final = ("en", "bg", "lv", "fi", "pl")

# Names in English, used in messages to editors (visitors see names from data/ui.yml).
LANGUAGE_NAMES_EN: Final = {
    "en": "English",
    "bg": "Bulgarian",
    "lv": "Latvian",
    "fi": "Finnish",
    "pl": "Polish",
}
