"""Render stored document text as the HTML a CMS editor produces by pasting from Microsoft Word.

The visible text is kept exactly (every character of the stored text survives, `\\xa0` as
`&nbsp;`); only the markup around it is Word soup: `<p class=MsoNormal style=...>`, runs of
`<span lang=VI style=...>` split at arbitrary word boundaries, `<o:p>` tags, conditional
comments and footnotes either in Word's `[n]` anchor form or as plain `<sup>n</sup>`.
"""

from __future__ import annotations

import html
import random
import re

# Paragraph-level rules for the `plain` format, kept as data.
FOOTNOTE_DEF = re.compile(r"^(\s*)\[(\d+)\](?=\S)")
FOOTNOTE_REF = re.compile(r"\[(\d+)\]")
SUP_DEF = re.compile(r"^\s*<sup>(\d+)</sup>\s*")
SUP_TAG = re.compile(r"&lt;sup&gt;(\d+)&lt;/sup&gt;")
BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")
SHORT_NUMBERED = re.compile(r"^\s*\d+(\.\d+)*\.?\s")  # `1.2. Quốc phòng` — a heading when short
HEADING_RULES = (
    re.compile(r"^\s*(Phần|PHẦN)\s"),
    re.compile(r"^\s*[IVX]+\.\s"),
    re.compile(r"^\s*\*\s"),
)
MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
MD_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
MD_HEADING = re.compile(r"^#{1,6}\s+")
HARD_BREAK = "\x01"  # placeholder for a Markdown hard line break while inline markup is converted

FONT = 'font-size:14.0pt;line-height:115%;font-family:"Times New Roman",serif'
RUN_STYLES = (
    f'{FONT};mso-fareast-font-family:"Times New Roman"',
    f'{FONT};mso-fareast-font-family:"Times New Roman";color:black',
    f"{FONT};mso-bidi-font-family:Arial;color:#222222;background:white",
    f"{FONT};letter-spacing:-.2pt",
)
RUN_LANGS = ("VI", "VI", "VI", "EN-US")
PARA_STYLES = (
    "margin-top:6.0pt;margin-right:0cm;margin-bottom:6.0pt;margin-left:0cm;text-align:justify;"
    "text-indent:36.0pt;line-height:115%",
    "margin-bottom:6.0pt;text-align:justify;text-indent:1.0cm;line-height:115%",
    "margin-top:3.0pt;margin-right:0cm;margin-bottom:3.0pt;margin-left:0cm;text-align:justify;"
    "text-indent:35.45pt;line-height:120%;mso-pagination:widow-orphan",
)
WORD_PREAMBLE = (
    "<!--[if gte mso 9]><xml>\n<o:OfficeDocumentSettings>\n<o:AllowPNG/>\n</o:OfficeDocumentSettings>\n"
    "</xml><![endif]--><!--[if gte mso 9]><xml>\n<w:WordDocument>\n<w:View>Normal</w:View>\n"
    "<w:Zoom>0</w:Zoom>\n<w:TrackMoves/>\n<w:TrackFormatting/>\n<w:PunctuationKerning/>\n"
    "<w:ValidateAgainstSchemas/>\n<w:Compatibility>\n<w:BreakWrappedTables/>\n<w:SnapToGridInCell/>\n"
    "<w:WrapTextWithPunct/>\n<w:UseAsianBreakRules/>\n<w:DontGrowAutofit/>\n</w:Compatibility>\n"
    '<m:mathPr>\n<m:mathFont m:val="Cambria Math"/>\n</m:mathPr></w:WordDocument>\n</xml><![endif]-->\n'
)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\xa0", "&nbsp;")


TAG = re.compile(r"<(/?)([a-zA-Z][\w:]*)[^>]*?(/?)>|<![^>]*>")
VOID_TAGS = frozenset({"br", "hr", "img", "wbr"})


def _top_level_spaces(text_html: str) -> list[int]:
    """Offsets just after a plain space that is outside every tag and every open element."""
    out, depth, pos = [], 0, 0
    for m in TAG.finditer(text_html + "<end>"):
        if depth == 0:
            seg = text_html[pos : m.start()]
            i = seg.find(" ")
            while i != -1:
                out.append(pos + i + 1)
                i = seg.find(" ", i + 1)
        pos = m.end()
        if m.group(2) and m.group(2).lower() not in VOID_TAGS and not m.group(3):
            depth += -1 if m.group(1) else 1
    return [c for c in out if c < len(text_html)]


def _runs(text_html: str, rng: random.Random) -> str:
    """Split already-escaped paragraph HTML into Word runs at word boundaries (text unchanged)."""
    safe = _top_level_spaces(text_html)
    chosen = sorted(rng.sample(safe, k=min(len(safe), rng.randint(0, 3))))
    pieces, last = [], 0
    for c in [*chosen, len(text_html)]:
        pieces.append(text_html[last:c])
        last = c
    out = []
    for i, piece in enumerate(pieces):
        j = rng.randrange(len(RUN_STYLES))
        tail = "<o:p></o:p>" if i == len(pieces) - 1 else ""
        out.append(f"<span lang={RUN_LANGS[j]} style='{RUN_STYLES[j]}'>{piece}{tail}</span>")
    return "".join(out)


def _paragraph(inner: str, rng: random.Random, *, bold: bool = False, center: bool = False) -> str:
    style = "margin-bottom:6.0pt;text-align:center;line-height:115%" if center else rng.choice(PARA_STYLES)
    body = _runs(inner, rng) if inner.strip() else f"<span lang=VI style='{FONT}'>{inner}<o:p></o:p></span>"
    if bold:
        body = f"<b style='mso-bidi-font-weight:normal'>{body}</b>"
    return f"<p class=MsoNormal style='{style}'>{body}</p>\n"


def _word_footnote_ref(n: str) -> str:
    return (
        f'<a style=\'mso-footnote-id:ftn{n}\' href="#_ftn{n}" name="_ftnref{n}" title="">'
        "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
        f"<![if !supportFootnotes]><span class=MsoFootnoteReference><span lang=VI style='{FONT}'>[{n}]"
        "</span></span><![endif]></span></span></a>"
    )


def _word_footnote_def(lead: str, n: str, text_html: str) -> str:
    return (
        f"<div style='mso-element:footnote' id=ftn{n}>\n<p class=MsoFootnoteText>{_escape(lead)}"
        f'<a style=\'mso-footnote-id:ftn{n}\' href="#_ftnref{n}" name="_ftn{n}" title="">'
        "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
        f"<![if !supportFootnotes]><span class=MsoFootnoteReference><span lang=VI "
        f"style='font-size:10.0pt;font-family:\"Times New Roman\",serif'>[{n}]</span></span><![endif]>"
        f"</span></span></a><span lang=VI style='font-size:10.0pt'>{text_html}</span></p>\n</div>\n"
    )


def _all_caps(text: str) -> bool:
    return len(text.strip()) > 3 and text == text.upper() and text != text.lower()


def _is_heading(line: str) -> bool:
    if _all_caps(line) or any(rule.match(line) for rule in HEADING_RULES):
        return True
    return len(line) <= 120 and SHORT_NUMBERED.match(line) is not None


def render_plain(text: str, *, seed: str, footnotes: str = "word") -> str:
    """`plain` stored text → Word HTML. One paragraph per non-blank line; see module doc."""
    rng = random.Random(seed)
    paras: list[str] = []
    notes: list[str] = []
    for line in text.split("\n"):
        if line == "":
            continue
        if footnotes == "word" and (m := FOOTNOTE_DEF.match(line)):
            notes.append(_word_footnote_def(m.group(1), m.group(2), _escape(line[m.end() :])))
            continue
        if m := SUP_DEF.match(line):
            rest = _escape(line[m.end() :])
            notes.append(f"<p class=MsoFootnoteText><sup>{m.group(1)}</sup> {rest}</p>\n")
            continue
        inner = _escape(line)
        inner = BOOKMARK.sub(lambda m: f'<a name="{m.group(1)}"></a>', inner)
        inner = SUP_TAG.sub(r"<sup>\1</sup>", inner)
        if footnotes == "word":
            inner = FOOTNOTE_REF.sub(lambda m: _word_footnote_ref(m.group(1)), inner)
        plain = BOOKMARK.sub("", line)
        center = _all_caps(plain) and len(plain.strip()) < 90
        paras.append(_paragraph(inner, rng, bold=_is_heading(plain), center=center))
    out = ["<div class=WordSection1>\n", *paras, "</div>\n"]
    if notes and footnotes == "word":
        out += [
            "<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>\n"
            '<hr align=left size=1 width="33%">\n<![endif]>\n',
            *notes,
            "</div>\n",
        ]
    elif notes:
        out += ['<hr align=left size=1 width="33%">\n', *notes]
    return WORD_PREAMBLE + "".join(out)


def _md_inline(text: str) -> str:
    out = _escape(text)
    out = MD_BOLD.sub(r"<b>\1</b>", out)
    return MD_ITALIC.sub(r"<i>\1</i>", out)


def render_markdown(text: str, *, seed: str) -> str:
    """`markdown` stored text (a converted document) → Word HTML with bold/italic runs."""
    rng = random.Random(seed)
    paras: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        if not block.strip():
            continue
        lines = block.split("\n")
        if all(ln.lstrip().startswith("- ") for ln in lines if ln.strip()):
            paras += [_paragraph(_md_inline(ln.strip()), rng) for ln in lines if ln.strip()]
            continue
        heading = bool(MD_HEADING.match(lines[0]))
        parts = []
        for i, ln in enumerate(lines):
            ln = MD_HEADING.sub("", ln) if i == 0 else ln
            last = i == len(lines) - 1
            parts.append(ln.rstrip() + ("" if last else HARD_BREAK if ln.endswith("  ") else " "))
        # inline markup over the whole block: bold may span a hard line break ("**T/L …  \n… PHÒNG**")
        inner = _md_inline("".join(parts)).replace(HARD_BREAK, "<br>\n")
        center = inner.startswith("<b>") and inner.endswith("</b>") and len(lines) <= 2 and not heading
        paras.append(_paragraph(inner, rng, bold=heading, center=center))
    return WORD_PREAMBLE + "<div class=WordSection1>\n" + "".join(paras) + "</div>\n"


def render_body(text: str, *, fmt: str, seed: str, footnotes: str = "word") -> str:
    """Stored text in one of the snapshot formats (`plain`, `markdown`, `html`) → body HTML."""
    if fmt == "plain":
        return render_plain(text, seed=seed, footnotes=footnotes)
    if fmt == "markdown":
        return render_markdown(text, seed=seed)
    if fmt == "html":
        return text
    raise ValueError(f"unknown body format {fmt!r} (plain, markdown, html)")
