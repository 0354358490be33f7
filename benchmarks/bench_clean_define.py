"""Write the held-out cleaning set definition: host articles and clutter to add, as references.

Usage: python benchmarks/bench_clean_define.py [--hosts 60] [--seed 2025] [--out benchmarks/data/clean_heldout.json]

Each case names a host article of SaudiNewsNet by (day, index) and a list of
insertions in the shapes the seed articles show (menu line above the title, date
and byline line, chrome lines, caption, inline "read also" link, related-headline
lists, credited source and tag lines, hashtag runs with emoji separators, whole
appended articles, teaser cards, glued headline runs, end-of-page widgets).
Donor articles for headlines and appended text come from other days and outlets.
The file holds references and site-chrome strings only, never corpus text;
bench_clean_heldout.py rebuilds the documents at benchmark time.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from bench_clean_corpus import DATA, content_lines, day, days

# Site chrome as seen on Arabic news pages, deliberately wider than the cleaner's lexicon.
MARKERS = ["اقرأ أيضاً", "إقرأ أيضاً:", "اقرأ أيضا:", "اقرأ ايضا", "أخبار ذات صلة", "مقالات مشابهة",
           "مواضيع ذات صلة", "شاهد أيضاً", "قد يهمك أيضاً", "إخترنا لك", "الأكثر قراءة", "RELATED POSTS",
           "اقرأ المزيد", "المزيد من الأخبار", "ننصحك بقراءة", "موضوعات تهمك", "أخبار متعلقة"]
CARD_MARKERS = ["قراءة المزيد", "اقرأ المزيد", "المزيد", "Read more", "أخبار ذات صلة"]
CHROME = ["{n} 0 تعليق ارسل طباعة تبليغ حذف", "play icon", "طباعة | ارسل لصديق | تعليق", "شارك", "مشاركة",
          "تغريد", "حجم الخط", "A A A", "{n} مشاهدة", "شارك على فيسبوك", "Share", "0 تعليق", "طباعة",
          "أضف تعليقك", "نسخ الرابط", "{n} دقائق للقراءة", "تابعنا على تويتر"]
END_WIDGETS = ["إخترنا لك", "أخبار ذات صلة", "0 تعليق", "RELATED POSTS", "View all", "الأكثر قراءة",
               "تابعونا على تويتر", "جميع الحقوق محفوظة © 2015", "التعليقات", "أضف تعليق", "الأكثر تداولاً",
               "اشترك في النشرة البريدية", "حمل تطبيقنا"]
TAG_LABELS = ["كلمات دلالية:", "الوسوم:", "الكلمات المفتاحية:", "Tags:"]
SEPARATORS = ["➖➖➖➖➖➖➖➖➖➖", "ـــــــــــــــــــ", "*****", "• • •", "〰️〰️〰️〰️〰️", "------"]
CREDIT_FORMATS = ["المصدر: {o}", "📡 المصدر : #{o}", "المصدر - {o}", "المصدر: وكالات"]
CREDITS = ["الأسبوع", "الشرق", "واس", "العربية نت", "سكاي نيوز عربية", "وكالات", "الرياض"]
CAPTION_CREDITS = ["(رويترز)", "(أ ف ب)", "(واس)", "(أرشيفية)", "(الأناضول)", "(أ.ب)", "(تصوير: المحرر)"]
DATE_FORMATS = ["{mname} {d}, {y} | by {a}", "{d} {mname} {y}", "نشر في: {d}/{m}/{y} - {hh}:{mm}",
                "{y}-{m}-{d} {hh}:{mm}", "بقلم: {a}", "{wd} {d} {mname} {y}"]
AUTHORS = ["محمد العتيبي", "editor@example.com", "فريق التحرير", "سارة أحمد", "admin"]
SHAPES = {  # shape: weight
    "menu_top": 2, "dateline": 3, "chrome_top": 3, "caption": 2, "inline_read_also": 3, "related_list": 4,
    "source_tags": 3, "hashtags": 2, "appended_article": 3, "cards": 3, "glued_run": 1, "end_widgets": 3,
}


def _eligible(item: dict) -> bool:
    lines = content_lines(item)
    words = sum(len(line.split()) for line in lines)
    return bool(item.get("title")) and len(lines) >= 2 and 100 <= words <= 1500


def build(hosts: int, seed: int, data: Path) -> dict:
    rng = random.Random(seed)
    by_day = {d: [i for i, it in enumerate(day(data, d)) if _eligible(it)] for d in days(data)}
    pool = [(d, i) for d, idx in by_day.items() for i in idx]
    rng.shuffle(pool)
    chosen, seen_outlets = [], {}
    for d, i in pool:  # spread over outlets: at most hosts/8 per outlet
        outlet = day(data, d)[i]["source"]
        if seen_outlets.get(outlet, 0) < max(1, hosts // 8):
            chosen.append((d, i))
            seen_outlets[outlet] = seen_outlets.get(outlet, 0) + 1
        if len(chosen) == hosts:
            break
    cases = []
    for d, i in chosen:
        host = day(data, d)[i]
        def donor(host_day=d, host_outlet=host["source"]):
            while True:
                dd, ii = rng.choice(pool)
                if dd != host_day and day(data, dd)[ii]["source"] != host_outlet:
                    return [dd, ii]
        shapes = rng.sample(list(SHAPES), k=rng.randint(3, 6), counts=list(SHAPES.values()))
        inserts = []
        for shape in dict.fromkeys(shapes):
            ins: dict = {"shape": shape}
            if shape == "menu_top":
                ins |= {"donors": [donor()], "repeat_title": rng.random() < 0.7}
            elif shape == "dateline":
                ins |= {"format": rng.choice(DATE_FORMATS), "author": rng.choice(AUTHORS)}
            elif shape == "chrome_top":
                ins |= {"lines": rng.sample(CHROME, k=rng.randint(1, 2)), "n": rng.randint(1, 90)}
            elif shape == "caption":
                ins |= {"words": rng.randint(3, 8), "credit": rng.choice(CAPTION_CREDITS)}
            elif shape == "inline_read_also":
                ins |= {"donors": [donor()], "marker": rng.choice(MARKERS[:9]), "glued": rng.random() < 0.5,
                        "after": rng.random()}
            elif shape == "related_list":
                ins |= {"donors": [donor() for _ in range(rng.randint(2, 6))], "marker": rng.choice(MARKERS),
                        "bullet": rng.choice(["", "  • ", "- "])}
            elif shape == "source_tags":
                ins |= {"credit": rng.choice(CREDIT_FORMATS).format(o=rng.choice(CREDITS)),
                        "tags": rng.choice(TAG_LABELS), "n_tags": rng.randint(3, 9)}
            elif shape == "hashtags":
                ins |= {"separator": rng.choice(SEPARATORS), "credit": rng.choice(CREDITS)}
            elif shape == "appended_article":
                ins |= {"donors": [donor()], "marker": rng.choice(MARKERS + [""])}
            elif shape == "cards":
                ins |= {"donors": [donor() for _ in range(rng.randint(2, 4))], "marker": rng.choice(CARD_MARKERS),
                        "repeat": rng.random() < 0.7, "chars": rng.randint(150, 400)}
            elif shape == "glued_run":
                ins |= {"donors": [donor() for _ in range(rng.randint(3, 5))]}
            elif shape == "end_widgets":
                ins |= {"lines": rng.sample(END_WIDGETS, k=rng.randint(1, 4))}
            inserts.append(ins)
        cases.append({"host": [d, i], "url": host.get("url", ""), "single_newlines": rng.random() < 0.3,
                      "inserts": inserts})
    return {"corpus": "SaudiNewsNet (Alhagri 2015), zips/YYYY-MM-DD.zip, [day, index] into the JSON array",
            "seed": seed, "cases": cases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hosts", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "clean_heldout.json")
    args = parser.parse_args()
    definition = build(args.hosts, args.seed, args.data)
    args.out.write_text(json.dumps(definition, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(definition['cases'])} cases to {args.out}")


if __name__ == "__main__":
    main()
