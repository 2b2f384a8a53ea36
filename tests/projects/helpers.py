"""Zones and projects for the project tests."""

from datetime import timedelta

from django.conf import settings
from django.test import TestCase
from django.utils import timezone, translation

from projects.models import Project
from tests.factories import make_region, make_zone
from zones.models import Industry


def make_project(zone, title="标准厂房招租", **fields):
    fields.setdefault("cooperation", Project.Cooperation.FACTORY_LEASE)
    fields.setdefault("is_published", True)
    return Project.objects.create(zone=zone, title=title, **fields)


class ProjectsTestCase(TestCase):
    """海门 (江苏, leads 装备制造) and 宁波 (浙江), with clock anchors."""

    @classmethod
    def setUpTestData(cls):
        cls.today = timezone.localdate()
        cls.yesterday = cls.today - timedelta(days=1)
        cls.tomorrow = cls.today + timedelta(days=1)
        cls.jiangsu = make_region("江苏省", "jiangsu", "province", name_en="Jiangsu")
        cls.zhejiang = make_region("浙江省", "zhejiang", "province", name_en="Zhejiang")
        cls.haimen = make_zone(
            "海门经济技术开发区",
            "haimen-etdz",
            cls.jiangsu,
            phone="0513-82200000",
            email="invest@haimen.example.com",
        )
        cls.ningbo = make_zone("宁波经济技术开发区", "ningbo-etdz", cls.zhejiang)
        cls.equipment = Industry.objects.create(
            name="装备制造", slug="装备制造", name_en="Equipment manufacturing"
        )
        cls.chips = Industry.objects.create(
            name="集成电路", slug="集成电路", name_en="Integrated circuits"
        )

    def setUp(self):
        translation.activate(settings.LANGUAGE_CODE)
        self.addCleanup(translation.activate, settings.LANGUAGE_CODE)
