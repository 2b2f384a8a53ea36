"""Query-string filters, parsed by Django forms.

Anyone can write a query string, so a list page's filters go through a
`FilterForm` before they touch a query. A value that names nothing (an
unknown slug, a month of 13) does not fail the page: the form drops that
filter and `notes` tells the reader why, one sentence per dropped value, in
the order of the form's fields. Slugs must pass one rule (`SLUG`) before any
lookup, so stray bytes (NUL, which PostgreSQL rejects) never reach the
database.
"""

import re
from collections import defaultdict

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The longest slug field (Zone.slug): import_zones cuts an English name at
# 120 characters and may add the province and a counter.
SLUG_MAX_LENGTH = 200
# Django's unicode slug rule: tag and industry slugs keep Chinese characters
# (装备制造); the others are ASCII.
SLUG = re.compile(rf"^[-\w]{{1,{SLUG_MAX_LENGTH}}}\Z")
IGNORED = _("There is no %(filter)s “%(value)s”, so that filter was ignored.")
# The same, where a value that names nothing is refused rather than dropped
# (the API answers 400).
UNKNOWN = _("There is no %(filter)s “%(value)s”.")


class Note(ValidationError):
    """A dropped value whose note is its own message, not the field's.

    `refusal` says the same where the value is refused rather than dropped
    (without "so it was ignored").
    """

    def __init__(self, message, refusal=None):
        super().__init__(message)
        self.refusal = refusal or message


class NoteMixin:
    """`note`: the sentence for a dropped value, with an optional %(value)s;
    by default IGNORED, naming the filter by the field's label."""

    def __init__(self, *args, note=IGNORED, **kwargs):
        super().__init__(*args, **kwargs)
        self.note = note


class SlugChoiceField(NoteMixin, forms.ModelChoiceField):
    """An object of `queryset` named by its slug; other text is not looked up.

    A subclass may name objects by another slug-like field (`key_field`).
    """

    key_field = "slug"

    def __init__(self, queryset, **kwargs):
        super().__init__(
            queryset, to_field_name=self.key_field, required=False, **kwargs
        )

    def to_python(self, value):
        value = (value or "").strip()
        if value and not SLUG.match(value):
            raise ValidationError(self.error_messages["invalid_choice"])
        return super().to_python(value)


class ChoiceField(NoteMixin, forms.ChoiceField):
    """One of `choices`, surrounding spaces ignored."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return super().to_python(value).strip()


class SlugField(NoteMixin, forms.CharField):
    """A slug whose object the form looks up itself (several in one query)."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and not SLUG.match(value):
            raise ValidationError("not a slug")  # never shown: the form notes it
        return value


class DigitsField(NoteMixin, forms.IntegerField):
    """A whole number written in ASCII digits only (no sign, no "2_019")."""

    def __init__(self, max_digits, **kwargs):
        super().__init__(required=False, **kwargs)
        self.digits = re.compile(rf"^[0-9]{{1,{max_digits}}}\Z")

    def to_python(self, value):
        value = (value or "").strip()
        if value and not self.digits.match(value):
            raise ValidationError(self.error_messages["invalid"])
        return super().to_python(value)


class FilterForm(forms.Form):
    """The filters of one list page, cleaned from its query string.

    Every field is optional; its `label` names the filter in the note
    ("There is no province “atlantis” …") unless the field is given a
    `note` of its own. Fields dropped in `clean()` get a `Note` with the
    sentence to show.
    """

    def __init__(self, params):
        super().__init__(params)
        # Field name → sentences on values that were kept but changed (a
        # search cut short).
        self.remarks = defaultdict(list)
        # Filters dropped by a rule (a city outside the chosen province):
        # links from this page leave them out rather than carry them on.
        self.discarded = set()
        self.add_fields()
        self.is_valid()

    def add_fields(self):
        """Add fields known only at run time (the zone directory's
        extensions), before the query string is cleaned."""

    def drop(self, name, message, refusal=None):
        """Drop the filter `name` from cleaned_data, with `message` as its
        note (`refusal`: the sentence where the value is refused instead)."""
        self.add_error(name, Note(message, refusal))
        self.discarded.add(name)

    @property
    def notes(self):
        notes = []
        for name in self.fields:
            notes.extend(self.dropped_notes().get(name, ()))
            notes.extend(self.remarks.get(name, ()))
        return notes

    def dropped_notes(self, refused=False):
        """Parameter name → the sentence on its dropped value, in field order.

        Pages show these as notes. With `refused` the sentences say why the
        value cannot be used, not that it was ignored (a field's own
        `refusal`, else UNKNOWN): the API answers them as a 400 error.
        """
        dropped = {}
        for name, field in self.fields.items():
            errors = self.errors.as_data().get(name)
            if not errors:
                continue
            error = errors[0]
            if isinstance(error, Note):
                dropped[name] = [error.refusal if refused else error.message]
            else:
                value = self.data.get(name, "").strip()
                if refused:
                    note = getattr(field, "refusal", UNKNOWN)
                else:
                    note = getattr(field, "note", IGNORED)
                dropped[name] = [note % {"filter": field.label, "value": value}]
        return dropped

    def url_without(self, request, *names):
        """This page's URL without the filters `names`, the page number and
        the filters this form discarded: the link that removes a filter."""
        query = request.GET.copy()
        for name in (*names, "page", *sorted(self.discarded)):
            query.pop(name, None)
        encoded = query.urlencode()
        return request.path + (f"?{encoded}" if encoded else "")

    def value(self, name, default=None):
        """The cleaned value of a filter, or `default` when absent or dropped."""
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value
