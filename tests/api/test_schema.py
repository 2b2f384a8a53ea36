"""Schemathesis against the API's own OpenAPI schema.

Every operation gets a bounded number of generated requests, valid and
invalid ones (made-up slugs, cursors, page sizes, ids), with a fixed seed
so a run is repeatable: no answer may be a 5xx, and every answer must be
documented, with the documented content type, headers and body schema.
Positive-data acceptance is not checked: a well-formed slug that names
nothing is a 400 here by design (api.filters).
"""

from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi import checks

from facts.models import Incentive
from investportal.wsgi import application
from news.models import Article, Channel, Source
from tests.api.helpers import make_fact
from tests.factories import make_region, make_zone
from tests.facts.helpers import make_incentive
from tests.projects.helpers import make_project
from zones.models import Region

# Per operation; 12 operations.
MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Schemathesis calls the real WSGI handler, whose request signals close
    a connection found inside a transaction (the test's), as Django's test
    client prevents by the same means: PostgreSQL would lose the test data."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@pytest.fixture
def api_data(db, settings, wsgi_keeps_the_test_connection):
    """A little of everything, in public and hidden states."""
    settings.API_ANON_RATE = None
    now = timezone.now()
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    nantong = make_region("南通市", "nantong", Region.Level.CITY, jiangsu)
    haimen = make_zone(
        "海门经济技术开发区",
        "haimen-etdz",
        jiangsu,
        nantong,
        industries=["装备制造", "新材料"],
        latitude=31.87,
        longitude=121.18,
        is_location_reliable=True,
    )
    hidden = make_zone("未公开开发区", "hidden-zone", jiangsu, is_published=False)
    channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
    source = Source.objects.create(name="管委会", website="https://example.com/")
    for n, (status, moment, deleted) in enumerate(
        [
            (Article.Status.PUBLISHED, now - timedelta(days=1), None),
            (Article.Status.PUBLISHED, now - timedelta(days=1), None),
            (Article.Status.PUBLISHED, now + timedelta(days=1), None),
            (Article.Status.DRAFT, now, None),
            (Article.Status.PUBLISHED, now - timedelta(days=2), now),
        ]
    ):
        article = Article.objects.create(
            title=f"新闻{n}",
            channel=channel,
            zone=haimen if n % 2 else hidden,
            source=source if n else None,
            status=status,
            published_at=moment,
            deleted_at=deleted,
        )
        article.tags.add("半导体")
    make_project(haimen, "标准厂房招租", investment=120, land_mu=50)
    make_project(haimen, "过期项目", valid_until=timezone.localdate() - timedelta(1))
    make_fact(haimen, "gdp", "约900", verified_at=now)
    make_fact(hidden, "gdp", "100")
    make_incentive("设备补贴", zone=haimen)
    make_incentive("人才政策", region=nantong, status=Incentive.Status.EXPIRED)


# Loaded once, as a client would, at collection: the schema view reads no
# rows. (schemathesis.pytest.from_fixture fails under pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_schema(case, api_data):
    case.call_and_validate(checks=CHECKS)
