"""JSON Schemas of the data files (councils, suppliers, labels, events), generated from their models.

Editors' IDEs read them through each file's first line (`# yaml-language-server: $schema=...`).
Regenerate after changing gppkit/catalogue_model.py, gppkit/events.py or gppkit/vocabularies.py:
`make schemas` (or `cd hooks && python -m gppkit.data_schemas`); a test fails while they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .catalogue_model import SCHEMA_MODELS
from .events import EventsFile

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"
# data/<stem>.yml → its model.
DATA_MODELS: dict[str, type[BaseModel]] = {**SCHEMA_MODELS, "events": EventsFile}


def schema_path(stem: str, schema_dir: Path = SCHEMA_DIR) -> Path:
    return schema_dir / f"{stem}.schema.json"


def schema_texts() -> dict[str, str]:
    """File stem → the schema's text (stable: same model, same bytes)."""
    texts = {}
    for stem, model in DATA_MODELS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        texts[stem] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return texts


def write_schemas(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, text in schema_texts().items():
        path = schema_path(stem, schema_dir)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(f"wrote {path}")
