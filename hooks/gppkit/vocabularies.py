"""The fixed vocabularies of data/*.yml: codes editors may use, each labelled in data/labels.yml.

The order here is the order of the JSON Schemas' enums (what an editor's IDE suggests) and of
data/labels.yml; it is not the order visitors see (they see labels sorted in their language).
"""

from typing import Final

# ISO 3166-1 alpha-2: the partner countries, then neighbours that suppliers may come from.
PARTNER_COUNTRIES: Final = ("BG", "LV", "FI", "PL", "LT", "EE")
COUNTRIES: Final = (*PARTNER_COUNTRIES, "SE", "DE", "DK")

MEMBER_TYPES: Final = (
    "municipality",
    "energy_agency",
    "planning_region",
    "central_purchasing_body",
    "procurement_monitoring_office",
    "ministry",
    "gpp_consultancy",
    "producer_supplier",
    "ngo",
    "research",
)
COUNCIL_KINDS: Final = ("coordination_council", "working_group")
MEETING_FREQUENCIES: Final = ("monthly", "every_two_months", "quarterly", "twice_a_year")

# Modelled on the EU GPP criteria groups.
PRODUCT_GROUPS: Final = (
    "food_catering",
    "cleaning",
    "office_it",
    "imaging",
    "furniture",
    "textiles",
    "transport",
    "electricity",
    "road_lighting",
    "construction",
    "paper",
    "public_space",
    "paints",
    "sanitary_tapware",
    "data_centres",
)
# Real ecolabels, management systems and standards.
CRITERIA: Final = (
    "eu_ecolabel",
    "nordic_swan",
    "blue_angel",
    "emas",
    "iso_14001",
    "iso_50001",
    "eu_organic",
    "fsc",
    "pefc",
    "tco_certified",
    "epeat",
    "energy_star",
    "fairtrade",
    "oeko_tex",
    "cradle_to_cradle",
    "eu_energy_label_a",
)
EVENT_KINDS: Final = (
    "webinar",
    "round_table",
    "stakeholder_meeting",
    "kick_off_meeting",
    "registration_deadline",
    "conference",
)
TAGS: Final = (
    "circular-economy",
    "chemical-safety",
    "climate",
    "green-deals",
    "emission-free-construction",
    "hazardous-substances",
    "stakeholder-groups",
    "supplier-network",
    "webinars",
    "events",
)

# Section of data/labels.yml → the codes it must label, in file order.
LABEL_SECTIONS: Final[dict[str, tuple[str, ...]]] = {
    "countries": COUNTRIES,
    "member_types": MEMBER_TYPES,
    "council_kinds": COUNCIL_KINDS,
    "meeting_frequencies": MEETING_FREQUENCIES,
    "product_groups": PRODUCT_GROUPS,
    "criteria": CRITERIA,
    "event_kinds": EVENT_KINDS,
    "tags": TAGS,
}
