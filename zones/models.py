import html
from collections import defaultdict

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from core.bilingual import BilingualNameMixin, in_page_language, is_english_page
from core.images import IMAGE_VALIDATORS, CleanImageField, RenditionsMixin
from core.paths import detail_path
from core.sanitize import EDITOR_EXTENSIONS, clean_html
from zones.naming import strip_suffix


class RegionQuerySet(models.QuerySet):
    def within(self, region):
        """`region` and the regions below it (cities, counties).

        The grandchildren through a subquery on the parent index rather than
        "parent__parent": that join made PostgreSQL hash the whole region
        table against itself on every news page filtered by a city.
        """
        children = Region.objects.filter(parent=region).values("pk")
        return self.filter(Q(pk=region.pk) | Q(parent=region) | Q(parent__in=children))

    def below(self, region):
        """The regions one level below `region`, each with `zone_count`, the
        number of its published zones; none below a county.

        A province's children are cities, counted through Zone.city; a
        city's (or a municipality's) are counties, counted through
        Zone.county.
        """
        if region.level == Region.Level.COUNTY:
            return self.none()
        if region.level == Region.Level.CITY or region.is_municipality:
            relation = "county_zones"
        else:
            relation = "city_zones"
        published = Q(**{f"{relation}__is_published": True})
        return self.filter(parent=region).annotate(
            zone_count=models.Count(relation, filter=published)
        )


# Between the industries in Zone.industry_text: the catalogue's own separator,
# which no industry name contains, so a search term never spans two of them.
INDUSTRY_SEPARATOR = "、"
# Zone.industry_text holds the Chinese names on its first line and, when any
# industry has one, the English names on a second line, separated so.
INDUSTRY_SEPARATOR_EN = ", "


def plain_text(markup):
    """The text of stored rich text, without tags or entities, one-spaced."""
    return " ".join(html.unescape(strip_tags(markup or "")).split())


class Region(models.Model):
    """A province, prefecture-level city or county, with its official code."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("city")
        COUNTY = "county", _("county")

    code = models.CharField(
        _("code"), max_length=6, unique=True, help_text=_("GB/T 2260 code: 32, 3206")
    )
    name = models.CharField(_("name"), max_length=50)
    name_en = models.CharField(_("English name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        indexes = [
            # The provinces by code, which the search form lists on every
            # search: without it, a scan of every county.
            models.Index(fields=["level", "code"], name="zones_region_level_code_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_path("zones:region", "slug", self.slug)

    @property
    def short_name(self):
        """The name without its administrative suffix: 江苏省 → 江苏, 南通市 → 南通,
        延边朝鲜族自治州 → 延边. County names keep their suffix (海门区)."""
        return self.short_name_of(self.name, self.level)

    @property
    def display_name(self):
        """The name in the reader's language (English falls back to Chinese)."""
        return self.display_name_of(self.name, self.name_en, self.level)

    # The two below work on bare column values, for lists that read regions
    # as tuples rather than model instances (the zone directory).

    @classmethod
    def short_name_of(cls, name, level):
        if level == cls.Level.COUNTY:
            return name
        return strip_suffix(name, level)[0]

    @classmethod
    def display_name_of(cls, name, name_en, level, english_page=None):
        return in_page_language(cls.short_name_of(name, level), name_en, english_page)

    def is_within(self, region):
        """Is this region `region` or below it? A county's grandparent is
        read through its parent (select_related("parent__parent") saves a query)."""
        if region.pk in (self.pk, self.parent_id):
            return True
        return self.level == self.Level.COUNTY and self.parent.parent_id == region.pk

    @property
    def is_municipality(self):
        """北京, 天津, 上海 and 重庆 are provinces that also act as their city."""
        return self.level == self.Level.PROVINCE and self.name.endswith("市")


class Industry(BilingualNameMixin, TagBase):
    """A leading industry (主导产业) of zones; kept apart from news tags."""

    # TagBase slugifies with allow_unicode, so 装备制造 keeps a readable slug.
    name_en = models.CharField(
        _("English name"),
        max_length=100,
        blank=True,
        help_text=_(
            "Shown on English pages. The import fills it from the project's "
            "table of industry names when it is empty."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")

    def get_absolute_url(self):
        return self.directory_url() + self.slug

    @staticmethod
    def directory_url():
        """The directory filtered by an industry, less its slug: a list of
        links reverses this once rather than once a link."""
        return reverse("zones:index") + "?industry="


@reversion.register()
class ZoneIndustry(TaggedItemBase):
    content_object = models.ForeignKey("Zone", on_delete=models.CASCADE)
    tag = models.ForeignKey(
        Industry, on_delete=models.CASCADE, related_name="zone_links"
    )

    class Meta:
        verbose_name = _("zone industry")
        verbose_name_plural = _("zone industries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="zones_zoneindustry_unique"
            )
        ]


class ZoneQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_regions(self):
        return self.select_related("province", "city", "county")

    def in_region(self, region):
        """The zones whose province, city or county (by its level) is `region`."""
        field = {
            Region.Level.PROVINCE: "province",
            Region.Level.CITY: "city",
            Region.Level.COUNTY: "county",
        }[region.level]
        return self.filter(**{field: region})

    def for_listing(self):
        """The fields a zone card shows (zones/includes/zone_card.html); the
        views add region names and industries (zones.views.prepare_cards).

        Profiles, contacts and image renditions are left out: long text a
        card never shows. The regions are not joined: PostgreSQL joins every
        matching zone before it sorts and cuts the page, which for the
        unfiltered directory is every zone in the catalogue.
        """
        return self.only(
            "name",
            "name_en",
            "slug",
            "level",
            "kind",
            "approved_on",
            "area_hectares",
            "province",
            "city",
            "county",
        )

    def refresh_industry_text(self):
        """Rewrite `industry_text` of these zones from their industry links.

        Returns how many zones changed. Called where links change in bulk
        (the import) and, through the m2m_changed receiver below, whenever a
        zone's tags are set one zone at a time (admin, restore, demo data).
        """
        names = defaultdict(list)
        names_en = defaultdict(list)
        for zone_id, name, name_en in (
            ZoneIndustry.objects.filter(content_object__in=self.values("pk"))
            .order_by("pk")
            .values_list("content_object_id", "tag__name", "tag__name_en")
        ):
            names[zone_id].append(name)
            names_en[zone_id].append(name_en or name)
        changed = []
        for zone in self.only("industry_text"):
            text = INDUSTRY_SEPARATOR.join(names[zone.pk])
            if any(
                name_en != name
                for name_en, name in zip(names_en[zone.pk], names[zone.pk], strict=True)
            ):
                text += "\n" + INDUSTRY_SEPARATOR_EN.join(names_en[zone.pk])
            if zone.industry_text != text:
                zone.industry_text = text
                changed.append(zone)
        Zone.objects.bulk_update(changed, ["industry_text"], batch_size=500)
        return len(changed)

    def with_industries(self):
        """Prefetch the leading industries in catalogue order (`industry_links`)."""
        return self.prefetch_related(
            models.Prefetch(
                "zoneindustry_set",
                queryset=ZoneIndustry.objects.select_related("tag").order_by("pk"),
                to_attr="industry_links",
            )
        )


# Every admin save of a zone keeps a version with its parks and industry
# links (the TaggableManager itself is not serialized). Who administers the
# zone is left out: restoring an old profile must never bring back an
# administrator who was removed since.
@reversion.register(
    follow=("parks", "zoneindustry_set"), exclude=("administrators", "industries")
)
class Zone(BilingualNameMixin, RenditionsMixin, models.Model):
    """A development zone (开发区) as listed in the official catalogue."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("national")
        PROVINCIAL = "provincial", _("provincial")

    class Kind(models.TextChoices):
        ECONOMIC_TECHNOLOGICAL = (
            "etdz",
            _("economic and technological development zone"),
        )
        HIGH_TECH = "high_tech", _("high-tech industrial development zone")
        CUSTOMS = "customs", _("customs special supervision area")
        BORDER = "border", _("border/cross-border economic cooperation zone")
        OTHER = "other", _("other development zone")
        ECONOMIC = "economic", _("economic development zone")
        INDUSTRIAL = "industrial", _("industrial park")

    # The catalogue's own Chinese names of the levels and kinds (批准级别,
    # 开发区类型). They are data, like the zone names: Chinese pages show them
    # as printed, English pages the translated labels of the choices.
    LEVEL_NAMES_ZH = {Level.NATIONAL: "国家级", Level.PROVINCIAL: "省级"}
    KIND_NAMES_ZH = {
        Kind.ECONOMIC_TECHNOLOGICAL: "经济技术开发区",
        Kind.HIGH_TECH: "高新技术产业开发区",
        Kind.CUSTOMS: "海关特殊监管区域",
        Kind.BORDER: "边境/跨境经济合作区",
        Kind.OTHER: "其他类型开发区",
        Kind.ECONOMIC: "经济开发区",
        Kind.INDUSTRIAL: "工业园区",
    }

    # Catalogue fields: imported, and read-only for zone administrators.
    name = models.CharField(_("official name"), max_length=100)
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        blank=True,
        help_text=_("For example 海门经开区."),
    )
    name_en = models.CharField(
        _("English name"),
        max_length=200,
        blank=True,
        help_text=_("Drafted from the pinyin by the import; correct it freely."),
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    code = models.CharField(
        _("catalogue code"),
        max_length=10,
        db_index=True,
        help_text=_(
            "The zone's code in the 2018 catalogue (G national, S provincial)."
        ),
    )
    catalogue_number = models.PositiveIntegerField(
        _("catalogue number"),
        null=True,
        blank=True,
        help_text=_("序号 in the catalogue, counted separately per level."),
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    province = models.ForeignKey(
        Region,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="province_zones",
    )
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="city_zones",
    )
    county = models.ForeignKey(
        Region,
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="county_zones",
    )
    approved_on = models.DateField(
        _("approval date"),
        null=True,
        blank=True,
        help_text=_("The catalogue gives year and month; the day is always 1."),
    )
    approval_text = models.CharField(
        _("approval date as printed"),
        max_length=30,
        blank=True,
        help_text=_("As the catalogue prints it, e.g. 2013.01 or 2000.04/2003.03."),
    )
    area_hectares = models.DecimalField(
        _("approved area (hectares)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )
    industries = TaggableManager(
        verbose_name=_("leading industries"),
        through=ZoneIndustry,
        blank=True,
        help_text=_("Leading industries (主导产业), separated by commas."),
    )
    data_as_of = models.DateField(
        _("catalogue data as of"),
        null=True,
        blank=True,
        help_text=_("Date of the catalogue the official fields come from."),
    )

    # Copies kept for search (search.finders), which matches and ranks zones
    # on them as on the name: one column each, so one expression index on the
    # zone row covers every field searched.
    industry_text = models.TextField(
        _("leading industries as text"), blank=True, editable=False
    )
    profile_text = models.TextField(
        _("profile as plain text"), blank=True, editable=False
    )

    # Profile fields: the zone's own administrators keep these up to date.
    profile = ProseEditorField(
        _("profile"),
        blank=True,
        help_text=_("Introduction for investors, in Chinese."),
        extensions=EDITOR_EXTENSIONS,
        sanitize=clean_html,
    )
    profile_en = ProseEditorField(
        _("profile in English"),
        blank=True,
        help_text=_("Shown on English pages."),
        extensions=EDITOR_EXTENSIONS,
        sanitize=clean_html,
    )
    logo = CleanImageField(
        _("logo"), upload_to="zones/logos/", blank=True, validators=IMAGE_VALIDATORS
    )
    logo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    cover = CleanImageField(
        _("cover photo"),
        upload_to="zones/covers/",
        blank=True,
        validators=IMAGE_VALIDATORS,
    )
    cover_alt = models.CharField(
        _("cover description"),
        max_length=200,
        blank=True,
        help_text=_("What the photo shows, for readers who cannot see it."),
    )
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_location_reliable = models.BooleanField(
        _("location is reliable"),
        default=False,
        help_text=_(
            "Untick when the point is known to be wrong; it is then not shown."
        ),
    )

    administrators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zone administrators"),
        blank=True,
        related_name="administered_zones",
        help_text=_("Accounts that manage this zone's profile and news."),
    )
    is_direct_publishing = models.BooleanField(
        _("zone administrators publish directly"),
        default=False,
        help_text=_("Off: their articles go to an editor for review first."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ZoneQuerySet.as_manager()

    RENDITION_WIDTHS = {"cover": [320, 640, 960, 1280], "logo": [96, 192]}

    class Meta:
        ordering = ["name"]
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        permissions = [
            (
                "access_all_zones",
                _("Can work on every zone and its articles, not only their own"),
            )
        ]
        constraints = [
            # The import's key: the catalogue number within its level. The
            # code alone is not unique in the source.
            models.UniqueConstraint(
                fields=["level", "catalogue_number"],
                condition=Q(catalogue_number__isnull=False),
                name="zones_zone_catalogue_key",
            )
        ]
        indexes = [
            # The directory filtered by province and level, sorted by name.
            models.Index(
                fields=["province", "level", "name"], name="zones_zone_prov_level_idx"
            ),
            models.Index(fields=["city", "name"], name="zones_zone_city_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.profile = clean_html(self.profile)
        self.profile_en = clean_html(self.profile_en)
        self.profile_text = " ".join(
            text
            for text in (plain_text(self.profile), plain_text(self.profile_en))
            if text
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"profile", "profile_en"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "profile_text"}
        super().save(*args, **kwargs)
        self.refresh_renditions()

    def get_absolute_url(self):
        return detail_path("zones:detail", "slug", self.slug)

    def is_public(self):
        return self.is_published

    @classmethod
    def level_name(cls, level):
        """国家级 on Chinese pages, "national" on English ones."""
        return in_page_language(cls.LEVEL_NAMES_ZH[level], cls.Level(level).label)

    @classmethod
    def kind_name(cls, kind):
        """经济技术开发区 on Chinese pages, the English label on English ones."""
        return in_page_language(cls.KIND_NAMES_ZH[kind], cls.Kind(kind).label)

    @property
    def level_display(self):
        return self.level_name(self.level)

    @property
    def kind_display(self):
        return self.kind_name(self.kind)

    @property
    def display_profile(self):
        """The profile in the reader's language (English falls back to Chinese).

        Both are cleaned by clean_html on save, so templates may mark it safe.
        """
        return in_page_language(self.profile, self.profile_en)

    @property
    def profile_in_page_language(self):
        """The profile written in the page's language, without falling back:
        empty on English pages of a zone with only a Chinese profile."""
        return self.profile_en if is_english_page() else self.profile

    @property
    def regions(self):
        """Province, city and county, top-down, each once.

        A municipality is both the province and the city of its zones; it is
        listed once (北京, not 北京 / 北京).
        """
        regions = []
        for region in (self.province, self.city, self.county):
            if region is not None and region not in regions:
                regions.append(region)
        return regions

    @property
    def region_ids(self):
        """The ids of `regions`, read without loading the regions."""
        ids = []
        for pk in (self.province_id, self.city_id, self.county_id):
            if pk is not None and pk not in ids:
                ids.append(pk)
        return ids

    @property
    def has_two_approval_dates(self):
        """True for the two zones the catalogue gives two dates (an extension)."""
        return "/" in self.approval_text

    def industry_list(self):
        """The leading industries in the catalogue's order.

        Uses `industry_links` when the view prefetched it (see
        ZoneQuerySet.with_industries), so a list page costs one query for all
        its zones' industries.
        """
        links = getattr(self, "industry_links", None)
        if links is None:
            links = self.zoneindustry_set.select_related("tag").order_by("pk")
        return [link.tag for link in links]

    @property
    def area_km2(self):
        return None if self.area_hectares is None else self.area_hectares / 100

    @property
    def shows_location(self):
        return (
            self.is_location_reliable
            and self.latitude is not None
            and self.longitude is not None
        )


@reversion.register()
class Park(BilingualNameMixin, models.Model):
    """An industrial park (产业园) inside a zone."""

    class AreaUnit(models.TextChoices):
        MU = "mu", _("mu (亩)")
        HECTARE = "ha", _("hectares")

    zone = models.ForeignKey(
        Zone, verbose_name=_("zone"), on_delete=models.CASCADE, related_name="parks"
    )
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    planned_area = models.DecimalField(
        _("planned area"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    area_unit = models.CharField(
        _("area unit"), max_length=2, choices=AreaUnit.choices, default=AreaUnit.MU
    )
    industries = models.CharField(
        _("focus industries"),
        max_length=200,
        blank=True,
        help_text=_("Separated by 、 or commas, e.g. 航天新材料、轻合金精密成型."),
    )
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(
        _("description in English"), blank=True, help_text=_("Shown on English pages.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("park")
        verbose_name_plural = _("parks")

    def __str__(self):
        return self.name

    @property
    def display_description(self):
        """The description in the reader's language (English falls back)."""
        return in_page_language(self.description, self.description_en)

    def industry_list(self):
        text = self.industries.replace(",", "、").replace("，", "、")
        return [item.strip() for item in text.split("、") if item.strip()]


@receiver(post_save, sender=Industry)
def industry_saved(sender, instance, created, raw=False, **kwargs):
    """An industry renamed (in either language) renames it in its zones' copy."""
    if not created and not raw:
        Zone.objects.filter(zoneindustry__tag=instance).refresh_industry_text()


@receiver(m2m_changed, sender=ZoneIndustry)
def industries_changed(sender, instance, action, reverse, **kwargs):
    """Keep Zone.industry_text in step when a zone's tags are changed."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Zone):
        Zone.objects.filter(pk=instance.pk).refresh_industry_text()
