from khabar.group.crossref import infer_event_dates
from khabar.model import Analysis, Article, Fact


def _fact(slot, key, sentence, background):
    return Fact(slot, key, key, 0, 1, sentence, background=background)


def test_undated_article_takes_the_date_others_give_its_venue():
    dated = (Article("a", "a", "t", "b", published_at="2025-04-10"),
             Analysis("a", facts=(_fact("when", "2025-02-27", 3, True), _fact("where", "venue:us", 3, True),
                                  _fact("where", "venue:ru", 0, False))))
    undated = (Article("b", "b", "t", "b"), Analysis("b", facts=(_fact("where", "venue:us", 0, False),)))
    other = (Article("c", "c", "t", "b"), Analysis("c", facts=(_fact("where", "venue:ru", 0, False),)))
    out = dict((a.id, n) for a, n in infer_event_dates([dated, undated, other]))
    assert out["b"].event_date == "2025-02-27"
    assert out["c"].event_date == ""  # the venue's only dated happening is not background anywhere
    assert out["a"].event_date == ""  # dated articles are left alone


def test_background_date_must_share_the_sentence_with_the_venue():
    dated = (Article("a", "a", "t", "b", published_at="2025-04-10"),
             Analysis("a", facts=(_fact("when", "2025-02-27", 3, True), _fact("where", "venue:us", 4, True))))
    undated = (Article("b", "b", "t", "b"), Analysis("b", facts=(_fact("where", "venue:us", 0, False),)))
    assert infer_event_dates([dated, undated])[1][1].event_date == ""
