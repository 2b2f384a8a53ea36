"""What the apps standing on zones add to the zones' pages.

zones imports none of the apps above it (pyproject.toml, the floors), yet
the directory filters by facts and the compare page shows how fast zones
answer inquiries. The apps register here in their AppConfig.ready(), as they
register with core's page cache and roles, and the pages ask what is
registered:

- `register_directory_extension(factory)`: filters, sort orders and card
  lines for the zone directory (facts: "has figures", incentive kind, sort
  by a key figure). The factory is called once per request, so an extension
  may keep what it read for that request on itself.
- `register_compare_rows(provider)`: rows for the compare page, which is
  built by facts and must not import inquiries either. `provider(zones)`
  returns `CompareRow`s with one `CompareFigure` per zone, in the zones'
  order, in a number of queries that does not grow with the zones.
"""

from dataclasses import dataclass, field

_directory_extensions = []
_compare_row_providers = []


class DirectoryExtension:
    """Filters, sort orders and card lines an app adds to the zone directory.

    Instances live for one request. The directory calls, in order:
    `fields()` and `sorts()` while building its filter form, `bind(form)`
    once the form is cleaned, `apply()` wherever it filters (facet counts
    included), `order()` for a sort this extension offered, `facets()`,
    `active()`, and `prepare_cards()` with the zones of the page.
    """

    def fields(self):
        """Form fields for the query parameters it reads: {name: field}."""
        return {}

    def sorts(self):
        """Extra sort orders: [(value, label)]."""
        return []

    def bind(self, form):
        """Read the cleaned values of its fields from the directory's form."""

    def apply(self, queryset, skip=()):
        """Filter zones by its parameters, except those named in `skip`."""
        return queryset

    def order(self, queryset, sort):
        """`queryset` ordered by `sort`, one of the values of `sorts()`."""
        raise NotImplementedError

    def facets(self, filters, zones):
        """Selects for the filter form: dicts with name, label, all_label and
        options (value, label, count, is_selected), counted like the
        directory's own filters with `filters.apply(zones, skip=...)`."""
        return []

    def active(self):
        """Its filters in use, as (parameter, label) pairs."""
        return []

    def prepare_cards(self, zones):
        """Add HTML fragments to each zone's `card_extras` list."""


def register_directory_extension(factory):
    if factory not in _directory_extensions:
        _directory_extensions.append(factory)


def directory_extensions():
    """A fresh instance of each registered extension, for one request."""
    return [factory() for factory in _directory_extensions]


@dataclass
class CompareFigure:
    """One zone's value in a compare row. `period` says when it was true,
    `source` where it comes from, `note` what it rests on."""

    text: str
    unit: str = ""
    period: str = ""
    source: str = ""
    note: str = ""
    is_missing: bool = False


@dataclass
class CompareRow:
    section: str  # a title for the group of rows it heads, in the page language
    label: str
    figures: list = field(default_factory=list)


def register_compare_rows(provider):
    if provider not in _compare_row_providers:
        _compare_row_providers.append(provider)


def compare_rows(zones):
    """The registered providers' rows for `zones`, in registration order."""
    rows = []
    for provider in _compare_row_providers:
        rows.extend(provider(zones))
    return rows
