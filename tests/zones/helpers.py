"""Small factories and catalogue fixtures shared by the zone tests."""

import csv
import shutil
import tempfile
from io import StringIO
from itertools import count
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from tests.factories import make_region
from zones.management.commands.import_zones import DEFAULT_FILES
from zones.models import Region


def _catalogue_header():
    """The header row of the shipped catalogue files, which the rows below
    copy: the importer reads some of its columns and ignores the others."""
    with DEFAULT_FILES[0].open(encoding="utf-8-sig", newline="") as handle:
        return tuple(next(csv.reader(handle)))


CATALOGUE_HEADER = _catalogue_header()
# Rows as the catalogue prints them (the Haimen rows are the real ones).
HAIMEN_NATIONAL = (
    "66,G321099,海门经济技术开发区,江苏省,国务院,经济技术开发区,2013.01,488.0,"
    "装备制造、生物医药、机电,121.186623,31.895381,江苏省南通市海门区经济技术开发区,"
    "未知,1,1,南通市"
)
NANTONG_HIGH_TECH = (
    "259,G322050,南通高新技术产业开发区,江苏省,国务院,高新技术产业开发区,2013.12,"
    "1200.5,电子信息、智能装备,120.9,31.98,江苏省南通市通州区,未知,1,1,南通市"
)
NANTONG_CUSTOMS = (
    "423,G323010,南通综合保税区,江苏省,国务院,海关特殊监管区域,2013.01,528.0,在建,"
    "120.95,32.0,江苏省南通市,市,1,2,南通市"
)
BEIJING_NATIONAL = (
    "1,G111001,北京经济技术开发区,北京市,国务院,经济技术开发区,1994.08,3980.0,"
    "汽车、电子信息、装备制造,116.503432,39.793315,北京市经济技术开发区,未知,1,1,北京市"
)
HAIMEN_PROVINCIAL = (
    "540,S329050,江苏海门工业园区,江苏省,省政府,工业园区,2006.08,188.98,"
    "纺织、金属制品、仪器仪表,121.17,31.87,江苏省南通市海门区,未知,1,1,南通市"
)
# Placed by the geocoder outside its province: no city, point not shown.
WRONGLY_PLACED = (
    "541,S329051,江苏锡山经济开发区,江苏省,省政府,经济开发区,2006.04,300.0,"
    "食品.、机械,115.0,30.2,湖北省黄石市,市,0,1,"
)
ZICHUAN = (
    "929,S377018,山东淄川经济开发区,山东省,省政府,经济开发区,2006.03,500.0,"
    "建材、陶瓷,118.0,36.6,山东省淄博市,市,1,2,淄博市"
)
LINZI = (
    "932,S377018,山东临淄经济开发区,山东省,省政府,经济开发区,2006.03,420.0,"
    "化工、新材料,118.0,36.6,山东省淄博市,市,1,2,淄博市"
)


def write_division_files(directory):
    """A tiny division list: three provinces, their cities, a few counties."""
    directory = Path(directory)
    (directory / "provinces.csv").write_text(
        'code,name\n11,"北京市"\n32,"江苏省"\n33,"浙江省"\n37,"山东省"\n',
        encoding="utf-8",
    )
    (directory / "cities.csv").write_text(
        "code,name,provinceCode\n"
        '1101,"市辖区",11\n3206,"南通市",32\n3212,"泰州市",32\n'
        '3310,"台州市",33\n3703,"淄博市",37\n',
        encoding="utf-8",
    )
    (directory / "areas.csv").write_text(
        "code,name,cityCode,provinceCode\n"
        '110101,"东城区",1101,11\n320614,"海门区",3206,32\n'
        '320671,"南通经济技术开发区",3206,32\n320612,"通州区",3206,32\n'
        '370302,"淄川区",3703,37\n370305,"临淄区",3703,37\n',
        encoding="utf-8",
    )
    return directory


def import_regions_from(directory):
    call_command("import_regions", directory=directory, stdout=StringIO())


class CatalogueFiles:
    """Writes catalogue CSV files into a temporary folder for one test."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="zones-test-"))
        self.files = count(1)

    def write(self, *rows, header=CATALOGUE_HEADER, name=None):
        path = self.directory / (name or f"catalogue-{next(self.files)}.csv")
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(",".join(header) + "\n")
            for row in rows:
                handle.write(row + "\n")
        return path

    def cleanup(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def run_import(*paths, **options):
    """Run import_zones on `paths`; return its output."""
    out = StringIO()
    call_command("import_zones", *map(str, paths), stdout=out, **options)
    return out.getvalue()


def catalogue_rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class RegionsTestCase(TestCase):
    """Provinces and cities most zone tests need.

    江苏 (Jiangsu) with 南通 (Nantong) and 苏州 (Suzhou), 浙江 (Zhejiang) with
    宁波 (Ningbo), and the municipality 北京 (Beijing).
    """

    @classmethod
    def setUpTestData(cls):
        province, city = Region.Level.PROVINCE, Region.Level.CITY
        cls.jiangsu = make_region("江苏省", "jiangsu", province, name_en="Jiangsu")
        cls.nantong = make_region("南通市", "nantong", city, cls.jiangsu, "Nantong")
        cls.suzhou = make_region(
            "苏州市", "suzhou-jiangsu", city, cls.jiangsu, "Suzhou"
        )
        cls.zhejiang = make_region("浙江省", "zhejiang", province, name_en="Zhejiang")
        cls.ningbo = make_region("宁波市", "ningbo", city, cls.zhejiang, "Ningbo")
        cls.beijing = make_region("北京市", "beijing", province, name_en="Beijing")

    def setUp(self):
        # A request to an /en/ page leaves English active in this thread, which
        # would turn the next reverse() into an /en/ URL.
        translation.activate(settings.LANGUAGE_CODE)
        self.addCleanup(translation.activate, settings.LANGUAGE_CODE)
