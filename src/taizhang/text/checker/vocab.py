"""Vocabulary data files (data/*.yaml): loading, user extensions, combined patterns.

Each file carries `version:` and its entries. Users extend a vocabulary by putting a
file of the same name in a directory named by TAIZHANG_CHECKER_DATA (entries are
appended). Every vocabulary is compiled once: into one trie-shaped regex, or a WordFinder for large ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from taizhang.datafile import packaged_mapping, read_mapping

ENV_DIR = "TAIZHANG_CHECKER_DATA"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The packaged `data/<name>.yaml`, with list entries of a user file of the same name appended."""
    data = packaged_mapping("taizhang.text.checker.data", f"{name}.yaml")
    extra_dir = os.environ.get(ENV_DIR)
    if extra_dir:
        path = Path(extra_dir) / f"{name}.yaml"
        if path.is_file():
            extra = read_mapping(path)
            for key, value in extra.items():
                if isinstance(value, list) and isinstance(data.get(key), list):
                    data[key] = data[key] + value
                elif key != "version":
                    data[key] = value
    return data


def alternation(words: list[str]) -> re.Pattern[str]:
    """One compiled pattern matching any of `words` literally, longest match first.

    The words are folded into a trie-shaped regex (深(?:人|...)|截(?:止...)), so the engine
    tests one character class at each position instead of every word."""
    return re.compile(_trie_regex(sorted(set(w for w in words if w))))


def _trie_regex(words: list[str]) -> str:
    if words == [""]:
        return ""
    groups: dict[str, list[str]] = {}
    optional = "" in words
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rests in groups.items():
        sub = _trie_regex(sorted(rests))
        alts.append(re.escape(first) + sub)
    if len(alts) == 1 and not optional:
        return alts[0]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if optional else body


class WordFinder:
    """Finds the words of a vocabulary in a text: leftmost first, the longest at each start, as
    `alternation(words).search` does, but faster on large vocabularies.

    Python's regex engine tries the alternatives of a branch one after another, so a trie with
    200 first characters costs 200 tests wherever any of them occurs. Here the first characters
    are split into groups of about _GROUP: the pattern consumes any first character, picks its
    group with one lookbehind test per group, then tries the union of that group's word tails.
    A tail of another first character of the same group can match (a false hit): such hits are
    checked against the exact trie of their first character."""

    # Every group's lookbehind is tested wherever a first character and a second one meet, and a
    # larger group has a larger union of tails: 40 measured cheapest (callgrind) on the confusables.
    _GROUP = 40

    def __init__(self, words: list[str]):
        self.words = frozenset(w for w in words if w)
        tails: dict[str, list[str]] = {}
        for w in sorted(self.words):
            tails.setdefault(w[0], []).append(w[1:])
        firsts = sorted(tails)
        self._exact = {c: re.compile(re.escape(c) + _trie_regex(sorted(tails[c]))) for c in firsts}
        parts = []
        for i in range(0, len(firsts), self._GROUP):
            group = firsts[i : i + self._GROUP]
            merged = sorted({t for c in group for t in tails[c]})
            parts.append(f"(?<=[{''.join(map(re.escape, group))}])" + _trie_regex(merged))
        seconds = sorted({w[1] for w in self.words if len(w) > 1})
        # most first characters are not followed by any word's second one: one lookahead drops them
        ahead = f"(?=[{''.join(map(re.escape, seconds))}])" if seconds and all(len(w) > 1 for w in self.words) else ""
        body = f"[{''.join(map(re.escape, firsts))}]{ahead}(?:{'|'.join(parts)})" if firsts else "(?!)"
        self._fast = re.compile(body)

    def search(self, text: str, pos: int = 0) -> tuple[int, int] | None:
        """(start, end) of the first word at or after `pos`."""
        while True:
            m = self._fast.search(text, pos)
            if m is None:
                return None
            if m.group(0) in self.words:
                return m.span()
            exact = self._exact[text[m.start()]].match(text, m.start())
            if exact is not None:
                return exact.span()
            pos = m.start() + 1

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Non-overlapping (start, end) of the words in `text`, in order."""
        pos = 0
        while True:
            span = self.search(text, pos)
            if span is None:
                return
            yield span
            pos = span[1]
