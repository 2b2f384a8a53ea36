"""A reader narrows the investment projects by city and investment range,
opens one and expresses interest: the zone's inquiry form opens with a
message that names the project."""

import re
from decimal import Decimal

import pytest

from projects.models import Project
from zones.models import Region, Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def zone(name, slug, province, city, name_en):
    return Zone.objects.create(
        name=name,
        slug=slug,
        name_en=name_en,
        province=province,
        city=city,
        code=slug[:6].upper(),
        level=Zone.Level.NATIONAL,
        kind=Zone.Kind.ECONOMIC_TECHNOLOGICAL,
        is_published=True,
    )


def project(of_zone, title, title_en, investment, **fields):
    return Project.objects.create(
        zone=of_zone,
        title=title,
        title_en=title_en,
        investment=Decimal(investment),
        cooperation=Project.Cooperation.FACTORY_LEASE,
        is_published=True,
        **fields,
    )


def test_reader_filters_opens_a_project_and_expresses_interest(page):
    jiangsu = Region.objects.create(
        code="320000",
        name="江苏省",
        name_en="Jiangsu",
        slug="jiangsu",
        level="province",
    )
    nantong = Region.objects.create(
        code="320600",
        name="南通市",
        name_en="Nantong",
        slug="nantong",
        level="city",
        parent=jiangsu,
    )
    suzhou = Region.objects.create(
        code="320500",
        name="苏州市",
        name_en="Suzhou",
        slug="suzhou",
        level="city",
        parent=jiangsu,
    )
    haimen = zone("海门经济技术开发区", "haimen-etdz", jiangsu, nantong, "Haimen ETDZ")
    kunshan = zone(
        "昆山经济技术开发区", "kunshan-etdz", jiangsu, suzhou, "Kunshan ETDZ"
    )
    project(haimen, "半导体装备产业园标准厂房", "Semiconductor equipment factories", 50)
    project(haimen, "海门大型合资项目", "Large Haimen joint venture", 2000)
    project(kunshan, "昆山精密模具厂房", "Precision tooling factories", 40)
    project(
        haimen,
        "海门美元项目",
        "Haimen dollar project",
        30,
        currency=Project.Currency.USD,
    )

    page.goto("/en/projects/")
    assert page.locator(".result-count").inner_text() == "4 projects"
    page.get_by_label("City").select_option("nantong")
    page.get_by_label("Total investment").select_option("10m-100m")
    page.get_by_role("button", name="Show projects").click()
    page.wait_for_url(re.compile(r"city=nantong"))
    # The city and the range (amounts in yuan only) leave one project.
    assert page.locator(".result-count").inner_text() == "1 project"
    cards = page.locator("main .item-list > li")
    assert cards.count() == 1
    assert page.get_by_label("City").input_value() == "nantong"

    cards.get_by_role("link", name="Semiconductor equipment factories").click()
    page.wait_for_url(re.compile(r"/en/projects/\d+/$"))
    assert page.locator("h1").inner_text() == "Semiconductor equipment factories"

    page.get_by_role("link", name="Express interest").click()
    page.wait_for_url(re.compile(r"/en/zones/haimen-etdz/inquire/"))
    message = page.locator("#id_message").input_value()
    assert "Semiconductor equipment factories" in message
    assert not page.javascript_errors
