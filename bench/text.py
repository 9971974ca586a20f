"""Deterministic filler text for the synthetic benchmark site (same seed, same bytes)."""

from __future__ import annotations

import random

WORDS = (
    "procurement tender criteria supplier municipality buyer energy agency circular economy climate "
    "chemical safety emissions construction catering cleaning paper furniture textiles transport "
    "lighting electricity contract framework agreement market dialogue life cycle cost label standard "
    "verification bidder award evaluation specification requirement recycled renewable efficient "
    "durable repairable reusable hazardous substance packaging waste reduction monitoring report "
    "region council network partner project workshop webinar guidance training practice example "
    "public sector budget savings innovation pilot stakeholder meeting survey indicator target"
).split()


def sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def title(rng: random.Random, words: int = 4) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()
