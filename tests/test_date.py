"""Dates: the page's own date, and many surface forms -> one value.

Every test passes a fixed reference date; none reads today's date.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import opencc
import pytest

from aicity.document import Document
from aicity.extractors.date import DateExtractor, page_date, publication_date
from aicity.pipeline import extract

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
REF = dt.date(2025, 3, 5)  # a Wednesday
T2S = opencc.OpenCC("t2s")


def dates(text: str, ref: dt.date = REF):
    return list(DateExtractor().find(Document(text, ref)))


def values(text: str, ref: dt.date = REF) -> list[str]:
    return [e.normalized for e in dates(text, ref)]


def test_pipeline_gives_the_same():
    text = "台北市長蔣萬安昨（4）日出席活動，市府預計3月16日至20日舉行。"
    ents = extract(text, types="date", ref_date="2025-03-05")
    assert [e.normalized for e in ents] == ["2025-03-04", "2025-03-16/2025-03-20"]


# --- fields beside the value


def test_fields():
    (roc,) = dates("依據民國114年3月5日函辦理")
    assert roc.fields == {"grain": "day", "calendar": "roc"}
    (rng,) = dates("活動於3月16日至20日舉行")
    assert rng.fields == {"grain": "day", "range_start": "2025-03-16",
                          "range_end": "2025-03-20", "relative": True}
    (dtm,) = dates("發布時間:2026/3/4 21:45")
    assert dtm.normalized == "2026-03-04T21:45" and dtm.fields["grain"] == "datetime"
    assert "relative" not in dtm.fields
    (month,) = dates("2月營收")
    assert month.fields == {"grain": "month", "relative": True}
    (year,) = dates("去年")
    assert year.fields == {"grain": "year", "relative": True}
    assert year.rule == "date.year"


def test_no_ref_date_uses_the_page_date():
    doc = Document("發布日期:2/17/2025\n於14日會晤", None)
    assert [e.normalized for e in DateExtractor().find(doc)] == ["2025-02-17", "2025-02-14"]
    # no page date either: only absolute dates come out
    doc = Document("於14日會晤，2019年成立", None)
    assert [e.normalized for e in DateExtractor().find(doc)] == ["2019"]


@pytest.mark.parametrize("text,expected", [
    ("發布日期:11/4/2025\n該廠Q3毛利率20.5%，較上季24.1%下滑。", ["2025-11-04", "2025-07/2025-09", "2025-04/2025-06"]),
    ("發布日期:5/6/2025\n首季出貨較上一季減少。", ["2025-05-06", "2025-01/2025-03", "2024-10/2024-12"]),
    ("發布日期:8/9/2025\n去年第3季營收較上季成長。", ["2025-08-09", "2024-07/2024-09", "2024-04/2024-06"]),
    ("發布日期:8/9/2025\n2023年第2季獲利比上季增加。", ["2025-08-09", "2023-04/2023-06", "2023-01/2023-03"]),
])
def test_the_quarter_before_counts_from_the_page_date(text, expected):
    """較上季 after a stated quarter on a page dated by its own header (no --ref-date): the year
    comes from the page's date, not from today's."""
    assert [e.normalized for e in DateExtractor().find(Document(text, None))] == expected


def test_a_page_dated_only_by_today_names_no_later_day():
    """A page with no date of its own was written on or before today: a day without its
    month (14日, 昨(10)日, even a planned 將於28日) is the latest one up to today."""
    from aicity.pipeline import extract_document
    today = dt.date.today()
    ref, entities, source = extract_document("公司將於28日召開董事會，昨(1)日已公告。", ("date",), None)
    assert (ref, source) == (today, "today")
    for e in entities:
        assert dt.date.fromisoformat(e.normalized) <= today


# --- publication_date


@pytest.mark.parametrize("name,expected", [
    ("000_54bfc9fa5cc0f4e0.txt", "2025-02-17"),
    ("001_d576b6d6b89d97c5.txt", "2025-03-22"),
    ("002_3244aa1531057470.txt", "2024-11-24"),
    ("003_fbd2b042641ab395.txt", "2026-03-04"),
    ("004_f36fe6764211d941.txt", "2025-12-12"),  # the calendar widget "2026 年 1 月" has no day
])
def test_publication_date_seeds(name, expected):
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert publication_date(text) == dt.date.fromisoformat(expected)
    assert publication_date(T2S.convert(text)) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text,expected", [
    ("发布时间：2025-03-05 10:30\n来源：新华社", "2025-03-05"),
    ("更新時間：2025/03/06 08:00\n發布時間：2025/03/05 14:22", "2025-03-05"),  # published beats updated
    ("日期：114年3月5日\n主旨：函轉", "2025-03-05"),
    ("出版時間 2025年3月5日", "2025-03-05"),
    # a front matter's published_at, its value quoted, on a line with the page's title
    ('title: "港股午評" published_at: "2025-03-05T04:16:02.000Z" --- # 港股午評', "2025-03-05"),
    ('updated_at: "2025-03-07"\npublished_at: "2025-03-05T04:16:02Z"', "2025-03-05"),
    ("2025-03-05 14:30 聯合報 記者王小明／台北即時報導\n會議於2024年12月1日召開", "2025-03-05"),
    ("首頁\n2026 年 1 月\n« 12 月\n新聞\n12 月 12, 2025\n本文", "2025-12-12"),
    ("立法院今天三讀通過修正草案，2月營收創新高。", None),
    # a forum member's profile dates (註冊時間, 最後登錄) are not the page's
    ("- 註冊時間\n- 2019-3-2\n- 最後登錄\n- 2024-5-6\n熱門討論\n地方新聞 2023/04/09 10:12\n記者林小華/嘉義報導", "2023-04-09"),
    ("生日: 1990-07-01\n文章列表", None),
    # an update's label loses to CNA's closing stamp after the story's last full stop
    ("標題\n(中央社記者王小明台南3日電)市府今天宣布補助。1090703\n\n更新時間 : 2021-04-23 19:49", "2020-07-03"),
    ("最後更新：2024/05/06\n文章內容沒有其他日期。", "2024-05-06"),  # an update's date when there is no other
    # an e-paper's clock of the reader's day (今日日期) loses to the edition's date, a year and a space before it
    ("今日日期: 2025年4月23日星期三 版面導航\n當前報紙日期:\n2023 12月29日 星期五\n本報消息", "2023-12-29"),
    ("今日日期：2025年4月23日\n文章內容沒有其他日期。", "2025-04-23"),
    ("共有1090703人次參觀。\n", None),  # seven digits inside a sentence are no stamp
    # a reprinted story's print credit at its end dates the page, wherever it stands
    ("全省今年以来新开工项目八百个。\n《经济日报》（2024年6月3日 第05版）", "2024-06-03"),
    ("全省今年以來新開工項目八百個。 《 光明日報 》( 2023年9月12日 11 版)", "2023-09-12"),
    ("他在《人民日报》(2024年6月3日)上发表文章。", None),  # a citation with no page is no credit
    # ... and completes a dateline that gives only the month and day (the story was filed the day before)
    ("新华社北京6月2日电 全国铁路完成投资。\n《人民日报》（2024年6月3日 02版）", "2024-06-02"),
    # ... but the web page's own header date comes first
    ("2024-06-04 09:12 来源:人民网\n全国铁路完成投资。\n《人民日报》（2024年6月3日 02版）", "2024-06-04"),
    # yyyyMMdd opening a byline (a business paper's share page), at the text's start or on a later line
    ("20250618陳大文/台中報導\n市府昨日宣布新的停車措施。", "2025-06-18"),
    ("交通要聞\n 20240305 記者林小明／高雄報導\n議會5日開議。", "2024-03-05"),
    ("20251399林小明/台北報導\n縣府表示將加強宣導。", None),  # no month 13
    ("標案編號\n20250618號由王大同承攬。", None),  # eight digits before no byline
    # a weekly roundup that opens with its span of days on a line of its own: written after the span's last day
    ("2025年6月30日至7月6日。\n本週全市新簽約項目三十個。", "2025-07-06"),
    ("2024年12月30日至2025年1月5日\n本周要闻回顾", "2025-01-05"),
    ("展覽將於2025年6月30日至7月6日舉行。", None),  # a span inside a sentence dates no page
    # a wire's photo credit, the place and the date closing its line, under a caption's headline
    ("【跨海大橋合龍】\n新華社照片，廈門，2024年5月6日\n5月4日拍攝的大橋合龍現場。", "2024-05-06"),
    ("新华社照片，上海，2023年11月2日\n11月1日晚，市民在江边观看灯光秀。", "2023-11-02"),
    ("展覽開幕。\n市民說，上海，2023年11月2日那天人很多。", None),  # a sentence's commas make no credit
    ("新華社照片，廈門，2024年5月6日拍攝的大橋。", None),  # the credit's date closes its line
])
def test_publication_date_forms(text, expected):
    assert publication_date(text) == (dt.date.fromisoformat(expected) if expected else None)


# The page's own date and where it came from, with today fixed at TODAY: (text, date, source).
TODAY = dt.date(2026, 4, 20)
PAGE_DATES = [
    # a header: a labelled date, a timestamp or a dated byline on a line of its own near the top
    ("發布時間 2026/3/4 20:19\n市府今天宣布新措施。", "2026-03-04", "header"),
    ("更新日期：2025-11-02\n議會昨天休會。", "2025-11-02", "header"),
    ("2025/12/23 22:51\n報導指出，廠商3日交貨。", "2025-12-23", "header"),
    ("2024-07-08T09:15:00+08:00\n颱風明天登陸。", "2024-07-08", "header"),
    ("晚報 2023-06-30 18:02 字級\n市長今晚出訪。", "2023-06-30", "header"),
    ("王小華 十二月 4, 2025 0\n評審日前公布名單。", "2025-12-04", "header"),
    ("2025年8月9日 21:40 鄰里日報\n\n里長今天說明。", "2025-08-09", "header"),
    # a timestamp to the second that opens its line is the page's, whatever byline follows (names with commas)
    ("首頁 > 財經\n2021-06-18 21:49:35 某某經濟報道 記者甲,實習生乙,丙\n\n公司11日公告。", "2021-06-18", "header"),
    # ... or one between a site's name and its source, each side short and no sentence in the line
    ("首頁 > 國際 > 正文\n\n兩國簽署協議\n\nwww.example-news.net | 2024-05-06 10:11:12  某某電台 | 0條評論 | 查看/發表評論\n\n總統週日宣布協議。",
     "2024-05-06", "header"),
    ("首頁\n\n記者會訂於 2024-05-06 10:11:12 開始，市長週三出席典禮。", None, None),
    ("會議訂於2024-05-06 10:11:12開始，市長週三出席典禮。", None, None),
    # a page whose lines were joined: headline, timestamp and body on the first line
    ("房署推出新一批居屋 2023年5月4日 08:15 房署今日公布售價。", "2023-05-04", "header"),
    # ... the headline given twice (the page's title, then its heading) before the timestamp
    ("【濠賭回暖】賭收連升三個月 【濠賭回暖】賭收連升三個月 2023年9月4日 10:05 【某某台】上月賭收按年大升。",
     "2023-09-04", "header"),
    # ... or a date written the Latin way, with no time (a feed's copy: headline, date, body)
    ("某公司全年扭虧 不派末期息 Mar 3, 2024 某公司公布，去年純利按年上升。", "2024-03-03", "header"),
    ("電訊商中期多賺兩成 16/08/2023 集團今日公布業績。", "2023-08-16", "header"),
    # ... but not one a sentence runs into, nor one after the headline's punctuation
    ("局方表示，展覽 Mar 3, 2024 開幕。", None, None),
    ("新盤推售 商場將於 Mar 3, 2024 開幕，屆時舉行儀式。", None, None),
    # a wire dateline: the day it was filed; the month and year from the header date
    ("2025/10/01 07:10\n（中央社記者林小青台北30日電）外資今天賣超。", "2025-09-30", "dateline"),
    ("2025-03-05 20:00\n新華社北京5日電 會議今天閉幕。", "2025-03-05", "dateline"),
    ("中新網福州3月2日電 當地今天舉行茶葉博覽會。\n2025年3月3日 08:00", "2025-03-02", "dateline"),
    ("本報記者王大同2024年1月15日電 展覽今天開幕。", "2024-01-15", "dateline"),
    ("2023-01-04 09:30\n《經濟通通訊社3日專訊》賭收昨日公布。", "2023-01-03", "dateline"),  # a special dispatch
    ("2025/10/06 07:10\n（中央社記者林小青華盛頓5日專電）國會今天休會。", "2025-10-05", "dateline"),
    # CNA's digest of foreign wires, filed on the foreign day, stamped after midnight in Taipei
    ("2024/5/8 01:30\n(中央社巴黎7日綜合外電報導)法國總統今天表示，他昨天已與各國通話。", "2024-05-07", "dateline"),
    # a site's copy: a slash after the outlet, and between two places
    ("2025-09-15 08:00\n中央社／ 開羅／耶路撒冷14日綜合外電報導\n國務卿今天抵達。", "2025-09-14", "dateline"),
    ("新聞稿 2025-03-06 01:12\n路透倫敦三月五日電 英國央行今天宣布。", "2025-03-05", "dateline"),
    ("（中央社記者林小青台北31日電）股市今天封關。（編輯：王大同）1141231", "2025-12-31", "dateline"),
    # a local outlet no list names: a name ending in 網 or 報 opens a line with the date and 訊/電
    ("轉自:某某特區報\n某某新聞網2024年10月30日訊(記者王小明)昨日，研究院發布榜單。", "2024-10-30", "dateline"),
    ("2025-06-03 08:00\n某某日報記者東城2日電 市長今天出席簽約。", "2025-06-02", "dateline"),
    ("他說上海網3月5日訊息很多，市府今天回應。", None, None),
    # a mainland lead: 訊, the reporters in brackets, then the day it was filed (from the header or today
    # where it gives no year); not a span of days
    ("本報訊（記者 王小明 李四）2024年12月31日，市政府第五次全體會議召開。", "2024-12-31", "dateline"),
    ("2025-01-01 08:00\n本報訊（記者 王小明）12月31日上午，市政府常務會議召開。", "2024-12-31", "dateline"),
    ("某某新聞網訊(記者 王小明)9月24日上午,市政府召開全體會議。", "2025-09-24", "dateline+today"),
    ("本報訊（通訊員 李四）3月5日，縣長走訪企業。", "2026-03-05", "dateline+today"),
    ("本報訊（記者 王小明）7月16-17日，市委書記赴廣東考察。", None, None),
    # a press release's dateline opening a line: the date and the place parted by a comma, then a dash
    ("2024年5月3日，吉隆坡 – 某某集團今天宣布收購案。", "2024-05-03", "dateline"),
    ("新加坡，2024年5月3日 — 銀行今天公布業績。", "2024-05-03", "dateline"),
    ("市長表示，2025年3月5日，檳城 – 將舉行公聽會。", None, None),  # inside a sentence: no dateline
    # ... or from today, and the source says so
    ("檳城，11月8日 - 公司昨天簽約。", "2025-11-08", "dateline+today"),
    ("(新山5日訊)州政府今天宣布撥款。", "2026-04-05", "dateline+today"),
    ("紅網某某站3月11日訊(通訊員 李四)縣長今天走訪企業。", "2026-03-11", "dateline+today"),
    ("（檳城22日訊）商會昨晚舉辦晚宴。", "2026-03-22", "dateline+today"),
    ("【11月8日訊】公會今天改選理事。", "2025-11-08", "dateline+today"),
    ("法新社巴黎4月18日電 法國總統今天出訪。", "2026-04-18", "dateline+today"),
    ("\n\n   央廣台南二十日電 市府今天公布預算。", "2026-04-20", "dateline+today"),
    ("香港中通社4月14日電 特區政府今天公布新措施。", "2026-04-14", "dateline+today"),
    ("施政報告摘要\n行政長官今日（十月十五日）在立法會發表施政報告。", "2025-10-15", "dateline+today"),
    ("2025-11-20 09:00\n局長今日（19日）出席論壇。", "2025-11-19", "dateline"),
    # the Taiwanese press's 今(8)日 in the opening lines names the day the story was written
    ("記者王小明／宜蘭報導\n\n縣府今(8)日召開年終記者會，縣長親自出席。", "2026-04-08", "dateline+today"),
    ("記者王小明／宜蘭報導\n\n鄉公所今（二十五）日舉辦淨灘，鄉長帶隊。", "2026-03-25", "dateline+today"),
    ("2025/12/03 10:20\n農業部今(2)日公布統計，產量創新高。", "2025-12-03", "header"),  # the header's, where there is one
    # but a header stamped the day before (in UTC, a story written after midnight in Taipei) yields to it
    ("2025-11-27\n巡防艇今（28）日清晨出港，全程監控。", "2025-11-28", "dateline"),
    ("2025-11-30\n巡防艇今（1）日清晨出港，全程監控。", "2025-12-01", "dateline"),
    ("2025-11-27\n巡防艇今（29）日清晨出港，全程監控。", "2025-11-27", "header"),
    # a web story's 今(10/7), 今（18）日: today's day in brackets, on a page with no header date (a list of
    # related stories repeats them, each its own day: the header wins)
    ("2025-11-20 09:00\n市議會今(11/19)下午表決預算案。", "2025-11-20", "header"),
    ("市議會今(4/3)下午表決預算案。", "2026-04-03", "dateline+today"),
    ("市議會今（18）日舉行新春團拜，議長致詞。", "2026-04-18", "dateline+today"),
    # a dateline's day falls on or before the header's date (a day or two after it at most): a page
    # copied months later keeps its story's year
    ("發布時間:2024-11-14 23:28\n中新社北京1月2日電 今年首個工作日,檢察機關通報案件。", "2024-01-02", "dateline"),
    ("2025-06-30 23:50\n新華社北京7月1日電 新規今天起施行。", "2025-07-01", "dateline"),
    ("2025-12-28 10:00\n（中央社記者林小青台北2日電）議會今天表決。", "2025-12-02", "dateline"),
    # an English byline's stamp with its weekday after the label; a stamp that a comma closes on its line
    ("港口擴建計劃公布\nPublished Tue, Mar 4, 2025 · 10:15 AM\n港務局今天表示，工程明年完成。", "2025-03-04", "header"),
    ("2025-04-08,\nDaily Wire\n集團去年全年收入按年上升。", "2025-04-08", "header"),
    ("2025-04-08,集團宣布去年全年收入按年上升。", None, None),
    # a header that gives only the month (a metadata prefix, date 2020-06, the body on its line):
    # a relative day completes it, else the page is dated its month's last day
    (" date 2020-06 建商董事長今 (2) 日表示，新案銷售超乎預期。", "2020-06-02", "dateline"),
    ("2019-11\n銀行今(28)日公布前十月獲利。", "2019-11-28", "dateline"),
    ("2020-06\n建商上半年推案金額創新高。", "2020-06-30", "header"),
    ("2020年6月，建商推出新案。", None, None),
    ("會議紀錄\n建商2020年6月推出新案，今(2)日完銷。", "2026-04-02", "dateline+today"),
    # never an event date of the body, nor a cited report
    ("市長表示，2025年3月5日將舉行公聽會。", None, None),
    ("局長將於2025年3月5日 14:30 主持開幕禮。", None, None),
    ("2025年3月5日，市長出席活動並致詞。", None, None),
    ("會議紀錄\n立法院於2024年12月1日三讀通過修正案，並於今天公布。", None, None),
    ("市場消息，據新華社5日電，當地今天降息。", None, None),
    ("漁民說日子過得很太平，(太平3日訊)是地方報的欄目。", None, None),
]


@pytest.mark.parametrize("script", ["traditional", "simplified"])
@pytest.mark.parametrize("text,expected,source", PAGE_DATES)
def test_page_date_and_its_source(text, expected, source, script):
    if script == "simplified":
        text = T2S.convert(text)
    found = page_date(text, TODAY)
    if expected is None:
        assert found is None
        assert publication_date(text, TODAY) is None
    else:
        assert found == (dt.date.fromisoformat(expected), source)
        assert publication_date(text, TODAY) == dt.date.fromisoformat(expected)


def test_a_dateline_with_only_the_day_needs_today():
    """Without today, a dateline that gives only the day gives no date."""
    assert page_date("(新山5日訊)州政府今天宣布撥款。") is None
    assert publication_date("(新山5日訊)州政府今天宣布撥款。") is None
    assert page_date("(新山5日訊)州政府今天宣布撥款。", dt.date(2026, 1, 3)) == (dt.date(2025, 12, 5),
                                                                            "dateline+today")


@pytest.mark.parametrize("text,ref,expected", [
    ("縣府今(8)日召開縣務會議。", "2026-12-02", "2026-11-08"),  # the writer's today: never after the anchor
    ("市府今(2)日公布名單。", "2026-12-02", "2026-12-02"),
    ("公所今(3)日發放物資。", "2026-12-02", "2026-12-03"),  # a day early at most: a page dated in another time zone
    ("議會昨(30)日三讀通過。", "2026-12-02", "2026-11-30"),
    ("議會昨(6)日三讀通過。", "2026-12-02", "2026-11-06"),
])
def test_a_relative_day_with_its_day_is_not_after_the_anchor(text, ref, expected):
    for script_text in (text, T2S.convert(text)):
        found = [e.normalized for e in extract(script_text, "date", ref)]
        assert found == [expected]


# --- many surface forms -> one value (Duckling Corpus style), ref 2025-03-05

SAME_VALUE = {
    "2025-03-05": [
        "2025年3月5日", "２０２５年３月５日", "二〇二五年三月五日", "二零二五年三月五日", "民國114年3月5日",
        "114年3月5日", "民國一百一十四年三月五日", "114/3/5", "2025/3/5", "2025-03-05", "2025.3.5",
        "3/5/2025", "3月5日", "三月五日", "3月5號", "今天", "今日", "今(5)日", "今（5）日", "今天(5日)",
        "March 5, 2025", "5 March 2025", "3 月 5, 2025", "2025年3月5日（三）", "3月5日(週三)",
        "本週三", "週三", "星期三", "2025 年 3 月 5 日", "3月5日上午",
    ],
    "2025-03-04": ["昨天", "昨日", "昨(4)日", "昨晚", "3/4", "4日"],
    "2025-03-06": ["明天", "明日", "明(6)日", "3月6日", "6日"],
    "2025-02-28": ["上週五", "上星期五", "2/28", "2月28日", "28日", "和平紀念日", "今年和平紀念日"],
    "2024": ["2024年", "去年", "113年", "民國113年", "113年度", "二〇二四年", "2024 年", "一年前"],
    "2025": ["今年", "2025年", "114年", "今年度", "本年度", "二〇二五年", "GTC 2025"],
    "2026": ["明年", "2026年", "115年", "民國115年"],
    "2025-02": ["2025年2月", "2月", "二月", "上個月", "上月", "114年2月", "2月份", "2025 年 2 月", "2月底"],
    "2024-12": ["去年底", "去年12月", "2024年12月", "113年12月", "去年十二月", "2024年底"],
    "2025-03-05T15:00": [
        "3月5日下午3時", "3月5日下午3點", "今天下午3點", "今天下午三點", "2025-03-05 15:00",
        "2025/3/5 15:00", "3月5日15時", "3月5日15:00", "今（5）日下午3時", "3月5日（三）下午3時",
        "2025年3月5日 15:00",
    ],
    "2025-03-05T09:30": ["3月5日上午9時30分", "3月5日上午9點半", "今天上午9:30", "2025-03-05T09:30"],
    "2025-03-16/2025-03-20": [
        "3月16日至20日", "3月16日到20日", "3月16日~20日", "3月16日－20日", "3/16~20", "3/16-3/20",
        "3/16至3/20", "2025年3月16日至20日", "3月16至20日", "3月16日至3月20日", "16日至20日",
        "2025年3月16日至2025年3月20日",
    ],
    "2025-01/2025-06": ["2025年1月至6月", "1至6月", "1—6月份", "1-6月", "114年1月至6月", "一月至六月"],
    "2025-10-10": ["國慶日", "雙十節", "雙十國慶", "今年國慶日", "國慶焰火", "國慶連假"],
    "2025-12-25": ["聖誕節", "耶誕節", "行憲紀念日"],
    "2025-01-01": ["元旦", "今年元旦", "開國紀念日", "2025年元旦", "1月1日", "元月1日"],
}


@pytest.mark.parametrize("value,form", [(v, f) for v, forms in SAME_VALUE.items() for f in forms])
def test_same_value(value, form):
    sentence = f"消息指出，{form}，市府將公布結果。"
    found = dates(sentence)
    assert [e.normalized for e in found] == [value], form
    assert found[0].text in form  # the span may leave out a bare 上午 or a Latin event name


@pytest.mark.parametrize("value,form", [(v, f) for v, forms in SAME_VALUE.items() for f in forms
                                        if v != "2025-10-10"])  # 國慶 differs by region
def test_same_value_simplified(value, form):
    sentence = T2S.convert(f"消息指出，{form}，市府將公布結果。")
    assert values(sentence) == [value], form


NOT_DATES = [
    "連續5天", "近5日", "連崩6天", "連賣64日", "上路3天", "1年內", "20年來", "五天", "為期三天", "第七屆",
    "1024記憶體", "2NE1", "Amuse 2.2", "3.5模型", "07-397-5887", "3/4的民眾", "2/3席次", "3萬3",
    "18,000人", "未來", "近日", "近期", "本週", "下週", "即日起", "暑假", "春節", "農曆春節", "中秋節",
    "七夕情人節", "五月天", "晚間8時", "14:30", "下午3點", "股價2050元", "1999市民熱線", "2330台積電",
    "中鋼(2002)", "80772 高雄市", "5日均線", "3日遊", "30日內", "500日圓", "每週三", "週一至週五",
    "每年3月", "每月5日", "成立90年", "逾100年", "幾月幾號", "線上年會", "如今年輕人",
    "說明日期", "提前年底", "日前", "當天", "今再倒貨", "3.6萬張", "23MW", "第20條",
    "王國慶表示", "全國慶祝", "1又1/2局", "3/4車廂", "RTX 5090", "Windows 11", "iPhone 17",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert values(f"報導指出，{text}，仍待觀察。") == []
    assert values(T2S.convert(f"報導指出，{text}，仍待觀察。")) == []
