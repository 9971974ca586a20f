"""One typed model of data/councils.yml, data/suppliers.yml and data/labels.yml.

Each file has its own model: gppkit.catalogue_data validates each file and reports every problem
of the three together, and ``CatalogueData`` holds the results. The same models give the JSON
Schemas in data/schema/, so editors' IDEs check the same rules. data/labels.yml also labels news
tags and event kinds.
Docstrings and field descriptions become the schemas' descriptions (IDE hover text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .languages import LANGUAGE_NAMES_EN, LANGUAGES, language_description
from .urls import WEB_SCHEMES, is_clean_link
from .vocabularies import (
    COUNCIL_KINDS,
    COUNTRIES,
    CRITERIA,
    LABEL_SECTIONS,
    MEETING_FREQUENCIES,
    MEMBER_TYPES,
    PARTNER_COUNTRIES,
    PRODUCT_GROUPS,
)


class StrictModel(BaseModel):
    # A mistyped key must be reported, not silently dropped.
    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Country = Literal[COUNTRIES]  # type: ignore[valid-type]
PartnerCountry = Literal[PARTNER_COUNTRIES]  # type: ignore[valid-type]
MemberType = Literal[MEMBER_TYPES]  # type: ignore[valid-type]
CouncilKind = Literal[COUNCIL_KINDS]  # type: ignore[valid-type]
MeetingFrequency = Literal[MEETING_FREQUENCIES]  # type: ignore[valid-type]
ProductGroup = Literal[PRODUCT_GROUPS]  # type: ignore[valid-type]
Criterion = Literal[CRITERIA]  # type: ignore[valid-type]

SUPPLIER_ID_PATTERN = r"^[a-z]{2}(-[a-z0-9]+)+$"
SUPPLIER_ID_FORM = "lowercase letters, digits and hyphens starting with the country code, such as pl-eko-druk"


def _web_address(value: str) -> str:
    value = value.strip()
    if not is_clean_link(value, WEB_SCHEMES):
        raise PydanticCustomError("web_address", "an http or https address without spaces, such as https://name.example")
    return value


def _contact_address(value: str) -> str:
    value = value.strip()
    if not is_clean_link(value):
        raise PydanticCustomError(
            "contact_address", "a mailto, http or https address without spaces, such as mailto:sales@name.example"
        )
    return value


def _each_once(values: list[str]) -> list[str]:
    repeated = sorted({value for value in values if values.count(value) > 1})
    if repeated:
        raise PydanticCustomError("repeated_code", "each code once (repeated: {repeated})",
                                  {"repeated": ", ".join(repeated)})
    return values


def _first_use(info: ValidationInfo, register: str, value: str, expected: str) -> None:
    """Refuse a value an earlier record used (supplier ids, council countries); the register lives in
    the validation context, so it starts empty for every validation."""
    if not isinstance(info.context, dict):
        return
    seen: set[str] = info.context.setdefault(register, set())
    if value in seen:
        raise PydanticCustomError("duplicate", expected, {"value": value})
    seen.add(value)


WebAddress = Annotated[str, AfterValidator(_web_address), Field(json_schema_extra={"pattern": "^\\s*https?://\\S+\\s*$"})]
ContactAddress = Annotated[
    str, AfterValidator(_contact_address), Field(json_schema_extra={"pattern": "^(https?://|mailto:[^@]+@)"})
]


def _codes(code_type: Any, description: str) -> Any:
    return Annotated[list[code_type], AfterValidator(_each_once),
                     Field(min_length=1, max_length=3, description=description)]


ProductGroups = _codes(ProductGroup, "1 to 3 product_groups codes of data/labels.yml")
Criteria = _codes(Criterion, "1 to 3 criteria codes (labels, standards) of data/labels.yml")


class TranslationBase(StrictModel):
    """What every ``Translation`` has beside its fields."""

    def in_language(self, language: str) -> str:
        return str(getattr(self, language))


# One field per language of gppkit.languages, in its order: a project with other languages changes
# that list only. (Type checkers see the base class.)
if TYPE_CHECKING:
    Translation = TranslationBase
else:
    Translation = create_model(
        "Translation",
        __base__=TranslationBase,
        __doc__="A text in each of the site's languages, each written natively.",
        **{language: (Text, Field(description=language_description(language))) for language in LANGUAGES},
    )


class SupportUnit(StrictModel):
    """The (fictional) energy agency that supports the council: name in the country's own language."""

    name: Text
    website: WebAddress


class Member(StrictModel):
    """One member organisation of a council or working group (fictional sample data)."""

    organisation: Text = Field(description="Name in the country's own language")
    type: MemberType = Field(description="A member_types code of data/labels.yml")
    city: Text = Field(description="A real city, in the country's own language")
    website: WebAddress


class Council(StrictModel):
    """The national coordination council or working group of one partner country."""

    country: PartnerCountry = Field(description="ISO code of the partner country; one council per country")
    kind: CouncilKind
    name: Translation = Field(description="The body's name in every language")
    support_unit: SupportUnit
    meets: MeetingFrequency = Field(description="A meeting_frequencies code of data/labels.yml")
    members: list[Member] = Field(min_length=1)

    @field_validator("country")
    @classmethod
    def _one_council_per_country(cls, value: str, info: ValidationInfo) -> str:
        _first_use(info, "council countries", value, "a country that has no other council in the file")
        return value


class Supplier(StrictModel):
    """One supplier of the catalogue (fictional sample data)."""

    id: str = Field(description="Unique, lowercase letters, digits and hyphens, starting with the country code",
                    json_schema_extra={"pattern": SUPPLIER_ID_PATTERN})
    name: Text
    country: Country
    city: Text = Field(description="A real city or region")
    product_groups: ProductGroups
    criteria: Criteria
    example: Translation = Field(description="A concrete good-practice example, in every language")
    website: WebAddress
    contact: ContactAddress | None = Field(default=None, description="Optional: mailto: address or contact page")

    @field_validator("id")
    @classmethod
    def _unique_id(cls, value: str, info: ValidationInfo) -> str:
        if not re.fullmatch(SUPPLIER_ID_PATTERN, value):
            raise PydanticCustomError("supplier_id", SUPPLIER_ID_FORM)
        _first_use(info, "supplier ids", value, "an id that no other supplier uses")
        return value

    @model_validator(mode="after")
    def _id_starts_with_country(self) -> Supplier:
        prefix = f"{self.country.lower()}-"
        if not self.id.startswith(prefix):
            raise PydanticCustomError(
                "id_country", "an id starting with '{prefix}', the code of its country {country}",
                {"prefix": prefix, "country": self.country, "field": "id", "received": self.id},
            )
        return self


class CouncilsFile(StrictModel):
    """data/councils.yml: one council or working group per partner country. Fictional sample data."""

    councils: list[Council] = Field(min_length=1)


class SuppliersFile(StrictModel):
    """data/suppliers.yml: the supplier catalogue. Fictional sample data."""

    suppliers: list[Supplier] = Field(min_length=1)


def label_field_name(code: str) -> str:
    """Python name of a code's label field (tags such as 'green-deals' contain hyphens)."""
    return code.replace("-", "_")


def _section_model(section: str, codes: tuple[str, ...]) -> type[StrictModel]:
    fields: dict[str, Any] = {
        label_field_name(code): (Translation, Field(alias=code)) for code in codes
    }
    title = "".join(part.title() for part in section.split("_")) + "Labels"
    return create_model(title, __base__=StrictModel, __doc__=f"A label for every {section} code.", **fields)


class LabelsBase(StrictModel):
    """Label lookup shared by the generated LabelsFile model."""

    def label(self, section: str, code: str, language: str) -> str:
        translations: Translation = getattr(getattr(self, section), label_field_name(code))
        return translations.in_language(language)

    def section_labels(self, section: str, language: str) -> dict[str, str]:
        """``{code: label}`` of one section (such as ``tags``) in one language, in vocabulary order."""
        return {code: self.label(section, code, language) for code in LABEL_SECTIONS[section]}


_SECTION_MODELS = {section: _section_model(section, codes) for section, codes in LABEL_SECTIONS.items()}
# Module attributes under their own names (CountriesLabels, …), as pickle finds classes: validated
# labels are kept between builds (gppkit.file_cache).
globals().update({model.__name__: model for model in _SECTION_MODELS.values()})

LabelsFile = create_model(
    "LabelsFile",
    __base__=LabelsBase,
    __doc__="data/labels.yml: every vocabulary code labelled in " + ", ".join(LANGUAGE_NAMES_EN.values()) + ".",
    **{section: (model, ...) for section, model in _SECTION_MODELS.items()},
)


class CatalogueData(StrictModel):
    """The three files, each validated with its model (its fields are the files)."""

    councils: CouncilsFile
    suppliers: SuppliersFile
    labels: LabelsFile  # type: ignore[valid-type]


# data/schema/<stem>.schema.json is generated from these: `make schemas` (gppkit/data_schemas.py).
SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "councils": CouncilsFile,
    "suppliers": SuppliersFile,
    "labels": LabelsFile,
}
