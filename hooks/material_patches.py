"""Stop Material's script from fetching sitemap.xml below every hreflang link (see gppkit.material_bundle)."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from gpp_mkdocs import is_last_step_of_build
from gppkit.material_bundle import MaterialBundleError, patch_material_bundle


@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if not is_last_step_of_build(config):
        return
    try:
        patch_material_bundle(Path(config.site_dir))
    except MaterialBundleError as error:
        raise PluginError(str(error)) from None
