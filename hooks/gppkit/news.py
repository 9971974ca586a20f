"""News posts: Markdown files in docs/<language>/news/ (other than index.md) with front matter.

Each language's posts are read from its own folder only, so a post missing in a language is
missing from that language's listings and feeds (never replaced by an English copy).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
import datetime as dt
import re
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationInfo
from pydantic_core import PydanticCustomError

from .dates import DATE_FORMS, as_instant, calendar_day, parse_date_or_aware_datetime
from .languages import LANGUAGES
from .model_problems import Wording, validate
from .page_front_matter import front_matter_text
from .page_headings import titles
from .problems import DataError, Problem
from .text_files import read_text
from .vocabularies import TAGS
from .yamlio import line_of, load_yaml_text

NEWS_FOLDER = "news"
FRONT_MATTER_FORM = "front matter between two '---' lines with title, date, summary and tags"
_WORDING = Wording(hints={
    "title": "a non-empty title in the page's language",
    "summary": "one or two sentences in the page's language",
    "date": DATE_FORMS,
    "tags": "a list of tag keys such as [circular-economy, climate]",
    "draft": "true or false",
})


def _known_tags(tags: list[str], info: ValidationInfo) -> list[str]:
    """Checked on the whole list, so the message names the field 'tags' and the unknown keys."""
    known = (info.context or {}).get("tags", ())
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        raise PydanticCustomError("unknown_tag", "a tag key from data/labels.yml: {known}",
                                  {"known": ", ".join(known), "received": ", ".join(unknown)})
    if not tags or len(set(tags)) < len(tags):  # a post would be on no tag page, or show a tag twice
        raise PydanticCustomError("tags", "one or more tag keys, each once, such as [circular-economy, climate]")
    return tags


class PostFrontMatter(BaseModel):
    """A post's front matter: the fields this hook reads, and the keys other parts of the site read.

    An unknown key is reported (an 'author:' would otherwise be dropped without a word).
    """

    model_config = ConfigDict(extra="forbid")

    # A title or summary of spaces alone (" ") showed an empty heading and summary.
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    date: Annotated[dt.date | dt.datetime, BeforeValidator(parse_date_or_aware_datetime)]
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    tags: Annotated[list[str], AfterValidator(_known_tags)]
    draft: bool = False
    # Read by other hooks (checked there) and by MkDocs or Material for any page.
    description: Any = None
    source_hash: Any = None
    hide: Any = None
    search: Any = None
    status: Any = None
    subtitle: Any = None
    icon: Any = None
    template: Any = None


@dataclass(frozen=True)
class Post:
    language: str
    slug: str
    source: str  # path inside docs/, such as "pl/news/2018-09-28-circpro-kick-off.md"
    title: str
    date: date | datetime
    summary: str
    tags: tuple[str, ...]
    draft: bool

    @property
    def published(self) -> datetime:
        return as_instant(self.date)

    @property
    def day(self) -> date:
        return calendar_day(self.date)


def split_front_matter(text: str, file_label: str) -> str:
    """The front matter block, preceded by one empty line so YAML line numbers are file line numbers."""
    block = front_matter_text(text)
    if block is None:
        raise DataError([Problem(file_label, 1, None, None, "no front matter", FRONT_MATTER_FORM)])
    return block


def parse_post(text: str, file_label: str, language: str, source: str, known_tags: Collection[str]) -> Post:
    """One post from its file text; DataError with every problem of its front matter."""
    meta: Any = load_yaml_text(split_front_matter(text, file_label), file_label)
    if not isinstance(meta, dict):
        raise DataError([Problem(file_label, 1, None, None, "front matter that is not a mapping", FRONT_MATTER_FORM)])
    fields = validate(PostFrontMatter, meta, file_label, _WORDING, context={"tags": tuple(known_tags)})
    _check_name_and_date(Path(source).name, calendar_day(fields.date), meta, file_label)
    _check_heading(text, fields.title, meta, file_label)
    slug = Path(source).stem
    return Post(language, slug, source, fields.title, fields.date, fields.summary,
                tuple(fields.tags), fields.draft)


def _check_heading(text: str, title: str, meta: Any, file_label: str) -> None:
    """The post's '# heading' repeats its title: the listing, the feeds and the browser's tab show the
    title, the page itself the heading (an editor who changed one of them left the other)."""
    found = titles(text)
    if not found or found[0][1] == title:
        return
    line, heading = found[0]
    raise DataError([Problem(
        file_label, line, None, "title",
        f"the heading {heading!r} under the title {title!r} (line {line_of(meta, ('title',))})",
        "the heading to repeat the title: lists, feeds and the browser's tab show the title, the page the heading")])


POST_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md")
POST_NAME_FORM = "a file named YYYY-MM-DD-short-english-slug.md (the post's date, lowercase letters, digits, hyphens)"


def is_post_source(src_uri: str) -> bool:
    """Whether ``src_uri`` (such as "pl/news/2026-10-05-green-deal-themes.md") names a news post."""
    path = PurePosixPath(src_uri)
    return path.parent.name == "news" and POST_NAME.fullmatch(path.name) is not None


def _check_name_and_date(name: str, day: dt.date, meta: Any, file_label: str) -> None:
    """The file name starts with the post's date: every language's copy has the same name, so the
    listing and the language switcher pair them; a date that differs would date one copy otherwise."""
    match = POST_NAME.fullmatch(name)
    if match is None:
        raise DataError([Problem(file_label, None, None, None, f"the file name {name!r}", POST_NAME_FORM)])
    if match.group(1) != day.isoformat():
        raise DataError([Problem(file_label, line_of(meta, ("date",)), None, "date",
                                 f"{day.isoformat()}, but the file name starts with {match.group(1)}",
                                 "the same day in both (rename the file in every language, or fix the date)")])


def post_sources(docs_dir: Path, language: str) -> list[Path]:
    folder = docs_dir / language / NEWS_FOLDER
    return sorted(path for path in folder.glob("*.md") if path.name != "index.md")


def stray_post_files(docs_dir: Path, language: str) -> list[Problem]:
    """Markdown files in the news folder that are not posts the listing reads: in a subfolder, or
    ending in .MD or .markdown (built as orphan pages, or published as raw files, and never listed)."""
    folder = docs_dir / language / NEWS_FOLDER
    return [Problem(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", None, None, None,
                    "a news file the listing and the feeds do not read",
                    f"{POST_NAME_FORM}, directly in {docs_dir.name}/{language}/{NEWS_FOLDER}/")
            for path in sorted(folder.rglob("*"))
            if path.is_file() and path.suffix.lower() in (".md", ".markdown")
            and (path.parent != folder or path.suffix != ".md")]


def _load_language(docs_dir: Path, language: str, known_tags: Collection[str]) -> tuple[list[Post], list[Problem]]:
    """A language's posts, and the problems of its files that could not be read."""
    posts: list[Post] = []
    problems: list[Problem] = []
    for path in post_sources(docs_dir, language):
        source = path.relative_to(docs_dir).as_posix()
        label = f"{docs_dir.name}/{source}"
        try:
            posts.append(parse_post(read_text(path, label), label, language, source, known_tags))
        except DataError as error:
            problems.extend(error.problems)
    return posts, problems


def load_posts(docs_dir: Path, languages: Iterable[str], known_tags: Collection[str]) -> dict[str, list[Post]]:
    """Every post (drafts included) of every language; DataError listing the problems of all files.

    (A build reads them in a forked process while it reads the catalogue: hooks/gpp_data.py.)
    """
    loaded = {language: _load_language(docs_dir, language, known_tags) for language in languages}
    problems = [problem for language, (_, unread) in loaded.items()
                for problem in [*unread, *stray_post_files(docs_dir, language)]]
    if problems:
        raise DataError(problems)
    return {language: posts for language, (posts, _) in loaded.items()}


def published(posts: Iterable[Post], now: datetime | None = None) -> list[Post]:
    """Posts that are not drafts (nor dated after ``now``), newest first (file name breaks ties, so the
    order is stable)."""
    return sorted((post for post in posts if not post.draft and (now is None or post.published <= now)),
                  key=lambda post: (post.published, post.slug), reverse=True)


def with_tag(posts: Iterable[Post], tag: str) -> list[Post]:
    return [post for post in posts if tag in post.tags]


def used_tags(posts: Iterable[Post], vocabulary: Iterable[str]) -> list[str]:
    """Tags that at least one of ``posts`` carries, in vocabulary order."""
    present = {tag for post in posts for tag in post.tags}
    return [tag for tag in vocabulary if tag in present]


class SiteNews:
    """Every language's posts, with what the listings, tag pages and feeds of a language ask for.

    Computed once per reading of the posts: sorting 500 posts again for every listing and tag
    page, and for each tag of every language, cost 0.3 s per build.
    """

    def __init__(self, posts: Mapping[str, list[Post]], vocabulary: Sequence[str], now: datetime | None = None):
        self.posts = dict(posts)  # language -> its posts, drafts included
        self.vocabulary = tuple(vocabulary)
        self.now = now  # posts dated later are not published yet (None: all are)
        self._published = {language: published(items, now) for language, items in self.posts.items()}
        self._tags = {language: used_tags(items, vocabulary) for language, items in self._published.items()}
        self._by_source = {post.source: post for items in self.posts.values() for post in items}
        self._as_of: dict[datetime, SiteNews] = {}

    def as_of(self, now: datetime) -> SiteNews:
        """The same posts as a build at ``now`` publishes them: one dated later waits, as a draft does,
        for the first build after its date (the nightly build, CONTRIBUTING)."""
        if now not in self._as_of:
            self._as_of[now] = SiteNews(self.posts, self.vocabulary, now)
        return self._as_of[now]

    def scheduled(self) -> list[Post]:
        """Posts that are not drafts but dated after the build's now, in file order."""
        return [post for items in self.posts.values() for post in items
                if not post.draft and self.now is not None and post.published > self.now]

    def published(self, language: str) -> list[Post]:
        """The language's posts that are not drafts, newest first."""
        return self._published.get(language, [])

    def tags(self, language: str) -> list[str]:
        """The tags the language's published posts carry, in vocabulary order."""
        return self._tags.get(language, [])

    def post(self, source: str) -> Post | None:
        """The post whose file is ``source`` ("pl/news/x.md"), drafts included; None for any other page."""
        return self._by_source.get(source)

    def draft_sources(self) -> set[str]:
        """The files of drafts and of posts not published yet: left out of the site."""
        return {post.source for items in self.posts.values() for post in items if post.draft} | \
            {post.source for post in self.scheduled()}


def load_site_news(docs_dir: Path) -> SiteNews:
    """Every language's posts, checked against the site's languages and tag vocabulary."""
    return SiteNews(load_posts(docs_dir, LANGUAGES, TAGS), TAGS)
