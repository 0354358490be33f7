"""Cross-article entity merging: every spelling of one person, place or organization becomes one Entity.

Mentions are grouped by the transliteration key of the Arabic layer (ترامب / ترمب,
دارتشييف / دارشييف / دارشيف share one key). People are then joined:

- full names sharing a family name merge only when their first names agree
  (:func:`khabar.arabic.names.same_name`): two people with the same family name and
  different first names stay apart; full names whose family names differ in key but are
  one name by ``same_name`` (بوتين / بوتن) merge when the whole names are one;
- a name whose "first name" is no name at all (a verb or title the tagger took in:
  ويترأس دارشييف) counts as a lone family name;
- a lone name (دارتشييف، بوتين) joins, article by article, the one full name it ends
  (or starts); when several full names fit, the one seen in the same article wins,
  then the one whose roles share words with the lone name's (السفير سميث), and a tie
  stays apart.

An organization named with and without its head word (وزارة الخارجية الروسية / الخارجية
الروسية) is one. The canonical name is the most frequent full spelling; roles come from
:mod:`khabar.analyze.ner.roles` with their sentence as evidence.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.roles import find_roles
from khabar.analyze.ner.rules import name_like
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import name_key, normalize, person_key, romanize
from khabar.arabic.names import known_latin, same_name
from khabar.model import Citation, Entity, EntityRef, Mention, Role, Sentence

# Mentions kept per entity, with the count of all: the biggest stories' digests were megabytes of
# mention lists (one name cited thousands of times) that no page shows, only counts.
MAX_MENTIONS = 100


class _Groups:
    """Union-find over mention keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def merge_entities(bodies: Mapping[str, str], sentences: Mapping[str, Sequence[Sentence]],
                   mentions: Mapping[str, Sequence[Mention]]) -> tuple[Entity, ...]:
    """One Entity per real-world name across the articles, most mentioned first (keys are article ids)."""
    refs: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for article_id in sorted(mentions):
        for mention in mentions[article_id]:
            if mention.key:
                refs[_node(mention, article_id)].append((article_id, mention))
    roles = _roles(bodies, sentences, mentions)
    groups = _Groups()
    for node in refs:
        groups.find(node)
    kinds = {node: _type(items) for node, items in refs.items()}
    _join_people([n for n in refs if kinds[n] == "PER"], refs, roles, groups)
    _join_headed_names(refs, kinds, groups)
    clusters: dict[str, list[str]] = defaultdict(list)
    for node in refs:
        clusters[groups.find(node)].append(node)
    ranked = [_entity([r for n in nodes for r in refs[n]], roles) for nodes in clusters.values()]
    ranked.sort(key=lambda pair: pair[0])
    return tuple(entity for _, entity in ranked)


def _capped(mentions: Sequence[tuple[str, Mention]], cap: int = MAX_MENTIONS) -> list[tuple[str, Mention]]:
    """At most ``cap`` of ``mentions`` ((article id, mention), sorted by article and start), the first
    of every article before any second one (so that the sample cites as many sources as it can), in
    that order. Only the sample becomes EntityRefs: the biggest stories mention one name thousands of times."""
    if len(mentions) <= cap:
        return list(mentions)
    firsts: dict[str, tuple[str, Mention]] = {}
    for item in mentions:
        firsts.setdefault(item[0], item)
    kept = list(firsts.values())[:cap]
    if len(kept) < cap:
        chosen = set(map(id, kept))
        kept += [item for item in mentions if id(item) not in chosen][:cap - len(kept)]
    kept.sort(key=lambda item: (item[0], item[1].start))
    return kept


def _node(mention: Mention, article_id: str) -> str:
    """Union-find node of a mention: its key (a person's: :func:`person_key`); a lone person name is
    decided per article."""
    if mention.type != "PER":
        return mention.key
    key = person_key(mention.text)
    if " " not in key or not _first_is_name(mention):
        return f"{key}@{article_id}"
    return key


def _key(node: str) -> str:
    return node.partition("@")[0]


def _type(items: list[tuple[str, Mention]]) -> str:
    return Counter(m.type for _, m in items).most_common(1)[0][0]


def _may_be_name(word: str) -> bool:
    """A listed name word, or one that looks like a name (ويترأس, a verb, does not)."""
    return word in load().person_words or name_like(word, load_vocabulary())


def _first_is_name(mention: Mention) -> bool:
    return _may_be_name(normalize(mention.text).split()[0])


def _join_people(nodes: list[str], refs: Mapping[str, list[tuple[str, Mention]]],
                 roles: Mapping[tuple[str, int, int], list[Role]], groups: _Groups) -> None:
    full = [n for n in nodes if "@" not in n]  # full names; lone ones are decided per article
    by_last: dict[str, list[str]] = defaultdict(list)
    for node in full:
        by_last[node.split()[-1]].append(node)
    for same_last in by_last.values():
        for i, a in enumerate(same_last):
            for b in same_last[i + 1:]:
                if same_name(*(refs[k][0][1].text.split()[0] for k in (a, b))):
                    groups.union(a, b)
    _join_family_variants(by_last, full, refs, groups)
    lone: dict[str, list[str]] = defaultdict(list)
    by_word = _by_word(full)
    for node in nodes:
        if "@" not in node:
            continue
        # a lone name, or one whose "first name" is a verb or title the tagger took in (ويترأس دارشييف)
        family = _key(node).split()[-1]
        if not _attach_single(node, family, full, by_word, refs, roles, groups):
            lone[_key(node)].append(node)
    for same_key in lone.values():  # names no full name claimed: one entity per spelling key
        for node in same_key[1:]:
            groups.union(same_key[0], node)


def _join_family_variants(by_last: Mapping[str, list[str]], full: Sequence[str], refs: Mapping[str, list[tuple[str, Mention]]],
                          groups: _Groups) -> None:
    """فلاديمير بوتين = فلاديمير بوتن: full names whose family names have different keys but
    are one name by :func:`same_name`, and whose first names agree. Candidates share the
    key's first letter (variants keep it: the key folds ج / غ, ط / ت ...) and differ in key
    length by one letter at most (304 of the 305 dev pairs same_name joins do), so a story's
    family names are not all compared pairwise (1,000 distinct ones: about 1.4 s)."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for last in sorted(by_last, key=lambda k: (len(_skeleton(k)), k)):
        by_letter[last[:1]].append(last)
    for lasts in by_letter.values():
        for i, last_a in enumerate(lasts):
            for last_b in lasts[i + 1:]:
                if len(_skeleton(last_b)) - len(_skeleton(last_a)) > 1:
                    break
                for a in by_last[last_a]:
                    for b in by_last[last_b]:
                        if same_name(refs[a][0][1].text, refs[b][0][1].text) and _one_person(
                                groups.find(a), groups.find(b), full, refs, groups):
                            groups.union(a, b)


def _skeleton(key: str) -> str:
    """A key word without the lexicon's English tag (بتن~putin → بتن)."""
    return key.partition("~")[0]


def _one_person(root_a: str, root_b: str, full: Sequence[str], refs: Mapping[str, list[tuple[str, Mention]]],
                groups: _Groups) -> bool:
    """Every full name of one group is the same name as every one of the other: same_name is not
    transitive, so بوتن must not bridge بوتين and بوتان."""
    if root_a == root_b:
        return False
    members = {root_a: [], root_b: []}
    for node in full:
        members.get(groups.find(node), []).append(refs[node][0][1].text)
    return all(same_name(x, y) for x in members[root_a] for y in members[root_b])


def _join_headed_names(refs: Mapping[str, list[tuple[str, Mention]]], kinds: Mapping[str, str],
                       groups: _Groups) -> None:
    """وزارة الخارجية الروسية = الخارجية الروسية, حركة حماس = حماس: an organization named with
    and without its head word (a trigger of the lexicon) is one organization."""
    triggers = load().triggers
    for node, items in refs.items():
        words = items[0][1].text.split(maxsplit=1)
        kind = kinds[node]
        if kind == "PER" or len(words) < 2 or triggers.get(normalize(words[0])) != "ORG":
            continue
        rest = name_key(words[1])
        if rest in refs and kinds[rest] in (kind, "ORG"):
            groups.union(node, rest)


def _by_word(full: list[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Full names by their last word and by their first word (so a lone name finds its candidates
    without scanning every full name of a story: big stories have thousands)."""
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    for f in full:
        words = f.split()
        last[words[-1]].append(f)
        first[words[0]].append(f)
    return last, first


def _attach_single(node: str, key: str, full: list[str], by_word: tuple[dict[str, list[str]], dict[str, list[str]]],
                   refs: Mapping[str, list[tuple[str, Mention]]],
                   roles: Mapping[tuple[str, int, int], list[Role]], groups: _Groups) -> bool:
    """Join a lone name (``key``) to the full name it ends (or starts); the article, then roles, break ties."""
    for index in by_word:  # family name first, then a given name used alone
        roots = {groups.find(f) for f in index.get(key, ())}
        if len(roots) > 1:
            roots = _best_fit(node, roots, full, refs, roles, groups)
        if len(roots) == 1:
            groups.union(roots.pop(), node)
            return True
        if roots:
            return False  # two people fit and the context cannot tell: keep apart
    return False


def _best_fit(node: str, roots: set[str], full: list[str], refs: Mapping[str, list[tuple[str, Mention]]],
              roles: Mapping[tuple[str, int, int], list[Role]], groups: _Groups) -> set[str]:
    """The candidates sharing most articles with the lone name, then most role words."""
    articles = {a for a, _ in refs[node]}
    own_roles = _role_words(refs[node], roles)
    members: dict[str, list[tuple[str, Mention]]] = {root: [] for root in roots}
    for f in full:  # one pass, in the order of ``full``
        root = groups.find(f)
        if root in members:
            members[root].extend(refs[f])
    scores = {root: (sum(a in articles for a, _ in items), len(own_roles & _role_words(items, roles)))
              for root, items in members.items()}
    best = max(scores.values())
    if best == (0, 0):
        return roots
    return {root for root, score in scores.items() if score == best}


def _role_words(items: list[tuple[str, Mention]], roles: Mapping[tuple[str, int, int], list[Role]]) -> set[str]:
    words = set()
    for article_id, m in items:
        for role in roles.get((article_id, m.start, m.end), ()):
            words.update(w for w in normalize(role.role, "key").split() if len(w) > 2)
    return words


def _roles(bodies: Mapping[str, str], sentences: Mapping[str, Sequence[Sentence]],
           mentions: Mapping[str, Sequence[Mention]]) -> dict[tuple[str, int, int], list[Role]]:
    """Roles keyed by (article id, mention start, mention end)."""
    out: dict[tuple[str, int, int], list[Role]] = defaultdict(list)
    for article_id, found in mentions.items():
        body, sents = bodies.get(article_id, ""), sentences.get(article_id, ())
        by_index = {s.index: s for s in sents}
        for i, role, sentence in find_roles(body, sents, found):
            s = by_index[sentence]
            out[(article_id, found[i].start, found[i].end)].append(
                Role(role, Citation(article_id, sentence, s.start, s.end)))
    return out


def _entity(items: list[tuple[str, Mention]], roles: Mapping[tuple[str, int, int], list[Role]]) -> tuple[tuple, Entity]:
    """The entity of one cluster's mentions (keeping a sample of them: :func:`_capped`), with its rank:
    most mentioned first, then mentioned by most articles, then by name."""
    kind = Counter(m.type for _, m in items).most_common(1)[0][0]
    light = [_light(m.text) for _, m in items]
    spellings = Counter(light)
    articles: dict[str, set[str]] = defaultdict(set)
    for (article_id, _), spelling in zip(items, light, strict=True):
        articles[spelling].add(article_id)

    def rank(spelling: str) -> tuple:
        words = normalize(spelling).split()
        clean = all(map(_may_be_name, words)) or kind != "PER"
        return (clean, len(words), spellings[spelling], len(articles[spelling]))

    name = next(iter(spellings)) if len(spellings) == 1 else max(spellings, key=rank)  # most have one
    key = person_key(name) if kind == "PER" else name_key(name)
    digest = hashlib.sha1(f"{kind}|{key}".encode()).hexdigest()[:12]
    seen_roles: dict[str, Role] = {}
    for article_id, m in items:
        for role in roles.get((article_id, m.start, m.end), ()):
            seen_roles.setdefault(normalize(role.role, "key"), role)
    sample = _capped(sorted(items, key=lambda item: (item[0], item[1].start)))
    rank_key = (-len(items), -len({a for a, _ in items}), name)
    return rank_key, Entity(
        id=f"{kind.lower()}-{digest}",
        type=kind,
        name=name,
        roman=_roman(name) if kind == "PER" else romanize(name),
        key=key,
        spellings=tuple(spellings.most_common()),
        mentions=tuple(EntityRef(a, m.sentence, m.start, m.end, m.text) for a, m in sample),
        roles=_most_specific(seen_roles),
        mention_count=len(items),
    )


@lru_cache(maxsize=50_000)  # one name is mentioned many times, in the same few spellings
def _light(text: str) -> str:
    return normalize(text, "light")


def _most_specific(roles: Mapping[str, Role]) -> tuple[Role, ...]:
    """Roles in order of evidence, without those another role spells out (السفير < السفير الروسي ...).

    The keys that start with ``key + " "`` are, in sorted order, the ones from where that prefix would
    be inserted: one lookup per role, not a scan of all (big stories' people have hundreds of roles)."""
    if len(roles) < 2:  # most entities: nothing to spell out
        return tuple(roles.values())
    keys = sorted(roles)
    return tuple(role for key, role in roles.items() if not _has_prefix(keys, key + " "))


def _has_prefix(keys: list[str], prefix: str) -> bool:
    i = bisect_left(keys, prefix)
    return i < len(keys) and keys[i].startswith(prefix)


@lru_cache(maxsize=50_000)  # the same people come back story after story
def _roman(name: str) -> str:
    """Latin spelling of a person's name: the whole name's or each word's usual spelling
    (the Arabic layer's lexicon first, then the gazetteer's Wikidata spellings), else a transliteration."""
    if known_latin(name):
        return romanize(name)
    latin = load().latin
    return " ".join((known_latin(w) or latin.get(w) or romanize(w)).title() for w in normalize(name).split())
