"""Reading zone-fact CSV files into facts and incentives.

Four layouts are understood, told apart by their header row:

- figures in long format: one value a row, with `indicator` (an indicator's
  code, name or published name) or `item` (a cost-sheet line), `value`,
  `unit`, `period` or `as_of`, and the source (`source_title`,
  `source_url`; optionally `source_publisher`, `source_date`,
  `source_quality`, `qualifier`, `note`). The zone is `zone` (catalogue
  code or slug) or `catalogue_code`;
- MOFCOM evaluation ranks (`year_of_evaluation`, `rank`, `list`, ...);
- incentives (`area`, `title`, `issuing_authority`, `document_number`, ...).

The files in data/zone-facts/ use these layouts (see its SOURCE.md). Each
row is parsed into a plan first; `apply` then creates or updates by a
natural key, so importing a file twice changes nothing the second time.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils import timezone

from facts.models import Fact, Incentive, Indicator
from zones.models import Region, Zone

FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})(?!\d)")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
RANGE_OF_YEARS = re.compile(r"(\d{4})\s*[—–-]\s*(\d{4})")

# The cost sheets' own categories, for lines that fit no indicator.
CATCH_ALL_BY_CATEGORY = {
    "土地": "other-land-utilities",
    "水": "other-land-utilities",
    "污水": "other-land-utilities",
    "电": "other-land-utilities",
    "天然气": "other-land-utilities",
    "蒸汽": "other-land-utilities",
    "人工": "other-labour",
    "社保": "other-labour",
}
CURRENT_EVALUATION = "国家级经济技术开发区综合发展水平考核评价"
OVERALL_LIST = "综合排名"
# How a row's `level` says where an incentive applies: a zone's own policy
# stays with the zone, a city's or province's shows on every zone there.
REGION_LEVELS = {"district", "city", "county-level city", "province"}


class RowError(Exception):
    pass


def parse_date(text):
    """The last full date in `text` ("2025-05-13 (page update date)")."""
    found = FULL_DATE.findall(text or "")
    if not found:
        return None
    year, month, day = (int(part) for part in found[-1])
    try:
        return date(year, month, day)
    except ValueError:
        raise RowError(f"not a date: {text!r}") from None


def parse_period(text):
    """Return (year, as_of) for a published period.

    "2023" is a year; "as of report date 2025-01-08" an as-of date;
    "2018-07" and "2006-01 to 2006-10" the first day of their (last) month;
    "截至2010年" the year 2010; "not stated" neither.
    """
    text = (text or "").strip()
    if text.startswith("not stated"):
        return None, None
    as_of = parse_date(text)
    if as_of:
        return None, as_of
    months = YEAR_MONTH.findall(text)
    if months:
        year, month = (int(part) for part in months[-1])
        if 1 <= month <= 12:
            return None, date(year, month, 1)
    years = YEAR.findall(text)
    if years:
        return int(years[-1]), None
    return None, None


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)


class FactFileReader:
    """Parse one CSV file into planned rows, collecting line-numbered errors."""

    def __init__(self, path):
        self.path = path
        self.errors = []
        self.skipped = []
        self.zones_by_code = {}
        self.indicators = {}

    # -- lookups ---------------------------------------------------------

    def load_lookups(self):
        for indicator in Indicator.objects.all():
            for name in (indicator.code, indicator.name, *indicator.alias_list()):
                self.indicators.setdefault(name, indicator)
        self.catch_all = {
            indicator.code: indicator
            for indicator in Indicator.objects.filter(is_catch_all=True)
        }

    def zone_for(self, key):
        if key not in self.zones_by_code:
            zones = list(Zone.objects.filter(Q(code=key) | Q(slug=key))[:2])
            if not zones:
                raise RowError(f"no zone with the catalogue code or slug {key!r}")
            if len(zones) > 1:
                raise RowError(f"the catalogue code {key!r} names several zones")
            self.zones_by_code[key] = zones[0]
        return self.zones_by_code[key]

    def region_for(self, area):
        """The region an area name denotes: 杭州市, or 上海市闵行区."""
        candidates = list(
            Region.objects.filter(
                name__in=[area[start:] for start in range(len(area))]
            ).select_related("parent__parent")
        )
        for region in candidates:
            prefix = area[: len(area) - len(region.name)]
            ancestors = {"", *(r.name for r in (region.parent,) if r)}
            if region.parent and region.parent.parent:
                ancestors.add(region.parent.parent.name)
            if prefix in ancestors:
                return region
        return None

    # -- reading -----------------------------------------------------------

    def read(self):
        """Return [(line number, kind, key, values)] for the rows to import."""
        self.load_lookups()
        try:
            handle = open(self.path, encoding="utf-8-sig", newline="")  # noqa: SIM115
        except OSError as error:
            raise RowError(f"cannot read {self.path}: {error.strerror}") from error
        with handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            parse = self.row_parser(columns)
            planned = []
            for line, row in enumerate(reader, start=2):
                if None in row:
                    self.errors.append(f"line {line}: too many fields")
                    continue
                try:
                    result = parse(row, line)
                except RowError as error:
                    self.errors.append(f"line {line}: {error}")
                    continue
                if result is not None:
                    planned.append((line, *result))
            return planned

    def row_parser(self, columns):
        if {"year_of_evaluation", "rank", "list"} <= columns:
            return self.parse_rank
        if {"area", "title", "issuing_authority"} <= columns:
            return self.parse_incentive
        has_zone = "zone" in columns or "catalogue_code" in columns
        has_what = "indicator" in columns or "item" in columns
        needed = {"value", "source_title", "source_url"}
        if has_zone and has_what and needed <= columns:
            return self.parse_figure
        raise RowError(
            f"{self.path}: not a zone-facts file (its header has none of the "
            "layouts described in facts/importing.py)"
        )

    def zone_of(self, row, line):
        key = (row.get("zone") or row.get("catalogue_code") or "").strip()
        if not key:
            self.skipped.append(
                f"line {line}: {row.get('zone_name', '').strip() or 'row'} has no "
                "catalogue code (not a zone of the catalogue)"
            )
            return None
        return self.zone_for(key)

    def source_of(self, row, date_column="source_date"):
        title = (row.get("source_title") or "").strip()
        if not title:
            raise RowError("source_title is empty")
        url = (row.get("source_url") or "").strip()
        if url and not url.startswith(("http://", "https://")):
            raise RowError(f"source_url is not a web address: {url!r}")
        return {
            "source_title": title[:300],
            "source_url": url,
            "source_publisher": (row.get("source_publisher") or "").strip()[:200],
            "source_date": parse_date(row.get(date_column, "")),
            "source_quality": (row.get("source_quality") or "").strip()[:100],
        }

    def parse_figure(self, row, line):
        zone = self.zone_of(row, line)
        if zone is None:
            return None
        published = (row.get("indicator") or row.get("item") or "").strip()
        if not published:
            raise RowError("the indicator is empty")
        indicator = self.indicators.get(published)
        if indicator is None:
            catch_all = CATCH_ALL_BY_CATEGORY.get(row.get("category", "").strip())
            if "category" in row:
                catch_all = catch_all or "other-costs"
            elif "indicator" in row:
                catch_all = "other-economy"
            indicator = self.catch_all.get(catch_all)
            if indicator is None:
                raise RowError(f"unknown indicator {published!r}")
        value_text = (row.get("value") or "").strip()
        if not value_text:
            raise RowError("the value is empty")
        period_text = (row.get("period") or row.get("as_of") or "").strip()
        year, as_of = parse_period(period_text)
        notes = [row.get("note", "").strip()]
        quoted = (row.get("value_as_published") or "").strip()
        if quoted:
            notes.append(f"原文: {quoted}")
        values = {
            "value_text": value_text[:120],
            "qualifier": (row.get("qualifier") or "").strip()[:20],
            "unit": (row.get("unit") or "").strip()[:40],
            "year": year,
            "as_of": as_of,
            **self.source_of(row),
            "note": "\n".join(note for note in notes if note),
        }
        label = "" if published == indicator.code else published[:200]
        key = {
            "zone": zone,
            "indicator": indicator,
            "label": label,
            "period_text": period_text[:80],
            "source_url": values.pop("source_url"),
        }
        return "fact", key, values

    def parse_rank(self, row, line):
        zone = self.zone_of(row, line)
        if zone is None:
            return None
        rank = row["rank"].strip()
        if not rank.isdigit():
            raise RowError(f"the rank is not a whole number: {rank!r}")
        evaluation = row.get("evaluation_system", "").strip()
        listed = row["list"].strip()
        if evaluation == CURRENT_EVALUATION and listed == OVERALL_LIST:
            indicator, label = self.indicators["mofcom-rank"], listed
        else:
            indicator = self.catch_all["other-rank"]
            label = f"{listed} · {evaluation}" if evaluation else listed
        period_text = row["year_of_evaluation"].strip()
        year, _as_of = parse_period(period_text)
        notes = [row.get("note", "").strip()]
        if row.get("data_year", "").strip():
            notes.append(f"data year {row['data_year'].strip()}")
        if row.get("corroborated_by", "").strip():
            notes.append(f"corroborated by {row['corroborated_by'].strip()}")
        values = {
            "value_text": rank,
            "qualifier": "",
            "unit": "",
            "year": year,
            "as_of": None,
            **self.source_of(row, "published_date"),
            "note": "\n".join(note for note in notes if note),
        }
        key = {
            "zone": zone,
            "indicator": indicator,
            "label": label[:200],
            "period_text": period_text,
            "source_url": values.pop("source_url"),
        }
        return "fact", key, values

    def parse_incentive(self, row, line):
        area = row["area"].strip()
        code = row.get("catalogue_code", "").strip()
        zone = region = None
        if row.get("level", "").strip() in REGION_LEVELS:
            region = self.region_for(area)
        if region is None and code:
            zone = self.zone_for(code)
        if region is None and zone is None:
            raise RowError(f"no zone code and no region named {area!r}")
        title = row["title"].strip()
        url = row.get("source_url", "").strip()
        if not title or not url.startswith(("http://", "https://")):
            raise RowError("an incentive needs a title and a source address")
        issued_text = row.get("date_issued", "").strip()
        validity = row.get("validity", "").strip()
        valid_from = valid_until = None
        years = RANGE_OF_YEARS.search(validity)
        if years and "cover" in validity:
            valid_from = date(int(years.group(1)), 1, 1)
            valid_until = date(int(years.group(2)), 12, 31)
        notes = [row.get("note", "").strip()]
        if row.get("related_zone", "").strip():
            notes.append(f"related zones: {row['related_zone'].strip()}")
        values = {
            "kind": Incentive.Kind.OTHER,
            "zone": zone,
            "region": region,
            # The research files summarise in English.
            "summary_en": row.get("summary", "").strip(),
            "issuing_authority": row["issuing_authority"].strip()[:200],
            "document_number": row.get("document_number", "").strip()[:80],
            "issued_on": parse_date(issued_text),
            "issued_text": issued_text[:40],
            "valid_from": valid_from,
            "valid_until": valid_until,
            "validity_note": validity[:200],
            "status": incentive_status(validity, valid_until),
            "source_publisher": row.get("source_publisher", "").strip()[:200],
            "note": "\n".join(note for note in notes if note),
        }
        if not values["summary_en"] or not values["issuing_authority"]:
            raise RowError("an incentive needs a summary and an issuing authority")
        return "incentive", {"title": title[:300], "source_url": url}, values


def incentive_status(validity, valid_until):
    """What the source says about validity, as one of the statuses."""
    if "征求意见" in validity or "draft" in validity:
        return Incentive.Status.UNDER_REVIEW
    if valid_until and valid_until < timezone.localdate():
        return Incentive.Status.EXPIRED
    if "有效" in validity:
        return Incentive.Status.IN_FORCE
    return Incentive.Status.NOT_STATED


def apply(planned, report, user=None):
    """Create or update each planned row; count what happened in `report`."""
    for _line, kind, key, values in planned:
        model = Fact if kind == "fact" else Incentive
        obj = model.objects.filter(**key).first()
        if obj is None:
            obj = model(**key, **values, entered_by=user)
            if kind == "incentive":
                obj.full_clean()
            obj.save()
            report.created += 1
            continue
        changed = [
            name for name, value in values.items() if getattr(obj, name) != value
        ]
        if not changed:
            report.unchanged += 1
            continue
        for name in changed:
            setattr(obj, name, values[name])
        if kind == "fact" and {"value_text", "unit", "year", "as_of"} & set(changed):
            # A new figure has to be verified again.
            obj.value = obj.value_high = None
            obj.verified_by, obj.verified_at = None, None
        obj.save()
        report.updated += 1
