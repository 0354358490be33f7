"""Align the facts of one event across its articles: agreed, single-source, contradicted.

Single-valued slots (when, where, city, who heads each side, duration) are
grouped by slot and subject; two sources contradict when their normalized keys
cannot both be true ("venue:روسيا" against "venue:الولايات المتحدة"; 2025-04-10
against 2025-04-11; 2025-04 is compatible with 2025-04-10; "درشف" with "الكسندر
درشف"). Free-text slots (agreement, agenda, excluded topics, quotes) are clustered
by their stems, numbers by unit and value; inside a cluster the statement-pair model decides whether two
sources contradict each other, and only when it sees a negation, antonym or
number cue as well, since a false contradiction costs a reader more than a
missed one. Background facts (another happening) never take part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from khabar.model import Citation, Claim, Fact, FactGroup

SINGLE_VALUED = ("when", "where", "city", "who_heads", "duration")
FREE_TEXT = ("agreement", "topic_excluded", "agenda", "quote")
_ORDER = {slot: i for i, slot in enumerate(SINGLE_VALUED + FREE_TEXT + ("number",))}
_STATUS_ORDER = {"contradicted": 0, "agreed": 1, "single": 2}


def compare_event(article_ids: Sequence[str], bodies: Mapping[str, str], facts: Mapping[str, Sequence[Fact]],
                  outlets: Mapping[str, str], stance=None) -> tuple[FactGroup, ...]:
    """The fact groups of one event, contradictions first within each slot.

    ``stance`` is a :class:`khabar.analyze.stance.StanceModel`; by default the shipped
    one; ``stance=False``, or no usable model (not built), only groups them.
    ``outlets`` counts two articles of the same outlet as one source when judging agreement.
    """
    claims: dict[tuple[str, str], list[Claim]] = {}
    free: dict[str, list[Claim]] = {}
    numbers: dict[tuple[str, str], list[Claim]] = {}
    for aid in article_ids:
        for fact in facts.get(aid, ()):
            if fact.background or fact.slot not in _ORDER:
                continue
            claim = Claim(aid, fact.value, fact.key, Citation(aid, fact.sentence, fact.start, fact.end))
            if fact.slot in SINGLE_VALUED:
                claims.setdefault((fact.slot, fact.subject), []).append(claim)
            elif fact.slot == "number":  # same unit, same value; other values of a unit may count other things
                numbers.setdefault((fact.subject, fact.key), []).append(claim)
            else:
                free.setdefault(fact.slot, []).append(claim)
    groups = [_single_valued(slot, subject, cs, outlets) for (slot, subject), cs in claims.items()]
    groups += [FactGroup("number", unit, _agreed_or_single([c.article_id for c in cs], outlets), tuple(cs))
               for (unit, _), cs in numbers.items()]
    model = _default_stance() if stance is None else stance or None
    budget = _Budget(MAX_STANCE_PAIRS)
    clusters = [(slot, cluster) for slot, cs in free.items() for cluster in _clusters(cs)]
    # the most-reported facts are judged first, while the event's stance budget lasts
    for slot, cluster in sorted(clusters, key=lambda sc: -len({c.article_id for c in sc[1]})):
        groups.append(_free_text(slot, cluster, bodies, outlets, model, budget))
    groups.sort(key=lambda g: (_ORDER[g.slot], _STATUS_ORDER[g.status], -len(g.claims)))
    return tuple(groups)


# -- single-valued slots ----------------------------------------------------------------

def compatible(slot: str, a: str, b: str) -> bool:
    """Can both keys be true of the same slot? Dates nest, names may be partial."""
    if a == b:
        return True
    if slot == "when":
        if not (a[:4].isdigit() and b[:4].isdigit()):
            return True  # an unresolved date ("اليوم الخميس") cannot contradict
        return a.startswith(b) or b.startswith(a)
    if slot in ("who_heads", "city"):
        ta, tb = set(a.split()), set(b.split())
        return ta <= tb or tb <= ta
    return False


def _single_valued(slot: str, subject: str, claims: list[Claim], outlets: Mapping[str, str]) -> FactGroup:
    keys_by_article: dict[str, set[str]] = {}
    for c in claims:
        keys_by_article.setdefault(c.article_id, set()).add(c.key)
    # articles giving the same keys never contradict each other (a key is compatible with itself):
    # only distinct key sets are compared, not the articles pairwise (a big event has a hundred)
    distinct = list(dict.fromkeys(frozenset(keys) for keys in keys_by_article.values()))
    conflict = any(
        not any(compatible(slot, ka, kb) for ka in a for kb in b)
        for i, a in enumerate(distinct) for b in distinct[i + 1:]
    )
    status = "contradicted" if conflict else _agreed_or_single(list(keys_by_article), outlets)
    return FactGroup(slot, subject, status, tuple(_one_per_key(claims)))


def _one_per_key(claims: list[Claim]) -> list[Claim]:
    """Each article's first claim of each key (repeats in one article add nothing)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        if (c.article_id, c.key) not in seen:
            seen.add((c.article_id, c.key))
            out.append(c)
    return out


def _agreed_or_single(article_ids: Sequence[str], outlets: Mapping[str, str]) -> str:
    sources = {outlets.get(a) or a for a in article_ids}
    return "agreed" if len(sources) > 1 else "single"


# -- free-text slots ------------------------------------------------------------------

def similar(a: str, b: str) -> bool:
    """Two stem keys name the same thing: most of the shorter one is in the longer one."""
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return False
    shared = len(sa & sb)
    need = 1 if min(len(sa), len(sb)) <= 2 else 2
    return shared >= need and shared / min(len(sa), len(sb)) >= 0.4


@lru_cache(maxsize=20_000)  # a cluster's leader is compared with every claim that follows
def _stems(key: str) -> frozenset[str]:
    return frozenset(key.split())


def _clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Leader clusters: a claim joins the first cluster whose first claim it resembles.

    Comparing with the leader only (not any member) keeps chains of loosely related
    items ("قضايا" ... "دبلوماسية" ...) from collapsing into one group.
    """
    clusters: list[list[Claim]] = []
    for c in claims:
        home = next((cl for cl in clusters if similar(c.key, cl[0].key)), None)
        if home is None:
            clusters.append([c])
        else:
            home.append(c)
    return clusters


MAX_STANCE_PAIRS = 64  # stance pairs judged per event, the most-reported facts first


@dataclass
class _Budget:
    """Stance-model pairs an event may still spend."""

    pairs: int


def _free_text(slot: str, claims: list[Claim], bodies: Mapping[str, str], outlets: Mapping[str, str],
               stance, budget: _Budget) -> FactGroup:
    claims = _one_per_key(claims)
    subject = min((c.key for c in claims), key=len)
    articles = list(dict.fromkeys(c.article_id for c in claims))
    status = _agreed_or_single(articles, outlets)
    if status == "agreed" and stance is not None and budget.pairs > 0 and _conflicting(claims, bodies, stance, budget):
        status = "contradicted"
    return FactGroup(slot, subject, status, tuple(claims))


def _conflicting(claims: list[Claim], bodies: Mapping[str, str], stance, budget: _Budget) -> bool:
    """Does the stance model see a contradiction between two sources, backed by a cue?

    The cheap cue (negation, antonym, number mismatch) is checked first and the model
    only runs on the distinct pairs that have one, within the event's ``budget``
    (``MAX_STANCE_PAIRS`` in all): an event reported by many outlets must not cost a
    quadratic number of model calls.
    """
    from khabar.analyze.stance import contradiction_cue

    evidence = [_evidence(c, bodies) for c in claims]
    screened = [_without_exceptive(e) for e in evidence]
    pairs: dict[tuple[str, str], None] = {}
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            s1, s2 = evidence[i], evidence[j]
            if a.article_id == claims[j].article_id or s1 == s2 or (s1, s2) in pairs:
                continue
            if contradiction_cue(screened[i], screened[j]):
                pairs[(s1, s2)] = None
                if len(pairs) >= budget.pairs:
                    break
        if len(pairs) >= budget.pairs:
            break
    budget.pairs -= len(pairs)
    return bool(pairs) and "disagree" in stance.predict(list(pairs))


_EXCEPTIVE = re.compile(r"(?<!\w)(?:لا|لن|لم|ليس|ليست|ما)(?!\w)(?=[^.،]*?(?<!\w)[إا]لا(?!\w))")


def _without_exceptive(text: str) -> str:
    """Drop the negation of "لن يحدث إلا بعد ..." (only after): a restriction, not a denial."""
    return _EXCEPTIVE.sub(" ", text)


def _evidence(claim: Claim, bodies: Mapping[str, str]) -> str:
    body = bodies.get(claim.article_id, "")
    return body[claim.citation.start:claim.citation.end] or claim.value


@lru_cache(maxsize=1)
def _default_stance():
    """The shipped stance model, or None when it cannot run here."""
    from khabar.analyze.stance import StanceModel

    try:
        return StanceModel.load()
    except (FileNotFoundError, RuntimeError):
        return None
