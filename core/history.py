"""Versions, comparison, restore and edit conflicts for admin change forms.

Built on django-reversion: its VersionAdmin keeps a version on every admin
save and restores one through the change form. Comparison is our own small
view over the stored field data, for two reasons: django-reversion-compare
brings a GPL licence and two rendering libraries for one page, and a view of
our own reads objects through the model admin's `get_queryset`, so a zone
administrator can compare only what they may see.

Three things VersionAdmin does not do, and this module adds:

- Stored state: the row as it was when the request arrived, read before
  VersionAdmin reverts anything. Permission checks, the edit-conflict check
  and fields a user may not change are judged against it, so restoring an
  old version cannot smuggle in a change the user could not make by hand.
- Edit conflicts: the form carries the `updated_at` it was loaded with. If
  the row changed since, the save is refused with a message naming who
  changed it and when, and the user's input stays in the form. Saving again
  after that message is a deliberate overwrite.
- Scoped restore: the version must belong to this model and object, and the
  user must be allowed to change the object before anything is reverted.
  Restoring reverts that object and its own followed rows only, never the
  rest of its revision, and comparing shows only them.
- One object per revision: the list page opens no request-wide revision
  (VersionAdmin's does), so a bulk action keeps one revision per object.
"""

import difflib
import json
import re
from collections import defaultdict
from contextlib import contextmanager, nullcontext

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import (
    FieldDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import models, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import _get_options
from reversion.utils import mute_signals

from core.security_headers import NonceMediaAdminMixin

TOKEN_FIELD = "loaded_token"  # noqa: S105 (a form field name)


def token_for(value):
    """The edit-conflict token for a stored `updated_at` value."""
    return value.isoformat() if value is not None else ""


class VersionedAdminForm(forms.ModelForm):
    """A model form that refuses a save made from a stale copy of the row.

    The admin fills in the class attributes per request (see
    VersionHistoryAdmin.get_form).
    """

    loaded_token = forms.CharField(widget=forms.HiddenInput, required=False)

    stored_token = None
    protected_names = ()
    describe_last_change = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.stored_token is not None:
            self.fields[TOKEN_FIELD].initial = self.stored_token

    def clean(self):
        cleaned_data = super().clean()
        self.refuse_protected_fields()
        self.refuse_stale_copy()
        return cleaned_data

    def refuse_protected_fields(self):
        # Read-only fields are not in the form, so Django would silently drop
        # them; a request that names one was not made by our form: say so.
        sent = sorted(name for name in self.protected_names if name in self.data)
        if sent:
            raise ValidationError(
                _("You may not change these fields: %(fields)s.")
                % {"fields": ", ".join(sent)},
                code="protected_field",
            )

    def refuse_stale_copy(self):
        if self.stored_token is None:
            return
        sent = self.data.get(self.add_prefix(TOKEN_FIELD))
        # A form without the token (an API client, an old page) is not
        # checked; every change form we render carries it.
        if not sent or sent == self.stored_token:
            return
        # Re-render with the current token: saving again after reading the
        # message is a conscious overwrite, not a second refusal.
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = self.stored_token
        who, when = self.describe_last_change()
        raise ValidationError(
            _(
                "%(who)s changed this %(object)s at %(when)s, after you opened "
                "it. Your changes have not been saved; they are still in the "
                "form below. Check the history to see what changed, then save "
                "again to replace that version with yours."
            )
            % {
                "who": who,
                "when": when,
                "object": self._meta.model._meta.verbose_name,
            },
            code="stale",
        )


class StoredState:
    """The database row of the object a request works on, as it arrived."""

    def __init__(self, pk, values, related=None):
        self.pk = pk
        self.values = values
        self.related = related or {}

    def __getitem__(self, attname):
        return self.values[attname]

    def get(self, attname, default=None):
        return self.values.get(attname, default)


class VersionHistoryAdmin(NonceMediaAdminMixin, VersionAdmin):
    """VersionAdmin with comparison, stored state, conflicts and scoping.

    The rich-text editors are in these admins' forms; their media get the
    request's Content-Security-Policy nonce (core.security_headers).

    Subclasses set `form` to a VersionedAdminForm subclass and may list
    `protected_fields(request, obj)`: model fields the user may not change,
    put back from the stored state before saving (a restored version may
    have rewritten them). A request that posts any read-only model field is
    refused by the form.
    """

    form = VersionedAdminForm
    object_history_template = "admin/versions/object_history.html"
    change_list_template = "admin/versions/change_list.html"
    revision_form_template = "admin/versions/revision_form.html"
    history_latest_first = True
    lock_field = "updated_at"
    # Fields left out of comparisons: bookkeeping nobody edits.
    compare_exclude = ("created_at", "updated_at")

    # Stored state.

    def remember_stored_state(self, request, object_id):
        try:
            queryset = self.model._default_manager.filter(pk=object_id)
            if request.method == "POST" and not transaction.get_autocommit():
                # Hold the row until this request commits, so two saves
                # cannot both pass the conflict check (a no-op on SQLite).
                queryset = queryset.select_for_update()
            values = queryset.values().first()
        except (ValidationError, ValueError):
            values = None  # not an id: Django answers "no such object"
        request._stored_state = (
            None
            if values is None
            else StoredState(values["id"], values, self.stored_related(values["id"]))
        )

    def stored_related(self, pk):
        """Related data a subclass wants kept as it was (e.g. m2m ids)."""
        return {}

    def stored_state(self, request, obj=None):
        state = getattr(request, "_stored_state", None)
        if state is None or (obj is not None and state.pk != obj.pk):
            return None
        return state

    def protected_fields(self, request, obj=None):
        return ()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        with transaction.atomic():
            self.remember_stored_state(request, unquote(object_id))
            return super().change_view(request, object_id, form_url, extra_context)

    # Forms.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        state = self.stored_state(request, obj) if obj is not None else None
        attrs = {
            "protected_names": tuple(
                name
                for name in self.get_readonly_fields(request, obj)
                if _is_editable_field(self.model, name)
            ),
            "stored_token": (
                token_for(state[self.lock_field]) if state is not None else None
            ),
            "describe_last_change": staticmethod(
                lambda: self.describe_last_change(obj, state)
            ),
        }
        return type(form_class.__name__, (form_class,), attrs)

    def describe_last_change(self, obj, state):
        """(who, when) of the latest change to `obj`, for conflict messages."""
        latest = (
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .order_by("-pk")
            .first()
        )
        user = latest.revision.user if latest else None
        who = (user.get_full_name() or user.get_username()) if user else _("Someone")
        when = timezone.localtime(state[self.lock_field])
        return who, date_format(when, "DATETIME_FORMAT")

    def restore_protected_fields(self, request, obj):
        """Put back the fields the user may not change, as stored."""
        state = self.stored_state(request, obj)
        if state is None:
            return
        for name in self.protected_fields(request, obj):
            attname = self.model._meta.get_field(name).attname
            setattr(obj, attname, state[attname])

    def save_model(self, request, obj, form, change):
        if change:
            self.restore_protected_fields(request, obj)
        with self.revision_of_its_own(request):
            super().save_model(request, obj, form, change)

    @contextmanager
    def revision_of_its_own(self, request):
        """The change form's revision, or a new one for this object alone
        (a save from the list page, where no revision is open)."""
        if reversion.is_active():
            yield
            return
        with reversion.create_revision():
            reversion.set_user(request.user)
            yield

    # The change message each version keeps.

    def log_addition(self, request, obj, message):
        entry = admin.ModelAdmin.log_addition(self, request, obj, message)
        self.comment_from(entry)
        return entry

    def log_change(self, request, obj, message):
        entry = admin.ModelAdmin.log_change(self, request, obj, message)
        self.comment_from(entry)
        return entry

    def comment_from(self, entry):
        """Keep Django's change message as data, not as text.

        VersionAdmin stores it rendered in the saver's language, with the
        fields named by their English labels ("已修改 Title 和 Body。");
        stored as data, `readable_comment` writes it for whoever reads it.
        """
        if reversion.is_active():
            reversion.set_comment(entry.change_message)

    def readable_comment(self, comment):
        """A version's comment in the reader's language."""
        try:
            message = json.loads(comment)
        except ValueError:
            message = None
        if not isinstance(message, list):
            # Our own comments are stored untranslated; older ones (written
            # in someone's language) find no translation and stay as they are.
            return _(comment) if comment else ""
        labels = self.field_labels()
        for part in message:
            changed = part.get("changed") if isinstance(part, dict) else None
            if isinstance(changed, dict) and isinstance(changed.get("fields"), list):
                changed["fields"] = [
                    labels.get(name, name) for name in changed["fields"]
                ]
        return LogEntry(change_message=json.dumps(message)).get_change_message()

    def field_labels(self):
        """{English label Django stores: label in the active language} for
        the fields of this model and of its inlines."""
        models_shown = [self.model, *(inline.model for inline in self.inlines)]
        fields = [
            field
            for model in models_shown
            for field in model._meta.get_fields()
            if hasattr(field, "verbose_name")
        ]
        with translation.override(None):
            stored = [capfirst(str(field.verbose_name)) for field in fields]
        return {
            name: capfirst(str(field.verbose_name))
            for name, field in zip(stored, fields, strict=True)
        }

    # History, comparison, restore.

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        # VersionAdmin's list carries no version ids, which the compare form
        # needs; the object and permission checks stay Django's own.
        opts = self.model._meta
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-pk")
        )
        context = {
            "action_list": [
                {
                    "version": version,
                    "revision": version.revision,
                    "comment": self.readable_comment(version.revision.comment),
                    "url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_"
                        f"{opts.model_name}_revision",
                        args=[quote(version.object_id), version.pk],
                    ),
                }
                for version in versions
            ],
            "compare_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
                args=[quote(unquote(object_id))],
            ),
            **(extra_context or {}),
        }
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if request.method == "POST":
            allowed = self.has_change_permission(request, obj)
        else:
            allowed = self.has_view_or_change_permission(request, obj)
        if not allowed:
            raise PermissionDenied
        # A version of this object only: another model's version with the
        # same object id must not be reverted from here.
        version = (
            Version.objects.get_for_object(obj).filter(pk=_as_int(version_id)).first()
        )
        if version is None:
            raise Http404(_("No such version of this object."))
        opts = self.model._meta
        context = {
            "title": _("Restore a version of %(object)s") % {"object": obj},
            "revert": True,
            "base_change_form": self.base_change_form_template(),
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=[quote(object_id)],
            ),
            **(extra_context or {}),
        }
        with transaction.atomic():
            self.remember_stored_state(request, object_id)
            return self.restore_view(
                request, obj.pk, version, self.revision_form_template, context
            )

    def restore_view(self, request, pk, version, template, context):
        """The change form filled from `version`; saving it restores it.

        Like VersionAdmin's, but it reverts only the object and its own
        followed rows, never the rest of the revision: a revision saved
        before each object had its own may hold other objects (other zones'
        articles), which must not change with this one.
        """
        # Showing the form changes rows only to roll them back: tell no one.
        quiet = (
            mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed)
            if request.method == "GET"
            else nullcontext()
        )
        request.restoring_version = version
        try:
            with transaction.atomic(), quiet:
                self.revert_own(pk, version)
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    response = self.changeform_view(
                        request, quote(str(pk)), request.path, context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        reversion.set_comment(
                            _("Restored the version of %(when)s.")
                            % {"when": _plain(version.revision.date_created)}
                        )
                    elif response.status_code == 200:
                        response.template_name = template
                        response.render()
                        raise _ShownOnly(response)
                    else:
                        raise Http404(_("No such version of this object."))
        except _ShownOnly as shown:
            return shown.response
        return response

    def is_restoring(self, request):
        """Is this save the restore of an old version (see restore_view)?"""
        return getattr(request, "restoring_version", None) is not None

    def revert_own(self, pk, version):
        """Revert the object with this id to `version`, with its followed
        rows (gallery images, parks, tag links) as they were then; rows
        added to it since are deleted. Nothing else in the revision moves."""
        own = [
            other
            for other in version.revision.version_set.exclude(pk=version.pk)
            if _follows(self.model, other, pk)
        ]
        kept = {(other.content_type_id, str(other.object_id)) for other in own}
        current = self.model._default_manager.filter(pk=pk).first()
        if current is not None:
            for name in _followed_names(self.model):
                for row in getattr(current, name).all():
                    content_type = ContentType.objects.get_for_model(row)
                    if (content_type.pk, str(row.pk)) not in kept:
                        row.delete()
        version.revert()
        for other in own:
            other.revert()

    def base_change_form_template(self):
        """The change form template this model's restore page extends."""
        opts = self.model._meta
        candidates = [
            self.change_form_template,
            f"admin/{opts.app_label}/{opts.model_name}/change_form.html",
            f"admin/{opts.app_label}/change_form.html",
            "admin/change_form.html",
        ]
        return select_template([name for name in candidates if name]).template.name

    # Recovering rows that were deleted for good: a platform administrator's
    # job, since nothing scopes the deleted versions to a user's zones.
    def recoverlist_view(self, request, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        version = (
            Version.objects.get_deleted(self.model)
            .filter(pk=_as_int(version_id))
            .first()
        )
        if version is None:
            raise Http404(_("No such version of this object."))
        context = {
            "title": _("Recover %(object)s") % {"object": version.object_repr},
            "recover": True,
            **(extra_context or {}),
        }
        return self.restore_view(
            request,
            version.object_id,
            version,
            self.recover_form_template
            or self._reversion_get_template_list("recover_form.html"),
            context,
        )

    def changelist_view(self, request, extra_context=None):
        context = {
            "can_recover_purged": request.user.is_superuser,
            "has_change_permission": self.has_change_permission(request),
            **(extra_context or {}),
        }
        # Not VersionAdmin's view: it opens one revision around the request,
        # so an action that saves many objects made one revision of them all,
        # and restoring any of them reverted every one. Each save from the
        # list keeps a revision of its own (save_model; actions call code
        # that opens one per object).
        return admin.ModelAdmin.changelist_view(self, request, context)

    def compare_view(self, request, object_id):
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        opts = self.model._meta
        history_url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
            args=[quote(object_id)],
        )
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        chosen = [_as_int(request.GET.get(key)) for key in ("old", "new")]
        found = {v.pk: v for v in versions.filter(pk__in=[c for c in chosen if c])}
        if len(found) != 2:
            messages.warning(
                request, _("Choose two different versions of it to compare.")
            )
            return redirect(history_url)
        older, newer = sorted(found.values(), key=lambda v: v.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "history_url": history_url,
            "older": self.version_summary(request, obj, older),
            "newer": self.version_summary(request, obj, newer),
            "rows": self.compare_rows(older, newer),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/versions/compare.html", context)

    def version_summary(self, request, obj, version):
        opts = self.model._meta
        return {
            "version": version,
            "revision": version.revision,
            "comment": self.readable_comment(version.revision.comment),
            "restore_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=[quote(obj.pk), version.pk],
            ),
        }

    def compare_rows(self, older, newer):
        """(label, before, after) for every field that differs."""
        rows = []
        old_fields, new_fields = older.field_dict, newer.field_dict
        for field in self.model._meta.get_fields():
            if (
                not getattr(field, "concrete", False)
                or field.primary_key
                # Image renditions are bookkeeping for the image field.
                or isinstance(field, models.JSONField)
                or field.name in self.compare_exclude
            ):
                continue
            attname = getattr(field, "attname", field.name)
            if attname not in old_fields and attname not in new_fields:
                continue
            before, after = old_fields.get(attname), new_fields.get(attname)
            if _normalised(before) == _normalised(after):
                continue
            rows.append(
                (field.verbose_name, *self.display_change(field, before, after))
            )
        rows.extend(self.compare_followed(older, newer))
        return rows

    def display_change(self, field, before, after):
        if field.choices:
            labels = dict(field.flatchoices)
            return labels.get(before, before), labels.get(after, after)
        if field.many_to_many:
            return (
                _names(field.related_model, before),
                _names(field.related_model, after),
            )
        if field.many_to_one:
            return (
                _names(field.related_model, [before]),
                _names(field.related_model, [after]),
            )
        if isinstance(field, models.BooleanField):
            return _yes_no(before), _yes_no(after)
        if isinstance(before or "", str) and isinstance(after or "", str):
            return text_diff(before or "", after or "")
        return _plain(before), _plain(after)

    def compare_followed(self, older, newer):
        """Rows for followed objects (gallery images, parks, tag links)."""
        rows = []
        old_related = _related_by_type(self.model, older)
        new_related = _related_by_type(self.model, newer)
        for content_type in {*old_related, *new_related}:
            model = content_type.model_class()
            before = sorted(self.followed_label(v) for v in old_related[content_type])
            after = sorted(self.followed_label(v) for v in new_related[content_type])
            if before != after:
                rows.append(
                    (
                        model._meta.verbose_name_plural,
                        _listing(before),
                        _listing(after),
                    )
                )
        return rows

    def followed_label(self, version):
        return version.object_repr


def _related_by_type(model, version):
    """{content type: versions} of the rows that followed the object of
    `version` in its revision (not other objects saved in the same one)."""
    related = defaultdict(list)
    others = version.revision.version_set.exclude(pk=version.pk)
    for other in others.select_related("content_type"):
        if _follows(model, other, version.object_id):
            related[other.content_type].append(other)
    return related


def _followed_names(model):
    """The relations django-reversion follows for `model` (its `follow`).

    The registration keeps them only in its options, which reversion's own
    admin reads the same way.
    """
    return _get_options(model).follow


def _followed_models(model, pk):
    """The models of the rows that follow the `model` object with this id."""
    instance = model(pk=pk)
    return {getattr(instance, name).model for name in _followed_names(model)}


def _follows(model, version, pk):
    """Is `version` a row that follows the `model` object with this id (a
    gallery image of that article, a tag link to it), judged by the
    foreign key stored in the version?"""
    related_model = version.content_type.model_class()
    if related_model not in _followed_models(model, pk):
        return False
    values = version.field_dict
    meta = related_model._meta
    for field in meta.concrete_fields:
        if (
            field.many_to_one
            and field.related_model is model
            and str(values.get(field.attname)) == str(pk)
        ):
            return True
    type_id = ContentType.objects.get_for_model(model).pk
    for field in meta.private_fields:
        if isinstance(field, GenericForeignKey):
            type_attname = meta.get_field(field.ct_field).attname
            if values.get(type_attname) == type_id and str(
                values.get(field.fk_field)
            ) == str(pk):
                return True
    return False


class _ShownOnly(Exception):
    """Carries the rendered restore form out of the transaction that
    reverted the rows to show it, so they are rolled back."""

    def __init__(self, response):
        super().__init__()
        self.response = response


def _is_editable_field(model, name):
    try:
        return model._meta.get_field(name).editable
    except FieldDoesNotExist:
        return False  # a computed column such as a preview


def _as_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    # Keep ids inside a bigint: larger ones cannot exist and some databases
    # refuse them as parameters.
    return number if 0 < number < 2**63 else None


def _normalised(value):
    if isinstance(value, list):
        return sorted(value)
    if value == "":
        return None
    return value


def _names(model, ids):
    ids = [pk for pk in ids or () if pk is not None]
    if not ids:
        return "—"
    found = {obj.pk: str(obj) for obj in model._base_manager.filter(pk__in=ids)}
    return ", ".join(found.get(pk, _("#%(id)s (deleted)") % {"id": pk}) for pk in ids)


def _yes_no(value):
    return _("yes") if value else _("no")


def _plain(value):
    if value is None or value == "":
        return "—"
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return str(value)


def _listing(items):
    if not items:
        return "—"
    return format_html(
        "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items))
    )


# Words of Latin script stay whole; every other character (a Chinese
# character, a punctuation mark) is its own token, so a one-character edit
# in a Chinese sentence marks one character, not the sentence.
_TOKEN = re.compile(r"[A-Za-z0-9_]+|\s+|.", re.DOTALL)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr|table|ul|ol)>|<br\s*/?>", re.I)


def _readable(text):
    """Plain text of a field; HTML blocks become lines."""
    if "<" in text and ">" in text:
        text = strip_tags(_BLOCK_END.sub("\n", text))
    return text.strip()


def text_diff(before, after):
    """Return (before, after) as HTML with removed and added text marked."""
    old_tokens = _TOKEN.findall(_readable(before))
    new_tokens = _TOKEN.findall(_readable(after))
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    old_parts, new_parts = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])
        if tag == "equal":
            old_parts.append(format_html("{}", removed))
            new_parts.append(format_html("{}", added))
            continue
        if removed:
            old_parts.append(format_html("<del>{}</del>", removed))
        if added:
            new_parts.append(format_html("<ins>{}</ins>", added))
    empty = format_html("{}", "—")
    return (
        format_html_join("", "{}", ((p,) for p in old_parts)) or empty,
        format_html_join("", "{}", ((p,) for p in new_parts)) or empty,
    )
