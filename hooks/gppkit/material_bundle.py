"""One surgical change to Material's JavaScript bundle, checked against the pinned version.

Material fetches ``sitemap.xml`` below the href of every ``<link rel="alternate">`` on each page
load, to remap language links for versioned sites. With absolute hreflang alternates (and feed
links) that is five or more requests per page view to addresses with no sitemap, and, in a
local preview, requests to the production host. Our language switcher already links each page
to its translations, so the lookup is pointed at links that do not exist.
"""

from __future__ import annotations

from pathlib import Path

ALTERNATE_QUERY = 'M("link[rel=alternate]")'
DISABLED_QUERY = 'M("link[rel=alternate][data-md-sitemap-lookup]")'


class MaterialBundleError(RuntimeError):
    pass


def disable_alternate_sitemap_lookup(bundle_js: str) -> str:
    if bundle_js.count(ALTERNATE_QUERY) != 1:
        raise MaterialBundleError(
            f"Material's bundle does not contain {ALTERNATE_QUERY} exactly once: the pinned "
            "mkdocs-material version changed; review hooks/gppkit/material_bundle.py."
        )
    return bundle_js.replace(ALTERNATE_QUERY, DISABLED_QUERY)


def patch_material_bundle(site_dir: Path) -> Path:
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise MaterialBundleError(f"expected one Material bundle in {site_dir}/assets/javascripts, found {len(bundles)}")
    bundle = bundles[0]
    text = bundle.read_text(encoding="utf-8")
    if DISABLED_QUERY not in text:  # the default language's build writes it once; later builds may not rewrite it
        bundle.write_text(disable_alternate_sitemap_lookup(text), encoding="utf-8")
    return bundle
