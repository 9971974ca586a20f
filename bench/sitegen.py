"""The synthetic site: the project's own pages plus generated sections, in every language.

A site of N pages per language holds the project's real pages (home, projects, catalogue,
councils, events, news with its posts, search …) and N minus their count of generated pages,
in sections of 10–25 pages (an index and its pages), eight sections to an area. Areas are
top-level navigation entries, as in a large handbook. One page in ten of a section is left
untranslated outside English (served as a fallback copy, as on the real site).
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from text import paragraph, sentence, title

# The project's languages, so that a fork's benchmark generates its own (hooks/ as the build has it).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from gppkit.languages import LANGUAGES  # noqa: E402
SECTIONS_PER_AREA = 8
GUIDES = "guides"


@dataclass(frozen=True)
class Section:
    area: int
    number: int
    pages: tuple[str, ...]  # paths inside docs/<language>/, the index first

    @property
    def title(self) -> str:
        return f"Section {self.area}.{self.number}"


def plan_sections(pages: int, seed: int = 7) -> list[Section]:
    """Sections of 10–25 pages adding up to ``pages`` (the last one may be smaller)."""
    rng, sections, left = random.Random(seed), [], pages
    while left > 0:
        size = min(left, rng.randint(10, 25))
        area, number = divmod(len(sections), SECTIONS_PER_AREA)
        folder = f"{GUIDES}/area-{area + 1:02d}/section-{number + 1:02d}"
        names = [f"{folder}/index.md", *(f"{folder}/page-{index:02d}.md" for index in range(1, size))]
        sections.append(Section(area + 1, number + 1, tuple(names)))
        left -= size
    return sections


def is_translated(section: Section, path: str, language: str) -> bool:
    return language == "en" or path == section.pages[0] or section.pages.index(path) % 10 != 9


def page_markdown(path: str, language: str, siblings: tuple[str, ...]) -> str:
    """A page of about 450 words: front matter, title, headings, paragraphs, a list of links, a note."""
    rng = random.Random(path)
    heading = title(rng) + ("" if language == "en" else f" ({language})")
    links = [sibling for sibling in rng.sample(siblings, min(3, len(siblings))) if sibling != path]
    folder = Path(path).parent
    lines = ["---", f"description: {sentence(rng, 10, 14)}", "---", "", f"# {heading}", "", paragraph(rng), ""]
    for number in range(1, 4):
        lines += [f"## {title(rng, 3)} {number}", "", paragraph(rng, 5), "", paragraph(rng, 3), ""]
    lines += ["## Related pages", ""]
    lines += [f"- [{title(rng, 2)}]({Path(link).relative_to(folder).as_posix()})" for link in links]
    lines += ["", '!!! note "Good practice"', "", f"    {paragraph(rng, 2)}", ""]
    return "\n".join(lines)


def write_sections(docs: Path, sections: list[Section]) -> int:
    """Write every section's pages in every language; return the number of files written."""
    written = 0
    for section in sections:
        for path in section.pages:
            for language in LANGUAGES:
                if not is_translated(section, path, language):
                    continue
                target = docs / language / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(page_markdown(path, language, section.pages), encoding="utf-8")
                written += 1
    return written


def sections_nav(sections: list[Section]) -> list[dict]:
    """Areas at the top level, each a list of sections; page titles come from the pages themselves."""
    areas: dict[int, list[dict]] = {}
    for section in sections:
        areas.setdefault(section.area, []).append({section.title: list(section.pages)})
    return [{f"Guides {area}": entries} for area, entries in areas.items()]


def project_pages_per_language(project: Path) -> int:
    return len(list((project / "docs" / "en").rglob("*.md")))


def copy_project(project: Path, destination: Path) -> None:
    """The project's site sources (docs, data, hooks, overrides); mkdocs.yml is written separately."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(project / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
