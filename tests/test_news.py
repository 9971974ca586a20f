"""News as built: listings, latest posts, tag pages, drafts, posts missing in a language, bad front matter."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest
from babel.dates import format_date

from conftest import LANGUAGES, PROJECT_ROOT, assert_clean_failure, copy_site, language_dir, run_build, soup
from gppkit.news import Post, SiteNews, parse_post
from gppkit.ui_text import load_ui_text
from news_events_helpers import BABEL_LOCALE, built_file, labels, language_url, source_posts

TAG_LABELS = labels("tags")
TAG_TITLES = load_ui_text(PROJECT_ROOT / "data" / "ui" / "news.yml", "data/ui/news.yml")["news_tag_title"]
KICK_OFF = "docs/en/news/2018-09-28-circpro-kick-off.md"


def listing(page: Path) -> list[dict]:
    """Title, link target, date text and tag links of every post listed on a built page."""
    items = []
    for article in soup(page).select("article.gpp-news-item"):
        title = article.select_one(".gpp-news-item__title a")
        items.append({
            "title": title.get_text(strip=True),
            "href": title["href"],
            "date": article.select_one("time").get_text(strip=True),
            "tags": [(a.get_text(strip=True), a["href"]) for a in article.select(".gpp-tags a")],
        })
    return items


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_page_lists_the_languages_own_posts_newest_first(built_site: Path, language: str):
    page = language_dir(built_site, language) / "news" / "index.html"
    posts = source_posts(language)
    items = listing(page)
    assert [item["title"] for item in items] == [post["title"] for post in posts]
    for item, post in zip(items, posts):
        assert item["date"] == format_date(post["date"], format="long", locale=BABEL_LOCALE.get(language, language))
        target = soup(built_file(built_site, item["href"], page))
        assert target.html["lang"] == language
        assert target.find("article").find("h1").get_text(strip=True) == post["title"]
        assert [label for label, _ in item["tags"]] == [TAG_LABELS[tag][language] for tag in post["tags"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_page_has_a_visible_subscribe_link_to_its_languages_feeds(built_site: Path, language: str):
    page = language_dir(built_site, language) / "news" / "index.html"
    subscribe = soup(page).select_one("article .gpp-subscribe")
    assert subscribe and subscribe.get_text(strip=True)
    targets = {link["type"]: built_file(built_site, link["href"], page) for link in subscribe.find_all("a")}
    assert targets == {
        "application/rss+xml": language_dir(built_site, language) / "feed.xml",
        "application/atom+xml": language_dir(built_site, language) / "atom.xml",
    }
    assert all(not feedparser.parse(target.read_bytes()).bozo for target in targets.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_three_latest_posts(built_site: Path, language: str):
    page = language_dir(built_site, language) / "index.html"
    items = listing(page)
    assert [item["title"] for item in items] == [post["title"] for post in source_posts(language)[:3]]
    assert all(built_file(built_site, item["href"], page).is_file() for item in items)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_tag_has_a_page_listing_its_posts_in_that_language(built_site: Path, language: str):
    posts = source_posts(language)
    tags = {tag for post in posts for tag in post["tags"]}
    built_tags = {path.name for path in (language_dir(built_site, language) / "news" / "tags").iterdir()}
    assert built_tags == tags
    for tag in tags:
        page = language_dir(built_site, language) / "news" / "tags" / tag / "index.html"
        html = soup(page)
        assert html.html["lang"] == language
        title = TAG_TITLES[language].replace("{tag}", TAG_LABELS[tag][language])
        assert html.find("article").find("h1").get_text(strip=True) == title
        assert html.title.get_text().startswith(title)
        assert TAG_LABELS[tag][language] in html.find("meta", attrs={"name": "description"})["content"]
        assert [item["title"] for item in listing(page)] == [post["title"] for post in posts if tag in post["tags"]]
        all_news = html.select_one(".gpp-news-all a")
        assert built_file(built_site, all_news["href"], page) == language_dir(built_site, language) / "news" / "index.html"


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_links_on_the_news_page_lead_to_the_tag_pages(built_site: Path, language: str):
    page = language_dir(built_site, language) / "news" / "index.html"
    for item in listing(page):
        for label, href in item["tags"]:
            target = built_file(built_site, href, page)
            assert target.is_file(), href
            # "News: Green deals": the site has a page "Green deals" of its own.
            assert soup(target).find("article").find("h1").get_text(strip=True) == TAG_TITLES[language].replace("{tag}", label)


def post_meta(page: Path) -> dict:
    """The date and tag links that follow the title of a built post page."""
    title = soup(page).find("article").find("h1")
    meta = title.find_next_sibling()
    assert meta.name == "p" and "gpp-post-meta" in meta["class"], meta
    tags = meta.find_next_sibling()
    tags = tags if tags is not None and tags.name == "ul" and "gpp-tags" in tags.get("class", []) else None
    return {"datetime": meta.time["datetime"], "date": meta.time.get_text(strip=True),
            "tags": [(a.get_text(strip=True), a["href"]) for a in tags.select("a")] if tags else []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_post_shows_its_date_and_tags_under_its_title(built_site: Path, language: str):
    news = language_dir(built_site, language) / "news"
    listed = {Path(item["href"]).name: item for item in listing(news / "index.html")}
    for post in source_posts(language):
        page = news / post["slug"] / "index.html"
        meta = post_meta(page)
        assert meta["date"] == format_date(post["date"], format="long", locale=BABEL_LOCALE.get(language, language))
        assert meta["datetime"] == str(post["date"])[:10]
        assert [label for label, _ in meta["tags"]] == [TAG_LABELS[tag][language] for tag in post["tags"]]
        # The same date and tag pages as the listing shows for it.
        assert meta["date"] == listed[post["slug"]]["date"]
        assert [built_file(built_site, href, page) for _, href in meta["tags"]] == \
            [built_file(built_site, href, news / "index.html") for _, href in listed[post["slug"]]["tags"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_pages_switch_language_and_carry_absolute_hreflang_links(built_site: Path, language: str):
    page = language_dir(built_site, language) / "news" / "tags" / "climate" / "index.html"
    html = soup(page)
    switcher = {a["hreflang"]: built_file(built_site, a["href"], page) for a in html.select("a.md-select__link")}
    assert switcher == {other: language_dir(built_site, other) / "news" / "tags" / "climate" / "index.html"
                        for other in LANGUAGES}
    alternates = {link["hreflang"]: link["href"] for link in html.select("link[rel=alternate][hreflang]")}
    assert alternates == {**{other: language_url(other, "news/tags/climate/") for other in LANGUAGES},
                          "x-default": language_url("en", "news/tags/climate/")}


def test_tag_pages_are_in_the_sitemap(built_site: Path):
    locations = set(re.findall(r"<loc>(.*?)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8")))
    for language in LANGUAGES:
        assert language_url(language, "news/tags/climate/") in locations


# --- A copied site with a draft post and a post deleted in Polish ----------------------------------------

DRAFT = """---
title: {title}
date: 2026-11-20
summary: A post that is not ready yet.
description: A post that is not ready yet and must not appear anywhere on the site or in the feeds.
tags: [webinars]
draft: true
---

# {title}

Not ready.
"""
DRAFT_NAME = "2026-11-20-not-ready.md"
DELETED_IN_PL = "2026-10-05-green-deal-themes"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("edited-news"))
    for language in ("en", "pl"):
        (root / "docs" / language / "news" / DRAFT_NAME).write_text(DRAFT.format(title=f"Draft {language}"), encoding="utf-8")
    (root / "docs" / "pl" / "news" / f"{DELETED_IN_PL}.md").unlink()
    result = run_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_draft_is_not_built_listed_or_fed(edited_site: Path, language: str):
    root = language_dir(edited_site, language)
    assert not (root / "news" / DRAFT_NAME.removesuffix(".md")).exists()
    assert not (root / "news" / "tags" / "webinars").exists()
    for page in (root / "news" / "index.html", root / "index.html"):
        assert "Draft" not in " ".join(item["title"] for item in listing(page))
    for feed in ("feed.xml", "atom.xml"):
        assert all("not-ready" not in entry.link for entry in feedparser.parse((root / feed).read_bytes()).entries)
    assert "not-ready" not in (edited_site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_post_missing_in_polish_is_absent_from_polish_listings_and_feeds(edited_site: Path):
    pl = language_dir(edited_site, "pl")
    english_title = source_posts("en")[0]["title"]
    polish_titles = [post["title"] for post in source_posts("pl") if post["slug"] != DELETED_IN_PL]
    assert [item["title"] for item in listing(pl / "news" / "index.html")] == polish_titles
    assert [item["title"] for item in listing(pl / "index.html")] == polish_titles[:3]
    for feed in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((pl / feed).read_bytes())
        assert [entry.title for entry in parsed.entries] == polish_titles
        assert english_title not in (pl / feed).read_text(encoding="utf-8")
    # Its tags had no other Polish post: no Polish tag page for them, and other languages' tag pages
    # neither claim a Polish version nor send the switcher to a missing page.
    assert not (pl / "news" / "tags" / "green-deals").exists()
    english_tag_page = edited_site / "news" / "tags" / "green-deals" / "index.html"
    html = soup(english_tag_page)
    assert "pl" not in {link["hreflang"] for link in html.select("link[rel=alternate][hreflang]")}
    switcher = {a["hreflang"]: built_file(edited_site, a["href"], english_tag_page) for a in html.select("a.md-select__link")}
    assert switcher["pl"] == pl / "index.html"


def test_the_english_copy_of_a_post_missing_in_polish_shows_its_english_date_without_tag_links(edited_site: Path):
    page = language_dir(edited_site, "pl") / "news" / DELETED_IN_PL / "index.html"
    post = next(post for post in source_posts("en") if post["slug"] == DELETED_IN_PL)
    meta = post_meta(page)
    assert meta == {"datetime": str(post["date"])[:10], "date": format_date(post["date"], format="long", locale="en_GB"),
                    "tags": []}
    assert soup(page).select_one(".gpp-post-meta").find_parent(attrs={"lang": "en"}) is not None


@pytest.mark.parametrize("language", ["en", "bg", "lv", "fi"])
def test_the_post_deleted_in_polish_is_still_listed_and_fed_elsewhere(edited_site: Path, language: str):
    root = language_dir(edited_site, language)
    title = next(post["title"] for post in source_posts(language) if post["slug"] == DELETED_IN_PL)
    assert title in [item["title"] for item in listing(root / "news" / "index.html")]
    assert title in [entry.title for entry in feedparser.parse((root / "feed.xml").read_bytes()).entries]


STRAY_POSTS = {
    "upper-case extension": lambda news: news / "2018-09-28-circpro-kick-off.MD",
    "in a subfolder": lambda news: news / "2018" / "2018-09-28-circpro-kick-off.md",
}


@pytest.mark.parametrize("case", STRAY_POSTS)
def test_a_post_file_the_listing_would_not_read_stops_the_build(tmp_path: Path, case: str):
    # Else it was built as an orphan page (or published raw) and missing from the listing and feeds.
    root = copy_site(tmp_path / "src")
    news = root / "docs" / "fi" / "news"
    target = STRAY_POSTS[case](news)
    target.parent.mkdir(exist_ok=True)
    (news / "2018-09-28-circpro-kick-off.md").rename(target)
    assert_clean_failure(run_build(root), f"docs/fi/news/{target.relative_to(news).as_posix()}: "
                         "received a news file the listing and the feeds do not read",
                         "expected a file named YYYY-MM-DD-short-english-slug.md", "directly in docs/fi/news/")


def test_a_post_named_without_its_date_stops_the_build(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    news = root / "docs" / "pl" / "news"
    (news / "2018-09-28-circpro-kick-off.md").rename(news / "circpro-kick-off-copy.md")
    assert_clean_failure(run_build(root), "docs/pl/news/circpro-kick-off-copy.md: received the file name "
                         "'circpro-kick-off-copy.md'; expected a file named YYYY-MM-DD-short-english-slug.md")


# --- Bad front matter stops the build with file, line, field, received and expected -----------------------

BAD_FRONT_MATTER = {
    "missing title": (r"(?m)^title: .*\n", "", [f"{KICK_OFF}:2", "field 'title'", "received nothing"]),
    "missing date": (r"(?m)^date: .*\n", "", ["field 'date'", "received nothing", "expected a date such as 2018-09-28"]),
    "impossible date": (r"(?m)^date: .*$", "date: 2018-09-31", [f"{KICK_OFF}:3", "field 'date'", "received '2018-09-31'"]),
    "unparseable date": (r"(?m)^date: .*$", "date: 28.09.2018", [f"{KICK_OFF}:3", "received '28.09.2018'", "with a UTC offset"]),
    "date without offset": (r"(?m)^date: .*$", "date: 2018-09-28T10:00:00", [f"{KICK_OFF}:3", "without a UTC offset"]),
    "summary not text": (r"(?m)^summary: .*$", "summary: [one, two]", [f"{KICK_OFF}:4", "field 'summary'", "expected one or two sentences"]),
    "unknown tag": (r"(?m)^tags: .*$", "tags: [circular-economy, recycling]",
                    [f"{KICK_OFF}:6", "field 'tags'", "received 'recycling'", "expected a tag key from data/labels.yml"]),
    "tags not a list": (r"(?m)^tags: .*$", "tags: climate", [f"{KICK_OFF}:6", "expected a list of tag keys"]),
    "draft not yes or no": (r"(?m)^tags: .*$", "tags: [climate]\ndraft: maybe", ["field 'draft'", "expected true or false"]),
    "no front matter": (r"(?s)\A---.*?---\n", "", [f"{KICK_OFF}:1", "received no front matter"]),
    "unknown key": (r"(?m)^tags: (.*)$", r"tags: \1\nauthor: Kinno",
                    [f"{KICK_OFF}:7", "field 'author'", "received the unknown field 'author'", "title, date, summary, tags, draft"]),
    "no tags": (r"(?m)^tags: .*$", "tags: []", [f"{KICK_OFF}:6", "field 'tags'", "expected one or more tag keys, each once"]),
    "a tag twice": (r"(?m)^tags: .*$", "tags: [climate, climate]", [f"{KICK_OFF}:6", "field 'tags'", "each once"]),
    "date not the file name's": (r"(?m)^date: .*$", "date: 2018-09-29",
                                 [f"{KICK_OFF}:3", "field 'date'", "received 2018-09-29, but the file name starts with 2018-09-28"]),
    "title changed, heading not": (r"(?m)^title: CircPro kicks off in Kouvola", "title: CircPro starts in Kouvola",
                                   [f"{KICK_OFF}:9", "field 'title'", "received the heading 'CircPro kicks off in Kouvola",
                                    "under the title 'CircPro starts in Kouvola", "(line 2)", "expected the heading to repeat the title"]),
    "a title of spaces": (r"(?m)^title: .*$", 'title: " "', [f"{KICK_OFF}:2", "field 'title'", "expected"]),
    "a title with ' #'": (r"(?m)^title: .*$", "title: Green deals #2 and #3",
                          [f"{KICK_OFF}:2", "field 'title'", "received 'Green deals' and then '#2 and #3' on the same line"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FRONT_MATTER))
def test_bad_front_matter_fails_the_build_clearly(tmp_path: Path, case: str):
    pattern, replacement, fragments = BAD_FRONT_MATTER[case]
    root = copy_site(tmp_path / "src")
    post = root / KICK_OFF
    text, count = re.subn(pattern, replacement, post.read_text(encoding="utf-8"), count=1)
    assert count == 1
    post.write_text(text, encoding="utf-8")
    assert_clean_failure(run_build(root), *fragments)


def test_problems_in_several_posts_are_reported_together(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    for language in ("bg", "fi"):
        post = root / "docs" / language / "news" / "2026-10-05-green-deal-themes.md"
        post.write_text(post.read_text(encoding="utf-8").replace("date: 2026-10-05", "date: soon"), encoding="utf-8")
    assert_clean_failure(run_build(root), "2 problems", "docs/bg/news/2026-10-05-green-deal-themes.md:3",
                         "docs/fi/news/2026-10-05-green-deal-themes.md:3")


def test_missing_labels_file_fails_the_build_clearly(tmp_path: Path):
    root = copy_site(tmp_path / "src")
    (root / "data" / "labels.yml").unlink()
    assert_clean_failure(run_build(root), "data/labels.yml", "no such file")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_a_post_on_its_own_page_not_on_every_listing(built_site: Path, language: str):
    from test_catalogue_build import search_records  # noqa: PLC0415 - one reader of Pagefind's files

    records = search_records(built_site)
    root = "/" if language == "en" else f"/{language}/"
    title = source_posts(language)[0]["title"].strip()  # listed on the news, tag and home pages too
    holders = [url for url, content in records.items() if title in content]
    assert holders and all(url.startswith(f"{root}news/2") for url in holders), holders


def test_site_news_lists_published_posts_newest_first_with_their_tags_and_the_drafts():
    def post(slug: str, when: date | datetime, tags: tuple[str, ...] = (), draft: bool = False) -> Post:
        return Post("pl", slug, f"pl/news/{slug}.md", slug.title(), when, "summary", tags, draft)

    evening = datetime(2026, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=-2)))  # 2 March in UTC
    posts = [post("older", date(2026, 1, 5), ("climate",)), post("draft", date(2026, 9, 1), ("events",), draft=True),
             post("a-same-day", date(2026, 3, 2)), post("b-same-day", date(2026, 3, 2), ("webinars", "climate")),
             post("evening", evening)]
    news = SiteNews({"pl": posts, "bg": []}, ["webinars", "events", "climate"])
    assert [p.slug for p in news.published("pl")] == ["evening", "b-same-day", "a-same-day", "older"]
    assert news.tags("pl") == ["webinars", "climate"]  # vocabulary order; the draft's tag is not used
    assert news.draft_sources() == {"pl/news/draft.md"}
    assert news.published("bg") == [] and news.tags("bg") == [] and news.published("fi") == []
    # A build before a post's date leaves it out, as a draft, with its tags.
    before = news.as_of(datetime(2026, 3, 1, 12, tzinfo=timezone.utc))
    assert [p.slug for p in before.published("pl")] == ["older"] and before.tags("pl") == ["climate"]
    assert [p.slug for p in before.scheduled()] == ["a-same-day", "b-same-day", "evening"]
    assert before.draft_sources() == {f"pl/news/{slug}.md" for slug in ("draft", "a-same-day", "b-same-day", "evening")}
    assert news.as_of(datetime(2026, 3, 3, tzinfo=timezone.utc)).published("pl") == news.published("pl")


def test_a_post_saved_with_windows_line_ends_reads_as_the_same_post():
    # The heading check once read "Title\r" under the title "Title".
    source = "en/news/2018-09-28-circpro-kick-off.md"
    text = (PROJECT_ROOT / "docs" / source).read_text(encoding="utf-8")
    unix, windows = (parse_post(body, KICK_OFF, "en", source, list(TAG_LABELS)) for body in (text, text.replace("\n", "\r\n")))
    assert windows == unix


def test_a_post_dated_after_the_build_waits_for_its_date(tmp_path: Path):
    # A year mistyped (2027 for 2026) put a post at the top of every listing; a post written ahead
    # now appears with the first (nightly) build after its date, and each build says so.
    root = copy_site(tmp_path / "src")
    news = root / "docs" / "en" / "news"
    source = (news / "2026-10-05-green-deal-themes.md").read_text(encoding="utf-8")
    (news / "2027-05-01-green-deal-signed.md").write_text(source.replace("date: 2026-10-05", "date: 2027-05-01"),
                                                          encoding="utf-8")
    early = run_build(root, tmp_path / "early")
    assert early.returncode == 0, early.stderr
    assert "docs/en/news/2027-05-01-green-deal-signed.md: dated 2027-05-01, after this build's time (2026-11-21)" \
        in early.stderr
    assert not (tmp_path / "early" / "news" / "2027-05-01-green-deal-signed").exists()
    assert "2027-05-01" not in (tmp_path / "early" / "feed.xml").read_text(encoding="utf-8")
    late = run_build(root, tmp_path / "late", SOURCE_DATE_EPOCH="1809475200")  # 2027-05-05
    assert late.returncode == 0, late.stderr
    assert (tmp_path / "late" / "news" / "2027-05-01-green-deal-signed" / "index.html").is_file()
    entries = feedparser.parse((tmp_path / "late" / "feed.xml").read_bytes()).entries
    assert "2027-05-01-green-deal-signed" in entries[0].link  # newest first
