"""Problems found in editors' files, reported all together and never as a traceback."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is, what was received and what is expected."""

    file: str
    line: int | None
    record: str | None
    field: str | None
    received: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field '{self.field}'")
        return f"{': '.join(parts)}: received {self.received}; expected {self.expected}"


class DataError(Exception):
    """Raised with every problem found in one pass over the editors' files."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the site's data:"
        return "\n".join([heading, *(f"  - {problem}" for problem in self.problems)])


def describe(value: object, limit: int = 80) -> str:
    """A short, quoted rendering of a received value for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
