"""Each build reads data/ and the news posts once, for all its languages.

The hooks that need the data ask gpp_data for it in every language's on_pre_build; its cache
loads a file again only when its content changed, which means reading and hashing every file
each time (500 posts per language: 0.3 s per language). From the start of a build (or of a
preview rebuild) to the next, the first reading stands. It is read at the start, all of it, so
that one message lists every file's mistakes.
"""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from gpp_data import new_build, read_all
from gpp_mkdocs import i18n_plugin


@event_priority(100)  # before the hooks that read the data (priority 0)
def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n_plugin(config).building:  # the first language of a build
        new_build(config)
        read_all(config)
