"""Article extraction with lexbor: family selectors first, a text-density fallback for unknown layouts."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.clean import rules
from ingest.clean.dates import find_date_in, find_datetime_in, parse_date_line, parse_iso
from ingest.clean.document import Unit, dedupe_key
from ingest.records import BlockType
from ingest.sites.families import Family

log = logging.getLogger(__name__)

_WS = re.compile(r"\s+")
_NAME_SPLIT = re.compile(r"[\s_-]+")
_TITLE_SPLIT = re.compile(r"\s+[-|–—:»]\s+")

# Block containers deeper than this count as their ancestor at this depth when the main text is
# located: real articles sit a few dozen levels deep, and longer paths would make a page of
# nested <div>s quadratic in its size.
MAX_PATH_DEPTH = 200
# Nesting beyond this depth is flattened before parsing: lexbor's tree builder checks the open
# elements for every start tag, so 60,000 nested <div>s take 15 s and 200,000 six minutes.
# Browsers cap the DOM depth too (Chromium at 512). Only pages with many tags are scanned.
MAX_NESTING = 1000
SCAN_NESTING_ABOVE_TAGS = 8000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# Void elements and elements whose end tag may be omitted never deepen the count.
_NO_DEPTH = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "tr",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "option",
        "optgroup",
        "rb",
        "rt",
        "rp",
        "html",
        "head",
        "body",
    ]
)
# A frame of the walk: (children iterator, kind, path, inside a link, what to flush when it ends).
_Frame = tuple[
    Iterator[LexborNode], BlockType, tuple[int, ...], bool, tuple[BlockType, tuple[int, ...]] | None
]


def decode(html: str | bytes, declared_encoding: str | None = None) -> tuple[str, list[str]]:
    """Page text and warnings; bytes go through the crawler's charset detection."""
    if isinstance(html, str):
        return html, []
    from ingest.charset import decode_html

    content_type = f"text/html; charset={declared_encoding}" if declared_encoding else None
    decoded = decode_html(html, content_type)
    warnings = []
    if decoded.mismatch:
        warnings.append(f"declared charset {decoded.declared} was wrong; decoded as {decoded.encoding}")
    return decoded.text, warnings


def flatten_deep_nesting(html: str) -> tuple[str, bool]:
    """`html` with the start and end tags nested deeper than MAX_NESTING removed (their text
    stays, in order), and whether anything was removed."""
    if html.count("<") <= SCAN_NESTING_ABOVE_TAGS:
        return html, False
    depth = 0
    drop: list[tuple[int, int]] = []
    for m in _TAG.finditer(html):
        if m.group(2).lower() in _NO_DEPTH:
            continue
        if m.group(1):  # an end tag
            if depth > MAX_NESTING:
                drop.append(m.span())
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_NESTING:
                drop.append(m.span())
    if not drop:
        return html, False
    pieces, last = [], 0
    for start, end in drop:
        pieces.append(html[last:start])
        last = end
    pieces.append(html[last:])
    return "".join(pieces), True


@dataclass
class _Walker:
    """Depth-first walk emitting one Unit per paragraph / heading / list item / cell / line."""

    skip: set[int]
    track_paths: bool = False
    units: list[Unit] = field(default_factory=list)
    paths: list[tuple[int, ...]] = field(default_factory=list)
    _buf: list[str] = field(default_factory=list)
    _links: int = 0

    def flush(self, kind: BlockType, path: tuple[int, ...]) -> None:
        if not self._buf:
            return
        # spacing is normalised later for the whole document at once; HTML source newlines are spaces
        text = "".join(self._buf).replace("\n", " ").strip()
        if text:
            self.units.append(Unit(text, kind, self._links))
            if self.track_paths:
                self.paths.append(path)
        self._buf = []
        self._links = 0

    def walk(self, node: LexborNode, kind: BlockType, path: tuple[int, ...], in_link: bool = False) -> None:
        """Depth-first over `node`'s descendants with an explicit stack: Word soup nests thousands
        of unclosed <font> tags, deeper than Python's recursion limit."""
        stack: list[_Frame] = [(iter(node.iter(include_text=True)), kind, path, in_link, None)]
        while stack:
            frame = stack.pop()
            children, kind, path, in_link, after = frame
            for child in children:
                tag = child.tag
                if tag == "-text":
                    t = child.text_content
                    if t:
                        self._buf.append(t)
                        if in_link:
                            self._links += len(t.strip())
                    continue
                if tag is None or tag[0] == "-" or tag in rules.SKIP_TAGS or ":" in tag:
                    continue
                if self.skip and child.mem_id in self.skip:
                    continue
                if tag == "br":
                    self.flush(kind, path)
                    continue
                if tag == "sup":
                    self._sup(child)
                    continue
                stack.append(frame)  # the rest of this node's children, after the child's
                if tag in rules.BLOCK_TAGS:
                    self.flush(kind, path)
                    if tag in rules.HEADING_TAGS:
                        ckind: BlockType = "heading"
                    elif tag in rules.CELL_TAGS:
                        # a layout table's cell holds paragraphs, headings or tables of its own
                        ckind = (
                            "paragraph"
                            if child.css_first(rules.LAYOUT_CELL_CSS) is not None
                            else "table_cell"
                        )
                    elif tag in rules.LIST_ITEM_TAGS:
                        ckind = "list_item"
                    elif kind in ("table_cell", "list_item"):
                        ckind = kind
                    else:
                        ckind = "paragraph"
                    deeper = self.track_paths and len(path) < MAX_PATH_DEPTH
                    cpath = (*path, child.mem_id) if deeper else path
                    stack.append((iter(child.iter(include_text=True)), ckind, cpath, in_link, (ckind, cpath)))
                else:
                    stack.append(
                        (iter(child.iter(include_text=True)), kind, path, in_link or tag == "a", None)
                    )
                break
            else:  # every child done
                if after is not None:
                    self.flush(*after)

    def _sup(self, node: LexborNode) -> None:
        t = node.text()
        m = rules.SUP_MARKER.match(t)
        if not m:
            self._buf.append(t)
            return
        n = m.group(1)
        before = "".join(self._buf[-3:]).rstrip()
        if n in ("2", "3") and rules.SUP_EXPONENT_AFTER.search(before):
            self._buf.append(n)
        else:
            self._buf.append(f"[{n}]")


def _attr(node: LexborNode, name: str) -> str:
    return (node.attributes.get(name) or "") if node.attributes else ""


def _chrome_name(names: str) -> bool:
    """Whether a class/id string names chrome: a part is a chrome word or starts with a long one."""
    parts = _NAME_SPLIT.split(names)
    if rules.CHROME_NAME_PARTS.intersection(parts):
        return True
    return any(p.startswith(rules.CHROME_NAME_PREFIXES) for p in parts if len(p) > 5)


def _hidden_by_attribute(attrs: dict) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = (attrs.get("style") or "").lower().replace(" ", "")
    return any(h in style for h in rules.HIDDEN_STYLES)


def _hidden_and_chrome(root: LexborNode, family: Family | None, scope_text: int) -> set[int]:
    """mem_ids of subtrees to skip: hidden copies, family drops, forms, link lists, class/id-hinted
    chrome."""
    skip = {n.mem_id for n in root.css(rules.HIDDEN_CLASS_CSS)}
    skip.update(n.mem_id for n in root.css(rules.HIDDEN_ATTR_CSS) if _hidden_by_attribute(n.attributes))
    if family is not None:
        for selector in family.drop:
            try:
                skip.update(n.mem_id for n in root.css(selector))
            except ValueError:
                log.warning("family %s: bad drop selector %r", family.name, selector)
    for n in root.css(rules.FORM_CSS):
        if not scope_text or len(n.text()) / scope_text < rules.FORM_WRAPPER_SHARE:
            skip.add(n.mem_id)
    # Lists that are mostly links (menus, "other news", document lists) hold no article text;
    # skipping them early also spares walking the bulk of a portal's sidebars.
    for n in root.css(rules.LINK_LIST_CSS):
        text_len = len(n.text())
        if text_len and _link_chars(n) >= rules.LINK_LIST_DENSITY * text_len:
            skip.add(n.mem_id)
    for n in root.css(rules.HINTED_CSS):
        names = f"{_attr(n, 'class')} {_attr(n, 'id')}".lower()
        if not _chrome_name(names):
            continue
        text_len = len(n.text())
        if (
            scope_text
            and text_len / scope_text >= rules.WRAPPER_TEXT_SHARE
            and _link_chars(n) / max(text_len, 1) < 0.3
        ):
            continue  # a layout wrapper named after its sidebar, not chrome itself
        skip.add(n.mem_id)
    return skip


def _link_chars(node: LexborNode) -> int:
    return sum(len(a.text()) for a in node.css("a"))


def _select(root: LexborNode | None, selector: str | None) -> LexborNode | None:
    if not selector or root is None:
        return None
    try:
        return root.css_first(selector)
    except ValueError:
        log.warning("bad selector %r", selector)
        return None


def _select_all(root: LexborNode | None, selector: str | None) -> list[LexborNode]:
    """Every match of a selector (list), in document order, minus matches inside another match."""
    if not selector or root is None:
        return []
    try:
        found = root.css(selector)
    except ValueError:
        log.warning("bad selector %r", selector)
        return []
    if len(found) < 2:
        return found
    ids = {n.mem_id for n in found}
    out = []
    for n in found:
        parent, nested = n.parent, False
        while parent is not None and not nested:
            nested = parent.mem_id in ids
            parent = parent.parent
        if not nested:
            out.append(n)
    return out


def _walk_bodies(bodies: list[LexborNode], family: Family | None) -> list[Unit]:
    """Units of the family's body node(s). With a selector list (lead + content), the node with
    the most text is the body proper; units of the others are marked `aux` (a lead that merely
    repeats the body is dropped later)."""
    sizes = [len(b.text()) for b in bodies]
    main = sizes.index(max(sizes))
    units: list[Unit] = []
    for i, body in enumerate(bodies):
        walker = _Walker(_hidden_and_chrome(body, family, sizes[i]))
        walker.walk(body, "paragraph", ())
        walker.flush("paragraph", ())
        if i != main:
            for u in walker.units:
                u.aux = True
        units.extend(walker.units)
    return units


def _meta(tree: LexborHTMLParser, css: str) -> str | None:
    node = tree.css_first(css)
    value = _attr(node, "content").strip() if node is not None else ""
    return value or None


def _full_page_title(tree: LexborHTMLParser) -> str | None:
    og = _meta(tree, "meta[property='og:title']")
    if og:
        return og
    node = tree.css_first("title")
    text = _WS.sub(" ", node.text()).strip() if node is not None else ""
    return text or None


def _page_title(tree: LexborHTMLParser) -> str | None:
    """og:title, else the longest part of <title> ("Site name - Article title" or the reverse)."""
    text = _full_page_title(tree)
    return max(_TITLE_SPLIT.split(text), key=len) if text else None


def _page_date(tree: LexborHTMLParser) -> str | None:
    for node in tree.css(rules.DATE_META_CSS):
        iso = parse_iso(_attr(node, "content"))
        if iso:
            return iso
    time_node = tree.css_first("time[datetime]")
    if time_node is not None:
        return parse_iso(_attr(time_node, "datetime")) or find_date_in(time_node.text())
    return None


def _link_heavy(u: Unit) -> bool:
    return u.link_chars > 0.5 * len(u.text)


def _choose_main(units: list[Unit], paths: list[tuple[int, ...]]) -> list[Unit]:
    """The deepest container holding most of the page's long, link-poor text, and its units."""
    score: dict[int, int] = {}
    total = 0
    for u, path in zip(units, paths, strict=True):
        n = len(u.text)
        if n >= 50 and u.link_chars < 0.3 * n and not rules.BOILERPLATE_LINE.search(u.text):
            total += n
            for node_id in path:
                score[node_id] = score.get(node_id, 0) + n
    if not total:
        return [u for u in units if not _link_heavy(u)]
    best: int | None = None
    best_depth = -1
    parent: int | None = None
    for path in paths:
        for depth, node_id in enumerate(path):
            if depth > best_depth and score.get(node_id, 0) >= 0.7 * total:
                best, best_depth = node_id, depth
                parent = path[depth - 1] if depth else None
    # Siblings of the main container that belong to the article too: Word's footnote list sits
    # beside its WordSection div, a second text column beside the first.
    kept = []
    for u, path in zip(units, paths, strict=True):
        if _link_heavy(u):
            continue
        if best in path:
            kept.append(u)
        elif parent is not None and parent in path and len(path) > best_depth:
            sibling = path[best_depth]
            best_score = score.get(best, 1) if best is not None else 1
            if rules.FOOTNOTE_DEF.match(u.text) or score.get(sibling, 0) >= 0.25 * best_score:
                kept.append(u)
    return kept


@dataclass
class Extracted:
    """What the HTML stage hands to the shared cleaning steps."""

    units: list[Unit]
    title: str | None
    published_at: str | None
    warnings: list[str]


def extract(html: str, family: Family | None = None) -> Extracted:
    """Title, date and text units of an article page."""
    warnings: list[str] = []
    html, flattened = flatten_deep_nesting(html)
    if flattened:
        warnings.append(f"tags nested deeper than {MAX_NESTING} levels flattened")
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return Extracted([], None, None, ["empty page"])
    title = published = None
    if family is not None:
        node = _select(tree.root, family.title)
        if node is not None:
            title = _WS.sub(" ", node.text()).strip() or None
        node = _select(tree.root, family.date)
        if node is not None:
            published = find_date_in(node.text())
    bodies = _select_all(tree.root, family.body) if family is not None else []
    if family is not None and family.body and not bodies:
        warnings.append(f"family {family.name}: body selector matched nothing; generic fallback used")
    if bodies:
        units = _walk_bodies(bodies, family)
    else:
        skip = _hidden_and_chrome(root, family, len(root.text()))
        walker = _Walker(skip, track_paths=True)
        walker.walk(root, "paragraph", (root.mem_id,))
        walker.flush("paragraph", (root.mem_id,))
        units = _choose_main(walker.units, walker.paths)
        if title is None:
            title = _generic_title(tree, units, walker.units)
        if published is None:
            published = _page_date(tree) or _generic_date(units, walker.units, title)
    if title is None:
        title = _page_title(tree)
    return Extracted(units, title, published, warnings)


def _window(main: list[Unit], all_units: list[Unit]) -> list[Unit]:
    """The few units just before the main text (where title and date lines sit) and its start."""
    first = main[0] if main else None
    i0 = next((i for i, u in enumerate(all_units) if u is first), 0)
    return all_units[max(0, i0 - 6) : i0] + main[:8]


def _generic_title(tree: LexborHTMLParser, main: list[Unit], all_units: list[Unit]) -> str | None:
    """A page heading the <title>/og:title agrees with, else the line above the date line, else
    the first heading before the main text's first long paragraph, else the <title>."""
    page_title = _page_title(tree)
    full = _full_page_title(tree)
    pkey = dedupe_key(full) if full else ""
    if pkey:
        # The longest heading the <title> contains (the site name is often a heading too), else
        # a heading containing the <title> with little more ("3 bình luận về “…”" is more).
        best: tuple[int, int, str] | None = None
        for h in tree.css("h1, h2, h3"):
            text = _WS.sub(" ", h.text()).strip()
            key = dedupe_key(text)
            if len(key) < 10:
                continue
            if key in pkey:
                rank = (1, len(key), text)
            elif pkey in key and len(key) <= 1.2 * len(pkey):
                rank = (0, -len(key), text)
            else:
                continue
            if best is None or rank[:2] > best[:2]:
                best = rank
        if best:
            return best[2]
    window = _window(main, all_units)
    for prev, u in itertools.pairwise(window):
        if parse_date_line(u.text) and 10 <= len(prev.text) <= 250 and not parse_date_line(prev.text):
            return prev.text
    for u in window:
        if len(u.text) >= rules.LONG_LINE and u.kind != "heading":
            break
        if u.kind == "heading" and len(u.text) >= 10:
            return u.text
    return page_title


def _generic_date(main: list[Unit], all_units: list[Unit], title: str | None) -> str | None:
    """A date line near the main text; else a date inside the meta line just under the title;
    else a labelled date line anywhere."""
    for u in _window(main, all_units) + main[8:15]:
        iso = parse_date_line(u.text)
        if iso:
            return iso
    tkey = dedupe_key(title) if title else ""
    at = next((i for i, u in enumerate(all_units) if tkey and dedupe_key(u.text) == tkey), None)
    if at is not None:
        for u in all_units[at + 1 : at + 1 + rules.META_LINES_AFTER_TITLE]:
            if len(u.text) <= rules.META_LINE_MAX and not _link_heavy(u):
                iso = find_datetime_in(u.text)
                if iso:
                    return iso
    for u in all_units:
        if len(u.text) < 80:
            m = rules.DATE_LINE.match(u.text)
            if m and m.group("label"):
                return parse_date_line(u.text)
    return None
