"""The API's documentation page (Swagger UI from the sidecar's files) works
under the site's Content-Security-Policy: the fixture fails the test on any
violation Chromium reports."""

import pytest
from django.test import override_settings

from tests.factories import make_region, make_zone
from zones.models import Region

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@override_settings(API_ANON_RATE=None)
def test_docs_page_shows_and_runs_an_operation_under_the_policy(page):
    jiangsu = make_region("江苏省", "jiangsu", Region.Level.PROVINCE, name_en="Jiangsu")
    make_zone("海门经济技术开发区", "haimen-etdz", jiangsu)
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto("/api/v1/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]

    zones = page.locator(".opblock-summary-path", has_text="/api/v1/zones/").first
    zones.click()
    # The page opens operations ready to try (tryItOutEnabled).
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table .response-col_status").first.wait_for()
    assert "haimen-etdz" in page.locator(".live-responses-table").inner_text()
    assert page.problems.csp_violations == []
