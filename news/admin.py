from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.images import pick
from news.models import Article, ArticleImage, Channel, Source
from zones.models import Region


def _rendition_preview(obj, field_name, width=240):
    """A small <img> of an image field from its stored renditions."""
    if not getattr(obj, field_name, None):
        return "—"
    chosen = pick(obj.renditions_of(field_name), width)
    if chosen is None:
        return format_html(
            '<img src="{}" alt="" style="max-width:{}px;height:auto">',
            getattr(obj, field_name).url,
            width,
        )
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="">',
        chosen["url"],
        chosen["width"],
        chosen["height"],
    )


# Editors paste addresses without a scheme; today's sites are https.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ("name", "name_en", "website")
    search_fields = ("name", "name_en")


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "slug", "position")
    list_editable = ("position",)
    ordering = ("position", "name")
    search_fields = ("name", "name_en")
    # Channel names are Chinese, which slugify empties: the English name
    # makes the slug.
    prepopulated_fields = {"slug": ("name_en",)}


class ZoneProvinceFilter(admin.SimpleListFilter):
    title = _("zone's province")
    parameter_name = "zone_province"

    def lookups(self, request, model_admin):
        provinces = Region.objects.filter(level=Region.Level.PROVINCE).only("name")
        return [(str(province.pk), province.name) for province in provinces]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isascii() and value.isdigit():
            return queryset.filter(zone__province_id=int(value))
        return queryset


class ArticleImageFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        article = self.instance
        if article.kind != Article.Kind.PICTURE or article.cover:
            return
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("image")
            and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(
                _(
                    "Picture news needs at least one image: upload a cover image "
                    "or add a gallery image here."
                ),
                code="picture_news_without_image",
            )


class ArticleImageInline(admin.TabularInline):
    model = ArticleImage
    formset = ArticleImageFormSet
    fields = ("image", "preview", "alt_text", "caption", "position")
    readonly_fields = ("preview",)
    ordering = ("position", "id")
    extra = 1

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return _rendition_preview(obj, "image", width=96)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "channel",
        "kind",
        "zone",
        "source",
        "published_at",
        "status",
        "is_visible",
        "is_featured",
    )
    list_filter = (
        "status",
        "channel",
        "kind",
        ZoneProvinceFilter,
        "is_featured",
        "language",
    )
    list_select_related = ("channel", "zone", "source")
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("zone", "related_zones", "region", "source")
    readonly_fields = ("cover_preview", "author", "created_at", "updated_at")
    inlines = (ArticleImageInline,)
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    actions = ("publish_now", "unpublish", "feature", "unfeature")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "subtitle",
                    ("channel", "kind", "language"),
                    "body",
                    "summary",
                    "tags",
                )
            },
        ),
        (
            _("Publishing"),
            {"fields": ("status", "published_at", "is_featured", "review_comment")},
        ),
        (_("Zones and region"), {"fields": ("zone", "related_zones", "region")}),
        (_("Source"), {"fields": ("source", "source_url", "originally_published_on")}),
        (
            _("Cover image"),
            {"fields": ("cover", "cover_preview", "cover_alt", "cover_credit")},
        ),
        (
            _("Record"),
            {
                "classes": ("collapse",),
                "fields": ("author", "created_at", "updated_at"),
            },
        ),
    )

    @admin.display(description=_("cover preview"))
    def cover_preview(self, obj):
        return _rendition_preview(obj, "cover")

    @admin.display(boolean=True, description=_("readers see it"))
    def is_visible(self, obj):
        return obj.is_published()

    def view_on_site(self, obj):
        # Drafts and scheduled articles have no public page yet.
        return obj.get_view_url()

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish now"), permissions=["change"])
    def publish_now(self, request, queryset):
        has_gallery = ArticleImage.objects.filter(article=OuterRef("pk"))
        imageless = queryset.filter(kind=Article.Kind.PICTURE, cover="").exclude(
            Exists(has_gallery)
        )
        skipped = imageless.count()
        now = timezone.now()
        count = (
            queryset.filter(deleted_at__isnull=True)
            .exclude(pk__in=imageless.values("pk"))
            .update(status=Article.Status.PUBLISHED, published_at=now, updated_at=now)
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article published.",
                "%(count)d articles published.",
                count,
            )
            % {"count": count},
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d picture article was left unpublished: it has no image.",
                    "%(count)d picture articles were left unpublished: "
                    "they have no image.",
                    skipped,
                )
                % {"count": skipped},
                level=messages.WARNING,
            )

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d article unpublished.",
                "%(count)d articles unpublished.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Feature on the home page"), permissions=["change"])
    def feature(self, request, queryset):
        count = queryset.update(is_featured=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d article featured.", "%(count)d articles featured.", count
            )
            % {"count": count},
        )

    @admin.action(description=_("Stop featuring"), permissions=["change"])
    def unfeature(self, request, queryset):
        count = queryset.update(is_featured=False, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d article no longer featured.",
                "%(count)d articles no longer featured.",
                count,
            )
            % {"count": count},
        )
