"""Pure text-measure helpers for layout: widths in ems and title line breaking."""

from __future__ import annotations

from functools import lru_cache

# A line must not start with these, nor end with the openers.
NO_START = "，。、；：？！）》」』”’…—·%"
NO_END = "（《「『“‘"
GOOD_AFTER = "及暨和与的"  # preferred break points in a title: "…总结及 / …计划"


def em_width(text: str) -> float:
    """Width in ems: ASCII (digits, Latin) half, everything else full."""
    return sum(0.5 if ord(c) < 0x2000 and c != "—" else 1.0 for c in text)


def _break_ok(text: str, i: int) -> bool:
    a, b = text[i - 1], text[i]
    if a.isascii() and a.isalnum():  # keep "2026年" and Latin words whole
        return False
    return b not in NO_START and a not in NO_END


def split_title(title: str, max_em: float) -> list[str]:
    """Break a title into balanced lines (a trapezoid, top line the longer) within `max_em`.

    One line when it fits. Lines are as even as possible, preferring breaks
    after 及/暨/和/与/的 and never splitting a number or a punctuation pair.
    """
    if em_width(title) <= max_em or len(title) < 2:
        return [title]
    n_lines = int(em_width(title) // max_em) + 1
    cuts = _best_cuts(title, max_em, n_lines)
    if cuts is None:  # nowhere legal to break: let the renderer wrap
        return [title]
    bounds = (0, *cuts, len(title))
    return [title[a:b] for a, b in zip(bounds, bounds[1:])]


def _best_cuts(title: str, max_em: float, n_lines: int) -> tuple[int, ...] | None:
    target = em_width(title) / n_lines

    @lru_cache(maxsize=None)
    def best(start: int, lines_left: int) -> tuple[float, tuple[int, ...]] | None:
        rest = title[start:]
        if lines_left == 1:
            w = em_width(rest)
            return None if w > max_em else ((w - target) ** 2, ())
        found = None
        for i in range(start + 1, len(title)):
            if not _break_ok(title, i):
                continue
            w = em_width(title[start:i])
            if w > max_em:
                break
            tail = best(i, lines_left - 1)
            if tail is None:
                continue
            cost = (w - target) ** 2 + tail[0]
            cost += 0 if title[i - 1] in GOOD_AFTER else 1.5
            nxt = em_width(title[i : (tail[1][0] if tail[1] else len(title))])
            cost += 0 if w >= nxt else 0.75  # top line the longer (inverted trapezoid)
            if found is None or cost < found[0]:
                found = (cost, (i, *tail[1]))
        return found

    result = best(0, n_lines)
    return result[1] if result else None
