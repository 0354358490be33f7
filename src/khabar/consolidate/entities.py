"""Cross-article entity merging: every spelling of one person, place or organization becomes one Entity.

Mentions are grouped by the transliteration key of the Arabic layer (ترامب / ترمب,
دارتشييف / دارشييف / دارشيف share one key). A person's key only proposes: every join of two
people's names is confirmed by :func:`khabar.arabic.names.same_name`, which is not transitive, so
a name joins a group only when it is the same as every full name there, or as its most mentioned
name and two thirds of its mentions, the others foreign spellings apart (:func:`_one_person`):

- spellings of one key are one name unless a vowel replaces another (مولر / ميلر share a key);
- full names sharing a family name are one person when they are one name word for word, or,
  a middle name given in one only, in their first and last words (محمد حسين هيكل / محمد حسنين
  هيكل are two; صالح الزهراني is صالح عيضة الزهراني); family names of different keys (بوتين /
  بوتن, or one sound apart beside one given name: فرانسوا أولاند / هولاند) merge when the whole
  names are one, a foreign given name and its short form too (رافا / رافاييل بينيتيز);
- a name whose "first name" is no name at all (a verb or title the tagger took in:
  ويترأس دارشييف) counts as a lone family name, unless no other name has that family name
  (then the word is an unknown given name: جوسيه مورينهو);
- a lone name (دارتشييف، بوتين) joins, article by article, the one full name it ends
  (or starts) in a word same_name confirms (same_name_alone for one word: دياك does not end
  جريج دايك); when several full names fit, the one seen in the same article wins, then the
  one whose roles share words with the lone name's (السفير سميث), then the one whose given
  name is a known name word (جيريمي كوربين, not خلاف كوربين), and a tie stays apart;
- a full name tagged as a person in one article and as a place or organization in another
  (خميس مشيط) is one entity, of the kind most of its mentions give it.

An organization named with and without its head word (وزارة الخارجية الروسية / الخارجية
الروسية) is one. The canonical name is the most frequent full spelling; roles come from
:mod:`khabar.analyze.ner.roles` with their sentence as evidence.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from khabar.analyze.ner.gazetteer import load
from khabar.analyze.ner.roles import find_roles
from khabar.analyze.ner.rules import known_name, name_like
from khabar.analyze.ner.vocab import load_vocabulary
from khabar.arabic import name_key, normalize, person_key, romanize
from khabar.arabic.name_distance import name_distance
from khabar.arabic.names import (
    SAME_NAME_DISTANCE,
    is_listed_native,
    known_latin,
    name_words,
    same_name,
    same_name_alone,
)
from khabar.model import Citation, Entity, EntityRef, Mention, Role, Sentence

# Mentions kept per entity, with the count of all: the biggest stories' digests were megabytes of
# mention lists (one name cited thousands of times) that no page shows, only counts.
MAX_MENTIONS = 100


class _Groups:
    """Union-find over mention keys, with each group's members (to check a join against all of them)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def find(self, key: str) -> str:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = [key]
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.members[root_a] += self.members.pop(root_b)


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
    _join_other_kinds(refs, kinds, groups)
    _join_headed_names(refs, kinds, groups)
    clusters: dict[str, list[str]] = defaultdict(list)
    for node in refs:
        clusters[groups.find(node)].append(node)
    ranked = [_entity([r for n in nodes for r in refs[n]], roles) for nodes in clusters.values()]
    ranked.sort(key=lambda pair: pair[0])
    return _with_unique_ids([entity for _, entity in ranked])


def _with_unique_ids(entities: Sequence[Entity]) -> tuple[Entity, ...]:
    """Entities, most mentioned first, each with an id of its own: the id hashes the kind and key,
    and one key can name two entities (مولر / ميلر, or a lone بيليه that two full names tie over),
    so a later one's id adds its name, then a count."""
    ids: set[str] = set()
    out: list[Entity] = []
    for entity in entities:
        count = 1
        while entity.id in ids:
            extra = entity.name if count == 1 else f"{entity.name}|{count}"
            entity = replace(entity, id=_entity_id(entity.type, f"{entity.key}|{extra}"))
            count += 1
        ids.add(entity.id)
        out.append(entity)
    return tuple(out)


def _entity_id(kind: str, key: str) -> str:
    return f"{kind.lower()}-{hashlib.sha1(f'{kind}|{key}'.encode()).hexdigest()[:12]}"


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
    """Union-find node of a mention: its key; a person's is its :func:`person_key` and spelling
    (``key#spelling``: one key holds two names when a vowel replaces another, مولر / ميلر), and a lone
    person name is decided per article (``@article``)."""
    if mention.type != "PER":
        return mention.key
    key = person_key(mention.text)
    node = f"{key}#{_spelling(mention.text)}"
    if " " not in key or not _first_is_name(mention):
        return f"{node}@{article_id}"
    return node


@lru_cache(maxsize=50_000)
def _spelling(text: str) -> str:
    return normalize(text)


def _key(node: str) -> str:
    return node.partition("@")[0].partition("#")[0]


def _type(items: list[tuple[str, Mention]]) -> str:
    return Counter(m.type for _, m in items).most_common(1)[0][0]


def _may_be_name(word: str) -> bool:
    """A listed name word, or one that looks like a name (ويترأس, a verb, does not)."""
    return word in load().person_words or name_like(word, load_vocabulary())


def _first_is_name(mention: Mention) -> bool:
    """The first word may be a name, or is a listed Arabic given name (عبدالله, عبداللطيف), and is no
    بن / ابن: ابن معمر names فيصل بن معمر by his family, as a lone family name does."""
    first = normalize(mention.text).split()[0]
    return first not in _PATRONYMIC and _name_word(first)


def _name_word(word: str) -> bool:
    """A word that may be a name (:func:`_may_be_name`), a listed Arabic given name (عبدالله,
    عبداللطيف; not a word with the article: الوحيد is Wahid's nisba, and an adjective), or a French
    given name in -é / -ier written with a final يه that :func:`name_like` reads as a pronoun
    (اوليفيه, اندريه: the word without its ه may be a name; لديه, عليه stay words)."""
    return (_may_be_name(word) or (is_listed_native(word) and not word.startswith("ال"))
            or (word.endswith("يه") and len(word) > 4 and _may_be_name(word[:-1])))


def _join_people(nodes: list[str], refs: Mapping[str, list[tuple[str, Mention]]],
                 roles: Mapping[tuple[str, int, int], list[Role]], groups: _Groups) -> None:
    full = _full_names(nodes)
    by_last: dict[str, list[str]] = defaultdict(list)
    for node in full:
        by_last[_key(node).split()[-1]].append(node)
    for same_last in by_last.values():
        for i, a in enumerate(same_last):
            for b in same_last[i + 1:]:
                if _joins(a, b, refs, groups):
                    groups.union(a, b)
    _join_family_variants(by_last, refs, groups)
    _join_given_name_peers(full, refs, groups)
    lone = []
    by_word = _by_word(full, refs)
    is_full = set(full)
    for node in nodes:
        # a lone name, or one whose "first name" is a verb or title the tagger took in (ويترأس دارشييف)
        if node not in is_full and not _attach_single(node, full, by_word, refs, roles, groups):
            lone.append(node)
    _join_lone_names(lone, refs, groups)


def _full_names(nodes: list[str]) -> list[str]:
    """The full names among people's nodes; the others (lone names, decided per article) join them.

    A name whose first word looks like no name, before a family name no other name has (neither a
    full name nor the name alone), is full too: the word is an unknown given name (جوسيه مورينهو);
    else it is a word the tagger took in (ويترأس دارشييف, عائلة بيليه), and the name joins the
    person it names. A name cut after one letter of its family name (جون ك) is no full name: that
    letter fits every family name of its initial, and the fragment took in whichever person came
    first (جون كيري, or his namesake جون كيربي). A family name ending ه counts as the same name
    ending ة (:func:`_taa_marbuta_twin`: بن زومة is not full beside راشد بن زومه)."""
    named = {_final_ta(_key(n).split()[-1]) for n in nodes if "@" not in n or " " not in _key(n)}
    return [n for n in nodes if len(last := _key(n).split()[-1]) > 1
            and ("@" not in n or (" " in _key(n) and _final_ta(last) not in named))]


def _final_ta(key_word: str) -> str:
    """A key word with a final ي read as ه, as a final ه written for ة has it (see :func:`_taa_marbuta_twin`)."""
    return key_word[:-1] + "ه" if key_word.endswith("ي") else key_word


def _join_lone_names(nodes: Sequence[str], refs: Mapping[str, list[tuple[str, Mention]]], groups: _Groups) -> None:
    """Lone names no full name claimed: spellings of one key are one name when
    :func:`khabar.arabic.names.same_name_alone` confirms it (مولر / ميلر share a key, a vowel replaced:
    two names). That is not transitive, so each spelling, most mentioned first, joins the first name
    all of whose spellings it matches (ملر does not bridge مولر and ميلر). Full names need no such
    pass: those of one key share their family key and are joined, checked the same way, by
    :func:`_join_people`."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        by_key[_key(node)].append(node)
    for same_key in by_key.values():
        names: list[tuple[str, set[str]]] = []  # (first node, spellings) of each name of the key
        for node in sorted(same_key, key=lambda n: -len(refs[n])):
            text = refs[node][0][1].text
            home = next((n for n in names if all(same_name_alone(text, other) for other in n[1])), None)
            if home is None:
                names.append((node, {text}))
            else:
                groups.union(home[0], node)
                home[1].add(text)


@lru_cache(maxsize=100_000)  # the same full names meet story after story
def _same_person(a: str, b: str) -> bool:
    """Two full names of one family key name one person: word for word by :func:`same_name` (محمد
    حسين هيكل / محمد حسنين هيكل are two), or, a middle name given in one only, the first and last
    words (صالح عيضة الزهراني / صالح الزهراني) as a name of two, when the shorter's middle words are
    the longer's, in order (:func:`_in_order`), so that a shared given name is
    context for the family name as in names of equal length (صلاح دمرداش / صلاح الدين دميرطاش);
    or, the other words one name, a given name and its short form (:func:`_short_form`)."""
    words_a, words_b = name_words(a), name_words(b)
    if len(words_a) != len(words_b):
        short, long_ = sorted((words_a, words_b), key=len)
        if not _in_order(short[1:-1], long_[1:-1]):
            return False
        words_a, words_b = (words_a[0], words_a[-1]), (words_b[0], words_b[-1])
        a, b = " ".join(words_a), " ".join(words_b)
    return same_name(a, b) or (_short_form(words_a[0], words_b[0])
                               and same_name(" ".join(words_a[1:]), " ".join(words_b[1:])))


def _in_order(some: Sequence[str], words: Sequence[str]) -> bool:
    """Whether the middle words of a shorter name appear, in order, among a longer one's: a name
    leaves words out but does not change them (فيصل بن بندر بن عبدالعزيز and فيصل بن مشعل بن سعود بن
    عبدالعزيز, fathers' names apart, are two princes however alike their first and last words).
    A word matches a word by :func:`same_name`, or the letters of whole words written apart
    (أبوبكر is أبو بكر, أبوالبراء is أبو البراء; فيصل is not the end of الفيصل)."""
    rest = iter(words)
    if all(any(_same_middle_word(word, other) for other in rest) for word in some):
        return True
    bounds = {0, *accumulate(map(len, words))}
    letters, at = "".join(words), 0
    for word in some:
        at = letters.find(word, at)
        while at >= 0 and not (at in bounds and at + len(word) in bounds):
            at = letters.find(word, at + 1)
        if at < 0:
            return False
        at += len(word)
    return True


@lru_cache(maxsize=100_000)  # princes' middle words (بن, عبدالعزيز) meet again and again
def _same_middle_word(a: str, b: str) -> bool:
    return a == b or same_name(a, b)


def _short_form(a: str, b: str) -> bool:
    """One foreign given name is the other's short form, its first four letters or more (رافا /
    رافاييل, ماكسي / ماكسيميليانو): beside one family name in one story, one person. Not Arabic
    names, whose short words begin longer ones that are other names (خالد / خالدة). Words as
    :func:`name_words` gives them (normalized)."""
    short, long_ = sorted((a, b), key=len)
    return (len(long_) > len(short) >= 4 and long_.startswith(short)
            and not is_listed_native(short) and not is_listed_native(long_))


def _join_family_variants(by_last: Mapping[str, list[str]], refs: Mapping[str, list[tuple[str, Mention]]],
                          groups: _Groups) -> None:
    """فلاديمير بوتين = فلاديمير بوتن: full names whose family names have different keys but
    are one person by :func:`_same_person`. Candidates share the
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
                        if _joins(a, b, refs, groups):
                            groups.union(a, b)


def _join_given_name_peers(full: Sequence[str], refs: Mapping[str, list[tuple[str, Mention]]], groups: _Groups) -> None:
    """فرانسوا أولاند = فرانسوا هولاند, كيفن غوسبر = كيفن كوسبر: full names of one given-name key
    (without the lexicon's tag: بتر / بيتر~petar) whose foreign family names begin with another
    letter (a letter not heard, g as غ / ق / ك) or differ more in length than
    :func:`_join_family_variants` compares, joined by :func:`_same_person`.

    One of the two family names must be foreign (not listed, no article): same_name matches Arabic
    ones letter for letter, so their variants share the first letter and the family pass has them;
    and they are most of a Saudi story's names, which share a few given names (hundreds of محمد)."""
    by_first: dict[str, list[str]] = defaultdict(list)
    foreign: dict[str, list[str]] = defaultdict(list)
    for node in full:
        first, last = _skeleton(_key(node).split()[0]), name_words(refs[node][0][1].text)[-1]
        by_first[first].append(node)
        if _foreign_word(last):
            foreign[first].append(node)
    for first, nodes in foreign.items():
        is_foreign = set(nodes)
        for a in nodes:
            for b in by_first[first]:
                if (b not in is_foreign or a < b) and _joins(a, b, refs, groups):
                    groups.union(a, b)


def _skeleton(key: str) -> str:
    """A key word without the lexicon's English tag (بتن~putin → بتن)."""
    return key.partition("~")[0]


def _joins(a: str, b: str, refs: Mapping[str, list[tuple[str, Mention]]], groups: _Groups) -> bool:
    """Full names ``a`` and ``b``, not yet one group, are one person, and so is every full name of
    their two groups (:func:`_one_person`)."""
    root_a, root_b = groups.find(a), groups.find(b)
    return (root_a != root_b and _same_person(refs[a][0][1].text, refs[b][0][1].text)
            and _one_person(root_a, root_b, refs, groups))


def _one_person(root_a: str, root_b: str, refs: Mapping[str, list[tuple[str, Mention]]], groups: _Groups) -> bool:
    """The full names of two groups are one person (:func:`_same_person`): same_name is not
    transitive, so بوتن must not bridge بوتين and بوتان, nor محمد هيكل the two محمد حسين هيكل and
    محمد حسنين هيكل. Every name of one group matches every one of the other; or the two most
    mentioned names match, so do pairs holding two thirds of the mentions, and the names that do
    not match are foreign spellings apart (:func:`_spelled_apart`): one odd spelling (سامنتا
    beside سامنثا باور) does not keep سمانثا باور out, but neither a given name (سلطان / عبدالله
    الشهراني) nor a father's (تركي بن فيصل / بن بندر) is outvoted. Runs before lone names join,
    so the groups hold full names only."""
    members_a, members_b = groups.members[root_a], groups.members[root_b]
    head_a, head_b = (max(members, key=lambda n: len(refs[n])) for members in (members_a, members_b))
    if not _same_person(refs[head_a][0][1].text, refs[head_b][0][1].text):
        return False
    total = sum(len(refs[x]) for x in members_a) * sum(len(refs[y]) for y in members_b)
    disagree = 0  # mention-weighted pairs that do not match: more than a third, and the groups stay apart
    for x in members_a:
        for y in members_b:
            a, b = refs[x][0][1].text, refs[y][0][1].text
            if not _same_person(a, b):
                disagree += len(refs[x]) * len(refs[y])
                if 3 * disagree > total or not _spelled_apart(a, b):
                    return False
    return True


@lru_cache(maxsize=100_000)  # a group's failing pairs are asked again each time it meets another
def _spelled_apart(a: str, b: str) -> bool:
    """Two names of as many words whose differing words are all foreign (:func:`_foreign_word`):
    what tells them apart is spelling, which a majority may overrule."""
    words_a, words_b = name_words(a), name_words(b)
    return len(words_a) == len(words_b) and all(
        x == y or (_foreign_word(x) and _foreign_word(y)) for x, y in zip(words_a, words_b, strict=True))


def _foreign_word(word: str) -> bool:
    """A name word (as :func:`name_words` gives it) that is no listed Arabic name and has no article:
    same_name lets its spelling vary, where Arabic names match letter for letter."""
    return not (is_listed_native(word) or word.startswith("ال"))


def _join_other_kinds(refs: Mapping[str, list[tuple[str, Mention]]], kinds: Mapping[str, str], groups: _Groups) -> None:
    """A full name the tagger took for a person in one article and for a place or organization in
    another (خميس مشيط, لوس أنجليس) is one entity, of the kind most mentions give it."""
    for node in refs:
        if kinds[node] == "PER" and "@" not in node and _key(node) in refs:
            groups.union(_key(node), node)


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


_LONG_WORD = 7  # letters of a lone name that may join a full name of another key (جوفشتاين / جوبشتاين)


def _by_word(full: list[str], refs: Mapping[str, list[tuple[str, Mention]]]) -> tuple[dict, ...]:
    """Full names by their last word, by their first word, by their last word without the lexicon's
    tag, and, for family names of :data:`_LONG_WORD` letters or more, by the key's initial and the
    word's length (so a lone name finds its candidates without scanning every full name of a story:
    big stories have thousands)."""
    last: dict[str, list[str]] = defaultdict(list)
    first: dict[str, list[str]] = defaultdict(list)
    untagged: dict[str, list[str]] = defaultdict(list)
    long_: dict[tuple[str, int], list[str]] = defaultdict(list)
    for f in full:
        words = _key(f).split()
        last[words[-1]].append(f)
        first[words[0]].append(f)
        untagged[_skeleton(words[-1])].append(f)
        if len(family := name_words(refs[f][0][1].text)[-1]) >= _LONG_WORD:
            long_[words[-1][:1], len(family)].append(f)
    return last, first, untagged, long_


def _attach_single(node: str, full: list[str], by_word: tuple[dict, ...],
                   refs: Mapping[str, list[tuple[str, Mention]]],
                   roles: Mapping[tuple[str, int, int], list[Role]], groups: _Groups) -> bool:
    """Join a lone name to the full name it ends (or starts): the last word's key finds the candidates,
    :func:`same_name` confirms the word (ميلر does not end توماس مولر), :func:`same_name_alone` a
    one-word lone name (دياك, Diack, does not end جريج دايك); a name of two words or more
    prefers the candidates whose given name it spells (راوول كاسترو, its راوول unknown to the lexicon,
    is راؤول كاسترو, not فيدل كاسترو); the article, then roles, then a known given name
    (:func:`_given_named`) break ties. Last, a family name whose key differs from a full name's by
    the lexicon's tag alone (تيلور, the lexicon's تايلور~taylor) joins it when
    :func:`same_name_alone` confirms the word; a family name written with the other of ة and ه
    finds the full names of that spelling's key (:func:`_taa_marbuta_twin`); and a family name of seven letters or more whose
    key differs otherwise (جوفشتاين, بنتسي جوبشتاين's ب heard as ف) joins a full name
    whose family name has its key's initial and as many letters, one rendered another way (the
    hand rule's distance, and :func:`same_name`, confirm it). (A looser block, the key's initial and
    length, joined مايكل to سام ميتشل in two days' digests; for long names only, it still joined
    words of other lengths: شيفروليه to هيكل سفلي there, طالباني to منصور طالبان in the corpus.)"""
    words = name_words(refs[node][0][1].text)
    key, word = _key(node).split()[-1], words[-1]
    last, first, untagged, long_ = by_word
    retagged = [f for f in untagged.get(_skeleton(key), ()) if _key(f).split()[-1] != key]  # not refused above
    alike = same_name_alone if len(words) == 1 else same_name
    indexes = ((last.get(key, ()), -1, alike), (first.get(key, ()), 0, alike),
               (retagged, -1, same_name_alone), (last.get(_taa_marbuta_twin(key, word), ()), -1, alike),
               (_respelled(key, word, long_, refs), -1, same_name))
    for index, at, same in indexes:
        fits = [f for f in index if same(word, name_words(refs[f][0][1].text)[at])]
        if words[0] in _PATRONYMIC:  # ابن معمر ends فيصل بن معمر; ابن القذافي (a son) is not معمر القذافي
            fits = [f for f in fits if _ends_with_ibn(name_words(refs[f][0][1].text), len(words))]
        elif len(words) > 1:  # a first word the tagger took in, or a given name unknown to the lexicon
            fits = [f for f in fits if same_name(words[0], name_words(refs[f][0][1].text)[0])] or fits
        roots = {groups.find(f) for f in fits}
        if len(roots) > 1:
            roots = _best_fit(node, roots, full, refs, roles, groups)
        if len(roots) > 1 and len(words) == 1 and not is_listed_native(word):
            roots = _given_named(roots, fits, at, refs, groups)
        if len(roots) == 1:
            groups.union(roots.pop(), node)
            return True
        if roots:
            return False  # two people fit and the context cannot tell: keep apart
    return False


def _taa_marbuta_twin(key: str, word: str) -> str:
    """The key of a family name written with the other of ة and ه (زومة / زومه, عويضة / عويضه:
    Gulf papers often write the taa marbuta ه, and name_key reads a final ه as a foreign -e, ي)."""
    if word.endswith("ة") and key.endswith("ه"):
        return key[:-1] + "ي"
    if word.endswith("ه") and key.endswith("ي"):
        return key[:-1] + "ه"
    return ""


def _respelled(key: str, word: str, long_: Mapping[tuple[str, int], list[str]],
               refs: Mapping[str, list[tuple[str, Mention]]]) -> Iterator[str]:
    """Full names whose family name may be a long lone name's other rendering (see
    :func:`_attach_single`); lazy, as most lone names find their full name by key first."""
    skeleton = _skeleton(key)
    for f in long_.get((key[:1], len(word)), ()):
        if (_skeleton(_key(f).split()[-1]) != skeleton
                and name_distance(word, name_words(refs[f][0][1].text)[-1]) <= SAME_NAME_DISTANCE):
            yield f


_PATRONYMIC = frozenset({"بن", "ابن", "بنت"})


def _ends_with_ibn(words: Sequence[str], size: int) -> bool:
    """Whether a full name's last ``size`` words start with بن / ابن / بنت (فيصل بن معمر for ابن معمر)."""
    return len(words) > size and words[-size] in _PATRONYMIC


def _given_named(roots: set[str], fits: list[str], at: int, refs: Mapping[str, list[tuple[str, Mention]]],
                 groups: _Groups) -> set[str]:
    """Of the people a lone foreign name fits that neither article nor role tells apart, those whose
    given name is a name word the tagger knows (:func:`known_name`: جيريمي كوربين, not خلاف كوربين
    or واستهل يونغ, a word the tagger took in before a family name); all when none is. Not a
    father's name after بن (يوسف حاييم بن ديفيد is not ديفيد), and not for Arabic given names, which
    many people of a Saudi story share (عبدالعزيز, سلمان): the caller asks for foreign ones only."""
    vocabulary = load_vocabulary()
    named = set()
    for f in fits:
        words = name_words(refs[f][0][1].text)
        if ((root := groups.find(f)) in roots and known_name(words[0], vocabulary)
                and not (at == -1 and len(words) > 1 and words[-2] in _PATRONYMIC)):
            named.add(root)
    return named or roots


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
        clean = all(map(_name_word, words)) or kind != "PER"
        return (clean, len(words), spellings[spelling], len(articles[spelling]))

    name = next(iter(spellings)) if len(spellings) == 1 else max(spellings, key=rank)  # most have one
    key = person_key(name) if kind == "PER" else name_key(name)
    seen_roles: dict[str, Role] = {}
    for article_id, m in items:
        for role in roles.get((article_id, m.start, m.end), ()):
            seen_roles.setdefault(normalize(role.role, "key"), role)
    sample = _capped(sorted(items, key=lambda item: (item[0], item[1].start)))
    rank_key = (-len(items), -len({a for a, _ in items}), name)
    return rank_key, Entity(
        id=_entity_id(kind, key),
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
