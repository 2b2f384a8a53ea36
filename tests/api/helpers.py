"""Shared data for the API tests: the news tests' regions, zones and
channels, with projects, figures and incentives beside them."""

from django.test import override_settings

from facts.models import Fact, Incentive, Indicator
from projects.models import Project
from tests.news.helpers import NewsTestCase


def make_project(zone, title="标准厂房招租", **fields):
    fields.setdefault("cooperation", Project.Cooperation.FACTORY_LEASE)
    fields.setdefault("is_published", True)
    return Project.objects.create(zone=zone, title=title, **fields)


def make_fact(zone, code="gdp", value_text="100", **fields):
    fields.setdefault("source_title", "统计公报")
    fields.setdefault("source_url", "https://example.com/source")
    fields.setdefault("year", 2024)
    return Fact.objects.create(
        zone=zone,
        indicator=Indicator.objects.get(code=code),
        value_text=value_text,
        **fields,
    )


def make_incentive(title, zone=None, region=None, **fields):
    fields.setdefault("kind", Incentive.Kind.SUBSIDY)
    fields.setdefault("status", Incentive.Status.IN_FORCE)
    fields.setdefault("summary", "设备投资补贴。")
    fields.setdefault("issuing_authority", "管委会")
    fields.setdefault("source_url", "https://example.com/policy")
    return Incentive.objects.create(title=title, zone=zone, region=region, **fields)


# No rate limit unless a test sets one: the suite asks from one address.
@override_settings(API_ANON_RATE=None)
class ApiTestCase(NewsTestCase):
    def get_json(self, url, expect=200, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, expect, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def ids(self, url, **params):
        """The ids of every row of a list, following its next links."""
        params.setdefault("page_size", 100)
        data = self.get_json(url, **params)
        found = [row["id"] for row in data["results"]]
        while data["next"]:
            data = self.get_json(data["next"])
            found += [row["id"] for row in data["results"]]
        return found
