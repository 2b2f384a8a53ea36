"""The query parameters of the project list, checked before they reach SQL.

A value that names nothing is dropped with a note (see core.filters); the
other filters still apply.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy

from core.bilingual import in_page_language, is_english_page
from core.filters import ChoiceField, FilterForm, SlugChoiceField, SlugField
from projects.models import Project
from zones.models import Industry, Region, Zone

FILTERS = ("province", "zone", "industry", "cooperation", "status")


class ProjectFilterForm(FilterForm):
    province = SlugField(label=gettext_lazy("province"))
    zone = SlugChoiceField(Zone.objects.published(), label=gettext_lazy("zone"))
    industry = SlugChoiceField(Industry.objects.all(), label=gettext_lazy("industry"))
    cooperation = ChoiceField(
        choices=Project.Cooperation.choices, label=gettext_lazy("kind of cooperation")
    )
    status = ChoiceField(choices=Project.Status.choices, label=gettext_lazy("status"))

    def clean(self):
        data = super().clean()
        slug = data.get("province")
        if slug:
            province = Region.objects.filter(
                slug=slug, level=Region.Level.PROVINCE
            ).first()
            if province is None:
                self.add_error("province", "")
            else:
                data["province"] = province
        return data


class ProjectFilters:
    """The filters of one request to the project list."""

    def __init__(self, params):
        self.form = form = ProjectFilterForm(params)
        self.notes = form.notes
        self.values = {name: form.value(name) for name in FILTERS}

    def apply(self, queryset, skip=None):
        lookups = {
            "province": "zone__province",
            "zone": "zone",
            "industry": "industry",
            "cooperation": "cooperation",
            "status": "status",
        }
        for name, lookup in lookups.items():
            value = self.values[name]
            if value and name != skip:
                queryset = queryset.filter(**{lookup: value})
        return queryset

    def _selected(self, name):
        value = self.values[name]
        if value is None:
            return None
        return getattr(value, "slug", value)

    def facets(self, projects):
        """Counts per value of each filter, each with the other filters
        applied: one query a filter, whatever the page size.

        Options are (value, label, count, is_selected) tuples.
        """
        english = is_english_page()
        facets = {}
        named = {
            "province": (
                "zone__province__slug",
                "zone__province__name",
                "zone__province__name_en",
            ),
            "zone": ("zone__slug", "zone__name", "zone__name_en"),
            "industry": ("industry__slug", "industry__name", "industry__name_en"),
        }
        for name, (slug, chinese, english_name) in named.items():
            rows = (
                self.apply(projects, skip=name)
                .filter(**{f"{slug}__isnull": False})
                .values_list(slug, chinese, english_name)
                .annotate(count=Count("pk"))
                .order_by(slug)
            )
            selected = self._selected(name)
            options = [
                (value, in_page_language(label, label_en, english), count,
                 value == selected)
                for value, label, label_en, count in rows
            ]  # fmt: skip
            if name == "province":
                options = [
                    (value, Region.short_name_of(label, Region.Level.PROVINCE)
                     if not english else label, count, is_selected)
                    for value, label, count, is_selected in options
                ]  # fmt: skip
            facets[name] = sorted(options, key=lambda option: option[1])
        for name, choices in (
            ("cooperation", Project.Cooperation),
            ("status", Project.Status),
        ):
            counts = dict(
                self.apply(projects, skip=name)
                .values_list(name)
                .annotate(count=Count("pk"))
                .order_by(name)
            )
            selected = self._selected(name)
            facets[name] = [
                (value, label, counts[value], value == selected)
                for value, label in choices.choices
                if counts.get(value)
            ]
        return facets
