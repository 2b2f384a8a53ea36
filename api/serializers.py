"""What the API shows of each object: public fields only, named here.

Every serializer lists its fields one by one, so a field added to a model
later stays out of the API until someone adds it here. Nothing names staff
(author, reviewer, who entered or verified a figure), workflow state,
review comments, internal notes or inquiries.

Data comes in both languages side by side (name, name_en); choices are
their codes. A 200 answer is therefore the same whatever the client's
language, which lets every client and cache share it.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.images import image_source
from facts.models import Fact, Incentive, Indicator
from news.models import Article, ArticleImage, Channel, Source
from projects.models import Project
from zones.models import Industry, Park, Region, Zone

# Widths of the picture renditions the API links: the largest the site makes.
IMAGE_WIDTH = 1200


def absolute(request, path):
    return request.build_absolute_uri(path) if path else None


class AbsoluteUrlField(serializers.Field):
    """An absolute URL of this API's detail of the object (`view_name`)."""

    def __init__(self, view_name, lookup="pk", **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.view_name = view_name
        self.lookup = lookup

    def to_representation(self, value):
        path = reverse(
            self.view_name, kwargs={self.lookup: getattr(value, self.lookup)}
        )
        return absolute(self.context["request"], path)


extend_schema_field({"type": "string", "format": "uri"})(AbsoluteUrlField)


class WebUrlField(serializers.Field):
    """The absolute URL of the object's page on the site, in Chinese (the
    English page is the same path under /en/). Never the client's language:
    every client gets the same answer (see the module docstring)."""

    language = settings.LANGUAGE_CODE

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        with translation.override(self.language_of(value)):
            return absolute(self.context["request"], value.get_absolute_url())

    def language_of(self, value):
        return self.language


extend_schema_field({"type": "string", "format": "uri"})(WebUrlField)


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "required": ["url", "alt"],
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "alt": {"type": "string"},
        },
    }
)
class ImageField(serializers.Field):
    """A picture as {url, alt}: its largest rendition (never the upload)."""

    def __init__(self, field_name, alt_field, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.field_name = field_name
        self.alt_field = alt_field

    def to_representation(self, value):
        source = image_source(value, self.field_name, IMAGE_WIDTH)
        if source is None:
            return None
        return {
            "url": absolute(self.context["request"], source.src),
            "alt": getattr(value, self.alt_field),
        }


def tag_names(row):
    """Its tags' names, sorted: attached by the list (api.views.
    attach_tag_names), else the prefetched tags of a detail."""
    names = getattr(row, "tag_names", None)
    if names is None:
        # Sorted here: an order_by would query again.
        names = sorted(tag.name for tag in row.tags.all())
    return names


class RegionRefSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:region-detail", lookup="slug")

    class Meta:
        model = Region
        fields = ("slug", "code", "name", "name_en", "level", "url")


class PublicZoneUrlField(AbsoluteUrlField):
    """The zone's API URL, or null for a zone taken off the site (an
    article keeps naming it, as its page does, but links nowhere)."""

    def __init__(self, **kwargs):
        super().__init__("api:zone-detail", lookup="slug", **kwargs)

    def to_representation(self, zone):
        return super().to_representation(zone) if zone.is_published else None


extend_schema_field({"type": "string", "format": "uri", "nullable": True})(
    PublicZoneUrlField
)


class ZoneRefSerializer(serializers.ModelSerializer):
    url = PublicZoneUrlField()

    class Meta:
        model = Zone
        fields = ("slug", "name", "name_en", "url")


class IndustrySerializer(serializers.ModelSerializer):
    # Industry slugs keep Chinese characters (装备制造), which the ASCII
    # pattern the schema would derive from a SlugField does not allow.
    slug = serializers.CharField(read_only=True)

    class Meta:
        model = Industry
        fields = ("slug", "name", "name_en")


class RegionSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:region-detail", lookup="slug")
    web_url = WebUrlField()
    parent = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )

    class Meta:
        model = Region
        fields = (
            "slug",
            "code",
            "name",
            "name_en",
            "level",
            "parent",
            "url",
            "web_url",
        )


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "description": "Only where the zone's point is known to be right.",
        "required": ["latitude", "longitude"],
        "properties": {
            "latitude": {"type": "number", "minimum": -90, "maximum": 90},
            "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        },
    }
)
class LocationField(serializers.Field):
    """The zone's point, or null when it is missing or marked unreliable:
    the same rule as the profile's map (Zone.shows_location)."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, zone):
        if not zone.shows_location:
            return None
        return {"latitude": float(zone.latitude), "longitude": float(zone.longitude)}


class ZoneSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:zone-detail", lookup="slug")
    web_url = WebUrlField()
    province = RegionRefSerializer(read_only=True)
    city = RegionRefSerializer(read_only=True, allow_null=True)
    county = RegionRefSerializer(read_only=True, allow_null=True)
    area_hectares = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
    )
    industries = IndustrySerializer(source="industry_list", many=True, read_only=True)
    location = LocationField()

    class Meta:
        model = Zone
        fields = (
            "slug",
            "code",
            "name",
            "short_name",
            "name_en",
            "level",
            "kind",
            "province",
            "city",
            "county",
            "approved_on",
            "approval_text",
            "area_hectares",
            "industries",
            "location",
            "data_as_of",
            "url",
            "web_url",
        )


class ParkSerializer(serializers.ModelSerializer):
    planned_area = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
    )

    class Meta:
        model = Park
        fields = (
            "name",
            "name_en",
            "planned_area",
            "area_unit",
            "industries",
            "description",
            "description_en",
        )


class ZoneDetailSerializer(ZoneSerializer):
    parks = ParkSerializer(many=True, read_only=True)
    logo = ImageField("logo", "name")
    cover = ImageField("cover", "cover_alt")

    class Meta(ZoneSerializer.Meta):
        fields = (
            *ZoneSerializer.Meta.fields,
            "profile",
            "profile_en",
            "address",
            "phone",
            "fax",
            "email",
            "website",
            "logo",
            "cover",
            "parks",
        )


class ChannelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Channel
        fields = ("slug", "name", "name_en")


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ("name", "name_en", "website")


class ArticleWebUrlField(WebUrlField):
    """An article's page in its own language (/news/7/ or /en/news/7/)."""

    def language_of(self, article):
        return "en" if article.language == Article.Language.ENGLISH else "zh-hans"


extend_schema_field({"type": "string", "format": "uri"})(ArticleWebUrlField)


class ArticleSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:article-detail")
    web_url = ArticleWebUrlField()
    channel = ChannelSerializer(read_only=True)
    zone = ZoneRefSerializer(read_only=True, allow_null=True)
    region = RegionRefSerializer(read_only=True, allow_null=True)
    source = SourceSerializer(read_only=True, allow_null=True)
    cover = ImageField("cover", "cover_alt")
    tags = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = (
            "id",
            "title",
            "subtitle",
            "summary",
            "language",
            "kind",
            "channel",
            "zone",
            "region",
            "source",
            "published_at",
            "cover",
            "tags",
            "url",
            "web_url",
        )

    def get_tags(self, article) -> list[str]:
        return tag_names(article)


class GalleryImageSerializer(serializers.ModelSerializer):
    image = ImageField("image", "alt_text")

    class Meta:
        model = ArticleImage
        fields = ("image", "caption")


class ArticleDetailSerializer(ArticleSerializer):
    related_zones = ZoneRefSerializer(many=True, read_only=True)
    images = GalleryImageSerializer(many=True, read_only=True)

    class Meta(ArticleSerializer.Meta):
        fields = (
            *ArticleSerializer.Meta.fields,
            "body",
            "cover_credit",
            "source_url",
            "originally_published_on",
            "related_zones",
            "images",
        )


class ProjectSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:project-detail")
    web_url = WebUrlField()
    zone = ZoneRefSerializer(read_only=True)
    industry = IndustrySerializer(read_only=True, allow_null=True)
    investment = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
        help_text="Total investment in millions of `currency`.",
    )
    land_mu = serializers.DecimalField(
        max_digits=10,
        decimal_places=1,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
    )
    tags = serializers.SerializerMethodField()
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = Project
        fields = (
            "id",
            "title",
            "title_en",
            "zone",
            "industry",
            "tags",
            "cooperation",
            "investment",
            "currency",
            "land_mu",
            "floor_space_m2",
            "status",
            "valid_until",
            "is_open",
            "created_at",
            "url",
            "web_url",
        )

    def get_tags(self, project) -> list[str]:
        return tag_names(project)

    def get_is_open(self, project) -> bool:
        """Still takes investors' interest: not expired, seeking or negotiating."""
        return project.is_open()


class ProjectDetailSerializer(ProjectSerializer):
    phone = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = (
            *ProjectSerializer.Meta.fields,
            "description",
            "description_en",
            "contact_name",
            "phone",
            "email",
        )


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = (
            "code",
            "name",
            "name_en",
            "unit",
            "unit_en",
            "category",
            "is_lower_better",
        )


def _number(max_digits, decimal_places):
    return serializers.DecimalField(
        max_digits=max_digits,
        decimal_places=decimal_places,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
    )


class FigureSerializer(serializers.ModelSerializer):
    """A zone figure (facts.Fact) as its profile shows it."""

    url = AbsoluteUrlField("api:figure-detail")
    zone = ZoneRefSerializer(read_only=True)
    indicator = IndicatorSerializer(read_only=True)
    value = _number(16, 4)
    value_high = _number(16, 4)
    is_verified = serializers.SerializerMethodField()

    class Meta:
        model = Fact
        fields = (
            "id",
            "zone",
            "indicator",
            "label",
            "value_text",
            "value",
            "value_high",
            "qualifier",
            "unit",
            "year",
            "as_of",
            "period_text",
            "source_title",
            "source_url",
            "source_publisher",
            "source_date",
            "is_sample",
            "is_verified",
            "url",
        )

    def get_is_verified(self, fact) -> bool:
        """An editor checked it against its source (the profile's badge)."""
        return fact.is_verified


class IncentiveSerializer(serializers.ModelSerializer):
    url = AbsoluteUrlField("api:incentive-detail")
    zone = ZoneRefSerializer(read_only=True, allow_null=True)
    region = RegionRefSerializer(read_only=True, allow_null=True)
    document = serializers.SerializerMethodField()

    class Meta:
        model = Incentive
        fields = (
            "id",
            "title",
            "title_en",
            "kind",
            "zone",
            "region",
            "summary",
            "summary_en",
            "eligibility",
            "amount",
            "issuing_authority",
            "document_number",
            "issued_on",
            "issued_text",
            "valid_from",
            "valid_until",
            "validity_note",
            "status",
            "source_url",
            "source_publisher",
            "document",
            "is_sample",
            "url",
        )

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_document(self, incentive):
        """The issuing authority's PDF, when one was uploaded."""
        if not incentive.document:
            return None
        return absolute(self.context["request"], incentive.document.url)
