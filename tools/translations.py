"""Translation status for editors: `make translations` (report) and `make translations-mark FILE=…`.

Report: per language, the pages missing and the pages whose English source changed since the
translation recorded its source_hash. Exit code 0 (the report is information, not a failure)
unless --fail-on-outdated is given.
Mark: record the current English hash in a translation once it has been brought up to date.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from gppkit.languages import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from gppkit.problems import DataError  # noqa: E402
from gppkit.translations import (  # noqa: E402
    format_report,
    page_text,
    source_hash,
    translation_status,
    with_recorded_hash,
)


def mark(paths: list[Path], docs_dir: Path) -> int:
    for path in paths:
        relative = path.resolve().relative_to(docs_dir.resolve())
        language, page = relative.parts[0], Path(*relative.parts[1:])
        if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
            others = "|".join(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
            print(f"{path}: not a translation (expected docs/<{others}>/…)", file=sys.stderr)
            return 2
        english = docs_dir / DEFAULT_LANGUAGE / page
        if not english.exists():
            print(f"{path}: no English source at {english}", file=sys.stderr)
            return 2
        new_hash = source_hash(page_text(docs_dir, DEFAULT_LANGUAGE, page.as_posix()))
        # Bytes, not text mode: on Windows, text mode would turn a kept "\r\n" into "\r\r\n".
        path.write_bytes(with_recorded_hash(page_text(docs_dir, language, page.as_posix()), new_hash).encode("utf-8"))
        print(f"{path}: source_hash {new_hash}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--mark", nargs="+", type=Path, metavar="FILE", help="record the English hash in these translations")
    parser.add_argument("--fail-on-outdated", action="store_true")
    args = parser.parse_args(argv)
    try:  # a page that is not UTF-8: its file and line, as the build reports it
        if args.mark:
            return mark(args.mark, args.docs)
        report = translation_status(args.docs, DEFAULT_LANGUAGE, list(LANGUAGES))
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    print(format_report(report))
    return 1 if args.fail_on_outdated and any(status.needs_work for status in report) else 0


if __name__ == "__main__":
    sys.exit(main())
