"""Cleaning rules as data: tag sets, class/id hints, boilerplate lines, date and artefact patterns."""

from __future__ import annotations

import re

# --- HTML structure -------------------------------------------------------------------------
# Never content: removed before anything else.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "button", "select", "option", "input", "textarea", "nav", "map", "audio", "video",
        "head", "title", "meta", "link", "xml", "o:p", "w:worddocument", "label", "dialog",
    }
)  # fmt: skip
# Forms are chrome (comment, search, login forms) unless they wrap the page (ASP.NET, DNN,
# SharePoint put the whole page in one <form>): a form holding this share of the text stays.
FORM_CSS = "form"
FORM_WRAPPER_SHARE = 0.3
# Lists whose text is at least this share of link text are navigation, not article text.
LINK_LIST_CSS = "ul, ol"
LINK_LIST_DENSITY = 0.7
# Elements that end the current line of text.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "section",
        "article", "main", "header", "footer", "aside", "figure", "figcaption", "center", "address",
        "hr", "body", "html", "fieldset", "details", "summary", "legend", "font-block",
    }
)  # fmt: skip
# A table cell containing any of these is page layout, not a data cell.
LAYOUT_CELL_CSS = "p, div, table, h1, h2, h3, h4, ul, ol, br + br"
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELL_TAGS = frozenset({"td", "th"})
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
# Containers whose text is chrome in every layout seen so far (semantic HTML5).
CHROME_TAGS_CSS = "nav, footer, aside, form, header:not(article header)"

# Hidden elements: hidden on screen, or copies meant only for printing: an element with a
# `hidden` attribute, aria-hidden=true, one of these inline styles, or one of these classes.
# (Class selectors are cheap in lexbor; attribute-substring selectors are not, so styles are
# checked in Python on the few elements that have a style attribute.)
HIDDEN_STYLES = ("display:none", "visibility:hidden", "mso-hide:all")
HIDDEN_ATTR_CSS = "[style], [hidden], [aria-hidden]"
HIDDEN_CLASS_CSS = (
    ".print-copy, .print-only, .visible-print, .visible-print-block, .d-none, .hidden, .hide, "
    ".sr-only, .visually-hidden, .invisible"
)

# Class/id hints for chrome in unknown layouts: a class or id name is split on - and _ and
# matched part by part, so "news-sidebar" and "box_binhluan" hit but "overflow-hidden" does not.
CHROME_NAME_PARTS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menus", "mainmenu", "topmenu", "submenu", "sidebar",
        "footer", "comment", "comments", "binhluan", "share", "sharing", "social", "related",
        "lienquan", "tinkhac", "othernews", "counter", "visitor", "thongke", "truycap", "poll",
        "survey", "binhchon", "breadcrumb", "breadcrumbs", "banner", "advert", "ads", "advertisement",
        "quangcao", "widget", "pagination", "paging", "toolbar", "rating", "cookie", "login", "popup",
        "modal", "copyright", "bookmarks", "print", "social_bookmarks",
    }
)  # fmt: skip
# Compound names ("relatedposts", "sharedaddy", "footerwrap") start with one of these stems.
CHROME_NAME_PREFIXES = tuple(sorted(p for p in CHROME_NAME_PARTS if len(p) >= 5))
# Element kinds checked for class/id hints (checking every span would cost too much).
HINTED_CSS = (
    "div[class], div[id], ul[class], ul[id], section[class], section[id], table[class], table[id], "
    "span[class*='counter']"
)
# A hinted element holding this share of the candidate text is a layout wrapper, not chrome.
WRAPPER_TEXT_SHARE = 0.3

# --- Lines of text that are chrome wherever they appear (short lines only) ---------------------
SHORT_LINE = 160
BOILERPLATE_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(truy cập|lượt truy cập|số lượt truy cập|thống kê truy cập|lượt xem|số lượt xem|đang online|"
        r"đang truy cập|trực tuyến|hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng trước|năm nay|"
        r"tất cả|tổng cộng|tổng số lượt truy cập|khách|thành viên)\s*:?\s*[\d.,]*$",
        r"^\d+\s+bình luận$",
        r"^\(?bấm vào đây để nhận mã\)?$",
        r"^(gửi bình luận|viết bình luận|ý kiến bạn đọc|ý kiến của bạn|bình luận|nhập mã xác nhận|"
        r"mã xác nhận)\s*:?$",
        r"^(in bài viết|in bài|in trang|bản in|gửi email|gửi e-mail|gửi bài viết|chia sẻ|chia sẻ bài viết|"
        r"quay lại|trở về|về đầu trang|lên đầu trang|đầu trang|xem tiếp|đọc tiếp|tweet|zalo|facebook|"
        r"cỡ chữ|a- a a\+|đánh giá bài viết|xem kết quả|thăm dò ý kiến|bình chọn|lưu bài viết)"
        r"(\s*[|/:•·-]\s*(in bài viết|in bài|in trang|bản in|gửi email|chia sẻ|quay lại|về đầu trang|"
        r"tweet|zalo|facebook|lưu bài viết))*\s*:?$",
        r"^(bản quyền|copyright|©|thiết kế bởi|phát triển bởi|chịu trách nhiệm|giấy phép số|"
        r"cơ quan chủ quản|ghi rõ nguồn)",
        r"^(từ khóa|từ khoá|tags?)\s*:",
        r"^(nguồn|tác giả)\s*:\s*\S.{0,60}$",
        r"^(normal \d+ false false false|/\* style definitions \*/|table\.msonormaltable|@font-face)",
        r"\{\s*mso-",
    )
]
# The same patterns as one alternation: one regex call per line on the hot path.
BOILERPLATE_LINE = re.compile("|".join(f"(?:{p.pattern})" for p in BOILERPLATE_LINES), re.IGNORECASE)
# Labels opening a list of other articles: the label and the short lines after it go.
SECTION_CUT_LINES = re.compile(
    r"^(tin liên quan|các tin khác|tin khác|bài viết liên quan|bài viết khác|tin cùng chuyên mục|"
    r"các bài viết khác|tin mới nhất|tin mới|tin đọc nhiều|xem nhiều nhất|tin nổi bật|liên kết website)"
    r"\s*:?$",
    re.IGNORECASE,
)
# A comment section near the end: everything after it is comments and footer.
TAIL_CUT_LINES = re.compile(
    r"^(\d+\s+bình luận|ý kiến bạn đọc|gửi bình luận|viết bình luận|bình luận của bạn|"
    r"\(?bấm vào đây để nhận mã\)?)\s*:?$",
    re.IGNORECASE,
)
TAIL_CUT_MIN_POSITION = 0.6  # share of the text before a tail cut may happen
# Footer lines: dropped only after the last long paragraph (a body may carry an address too).
FOOTER_LINES = re.compile(
    r"^(địa chỉ|điện thoại|đt|sđt|số điện thoại|email|e-mail|fax|hotline|website|cổng thông tin điện tử|"
    r"trang thông tin điện tử|công khai thủ tục hành chính|địa chỉ tiếp nhận phản ánh)\b",
    re.IGNORECASE,
)
LONG_LINE = 120

# --- Word and CMS artefacts inside text --------------------------------------------------------
ARTEFACTS = re.compile(
    r"\[bookmark:[ \t]*[^\]\n]*\]|\[if [^\]\n]*\]|\[endif\]|<!\[endif\]>|<!--\[if[^>\n]*>|\[image:[^\]\n]*\]",
    re.IGNORECASE,
)

# --- Published date ------------------------------------------------------------------------------
# A date line: a label (optional) then a date and maybe a time and a time zone. Only short lines
# count, so dates inside sentences are never taken for the publication date.
DATE_LINE = re.compile(
    r"^(?:(?P<label>ngày đăng|đăng lúc|đăng ngày|ngày|cập nhật(?: lúc| ngày)?|ngày cập nhật|ngày xuất bản|"
    r"xuất bản|thời gian đăng|thời gian|posted on|published|đăng)\s*:?\s*)?"
    r"\(?(?:(?:thứ\s+\S+|chủ nhật|t[2-7]|cn)\s*,?\s*)?"
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s*[,|-]?\s*(?:lúc\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"\s*(?P<ampm>[AaPp][Mm])?)?"
    r"\s*(?:\(?\s*(?:GMT|UTC)\s*(?P<tz>[+-]\d{1,2})(?::?(?P<tzm>\d{2}))?\s*\)?)?\s*\)?\s*$",
    re.IGNORECASE,
)
# Time first, date after: "22:14 13/08/2023", "10:25 AM - 14/08/2023".
DATE_LINE_TIME_FIRST = re.compile(
    r"^(?:(?:ngày đăng|đăng lúc|cập nhật|đăng)\s*:?\s*)?"
    r"(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?\s*[,|-]?\s*"
    r"(?:ngày\s*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\s*(?:\(?\s*GMT\s*(?P<tz>[+-]\d{1,2})\s*\)?)?$",
    re.IGNORECASE,
)
# A date (and maybe a time) anywhere in a short meta line ("Thứ hai, 14/08/2023 - 09:15Lượt xem: 428").
DATE_IN_TEXT = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)"
    r"(?:\s*[,|-]?\s*(?:lúc\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?"
    r"(?:\s*\(?\s*(?:GMT|UTC)\s*(?P<tz>[+-]\d{1,2})(?::?(?P<tzm>\d{2}))?\s*\)?)?",
    re.IGNORECASE,
)
TIME_THEN_DATE_IN_TEXT = re.compile(
    r"(?<!\d)(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?\s*[,|-]?\s*"
    r"(?:ngày\s*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
META_LINE_MAX = 160  # a line this short near the title may be a meta line holding the date
META_LINES_AFTER_TITLE = 3  # how many lines under the title are searched for it
ISO_DATE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?$"
)
DEFAULT_TZ = "+07:00"  # Vietnam; portals print local time
DATE_META_CSS = (
    "meta[property='article:published_time'], meta[name='pubdate'], meta[name='publishdate'], "
    "meta[itemprop='datePublished'], meta[name='date'], meta[name='DC.date.issued']"
)

# --- Footnotes ---------------------------------------------------------------------------------
FOOTNOTE_DEF = re.compile(r"^\[(?P<n>\d{1,3})\]\s*(?P<text>\S.*)$")
FOOTNOTE_REF = re.compile(r"\[(\d{1,3})\]")
# A <sup> holding one of these is a footnote marker; after these unit letters it is an exponent.
SUP_MARKER = re.compile(r"^\s*[\[(]?\s*(\d{1,3})\s*[\])]?\s*$")
SUP_EXPONENT_AFTER = re.compile(r"(?:^|[^\w])(?:k?m|c?m|d?m)$")

# --- Within-page duplicates -----------------------------------------------------------------
# A teaser: a lead cut short with an ellipsis ("… lễ ra quân..."), a copy of the body's opening.
TEASER_END = re.compile(r"\s*(?:\.{3,}|…|\[(?:\.{3}|…)\]|\[&hellip;\])\s*$")
TEASER_MIN_PREFIX = 20
DUP_LONG_UNIT = 50  # a repeated unit this long is a repeated paragraph on its own
DUP_RUN_CHARS = 100  # a run of repeated short units this long is a repeated passage
