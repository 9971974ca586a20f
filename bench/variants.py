"""Write one synthetic site: sources, data and two configs (mkdocs.yml: this project; stock.yml: stock)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from configs import project_config, stock_config
from datagen import vocabularies, write_posts, write_suppliers
from sitegen import copy_project, plan_sections, project_pages_per_language, sections_nav, write_sections

PROJECT_CONFIG = "mkdocs.yml"
STOCK_CONFIG = "stock.yml"


@dataclass(frozen=True)
class SiteSpec:
    pages: int  # per language, the project's own pages included
    posts: int = 0  # extra posts per language
    posts_as_news: bool = True  # False: the same files as plain pages outside the nav
    suppliers: int = 0  # 0: the project's own data/suppliers.yml

    def name(self) -> str:
        kind = "news" if self.posts_as_news else "notes"
        return f"p{self.pages}-{kind}{self.posts}-s{self.suppliers}"


def write_site(project: Path, folder: Path, spec: SiteSpec) -> Path:
    """Write the site for ``spec`` into ``folder`` and return it."""
    copy_project(project, folder)
    sections = plan_sections(max(0, spec.pages - project_pages_per_language(project)))
    write_sections(folder / "docs", sections)
    vocab = vocabularies(folder / "data" / "labels.yml")
    if spec.posts:
        write_posts(folder / "docs", spec.posts, vocab["tags"], spec.posts_as_news)
    if spec.suppliers:
        write_suppliers(folder / "data" / "suppliers.yml", spec.suppliers, vocab)
    nav = sections_nav(sections)
    (folder / PROJECT_CONFIG).write_text(project_config(project, nav), encoding="utf-8")
    (folder / STOCK_CONFIG).write_text(stock_config(project, nav), encoding="utf-8")
    return folder
