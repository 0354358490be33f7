import sqlite3

from khabar.model import Analysis, Article, Event, Sentence, Story, StoryDigest
from khabar.store.sqlite import Store


def _item(i: int, body: str) -> tuple[Article, Analysis]:
    art = Article(f"id{i}", f"f{i}.txt", f"عنوان {i}", body, published_at=f"2025-04-1{i}")
    return art, Analysis(art.id, sentences=(Sentence(0, 0, len(body), body),))


def test_add_is_idempotent_and_ordered(db_path):
    with Store(db_path) as store:
        assert store.add_articles([_item(1, "نص أول"), _item(2, "نص ثان")]) == 2
        assert store.add_articles([_item(1, "نص أول"), _item(3, "نص ثالث")]) == 1
        assert store.count_articles() == 3
        assert [a.id for a, _ in store.items()] == ["id1", "id2", "id3"]
        assert store.analysis("id2").sentences[0].text == "نص ثان"


def test_wal_mode_and_reopen(db_path):
    with Store(db_path) as store:
        store.add_articles([_item(1, "نص")])
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db_path) as store:
        assert store.article("id1").title == "عنوان 1"


def test_search_matches_spelling_variants(db_path):
    with Store(db_path) as store:
        store.add_articles([_item(1, "وصل الوفد إلى إسطنبول صباحاً"), _item(2, "مباحثات في موسكو")])
        assert [a for a, _ in store.search("اسطنبول")] == ["id1"]
        assert store.search("   ") == []


def test_grouping_and_digests(db_path):
    with Store(db_path) as store:
        store.add_articles([_item(1, "نص"), _item(2, "نص آخر")])
        events = [Event("e1", ("id1",), date="2025-04-10"), Event("e2", ("id2",), date="2025-02-27")]
        stories = [Story("s1", ("e2", "e1"))]
        store.save_grouping(events, stories)
        store.save_digests([StoryDigest(stories[0], "عنوان", article_ids=("id1", "id2"), outlets=("a", "b"))])
        assert store.digest("s1").headline == "عنوان"
        assert [d.story.id for d in store.digests()] == ["s1"]
        # regrouping without s1 removes it
        store.save_grouping(events[:1], [Story("s2", ("e1",))])
        assert store.find_stories("s") == ["s2"]


def test_story_list_reads_a_stored_listing_and_old_databases_get_one(db_path):
    from khabar.model import SummarySentence
    from khabar.present.web.queries import story_rows

    with Store(db_path) as store:
        store.add_articles([_item(1, "نص"), _item(2, "نص آخر")])
        story = Story("s1", ("e1",))
        store.save_grouping([Event("e1", ("id1", "id2"), date="2025-04-10")], [story])
        store.save_digests([StoryDigest(story, "عنوان <b>", summary=(SummarySentence("أول جملة.", "id1", 0),),
                                        article_ids=("id1", "id2"), outlets=("a", "b"))])
        expected = story_rows(store, 10)
        assert expected[0]["headline"] == "عنوان <b>" and expected[0]["outlets"] == ["a", "b"]
        assert expected[0]["lede"] == "أول جملة." and expected[0]["n_events"] == 0
        store.db.execute("ALTER TABLE stories DROP COLUMN listing")  # a database from before the column
        store.db.commit()
    with Store(db_path) as store:
        assert story_rows(store, 10) == expected
