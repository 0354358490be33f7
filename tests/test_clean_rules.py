"""Cleaning rules on small made-up articles: each rule fires, and body is never cut."""

from __future__ import annotations

from khabar.clean import clean, report
from khabar.clean.metadata import find_byline, find_credit, find_date
from khabar.model import RawDoc, to_dict

LEAD = ("أعلنت وزارة الصحة السعودية اليوم عن افتتاح مستشفى جديد لعلاج أمراض القلب في مدينة جدة "
        "بطاقة استيعابية تبلغ ثلاثمائة سرير.")
SECOND = ("وقال وزير الصحة إن المستشفى الجديد في جدة سيخدم سكان المنطقة الغربية ويخفف الضغط "
          "على مستشفيات القلب في المملكة.")
THIRD = ("وأضاف الوزير أن وزارة الصحة تخطط لافتتاح مستشفيات قلب أخرى في المدن السعودية خلال "
         "العامين المقبلين.")
OTHER = ("سجلت أسعار النفط ارتفاعا ملحوظا في تعاملات الأسواق العالمية اليوم بعد تراجع المخزونات "
         "الأمريكية من الخام بأكثر من المتوقع، وصعد خام برنت إلى مستوى قياسي.")
OTHER2 = ("وتوقع محللون في أسواق الطاقة أن تواصل الأسعار صعودها خلال الأسابيع المقبلة مع زيادة "
          "الطلب على الوقود في موسم الصيف.")


def _clean(text: str, **kw):
    return clean(RawDoc(doc_id="t", source="test", text=text, **kw))


def _doc(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_inline_read_also_keeps_the_on_topic_continuation():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, "اقرأ أيضاً: أسعار النفط ترتفع", SECOND, THIRD))
    assert SECOND in article.body and THIRD in article.body
    assert "أسعار النفط ترتفع" not in article.body


def test_unrelated_article_after_marker_is_cut_as_one_block():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, THIRD, "اقرأ أيضا", "النفط يرتفع",
                          OTHER, OTHER2))
    assert article.body.endswith(THIRD)
    appended = [b for b in article.removed if b.kind == "appended"]
    assert len(appended) == 1 and OTHER in appended[0].text and OTHER2 in appended[0].text
    assert appended[0].score > 0.5


def test_truncated_teasers_after_marker_are_cut():
    teaser = OTHER[:90].rsplit(" ", 1)[0] + "،"
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, "قراءة المزيد", "النفط يرتفع",
                          "النفط يرتفع", teaser))
    assert teaser not in article.body
    assert article.body.endswith(SECOND)


def test_without_markers_nothing_is_cut_from_prose():
    text = _doc(LEAD, SECOND, OTHER, THIRD)
    article = _clean(text)
    for paragraph in (LEAD, SECOND, OTHER, THIRD):
        assert paragraph in article.body


def test_chrome_hashtags_separators_and_tags_are_clutter():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", "12 0 تعليق ارسل طباعة تبليغ حذف", LEAD,
                          "#الصحة #جدة #مستشفى", "〰️〰️〰️〰️", "الوسوم: الصحة جدة", SECOND, "شارك عبر واتساب"))
    reasons = {b.reason for b in article.removed}
    assert {"chrome", "hashtags", "separator", "tags:الوسوم"} <= reasons
    assert article.body == _doc(LEAD, SECOND)


def test_prose_using_the_verb_shaarak_is_not_chrome():
    line = "شارك وزير الصحة في حفل الافتتاح إلى جانب عدد من المسؤولين وطباعة الكتيبات الخاصة بالمستشفى."
    assert line in _clean(_doc(LEAD, line)).body


def test_given_title_is_not_repeated_in_the_body():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD), title="افتتاح مستشفى للقلب في جدة")
    assert article.title == "افتتاح مستشفى للقلب في جدة"
    assert article.body == LEAD


def test_article_without_title_line_gets_one_from_its_lead_and_keeps_it():
    article = _clean(_doc(LEAD, SECOND))
    assert article.title and LEAD.startswith(article.title.rstrip("…"))
    assert article.body.startswith(LEAD)


def test_metadata_helpers():
    assert find_date("نشر في 3 آذار 2024") == "2024-03-03"
    assert find_date("بتاريخ ٢٧ فبراير ٢٠٢٥") == "2025-02-27"
    assert find_date("2024-13-40") == ""
    assert find_byline("كتب: أحمد علي") == "أحمد علي"
    assert find_credit("المصدر: وكالة الأنباء السعودية") == "وكالة الأنباء السعودية"
    assert find_credit("المصدر الذي تحدث للصحيفة قال إن الاجتماع انتهى دون اتفاق على أي بند") == ""


def test_report_names_every_removed_block_and_serializes():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, "اقرأ أيضا", "النفط يرتفع", OTHER, OTHER2))
    text = report(article)
    assert article.title in text and LEAD in text
    for block in article.removed:
        assert block.reason in text
    assert to_dict(article)["removed"]


def test_html_page_metadata_and_rules():
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEAD, SECOND, THIRD, "اقرأ أيضاً", "النفط يرتفع", OTHER, OTHER2))
    html = ("<html><head><title>افتتاح مستشفى للقلب في جدة</title>"
            '<meta name="author" content="سارة أحمد"><meta property="og:site_name" content="صحيفة الاختبار">'
            '<meta property="article:published_time" content="2024-05-02T10:00:00"></head><body>'
            "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/s'>رياضة</a></li></ul></nav>"
            f"<article><h1>افتتاح مستشفى للقلب في جدة</h1><figure><img src='a.jpg'><figcaption>المستشفى الجديد (واس)"
            f"</figcaption></figure>{paragraphs}</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    article = clean(RawDoc(doc_id="h", source="page.html", html=html, url="https://www.example.sa/x"))
    assert LEAD in article.body and THIRD in article.body
    assert OTHER not in article.body
    assert article.published_at == "2024-05-02"
    assert article.outlet == "صحيفة الاختبار"
    assert "المستشفى الجديد (واس)" in article.captions


def test_garbage_never_raises():
    for text in ("", "\n\n\n", "••••", "#" * 500, "اقرأ أيضا\n" * 50, "a" * 100_000):
        article = _clean(text)
        assert isinstance(article.body, str)
    assert clean(RawDoc(doc_id="h", source="x.html", html="<<<\x00>>>")).body == ""


def test_verse_after_an_inline_link_stays_body():
    verse = ["ربابة ربة البيت", "تصب الخل في الزيت", "لها عشر دجاجات", "وديك حسن الصوت"]
    article = _clean(_doc("قصيدة للأطفال", LEAD, "اقرأ أيضاً", "النفط يرتفع في الأسواق", *verse))
    for line in verse:
        assert line in article.body
    assert "النفط يرتفع في الأسواق" not in article.body


def test_widget_row_glued_before_a_paragraph_is_cut_and_the_paragraph_kept():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + LEAD))
    assert article.body == LEAD
    assert any(b.text.startswith("شارك من خلال") and b.kind == "clutter" for b in article.removed)


def test_glued_headline_run_with_share_buttons_is_cut():
    glued = "النفط يرتفعالذهب يتراجع!الأسهم تهبط طباعة شارك النفط الذهب"
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, glued))
    assert glued not in article.body
    assert SECOND in article.body


def test_sentences_that_start_like_labels_are_body():
    lines = ["مواضيع كثيرة وشيقة قدمها البرنامج في حلقته الأخيرة، سلطت الضوء على قضايا المجتمع.",
             "وتدور أحداث المسلسل حول عميلة في مكتب التحقيقات (أ ف ب).",
             "من جانبها، ذكرت شركة فيس بوك أن خدمتها تختلف عما يقدمه تويتر لاحقا"]
    article = _clean(_doc(LEAD, *lines))
    for line in lines:
        assert line in article.body


def test_menu_line_above_an_unrepeated_title():
    article = _clean(_doc("الاستثمار في البورصة وصناديق الاستثمار", "افتتاح مستشفى للقلب في جدة", LEAD, SECOND))
    assert article.title == "افتتاح مستشفى للقلب في جدة"
    assert [b.reason for b in article.removed][:1] == ["menu-above-title"]
    assert article.body == _doc(LEAD, SECOND)


def test_numeric_dateline_and_letter_buttons():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", "2015-08-07 06:27", "A A A", LEAD))
    assert article.published_at == "2015-08-07"
    assert article.body == LEAD


def test_html_link_list_without_marker_is_cut():
    links = "".join(f"<p><a href='/n{i}'>{t}</a></p>" for i, t in enumerate(
        ("ارتفاع أسعار النفط في الأسواق العالمية", "الذهب يتراجع مع صعود الدولار", "الأسهم الأوروبية تغلق على انخفاض")))
    html = (f"<html><head><title>مستشفى جدة</title></head><body><article><h1>مستشفى جدة</h1><p>{LEAD}</p>"
            f"<p>{SECOND}</p>{links}<p>{THIRD}</p></article></body></html>")
    article = clean(RawDoc(doc_id="h", source="page.html", html=html))
    assert "الذهب يتراجع مع صعود الدولار" not in article.body
    assert {"link-list"} <= {b.reason for b in article.removed}
    assert LEAD in article.body and SECOND in article.body and THIRD in article.body


OTHER_TITLE = "أسعار النفط تسجل ارتفاعا قياسيا"
OTHER_LEAD = ("سجلت أسعار النفط ارتفاعا قياسيا في تعاملات الأسواق العالمية اليوم بعد تراجع المخزونات "
              "الأمريكية من الخام بأكثر من المتوقع.")


def test_article_under_an_unknown_section_label_is_cut():
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, THIRD, "ننصحك بقراءة", OTHER_TITLE,
                          OTHER_LEAD, OTHER2))
    assert article.body == _doc(LEAD, SECOND, THIRD)
    assert any(b.reason == "unknown-marker" for b in article.removed)


def test_digest_of_short_news_without_a_label_is_body():
    items = [LEAD, SECOND, THIRD, OTHER_TITLE, OTHER_LEAD, OTHER2]
    article = _clean(_doc("أخبار اليوم في سطور", *items))
    for item in items:
        assert item in article.body


def test_link_list_under_an_unknown_label_is_cut_but_verse_is_not():
    headlines = ["أسعار النفط تسجل ارتفاعا قياسيا اليوم", "الذهب يتراجع مع صعود الدولار الأمريكي",
                 "الأسهم الأوروبية تغلق على انخفاض حاد"]
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, THIRD, "موضوعات تهمك", *headlines))
    assert article.body == _doc(LEAD, SECOND, THIRD)
    verse = ["يا دار ما بين الضلوع مكانك", "وأنت العزيزة في زمانك", "ما غاب عن عيني ولا نسيت أوانك"]
    article = _clean(_doc("افتتاح مستشفى للقلب في جدة", LEAD, SECOND, THIRD, "ومضة", *verse))
    for line in verse:
        assert line in article.body


def test_html_too_deep_for_the_parser_still_gives_its_text():
    html = "<html><body>" + "<div>" * 5000 + f"<p>{LEAD}</p><p>{SECOND}</p>" + "</div>" * 10
    article = clean(RawDoc(doc_id="h", source="deep.html", html=html))
    assert LEAD in article.body and SECOND in article.body


def test_html_with_only_scripts_has_no_body():
    html = "<html><head><script>var a = 'نص';</script></head><body><script>x()</script><style>p{}</style></body></html>"
    assert clean(RawDoc(doc_id="h", source="s.html", html=html)).body == ""


def test_control_characters_never_reach_the_body():
    article = _clean(LEAD + "\x00\x00" + SECOND + "\x1a\x1a" + THIRD)
    assert not any(ch in article.body for ch in "\x00\x1a")
    assert LEAD in article.body and SECOND in article.body and THIRD in article.body
