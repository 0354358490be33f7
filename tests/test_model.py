from khabar.model import (
    Article,
    Block,
    Citation,
    Event,
    EventDigest,
    Story,
    StoryDigest,
    SummarySentence,
    from_dict,
    to_dict,
)


def test_round_trip_restores_nested_types():
    block = Block("اقرأ أيضاً", 10, 20, "clutter", "lexicon", 0.9)
    article = Article("a1", "x.txt", "عنوان", "نص", removed=(block,), captions=("صورة",))
    back = from_dict(Article, to_dict(article))
    assert back == article
    assert isinstance(back.removed[0], Block)

    sentence = SummarySentence("جملة", "a1", 0, (Citation("a1", 0, 0, 4), Citation("a2", 3, 10, 20)))
    digest = StoryDigest(Story("s1", ("e1",)), "عنوان", events=(EventDigest(Event("e1", ("a1", "a2")), "h"),),
                         summary=(sentence,), article_ids=("a1", "a2"), outlets=("o",))
    again = from_dict(StoryDigest, to_dict(digest))
    assert again == digest
    assert again.summary[0].citations[1].article_id == "a2"


def test_to_dict_is_json_ready():
    data = to_dict(Event("e", ("a", "b")))
    assert data == {"id": "e", "article_ids": ["a", "b"], "title": "", "date": "", "duplicates": []}


def test_from_dict_rebuilds_nested_tuples_and_fills_defaults():
    from khabar.model import Entity, EntityRef

    entity = Entity("x", "PER", "ترامب", spellings=(("ترامب", 3), ("ترمب", 1)),
                    mentions=(EntityRef("a1", 0, 0, 5, "ترامب"),))
    back = from_dict(Entity, to_dict(entity))
    assert back == entity
    assert isinstance(back.spellings[1], tuple) and isinstance(back.mentions[0], EntityRef)
    old = {"id": "e", "article_ids": ["a"]}  # written before later fields existed
    assert from_dict(Event, old) == Event("e", ("a",))


def test_to_dict_keeps_extra_dicts_and_plain_values():
    digest = StoryDigest(Story("s", ()), "h", extra={"n": 1, "l": (1, 2)})
    data = to_dict(digest)
    assert data["extra"] == {"n": 1, "l": [1, 2]}
    assert to_dict(3.5) == 3.5 and to_dict(None) is None and to_dict(Article) is Article
