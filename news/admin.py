from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as confirm_and_delete
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core import roles
from core.admin import GalleryImageInline
from core.history import VersionedAdminForm, VersionHistoryAdmin
from core.images import rendition_preview
from core.sanitize import SanitizeNoticeMixin
from core.uploads import KEEP_UPLOADS
from news import emails, workflow
from news.models import Article, ArticleImage, Channel, Source
from zones.models import Region, Zone

Status = Article.Status


# Editors paste addresses without a scheme; today's sites are https.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}
# URLs assumed https, and chosen pictures kept when the form has errors.
ARTICLE_FIELDS = {**URL_FIELDS_ASSUME_HTTPS, **KEEP_UPLOADS}


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


class RecycleBinFilter(admin.SimpleListFilter):
    """Hide deleted articles unless the recycle bin is asked for."""

    title = _("recycle bin")
    parameter_name = "bin"

    def lookups(self, request, model_admin):
        return [("1", _("In the recycle bin"))]

    def choices(self, changelist):
        # The unfiltered choice is "not deleted", not "all": say so.
        yield {
            "selected": self.value() != "1",
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Not deleted"),
        }
        yield {
            "selected": self.value() == "1",
            "query_string": changelist.get_query_string({self.parameter_name: "1"}),
            "display": _("In the recycle bin"),
        }

    def queryset(self, request, queryset):
        return queryset.filter(deleted_at__isnull=self.value() != "1")


REVIEW_QUEUE = "review"
SENT_BACK = "sent-back"


class ReviewFilter(admin.SimpleListFilter):
    """The review queue (oldest submission first) and articles sent back."""

    title = _("review")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            (REVIEW_QUEUE, _("Awaiting review, oldest first")),
            (SENT_BACK, _("Sent back with a comment")),
        ]

    def queryset(self, request, queryset):
        if self.value() == REVIEW_QUEUE:
            return queryset.filter(status=Status.SUBMITTED)
        if self.value() == SENT_BACK:
            return queryset.filter(status=Status.DRAFT).exclude(review_comment="")
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


class ArticleImageInline(GalleryImageInline):
    model = ArticleImage
    formset = ArticleImageFormSet


# Extra submit buttons on the article form and the status each leads to.
SUBMIT_FOR_REVIEW = "_submit_for_review"
PUBLISH = "_publish"
SEND_BACK = "_send_back"
RESTORE = "_restore"
WORKFLOW_TARGETS = {
    SUBMIT_FOR_REVIEW: Status.SUBMITTED,
    PUBLISH: Status.PUBLISHED,
    SEND_BACK: Status.DRAFT,
}


class ArticleAdminForm(VersionedAdminForm):
    """Checks the review workflow and the zone rules on every save.

    The form is the one place where both a normal save and a crafted POST
    arrive, so the rules live here, not only in what the page offers.
    """

    admin_user = None  # set per request by ArticleAdmin.get_form

    def clean(self):
        cleaned_data = super().clean()
        user = self.admin_user
        action = next((name for name in WORKFLOW_TARGETS if name in self.data), None)
        if action and "status" in self.fields:
            cleaned_data["status"] = WORKFLOW_TARGETS[action]
        if "zone" in self.fields and "zone" not in cleaned_data:
            return cleaned_data  # the zone field has its own error already
        zone = cleaned_data.get("zone") if "zone" in self.fields else None
        zone_id = zone.pk if zone else self.instance.zone_id
        if "zone" in self.fields and zone is None and roles.is_zone_scoped(user):
            self.add_error(
                "zone",
                ValidationError(
                    _("Choose one of your zones as publishing zone."),
                    code="zone_required",
                ),
            )
            return cleaned_data
        status = cleaned_data.get("status", self.instance.status)
        if status == Status.PUBLISHED and not roles.can_publish(user, zone_id):
            raise ValidationError(
                _(
                    "You may not publish this article: an editor reviews this "
                    "zone's articles first. Submit it for review instead."
                ),
                code="publish_not_allowed",
            )
        if action == SEND_BACK:
            if not roles.can_publish(user, zone_id):
                raise ValidationError(
                    _("Only a reviewer can send an article back."),
                    code="review_not_allowed",
                )
            if not (cleaned_data.get("review_comment") or "").strip():
                self.add_error(
                    "review_comment",
                    ValidationError(
                        _("Tell the author what to change before sending it back."),
                        code="comment_required",
                    ),
                )
        return cleaned_data


@admin.register(Article)
class ArticleAdmin(SanitizeNoticeMixin, VersionHistoryAdmin):
    """Articles, scoped per role (see core.roles), with the review workflow.

    Deleting moves an article to the recycle bin (deleted_at); restoring
    takes it out again. Only a superuser purges, and only from the bin.
    """

    form = ArticleAdminForm
    sanitized_fields = ("body",)
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
        RecycleBinFilter,
        ReviewFilter,
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
    readonly_fields = (
        "cover_preview",
        "author",
        "review_record",
        "created_at",
        "updated_at",
    )
    inlines = (ArticleImageInline,)
    formfield_overrides = ARTICLE_FIELDS
    actions = (
        "publish_now",
        "unpublish",
        "feature",
        "unfeature",
        "move_to_bin",
        "restore_from_bin",
        "delete_selected",
    )
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
            {
                "fields": (
                    "status",
                    "published_at",
                    "is_featured",
                    "review_comment",
                    "review_record",
                )
            },
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

    # Who sees and changes what.

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if roles.is_zone_scoped(request.user):
            # A subquery, so the list costs the same however many zones.
            queryset = queryset.filter(
                zone_id__in=roles.administered_zone_ids(request.user)
            )
        return queryset

    def get_ordering(self, request):
        if request.GET.get(ReviewFilter.parameter_name) == REVIEW_QUEUE:
            return ("submitted_at", "pk")
        return super().get_ordering(request)

    def _zone_and_status(self, request, obj):
        # Judge by the row as the request found it: restoring a version
        # rewrites the object before Django asks for permission.
        state = self.stored_state(request, obj)
        if state is not None:
            return state["zone_id"], state["status"]
        return obj.zone_id, obj.status

    def can_edit(self, request, obj):
        zone_id, status = self._zone_and_status(request, obj)
        return workflow.may_edit(request.user, status, zone_id)

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        if obj is None:
            return True
        zone_id, _status = self._zone_and_status(request, obj)
        return roles.can_access_zone(request.user, zone_id)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or self.can_edit(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None:
            return True
        if obj.deleted_at is not None:
            return workflow.may_purge(request.user)  # deleting from the bin
        return self.can_edit(request, obj)

    def has_purge_permission(self, request):
        return workflow.may_purge(request.user)

    def has_publish_permission(self, request):
        return self.has_change_permission(request) and roles.can_publish_anywhere(
            request.user
        )

    def has_feature_permission(self, request):
        return self.has_change_permission(request) and request.user.has_perm(
            "news.publish_article"
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        user = request.user
        if not user.has_perm("news.publish_article"):
            fields.append("is_featured")  # the home page is the editors'
        if not roles.can_publish_anywhere(user):
            fields.append("review_comment")
        if roles.is_zone_scoped(user):
            fields.append("region")  # follows the publishing zone
        return fields

    def protected_fields(self, request, obj=None):
        readonly = set(self.get_readonly_fields(request, obj))
        return [
            name
            for name in ("is_featured", "review_comment", "region")
            if name in readonly
        ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "zone" and roles.is_zone_scoped(request.user):
            kwargs["queryset"] = Zone.objects.filter(
                pk__in=roles.administered_zone_ids(request.user)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not roles.can_publish_anywhere(request.user):
            kwargs["choices"] = [
                (Status.DRAFT, Status.DRAFT.label),
                (Status.SUBMITTED, Status.SUBMITTED.label),
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        form_class.admin_user = request.user
        return form_class

    # The change form.

    @admin.display(description=_("cover preview"))
    def cover_preview(self, obj):
        return rendition_preview(obj, "cover")

    @admin.display(description=_("review"))
    def review_record(self, obj):
        parts = []
        if obj.submitted_at:
            parts.append(
                gettext("submitted %(when)s") % {"when": _when(obj.submitted_at)}
            )
        if obj.reviewed_at:
            reviewer = obj.reviewed_by or gettext("a former user")
            parts.append(
                gettext("reviewed %(when)s by %(who)s")
                % {"when": _when(obj.reviewed_at), "who": reviewer}
            )
        return "; ".join(parts) or "—"

    @admin.display(boolean=True, description=_("readers see it"))
    def is_visible(self, obj):
        return obj.is_published()

    def view_on_site(self, obj):
        # Drafts and scheduled articles have no public page yet.
        return obj.get_view_url()

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context.update(
            workflow_buttons=self.workflow_buttons(request, obj),
            review_notice=self.review_notice(obj),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_buttons(self, request, obj):
        user = request.user
        if obj is None:
            if not self.has_add_permission(request):
                return []
            may_publish = roles.can_publish_anywhere(user)
            status = Status.DRAFT
        else:
            if not self.has_change_permission(request, obj):
                return []
            may_publish = roles.can_publish(user, obj.zone_id)
            status = obj.status
        buttons = []
        if obj is not None and obj.deleted_at is not None:
            buttons.append((RESTORE, _("Save and restore from the recycle bin")))
        if status == Status.DRAFT and not may_publish:
            buttons.append((SUBMIT_FOR_REVIEW, _("Submit for review")))
        if status != Status.PUBLISHED and may_publish:
            buttons.append((PUBLISH, _("Publish")))
        if status == Status.SUBMITTED and may_publish:
            buttons.append((SEND_BACK, _("Send back to the author")))
        return buttons

    def review_notice(self, obj):
        """What the author (and anyone else) should know about the review."""
        if obj is None:
            return None
        if obj.deleted_at is not None:
            return gettext(
                "This article is in the recycle bin since %(when)s: readers "
                "cannot see it. It can be restored."
            ) % {"when": _when(obj.deleted_at)}
        if obj.status == Status.SUBMITTED:
            waiting = gettext(
                "An editor will publish it or send it back with a comment."
            )
            if obj.submitted_at is None:
                return gettext("Submitted for review.") + " " + waiting
            return (
                gettext("Submitted for review %(when)s.")
                % {"when": _when(obj.submitted_at)}
                + " "
                + waiting
            )
        if obj.status == Status.DRAFT and obj.review_comment:
            values = {
                "who": obj.reviewed_by or gettext("a reviewer"),
                "comment": obj.review_comment,
            }
            if obj.reviewed_at is None:
                return gettext("Sent back by %(who)s: “%(comment)s”") % values
            values["when"] = _when(obj.reviewed_at)
            return gettext("Sent back by %(who)s %(when)s: “%(comment)s”") % values
        return None

    # Saving: the form's button or status choice is a workflow transition.

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        if "published_at" in form.changed_data:
            obj.is_publish_time_chosen = True
        self.restore_protected_fields(request, obj)
        state = self.stored_state(request, obj) if change else None
        before = state["status"] if state is not None else Status.DRAFT
        # The form has put the chosen status on the object; the workflow
        # moves it there from the stored one.
        target, obj.status = obj.status, before
        user = request.user
        base_url = request.build_absolute_uri("/")
        if RESTORE in request.POST and obj.deleted_at is not None:
            workflow.restore(obj, user)
        if target == before:
            obj.save()
        elif target == Status.SUBMITTED:
            workflow.submit(obj, user)
            self.message_user(
                request,
                gettext(
                    "“%(title)s” is waiting for review. You will see the outcome "
                    "here, and by email if your account has an address."
                )
                % {"title": obj},
            )
        elif target == Status.PUBLISHED:
            # The gallery is saved after the article; the form checked that
            # picture news has an image.
            done = workflow.publish(
                obj,
                user,
                # Restoring a version keeps the time it had.
                at=obj.published_at if self.is_restoring(request) else None,
                base_url=base_url,
                images_checked=True,
            )
            self.tell_about_notice(request, done)
        elif before == Status.PUBLISHED:
            workflow.unpublish(obj, user)
        elif roles.can_publish(user, obj.zone_id):
            done = workflow.send_back(obj, user, obj.review_comment, base_url=base_url)
            self.tell_about_notice(request, done)
        else:
            workflow.withdraw(obj, user)
        # The transitions save the article themselves, so the mixin's
        # save_model is not reached: report what the sanitizer removed here.
        self.report_sanitized(request, obj, form)

    def tell_about_notice(self, request, done):
        """Say whether the author hears of the review by email."""
        if done.author_notice is None:
            return
        author = done.article.author.get_username()
        if done.author_notice == emails.NO_ADDRESS:
            self.message_user(
                request,
                gettext("%(author)s has no email address: tell them yourself.")
                % {"author": author},
                messages.WARNING,
            )
        else:
            self.message_user(
                request, gettext("%(author)s is told by email.") % {"author": author}
            )

    # Deleting is moving to the recycle bin.

    def delete_model(self, request, obj):
        if obj.deleted_at is None:
            workflow.move_to_bin(obj, request.user)
        else:
            workflow.purge([obj], request.user)

    def delete_queryset(self, request, queryset):
        # Django's confirmation page for the purge action ends here.
        for article in queryset.filter(deleted_at__isnull=True):
            workflow.move_to_bin(article, request.user)
        if workflow.may_purge(request.user):
            workflow.purge(queryset.filter(deleted_at__isnull=False), request.user)

    def get_deleted_objects(self, objs, request):
        if all(obj.deleted_at is None for obj in objs):
            # Nothing is removed: the related rows stay with the article.
            return (
                [str(obj) for obj in objs],
                {Article._meta.verbose_name_plural: len(objs)},
                set(),
                [],
            )
        return super().get_deleted_objects(objs, request)

    def response_delete(self, request, obj_display, obj_id):
        if Article.objects.filter(pk=obj_id, deleted_at__isnull=False).exists():
            self.message_user(
                request,
                gettext(
                    "“%(title)s” is in the recycle bin. Choose “In the recycle bin” "
                    "in the list's filter to find and restore it."
                )
                % {"title": obj_display},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:news_article_changelist"))
        return super().response_delete(request, obj_display, obj_id)

    # Actions. Each article is one call to the workflow, which checks it on
    # its own: a list may mix articles the user may and may not touch.

    def _act(self, request, queryset, transition):
        done, skipped = [], 0
        for article in queryset:
            try:
                done.append(transition(article))
            except workflow.NotAllowed:
                skipped += 1
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d article was left as it was: you may not do this "
                    "to it, or it is not in a state where this applies.",
                    "%(count)d articles were left as they were: you may not do "
                    "this to them, or they are not in a state where this applies.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )
        return done

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        ready, imageless = workflow.publishable(queryset)
        base_url = request.build_absolute_uri("/")
        done = self._act(
            request,
            ready,
            lambda article: workflow.publish(article, request.user, base_url=base_url),
        )
        for result in done:
            self.tell_about_notice(request, result)
        count = len(done)
        self.message_user(
            request,
            ngettext(
                "%(count)d article published.",
                "%(count)d articles published.",
                count,
            )
            % {"count": count},
        )
        if imageless:
            self.message_user(
                request,
                ngettext(
                    "%(count)d picture article was left unpublished: it has no image.",
                    "%(count)d picture articles were left unpublished: "
                    "they have no image.",
                    len(imageless),
                )
                % {"count": len(imageless)},
                level=messages.WARNING,
            )

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        count = len(
            self._act(
                request,
                queryset,
                lambda article: workflow.unpublish(article, request.user),
            )
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article unpublished.",
                "%(count)d articles unpublished.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Feature on the home page"), permissions=["feature"])
    def feature(self, request, queryset):
        count = self._set_featured(request, queryset, True)
        self.message_user(
            request,
            ngettext(
                "%(count)d article featured.", "%(count)d articles featured.", count
            )
            % {"count": count},
        )

    @admin.action(description=_("Stop featuring"), permissions=["feature"])
    def unfeature(self, request, queryset):
        count = self._set_featured(request, queryset, False)
        self.message_user(
            request,
            ngettext(
                "%(count)d article no longer featured.",
                "%(count)d articles no longer featured.",
                count,
            )
            % {"count": count},
        )

    def _set_featured(self, request, queryset, value):
        return len(
            self._act(
                request,
                queryset,
                lambda article: workflow.set_featured(article, request.user, value),
            )
        )

    @admin.action(description=_("Move to the recycle bin"), permissions=["delete"])
    def move_to_bin(self, request, queryset):
        count = len(
            self._act(
                request,
                queryset,
                lambda article: workflow.move_to_bin(article, request.user),
            )
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article moved to the recycle bin.",
                "%(count)d articles moved to the recycle bin.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Restore from the recycle bin"), permissions=["change"])
    def restore_from_bin(self, request, queryset):
        count = len(
            self._act(
                request,
                queryset,
                lambda article: workflow.restore(article, request.user),
            )
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d article restored.", "%(count)d articles restored.", count
            )
            % {"count": count},
        )

    @admin.action(
        description=_("Purge from the recycle bin (for ever)"), permissions=["purge"]
    )
    def delete_selected(self, request, queryset):
        # Named like Django's action so its confirmation page posts back here.
        binned = queryset.filter(deleted_at__isnull=False)
        if not binned.exists():
            self.message_user(
                request,
                gettext("Only articles in the recycle bin can be purged."),
                messages.WARNING,
            )
            return None
        return confirm_and_delete(self, request, binned)


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
