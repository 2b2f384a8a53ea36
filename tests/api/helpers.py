"""Shared data for the API tests: the news tests' regions, zones and
channels. Projects and incentives come from the projects' and facts' test
helpers; figures too, dated 2024 unless told."""

from django.test import override_settings

from tests.facts.helpers import make_fact as make_zone_fact
from tests.news.helpers import NewsTestCase


def make_fact(zone, code="gdp", value_text="100", **fields):
    """A figure as the facts tests make one, of 2024 unless told."""
    fields.setdefault("year", 2024)
    return make_zone_fact(zone, code, value_text, **fields)


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
