"""Large data in the project's own formats: suppliers for data/suppliers.yml, news posts.

The same post files serve two variants: under docs/<language>/news/ they are news posts
(listed, tagged, fed); under docs/<language>/notes/ they are plain pages outside the
navigation. Comparing the two measures what the data-driven features cost, page for page.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import yaml

from sitegen import LANGUAGES
from text import WORDS, paragraph, sentence, title

NOTES = "notes"
CITIES = {"BG": "Plovdiv", "LV": "Riga", "FI": "Kouvola", "PL": "Kraków", "LT": "Vilnius",
          "EE": "Tartu", "SE": "Malmö", "DE": "Rostock", "DK": "Aarhus"}


def vocabularies(labels_file: Path) -> dict[str, list[str]]:
    labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    return {section: list(codes) for section, codes in labels.items()}


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def supplier_yaml(number: int, rng: random.Random, vocab: dict[str, list[str]]) -> str:
    country = rng.choice([code for code in vocab["countries"] if code in CITIES])
    slug = f"bench-{rng.choice(WORDS)}-{number:05d}"
    groups = rng.sample(vocab["product_groups"], rng.randint(1, 3))
    criteria = rng.sample(vocab["criteria"], rng.randint(1, 3))
    lines = [f"  - id: {country.lower()}-{slug}", f"    name: {_quoted(title(rng, 3) + ' Ltd')}",
             f"    country: {country}", f"    city: {_quoted(CITIES[country])}",
             f"    product_groups: [{', '.join(groups)}]", f"    criteria: [{', '.join(criteria)}]", "    example:"]
    lines += [f"      {language}: {_quoted(sentence(rng, 14, 24))}" for language in LANGUAGES]
    lines += [f"    website: https://{slug}.example", f"    contact: mailto:office@{slug}.example"]
    return "\n".join(lines)


def write_suppliers(path: Path, count: int, vocab: dict[str, list[str]]) -> None:
    rng = random.Random(count)
    records = [supplier_yaml(number, rng, vocab) for number in range(1, count + 1)]
    path.write_text("suppliers:\n" + "\n".join(records) + "\n", encoding="utf-8")


def post_markdown(number: int, language: str, tags: list[str], as_news: bool = True) -> str:
    """A post; as a plain page (``as_news`` false) its front matter keeps only what a page may have."""
    rng = random.Random(f"post-{number}")
    day = dt.date(2019, 1, 1) + dt.timedelta(days=3 * number)
    heading = title(rng, 5) + ("" if language == "en" else f" ({language})")
    summary = sentence(rng, 14, 22)
    body = [paragraph(rng, 5), "", f"## {title(rng, 3)}", "", paragraph(rng, 4), "", paragraph(rng, 3)]
    post_keys = [f"date: {day.isoformat()}", f"summary: {_quoted(summary)}",
                 f"tags: [{', '.join(rng.sample(tags, rng.randint(1, 3)))}]"]
    front = ["---", f"title: {_quoted(heading)}", f"description: {_quoted(summary)}", *(post_keys if as_news else []), "---"]
    return "\n".join([*front, "", f"# {heading}", "", *body, ""])


def post_file_name(number: int) -> str:
    day = dt.date(2019, 1, 1) + dt.timedelta(days=3 * number)
    return f"{day.isoformat()}-bench-post-{number:03d}.md"


def write_posts(docs: Path, count: int, tags: list[str], as_news: bool) -> None:
    """``count`` posts per language, as news posts or as plain pages under notes/."""
    for language in LANGUAGES:
        folder = docs / language / ("news" if as_news else NOTES)
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(1, count + 1):
            (folder / post_file_name(number)).write_text(post_markdown(number, language, tags, as_news), encoding="utf-8")
