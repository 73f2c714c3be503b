"""Content model of the simulated portals: sites, categories, articles, their URL shapes and edits."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ingest.simulator.wordhtml import render_body

VN_TZ = timezone(timedelta(hours=7), "GMT+7")
FAMILIES = ("thanhhoa", "liferay", "generic")
# Families whose real portals send no ETag / Last-Modified (so never a 304), and print a visitor
# counter that changes on every request: every refetch has new bytes.
NO_VALIDATORS = frozenset({"thanhhoa"})
LIFERAY_PORTLET = "_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet"
SLUG_JUNK = re.compile(r"[^a-z0-9]+")
MARKUP = re.compile(r"<[^>]+>|\*\*|(?<!\w)\*|\*(?!\w)|^#+\s*", re.M)
UPDATE_NOTE = (
    "Cập nhật lúc {at:%H:%M} ngày {at:%d/%m/%Y}: bài viết đã được biên tập lại và bổ sung thông tin."
)


def slugify(text: str, *, drop_d: bool = False) -> str:
    """ASCII slug of a Vietnamese title (`Đảng ủy` → `dang-uy`; Liferay drops `đ`: `ang-uy`)."""
    text = text.replace("Đ", "" if drop_d else "D").replace("đ", "" if drop_d else "d")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return SLUG_JUNK.sub("-", ascii_text.lower()).strip("-")[:120]


def summary_of(text: str, *, words: int = 40) -> str:
    """A listing excerpt: the first words of the first real paragraph, markup removed."""
    for line in text.split("\n"):
        plain = " ".join(MARKUP.sub("", line).split())
        if len(plain) > 40:
            parts = plain.split(" ")
            return " ".join(parts[:words]) + ("..." if len(parts) > words else "")
    return ""


def next_stamp(after: datetime | None) -> datetime:
    """Now (Vietnam time, whole seconds), but always later than `after`: each edit gets a new date."""
    now = datetime.now(VN_TZ).replace(microsecond=0)
    if after is not None and now <= after:
        now = after.replace(microsecond=0) + timedelta(seconds=1)
    return now


@dataclass
class SimCategory:
    """One listing category of a site (a paginated list of articles)."""

    key: str
    name: str


@dataclass
class SimArticle:
    """One article as stored: metadata plus the body as Word-pasted HTML."""

    slug: str
    title: str
    published: datetime
    body_html: str  # "" = render lazily from source_text on first use (synthetic mode)
    category: str
    post_id: int = 0  # WordPress `?p=` / Liferay asset id
    summary: str = ""
    source_text: str | None = None  # the stored text the body was rendered from
    source_format: str = "plain"  # plain | markdown | html (see wordhtml.render_body)
    footnotes: str = "word"  # word ([n] anchors) | sup (<sup>n</sup>)
    lead: str = ""  # editorial lead shown in italics above the document
    updates: list[str] = field(default_factory=list)  # `Cập nhật` notes appended by edits
    modified: datetime | None = None
    version: int = 0

    @property
    def last_modified(self) -> datetime:
        return self.modified or self.published

    @property
    def content_html(self) -> str:
        """What the CMS shows as the article body: lead, document, update notes."""
        lead = (
            f"<p class=MsoNormal style='text-align:justify'><i>{html.escape(self.lead)}</i></p>\n"
            if self.lead
            else ""
        )
        notes = "".join(
            f"<p class=MsoNormal style='text-align:justify'><i>{html.escape(n)}</i></p>\n"
            for n in self.updates
        )
        return lead + self.rendered_body() + notes

    def rendered_body(self) -> str:
        """The document as Word HTML, rendered from `source_text` on first use when not stored."""
        if not self.body_html and self.source_text and self.source_format != "html":
            self.body_html = render_body(
                self.source_text, fmt=self.source_format, seed=self.slug, footnotes=self.footnotes
            )
        return self.body_html


@dataclass
class SimSite:
    """One simulated portal: who it belongs to, how it is laid out, what it publishes."""

    id: str
    family: str
    commune: str
    province: str
    district: str | None = None
    prefix: str = ""  # path prefix the site is mounted under ("" = host root)
    categories: list[SimCategory] = field(default_factory=list)
    articles: list[SimArticle] = field(default_factory=list)  # newest first (listing order)
    page_size: int = 3
    crawl_delay: float | None = None
    robots_disallow: list[str] = field(default_factory=list)  # site-relative paths
    visitor_total: int = 100000  # the "Tất cả" counter, one more on every page served
    visitors_today: int = 1  # the "Hôm nay" counter, likewise
    # ETag / Last-Modified and 304s; None: the family's habit (Thanh Hóa portals send none)
    validators: bool | None = None
    # the counters count every page served; None: the family's habit (Thanh Hóa portals do)
    live_counter: bool | None = None
    address: str = ""
    phone: str = ""
    email: str = ""
    site_name: str = ""
    group: str = ""  # Liferay site (group) friendly URL, e.g. `xa-loc-quang`
    portlet_instance: str = "AbCdEf123456"  # Liferay asset publisher instance id
    changed_at: datetime | None = None  # last time an article was added (listings changed)

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"site {self.id!r}: unknown simulator family {self.family!r}")
        self.prefix = ("/" + self.prefix.strip("/")) if self.prefix.strip("/") else ""
        if not self.group:
            self.group = "xa-" + slugify(self.commune)
        if not self.site_name:
            self.site_name = f"Cổng thông tin điện tử xã {self.commune}"
        if not self.categories:
            self.categories = [SimCategory("tin-tuc-su-kien", "Tin tức - Sự kiện")]
        if self.validators is None:
            self.validators = self.family not in NO_VALIDATORS
        if self.live_counter is None:
            self.live_counter = self.family in NO_VALIDATORS

    def count_visit(self) -> None:
        """A page was served: the visitor counters move (if this portal shows live ones)."""
        if self.live_counter:
            self.visitor_total += 1
            self.visitors_today += 1

    # -- lookups -------------------------------------------------------------------------
    def article(self, slug: str) -> SimArticle:
        for art in self.articles:
            if art.slug == slug:
                return art
        raise KeyError(f"site {self.id!r} has no article {slug!r}")

    def category(self, key: str) -> SimCategory | None:
        return next((c for c in self.categories if c.key == key), None)

    def in_category(self, key: str) -> list[SimArticle]:
        return [a for a in self.articles if a.category == key]

    def pages_in(self, key: str) -> int:
        return max(1, -(-len(self.in_category(key)) // self.page_size))

    # -- URL shapes (site-relative, i.e. without the prefix) -----------------------------
    def listing_path(self, key: str, page: int = 1) -> str:
        if self.family == "thanhhoa":
            path = f"/web/trang-chu/{key}.html"
            return path if page == 1 else f"{path}?page={page}"
        if self.family == "liferay":
            path = f"/web/{self.group}/{key}"
            return path if page == 1 else f"{path}?{self.liferay_cur_param}={page}"
        path = "/" if key == self.categories[0].key else f"/category/{key}/"
        return path if page == 1 else f"{path}page/{page}/"

    @property
    def liferay_cur_param(self) -> str:
        """Liferay's page-number query parameter of the asset publisher portlet instance."""
        return f"{LIFERAY_PORTLET}_INSTANCE_{self.portlet_instance}_cur"

    def listing_paths(self) -> list[str]:
        """First listing page of every category: the registry's `listing_urls`."""
        return [self.listing_path(c.key) for c in self.categories]

    def article_path(self, art: SimArticle) -> str:
        if self.family == "thanhhoa":
            return f"/web/trang-chu/{art.category}/{art.slug}.html"
        if self.family == "liferay":
            return (
                f"/web/{self.group}/xem-chi-tiet/-/asset_publisher/{self.portlet_instance}/content/{art.slug}"
            )
        return f"/{art.published:%Y}/{art.published:%m}/{art.slug}/"

    @property
    def sitemap_paths(self) -> list[str]:
        return ["/sitemap.xml"] if self.family == "generic" else []

    @property
    def feed_paths(self) -> list[str]:
        return ["/feed/"] if self.family == "generic" else []

    def next_post_id(self) -> int:
        return max((a.post_id for a in self.articles), default=1000) + 1

    # -- what editors do -----------------------------------------------------------------
    def edit_article(
        self, slug: str, *, replace: tuple[str, str] | None = None, note: str | None = None
    ) -> None:
        """Correct a passage (`replace=(old, new)`, optional) and append a dated `Cập nhật` paragraph:
        the article gets a new body, version and modification date."""
        art = self.article(slug)
        stamp = next_stamp(art.last_modified)
        if replace is not None:
            old, new = replace
            if art.source_format == "html":
                if old not in art.body_html:
                    raise ValueError(f"{self.id}/{slug}: text to replace not found: {old!r}")
                art.body_html = art.body_html.replace(old, new, 1)
            else:
                if art.source_text is None or old not in art.source_text:
                    raise ValueError(f"{self.id}/{slug}: text to replace not found: {old!r}")
                art.source_text = art.source_text.replace(old, new, 1)
                art.body_html = render_body(
                    art.source_text,
                    fmt=art.source_format,
                    seed=f"{self.id}/{art.slug}",
                    footnotes=art.footnotes,
                )
        art.updates.append(note or UPDATE_NOTE.format(at=stamp))
        art.version += 1
        art.modified = stamp

    def publish_article(
        self,
        *,
        title: str,
        body_html: str,
        published: datetime,
        slug: str | None = None,
        category: str | None = None,
    ) -> SimArticle:
        """A new article at the top of its category listing (slug made unique, listings re-dated)."""
        if published.tzinfo is None:
            published = published.replace(tzinfo=VN_TZ)
        base = slug or slugify(title, drop_d=self.family == "liferay") or "bai-viet"
        taken = {a.slug for a in self.articles}
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        key = category or self.categories[0].key
        if self.category(key) is None:
            raise KeyError(f"site {self.id!r} has no category {key!r}")
        art = SimArticle(
            slug=slug,
            title=title,
            published=published,
            body_html=body_html,
            category=key,
            post_id=self.next_post_id(),
            summary=summary_of(re.sub(r"<[^>]+>", "\n", body_html)),
            source_text=body_html,
            source_format="html",
        )
        self.articles.insert(0, art)
        self.changed_at = next_stamp(self.changed_at)
        return art
