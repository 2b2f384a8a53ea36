"""An investor asks Haimen ETDZ; Haimen's zone administrator finds and
answers it (Ningbo's does not see it); the investor reads the reply, writes
again, and the inquiry reopens."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from core import roles
from inquiries.models import Inquiry
from zones.models import Region, Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-long-zone-password-2024"
ORGANISATION = "Weber Getriebe GmbH"


def zone(name, slug, province, name_en):
    return Zone.objects.create(
        name=name,
        slug=slug,
        name_en=name_en,
        province=province,
        code=slug[:6].upper(),
        level=Zone.Level.NATIONAL,
        kind=Zone.Kind.ECONOMIC_TECHNOLOGICAL,
    )


def zone_administrator(username, of_zone):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", PASSWORD
    )
    roles.appoint_zone_administrator(user, of_zone)
    return user


def log_in(new_context, username):
    tab = new_context(viewport={"width": 1280, "height": 900}).new_page()
    tab.goto("/admin/")
    tab.locator("#id_username").fill(username)
    tab.locator("#id_password").fill(PASSWORD)
    tab.locator("input[type=submit]").click()
    tab.wait_for_url("**/admin/")
    return tab


def test_investor_asks_zone_answers_investor_follows_up(page, new_context, settings):
    settings.INQUIRY_MIN_FILL_SECONDS = 0  # the browser fills the form at once
    roles.sync_groups(Group, Permission)
    jiangsu = Region.objects.create(
        code="32", name="江苏省", slug="jiangsu", level=Region.Level.PROVINCE
    )
    zhejiang = Region.objects.create(
        code="33", name="浙江省", slug="zhejiang", level=Region.Level.PROVINCE
    )
    haimen = zone("海门经济技术开发区", "haimen-etdz", jiangsu, "Haimen ETDZ")
    ningbo = zone("宁波经济技术开发区", "ningbo-etdz", zhejiang, "Ningbo ETDZ")
    zone_administrator("haimen-admin", haimen)
    zone_administrator("ningbo-admin", ningbo)

    # The investor, on a phone, in English.
    page.goto("/en/zones/haimen-etdz/")
    page.get_by_role("link", name="Contact the investment office").click()
    page.wait_for_url("**/en/zones/haimen-etdz/inquire/")
    page.get_by_label("Name", exact=True).fill("Katrin Weber")
    page.get_by_label("Organisation").fill(ORGANISATION)
    page.get_by_label("Country or region").fill("Germany")
    page.get_by_label("Email").fill("k.weber@example.com")
    page.get_by_label("Industry").fill("装备制造")
    page.get_by_label("Planned investment").select_option("10m-100m")
    page.get_by_label("Timeline").select_option("12m")
    page.get_by_label("Message").fill(
        "We plan a gearbox plant.\nWhat land is available near the bridge?"
    )
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send inquiry").click()
    page.wait_for_url("**/sent/")
    tracking = page.locator(".tracking-link a").get_attribute("href")
    assert re.fullmatch(r"/en/inquiries/[-_A-Za-z0-9]{32}/", tracking)

    # Ningbo's administrator neither lists it nor opens it by its URL.
    inquiry = Inquiry.objects.get()
    ningbo_tab = log_in(new_context, "ningbo-admin")
    ningbo_tab.goto("/admin/inquiries/inquiry/")
    assert ORGANISATION not in ningbo_tab.content()
    ningbo_tab.goto(f"/admin/inquiries/inquiry/{inquiry.pk}/change/")
    assert ORGANISATION not in ningbo_tab.content()
    ningbo_tab.context.close()

    # Haimen's administrator sees it counted, finds it and replies.
    haimen_tab = log_in(new_context, "haimen-admin")
    assert haimen_tab.locator("#inquiries-waiting").inner_text() == "1"
    haimen_tab.locator("#inquiry-summary a").nth(1).click()
    haimen_tab.get_by_role("link", name=str(inquiry.pk), exact=True).click()
    haimen_tab.locator("#id_reply").wait_for()
    assert ORGANISATION in haimen_tab.content()
    haimen_tab.locator("#id_reply").fill(
        "Welcome! Plot E-12 (40 mu) is free.\nCan you visit next week?"
    )
    haimen_tab.locator("input[name=_save]").click()
    haimen_tab.wait_for_url(re.compile(r"/admin/inquiries/inquiry/(\?.*)?$"))
    haimen_tab.context.close()
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED

    # The investor reads the reply and writes again: the inquiry reopens.
    page.goto(tracking)
    assert page.locator(".inquiry-message-zone").inner_text().count("Plot E-12") == 1
    page.get_by_label("Your message").fill("Yes, Tuesday suits us.")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_url(f"**{tracking}")
    assert "Yes, Tuesday suits us." in page.content()
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.NEW
    assert page.javascript_errors == []
