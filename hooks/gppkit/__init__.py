"""Plain, typed Python behind the Baltic GPP site: loading, validating and rendering.

Nothing in this package imports MkDocs, so a future generator can call it directly.
The files in ``hooks/`` are the thin MkDocs glue around it.
"""
