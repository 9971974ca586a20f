"""The JSON Schema of data/events.yml, generated from the model (editors' IDEs validate with it).

Regenerate after changing gppkit/events.py:  cd hooks && python -m gppkit.events_schema
"""

from __future__ import annotations

import json
from pathlib import Path

from .events import EventsFile

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "data" / "schema" / "events.schema.json"


def events_schema_text() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **EventsFile.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(events_schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
