"""Zones, facts and incentives for the facts tests."""

from datetime import date

from django.conf import settings
from django.test import TestCase
from django.utils import translation

from facts.models import Fact, Incentive, Indicator
from tests.factories import make_region, make_zone


def make_fact(zone, code, value_text, unit="", **fields):
    fields.setdefault("source_title", "统计公报")
    fields.setdefault("source_url", "https://example.com/source")
    return Fact.objects.create(
        zone=zone,
        indicator=Indicator.objects.get(code=code),
        value_text=value_text,
        unit=unit,
        **fields,
    )


def make_incentive(title, zone=None, region=None, **fields):
    fields.setdefault("kind", Incentive.Kind.SUBSIDY)
    fields.setdefault("status", Incentive.Status.IN_FORCE)
    fields.setdefault("summary", "设备投资补贴。")
    fields.setdefault("issuing_authority", "管委会")
    fields.setdefault("source_url", "https://example.com/policy")
    return Incentive.objects.create(title=title, zone=zone, region=region, **fields)


class FactsTestCase(TestCase):
    """Three zones: 海门 and 南通 in the city of 南通 (江苏), 宁波 in 浙江."""

    @classmethod
    def setUpTestData(cls):
        cls.today = date.today()
        cls.jiangsu = make_region("江苏省", "jiangsu", "province", name_en="Jiangsu")
        cls.nantong_city = make_region(
            "南通市", "nantong", "city", cls.jiangsu, "Nantong"
        )
        cls.zhejiang = make_region("浙江省", "zhejiang", "province", name_en="Zhejiang")
        cls.haimen = make_zone(
            "海门经济技术开发区", "haimen-etdz", cls.jiangsu, city=cls.nantong_city
        )
        cls.nantong = make_zone(
            "南通经济技术开发区", "nantong-etdz", cls.jiangsu, city=cls.nantong_city
        )
        cls.ningbo = make_zone("宁波经济技术开发区", "ningbo-etdz", cls.zhejiang)

    def setUp(self):
        translation.activate(settings.LANGUAGE_CODE)
        self.addCleanup(translation.activate, settings.LANGUAGE_CODE)
