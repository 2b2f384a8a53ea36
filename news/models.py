import re

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItem

from core.bilingual import BilingualNameMixin
from core.images import (
    IMAGE_VALIDATORS,
    CleanImageField,
    GalleryImage,
    ImageRef,
    RenditionsMixin,
    first_picture,
    prefetch_first_pictures,
)
from core.pagination import Cursor
from core.paths import detail_path
from core.sanitize import EDITOR_EXTENSIONS, clean_html

PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


class Source(BilingualNameMixin, models.Model):
    """An organisation articles come from (来源), e.g. 海门市人民政府."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Channel(BilingualNameMixin, models.Model):
    """A section of the news (栏目): zone news, investment news, policies."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    name_en = models.CharField(_("English name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Channels are listed in this order.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:index") + f"?channel={self.slug}"


# Up to this many ids of articles naming a zone go into its list's query as
# literals (see ArticleQuerySet.concerning_zone).
MENTIONS_INLINE = 1000


class ArticleQuerySet(models.QuerySet):
    def live(self):
        """Articles not in the recycle bin."""
        return self.filter(deleted_at__isnull=True)

    def released(self, now=None):
        """Articles whose publish time has come."""
        return self.filter(published_at__lte=now or timezone.now())

    def published(self, now=None):
        """Return the articles the public may read: published, time reached."""
        return self.live().filter(status=Article.Status.PUBLISHED).released(now)

    def next_publish_time(self, after):
        """When the next scheduled article goes live after `after`, or None."""
        return (
            self.live()
            .filter(status=Article.Status.PUBLISHED, published_at__gt=after)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def for_listing(self):
        """What a list item shows: title, summary, date, zone or source, image.

        Only the zone and the source are joined: each join makes PostgreSQL
        plan harder, and with four (channel and region too, which no list
        shows) planning cost more than running the query.
        """
        return self.select_related("source", "zone").only(
            "id", "title", "summary", "kind", "language", "published_at",
            "cover", "cover_alt", "cover_renditions", "is_featured",
            "channel_id", "region_id",
            "source__name", "source__name_en",
            "zone__name", "zone__name_en", "zone__slug",
        )  # fmt: skip

    def for_detail(self):
        """Everything the article page shows, in three queries."""
        return (
            self.select_related("channel", "source", "zone", "region")
            # The page names and links the zone; its long profile stays behind.
            .defer("zone__profile", "zone__profile_en")
            .prefetch_related("images", "tags")
        )

    def in_language(self, language):
        """Articles for pages in `language` (a Django language code)."""
        english = language == "en"
        return self.filter(
            language=Article.Language.ENGLISH if english else Article.Language.CHINESE
        )

    def concerning_zone(self, zone):
        """Articles a zone published, or that name it among other zones.

        Runs one query at once: the ids of the articles that name the zone,
        written into the returned queryset as a list. Given the list,
        PostgreSQL weighs it against its statistics and picks the plan:
        for a small zone, the zone index plus the few named ids; for a busy
        one, walking the list newest first and testing both in the index.
        Given a subquery instead, it cannot tell how many rows it yields and
        walked the whole list for a small zone. A zone named by more than
        MENTIONS_INLINE articles keeps the subquery, which PostgreSQL runs
        once as a hash; such zones are busy enough for the walk to be short.
        """
        mentions = Article.related_zones.through.objects.filter(zone=zone)
        named = list(
            mentions.values_list("article_id", flat=True)[: MENTIONS_INLINE + 1]
        )
        if not named:
            return self.filter(zone=zone)
        if len(named) > MENTIONS_INLINE:
            named = mentions.values("article_id")
        return self.filter(Q(zone=zone) | Q(pk__in=named))

    def tagged(self, tag_ids):
        """Articles carrying any of the taggit tags `tag_ids`.

        A subquery rather than a join on `tags`: no duplicate rows, no
        DISTINCT, and no separate content-type lookup.
        """
        return self.filter(pk__in=_tagged_article_ids(tag_ids))


def attach_thumbnails(articles):
    """Give the loaded `articles` what Article.thumbnail needs, in at most
    one query, and return them.

    Picture news may have a gallery and no cover; lists then show its first
    gallery image. Only those articles are looked up (no query when a page
    has none), after the page's rows are loaded: a Prefetch on the list's
    queryset would run for every page, and sliced per article it used a
    window function that cost more to build than to run.
    """
    wanting = []
    for article in articles:
        if article.kind == Article.Kind.PICTURE and not article.cover:
            wanting.append(article)
        else:
            article.first_images = []
    prefetch_first_pictures(wanting, ArticleImage, "article_id")
    return articles


def _tag_links(tag_ids):
    """taggit's rows linking articles to any of `tag_ids`.

    The content type is a scalar subquery, which PostgreSQL runs once, not
    a join: joined, it misjudged how many links a tag has by a factor of a
    hundred and sorted every article of a popular tag to show 20 of them.
    No query is
    spent looking the content type up beforehand either.
    """
    article_type = ContentType.objects.filter(app_label="news", model="article")
    return TaggedItem.objects.filter(
        content_type_id=Subquery(article_type.values("pk")[:1]),
        tag_id__in=tag_ids,
    )


def _tagged_article_ids(tag_ids):
    return _tag_links(tag_ids).values("object_id")


# Every admin save of an article keeps a version with its gallery and tag
# links (see core.history). Tags themselves are shared between articles, so
# only the links are restored, never a tag's name.
@reversion.register(follow=("images", "tag_links"), exclude=("tags",))
class Article(RenditionsMixin, models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("text news")
        PICTURE = "picture", _("picture news")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted for review")
        PUBLISHED = "published", _("published")

    class Language(models.TextChoices):
        CHINESE = "zh-hans", _("Chinese")
        ENGLISH = "en", _("English")

    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=500,
        help_text=_(
            "Shown in lists and to search engines; taken from the body if empty."
        ),
    )
    body = ProseEditorField(
        _("body"), extensions=EDITOR_EXTENSIONS, sanitize=clean_html, blank=True
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT
    )
    language = models.CharField(
        _("language"),
        max_length=7,
        choices=Language.choices,
        default=Language.CHINESE,
        help_text=_("English articles are listed on the English pages."),
    )
    channel = models.ForeignKey(
        Channel,
        verbose_name=_("channel"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    originally_published_on = models.DateField(
        _("originally published on"),
        null=True,
        blank=True,
        help_text=_("For republished items: the date of the original."),
    )
    zone = models.ForeignKey(
        "zones.Zone",
        verbose_name=_("publishing zone"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("The zone that publishes this article (发布开发区)."),
    )
    related_zones = models.ManyToManyField(
        "zones.Zone",
        verbose_name=_("other zones concerned"),
        blank=True,
        related_name="mentioning_articles",
    )
    region = models.ForeignKey(
        "zones.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_(
            "Taken from the publishing zone's city; set it when there is no zone."
        ),
    )
    tags = TaggableManager(verbose_name=_("tags"), blank=True)
    cover = CleanImageField(
        _("cover image"),
        upload_to="news/covers/%Y/%m/",
        blank=True,
        validators=IMAGE_VALIDATORS,
    )
    cover_alt = models.CharField(
        _("cover alternative text"),
        max_length=200,
        blank=True,
        help_text=_(
            "Required with a cover: what the picture shows, read out to readers "
            "who cannot see it; not printed on the page."
        ),
    )
    cover_credit = models.CharField(_("cover credit"), max_length=100, blank=True)
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        help_text=_(
            "A time in the future schedules the article. Left as it is, it "
            "becomes the time the article is published."
        ),
    )
    # Set when someone changes the publish time in the form: publishing then
    # keeps it (a schedule, a republished item's date) instead of "now".
    is_publish_time_chosen = models.BooleanField(
        _("publish time chosen by hand"), default=False, editable=False
    )
    is_featured = models.BooleanField(_("featured"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    review_comment = models.TextField(
        _("reviewer's comment"),
        blank=True,
        help_text=_("Why the article was sent back to its author."),
    )
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    reviewed_at = models.DateTimeField(
        _("reviewed"), null=True, blank=True, editable=False
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reviewed_articles",
    )
    deleted_at = models.DateTimeField(
        _("deleted"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    RENDITION_WIDTHS = {"cover": [240, 480, 800, 1200]}

    class Meta:
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish articles and review submitted ones"))
        ]
        indexes = [
            # The public list: published, newest first.
            models.Index(
                fields=["status", "-published_at", "-id"], name="news_article_pub_idx"
            ),
            # Previous/next within a channel and kind, and filtered lists.
            models.Index(
                fields=["channel", "kind", "-published_at", "-id"],
                name="news_article_chan_kind_idx",
            ),
            # A zone's latest news and the list filtered by zone.
            models.Index(
                fields=["zone", "-published_at"], name="news_article_zone_idx"
            ),
            models.Index(
                fields=["region", "-published_at"], name="news_article_region_idx"
            ),
            # The indexes below hold only what readers may see (published,
            # not in the recycle bin) and end in (published_at, id) in list
            # order, so a list page, a capped count and a keyset page are each
            # one range scan that stops after the rows it needs; the language
            # comes before the date because every public list is of one
            # language. A page of any of these lists reads as many index rows
            # at a million articles as at a hundred (README, "Benchmark").
            # Migration 0003 explains the choices.
            #
            # The whole list, and filtered lists whose filter matches many
            # articles (a big province, a channel, a popular tag): the walk
            # down this index tests the filter on each entry. On PostgreSQL
            # the index also carries channel, kind, zone and region (INCLUDE),
            # so those tests read no table rows.
            models.Index(
                fields=["language", "-published_at", "-id"],
                name="news_article_live_idx",
                condition=Q(status="published", deleted_at__isnull=True),
            ),
            # One zone's own articles (the zone filter, the zone's page and feed).
            models.Index(
                fields=["zone", "language", "-published_at", "-id"],
                name="news_article_live_zone_idx",
                condition=Q(status="published", deleted_at__isnull=True),
            ),
            # Cities and provinces (the region filter).
            models.Index(
                fields=["region", "language", "-published_at", "-id"],
                name="news_article_live_region_idx",
                condition=Q(status="published", deleted_at__isnull=True),
            ),
            # Previous/next on the article page, and the channel filter.
            models.Index(
                fields=["channel", "kind", "language", "-published_at", "-id"],
                name="news_article_live_chan_idx",
                condition=Q(status="published", deleted_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        if not self.summary.strip():
            self.summary = self.summary_from_body()
        if self.zone_id and (self.region_id is None or self._zone_changed()):
            self.region_id = self.zone.city_id or self.zone.province_id
        super().save(*args, **kwargs)
        self.refresh_renditions()

    def get_absolute_url(self):
        return self.path_for(self.pk)

    @staticmethod
    def path_for(pk):
        """get_absolute_url() of the article with this id, for lists that
        read articles as tuples rather than instances (search results)."""
        return detail_path("news:detail", "pk", pk)

    def get_preview_url(self):
        return reverse("news:preview", kwargs={"pk": self.pk})

    def get_view_url(self):
        """The public page when readers can see it, else the staff preview."""
        if self.is_published():
            return self.get_absolute_url()
        return self.get_preview_url()

    def clean(self):
        if self.cover and not self.cover_alt.strip():
            raise ValidationError(
                {
                    "cover_alt": _(
                        "Describe the cover image for readers who cannot see it."
                    )
                }
            )

    def summary_from_body(self, length=120):
        """The start of the body's paragraphs, without its sub-headings.

        The stored body is sanitized HTML, so its paragraphs are plain <p>
        elements; a body with none (only a list, say) falls back to all text.
        """
        paragraphs = PARAGRAPH.findall(self.body) or [self.body]
        text = " ".join(" ".join(strip_tags(part).split()) for part in paragraphs)
        return Truncator(text.strip()).chars(length)

    def is_published(self, now=None):
        return (
            self.deleted_at is None
            and self.status == self.Status.PUBLISHED
            and self.published_at <= (now or timezone.now())
        )

    def is_scheduled(self, now=None):
        return self.status == self.Status.PUBLISHED and self.published_at > (
            now or timezone.now()
        )

    @property
    def thumbnail(self):
        """The image lists show: the cover, else the first gallery image."""
        if self.cover:
            return ImageRef(self, "cover", self.cover_alt)
        return first_picture(self)

    def listing_neighbours(self, now=None):
        """Return (previous, next): the articles just above and below this
        one in its listing (same channel, kind and language, newest first).

        Ties on the publish time are broken by id, as the listing does, so
        walking "next" from the top visits every article exactly once.
        """
        siblings = (
            Article.objects.published(now)
            .filter(channel_id=self.channel_id, kind=self.kind, language=self.language)
            .only("id", "title", "published_at")
        )
        # Cursor conditions start with a plain range on published_at, which
        # news_article_live_chan_idx can begin its scan from; written as
        # "later, or as late with a higher id" PostgreSQL could not, and
        # scanned the channel from its far end.
        here = Cursor.of(self)
        newer = siblings.filter(here.newer()).order_by("published_at", "id").first()
        older = siblings.filter(here.older()).order_by("-published_at", "-id").first()
        return newer, older

    def related_articles(self, limit=4, now=None):
        """Published articles from the same zone or sharing a tag, newest first.

        Two bounded queries merged here rather than one with "zone OR tag":
        PostgreSQL turns the tag test inside an OR into a hash of every
        article carrying the tags, which for common tags is a large part of
        the table. Apart, each is an index walk that stops at
        `limit` rows: the zone's own index, and the newest articles probed
        one by one against the tag links.
        """
        # Reads the prefetched tags when the page loaded them.
        tag_ids = [tag.pk for tag in self.tags.all()]
        if not (self.zone_id or tag_ids):
            return []
        # The page shows title, date and zone.
        candidates = (
            Article.objects.published(now)
            .filter(language=self.language)
            .exclude(pk=self.pk)
            .select_related("zone")
            .only("id", "title", "published_at", "zone__name", "zone__name_en")
        )
        found = {}
        if self.zone_id:
            for article in candidates.filter(zone_id=self.zone_id)[:limit]:
                found[article.pk] = article
        if tag_ids:
            for article in candidates.tagged(tag_ids)[:limit]:
                found.setdefault(article.pk, article)
        newest_first = sorted(
            found.values(), key=lambda a: (a.published_at, a.pk), reverse=True
        )
        return newest_first[:limit]

    @property
    def tag_links(self):
        """The taggit rows linking this article to its tags (for versions)."""
        return TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id=self.pk,
        )

    def _zone_changed(self):
        if self.pk is None:
            return True
        previous = (
            type(self)
            ._base_manager.filter(pk=self.pk)
            .values_list("zone_id", flat=True)
            .first()
        )
        return previous != self.zone_id


@reversion.register()
class ArticleImage(GalleryImage):
    """A gallery image of an article, with its caption."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="images",
    )
    image = CleanImageField(
        _("image"), upload_to="news/gallery/%Y/%m/", validators=IMAGE_VALIDATORS
    )

    class Meta(GalleryImage.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


if not reversion.is_registered(TaggedItem):
    reversion.register(TaggedItem)
