"""The API's query parameters: the public pages' filter forms, made strict.

Pages drop a filter value that names nothing and say so in a note
(core.filters); the API answers such a request 400 with the same sentence
under the parameter's name, so a client never mistakes an ignored filter
for an empty or complete result. The OpenAPI parameters are read off the
same forms, so the schema cannot drift from what is checked.
"""

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from core.filters import (
    SLUG_MAX_LENGTH,
    ChoiceField,
    DigitsField,
    FilterForm,
    SlugChoiceField,
    SlugField,
)
from facts.models import Incentive, Indicator
from news.models import Article
from zones.models import Region, Zone


def check(*forms_):
    """Raise a 400 naming each parameter one of `forms_` dropped."""
    errors = {}
    for form in forms_:
        errors.update(form.dropped_notes(refused=True))
    if errors:
        raise ValidationError(errors)


def parameters(form_class, descriptions=None, exclude=(), extra_fields=None):
    """OpenAPI query parameters for the fields of `form_class`, and for
    `extra_fields` ({name: field}) that it adds at run time."""
    descriptions = descriptions or {}
    result = []
    fields = {**form_class.base_fields, **(extra_fields or {})}
    for name, field in fields.items():
        if name in exclude:
            continue
        result.append(
            OpenApiParameter(
                name,
                _schema(field),
                OpenApiParameter.QUERY,
                description=descriptions.get(name, ""),
            )
        )
    return result


def _schema(field):
    if isinstance(field, BooleanChoiceField):
        return {"type": "boolean"}
    if isinstance(field, DigitsField):
        schema = {"type": "integer"}
        for validator in field.validators:
            code = getattr(validator, "code", "")
            if code == "min_value":
                schema["minimum"] = validator.limit_value
            elif code == "max_value":
                schema["maximum"] = validator.limit_value
        return schema
    if isinstance(field, ChoiceField):
        return {"type": "string", "enum": [value for value, _label in field.choices]}
    if isinstance(field, SlugChoiceField | SlugField):
        # No pattern: tag and industry slugs keep Chinese characters, which
        # \w in the ECMA-262 patterns of OpenAPI does not match.
        return {"type": "string", "maxLength": SLUG_MAX_LENGTH}
    return {"type": "string"}


class BooleanChoiceField(ChoiceField):
    """true/false (or 1/0), as OpenAPI writes a boolean in a query."""

    refusal = gettext_lazy("Write true or false, not “%(value)s”.")

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("true", "true"), ("false", "false"), ("1", "1"), ("0", "0")],
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        return None if value == "" else value in ("true", "1")


class CodeChoiceField(SlugChoiceField):
    """An object named by its `code` (indicators), checked like a slug."""

    key_field = "code"


class LanguageForm(FilterForm):
    """The articles' language (the site lists each on its own pages)."""

    language = ChoiceField(
        choices=Article.Language.choices, label=gettext_lazy("language")
    )


class RegionFilterForm(FilterForm):
    level = ChoiceField(choices=Region.Level.choices, label=gettext_lazy("level"))
    parent = SlugChoiceField(Region.objects.all(), label=gettext_lazy("parent region"))


class FigureFilterForm(FilterForm):
    zone = SlugChoiceField(Zone.objects.published(), label=gettext_lazy("zone"))
    indicator = CodeChoiceField(
        Indicator.objects.all(), label=gettext_lazy("indicator")
    )
    category = ChoiceField(
        choices=Indicator.Category.choices, label=gettext_lazy("category")
    )
    year = DigitsField(4, min_value=1949, max_value=2100, label=gettext_lazy("year"))


class IncentiveFilterForm(FilterForm):
    zone = SlugChoiceField(Zone.objects.published(), label=gettext_lazy("zone"))
    region = SlugChoiceField(Region.objects.all(), label=gettext_lazy("region"))
    kind = ChoiceField(choices=Incentive.Kind.choices, label=gettext_lazy("kind"))
    status = ChoiceField(choices=Incentive.Status.choices, label=gettext_lazy("status"))
    expired = BooleanChoiceField(label=gettext_lazy("expired"))
