"""Who heads each delegation: "يترأس الوفد الروسي ... X", "الوفد الأميركي برئاسة X",
"ترأس السفير الروسي X وفد بلاده", "يترأس المحادثات كل من السفير الروسي X ونائبة ... الأمريكية Y".

For each person mention of a sentence with a heading verb, the side is read from
the nearest unused delegation phrase before it ("الوفد الروسي", "وفد موسكو"), else
after it, else from the first country cue in the person's title ("سفير موسكو في واشنطن").
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.analyze.patterns import Clause, countries_in, gated_rx, rx

_HEADS = gated_rx("ترأس|يرأس|رئاسة|قود|قاد|رئيس", r"(?<!\w)[وف]?(?:يترأس|تترأس|ترأس|ترأست|يرأس|ترأسها|برئاسة|يقود|تقود|قاد|قادت|رئيس الوفد|رئيسة الوفد)(?!\w)")
_DELEGATION = rx(r"(?<!\w)[وب]?(?:ال)?وفد(?:ي|ا)?(?!\w)(?P<whose>(?:\s+\S+){1,2})?")
_OWN = rx(r"^\s*(?:بلاده|بلادها|بلده)")


@dataclass(frozen=True)
class Head:
    """A person heading one side's delegation (spans are original-text offsets)."""

    side: str  # country key, e.g. "روسيا"
    name: str
    name_key: str
    start: int
    end: int


def find_heads(clause: Clause) -> list[Head]:
    """Delegation heads named in one sentence (empty when no heading verb is there)."""
    if not _HEADS.search(clause.norm):
        return []
    people = sorted((m for m in clause.mentions if m.type == "PER"), key=lambda m: m.start)
    delegations = _delegations(clause)
    used: set[int] = set()
    heads: list[Head] = []
    bounds = [clause.nstart(m.start) for m in people] + [len(clause.norm)]
    prev_end = 0
    for i, person in enumerate(people):
        start, end = bounds[i], clause.nstart(person.end)
        side = (_pick(delegations, used, prev_end, start, last=True)
                or _pick(delegations, used, end, bounds[i + 1], last=False)
                or _first_cue(clause.norm[prev_end:start]))
        if side:
            heads.append(Head(side, person.text, person.key, person.start, person.end))
        prev_end = end
    return heads


def _delegations(clause: Clause) -> list[tuple[int, str]]:
    """(position, side) of every delegation phrase whose side is said ("" for "وفد بلاده")."""
    found = []
    for m in _DELEGATION.finditer(clause.norm):
        whose = m.group("whose") or ""
        side = "" if _OWN.match(whose) else _first_cue(whose)
        if side or _OWN.match(whose):
            found.append((m.start(), side))
    return found


def _pick(delegations: list[tuple[int, str]], used: set[int], lo: int, hi: int, last: bool) -> str:
    inside = [(pos, side) for pos, side in delegations if lo <= pos < hi and pos not in used]
    if not inside:
        return ""
    pos, side = inside[-1] if last else inside[0]
    used.add(pos)
    return side


def _first_cue(norm: str) -> str:
    cues = countries_in(norm)
    return cues[0][2] if cues else ""
