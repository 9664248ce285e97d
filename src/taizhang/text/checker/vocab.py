"""Vocabulary data files (data/*.yaml): loading, user extensions, combined patterns.

Each file carries `version:` and its entries. Users extend a vocabulary by putting a
file of the same name in a directory named by TAIZHANG_CHECKER_DATA (entries are
appended). Every vocabulary is compiled once into a single alternation regex.
"""

from __future__ import annotations

import os
import re
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


def named_alternation(patterns: list[str]) -> re.Pattern[str]:
    """One pattern over regex sources; group `g<i>` tells which source matched."""
    return re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(patterns)), re.M)


def which(match: re.Match[str]) -> int:
    name = match.lastgroup or ""
    # lastgroup is the outermost named group that closed last: our g<i> wrappers.
    return int(name[1:])
