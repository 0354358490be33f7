"""Keyword rules that gather candidate event clusters in SaudiNewsNet, 21-23 July 2015.

Each rule: label -> (pattern that the ``match``-normalized title must contain, pattern that
excludes). Candidates are then read (title and lead) and wrong ones listed in
``REJECTED`` of the labelled file; see benchmarks/data/README.md for the labelling rules.

    PYTHONPATH=src:benchmarks python benchmarks/group_snn_rules.py > /tmp/candidates.tsv
"""

from __future__ import annotations

import re

from group_snn import day
from khabar.arabic import normalize

DAYS = ["2015-07-21", "2015-07-22", "2015-07-23"]

RULES: dict[str, tuple[str, str]] = {
    "suruc-bombing": (r"سروج|سوروتش|سروتش|سوروج", r""),
    "saudi-431-isis-cells": (r"431|خلايا عنقوديه|عنقودي|الخلايا الداعشيه", r""),
    "unsc-endorses-iran-deal": (r"مجلس الامن.*(النووي|ايران)|(النووي|ايران).*مجلس الامن", r""),
    "us-cuba-embassies": (r"كوبا", r""),
    "gold-five-year-low": (r"الذهب", r"كاس|دوري|ميداليه|بطوله"),
    "jeddah-girls-harassment": (r"التحرش|تحرش", r""),
    "platini-fifa-election": (r"بلاتيني|انتخاب.*فيفا|فيفا.*انتخاب|رئاسه الفيفا", r""),
    "greece-banks-reopen": (r"اليونان|اليوناني", r""),
    "king-fahd-causeway-outage": (r"جسر الملك فهد", r""),
    "israel-stone-throwers-law": (r"الحجاره", r""),
    "saudi-oil-exports-may": (r"صادرات.*النفط|النفط.*صادرات|6\.9", r""),
    "atm-withdrawals-67bn": (r"الصرف الالي|67 مليار", r""),
    "almeida-hilal": (r"الميدا|ألميدا|الميدا", r""),
    "mbs-kadyrov": (r"الشيشان|قديروف", r""),
    "mbs-geagea": (r"جعجع|القوات اللبنانيه", r""),
    "haram-expansion-inauguration": (r"توسعه.*(الحرم|المسجد الحرام)|(الحرم|المسجد الحرام).*توسعه", r""),
    "google-earnings": (r"جوجل|غوغل", r""),
    "zabadani": (r"الزبداني", r""),
    "aden-port-tawahi": (r"التواهي|المعلا|مطار عدن|ميناء عدن", r""),
    "duaiji-shabab": (r"الدعيع", r""),
    "majrashi-taawoun": (r"مجرشي", r""),
    "khamenei-speech": (r"خامنئي", r""),
    "kerry-replies-bandar": (r"كيري", r""),
    "diyala-bombing": (r"ديالي|خان بني سعد", r""),
    "mecca-warehouse-fire": (r"حريق.*(مستودع|قطع الغيار)", r""),
    "super-cup-tickets": (r"تذاكر.*السوبر|السوبر.*تذاكر", r""),
    "obama-kenya": (r"كينيا", r""),
    "hamas-visit": (r"حماس|مشعل", r""),
    "tabuk-child-rescue": (r"ينقذ.*(طفل|غرق)|انقاذ طفل", r""),
    "tennessee-shooting": (r"تينيسي|تشاتانوغا", r""),
    "boko-haram-attacks": (r"بوكو حرام", r""),
}


def main() -> None:
    compiled = {k: (re.compile(p), re.compile(x) if x else None) for k, (p, x) in RULES.items()}
    for d in DAYS:
        for i, row in enumerate(day(d)):
            title = normalize(row.get("title") or "")
            for label, (pat, excl) in compiled.items():
                if pat.search(title) and not (excl and excl.search(title)):
                    lead = normalize(row.get("content") or "")[:160].replace("\t", " ")
                    print(f"{d}/{i}\t{label}\t{row.get('source')}\t{title}\t{lead}")
                    break


if __name__ == "__main__":
    main()
