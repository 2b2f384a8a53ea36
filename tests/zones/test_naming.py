from django.test import SimpleTestCase

from zones.naming import (
    ZoneNamer,
    ascii_slug,
    pinyin_word,
    region_english,
    strip_suffix,
)

REGIONS = [
    ("江苏省", "province"),
    ("北京市", "province"),
    ("吉林省", "province"),
    ("南通市", "city"),
    ("吉林市", "city"),
    ("三亚市", "city"),
    ("海门区", "county"),
    ("如东县", "county"),
    ("长兴县", "county"),
    ("龙湾区", "county"),
]


class RegionNameTests(SimpleTestCase):
    def test_province_and_city_names_lose_their_suffix(self):
        self.assertEqual(region_english("江苏省", "province"), "Jiangsu")
        self.assertEqual(region_english("南通市", "city"), "Nantong")
        self.assertEqual(region_english("广西壮族自治区", "province"), "Guangxi")
        self.assertEqual(strip_suffix("延边朝鲜族自治州", "city"), ("延边", ""))

    def test_counties_keep_an_english_suffix(self):
        self.assertEqual(region_english("海门区", "county"), "Haimen District")
        self.assertEqual(region_english("如东县", "county"), "Rudong County")
        self.assertEqual(
            region_english("长阳土家族自治县", "county"),
            "Changyang Autonomous County",
        )
        # Removing 县 would leave one character, so it stays in the name.
        self.assertEqual(strip_suffix("和县", "county"), ("和县", ""))

    def test_place_name_readings_pypinyin_gets_wrong_are_corrected(self):
        expected = {
            "重庆": "Chongqing",
            "蚌埠": "Bengbu",
            "六安": "Lu'an",
            "长治": "Changzhi",
            "漯河": "Luohe",
            "闵行": "Minhang",
            "郫都": "Pidu",
            "珲春": "Hunchun",
            "朝阳": "Chaoyang",
            "乐清": "Yueqing",
            "南乐": "Nanle",
        }
        for chinese, english in expected.items():
            with self.subTest(chinese):
                self.assertEqual(pinyin_word(chinese), english)

    def test_apostrophe_separates_syllables_starting_with_a_vowel(self):
        self.assertEqual(pinyin_word("西安"), "Xi'an")
        self.assertEqual(pinyin_word("海安"), "Hai'an")
        self.assertEqual(ascii_slug("Xi'an"), "xian")

    def test_conventional_english_names(self):
        self.assertEqual(region_english("陕西省", "province"), "Shaanxi")
        self.assertEqual(region_english("山西省", "province"), "Shanxi")
        self.assertEqual(region_english("内蒙古自治区", "province"), "Inner Mongolia")
        self.assertEqual(region_english("哈尔滨市", "city"), "Harbin")

    def test_slug_is_cut_at_a_hyphen(self):
        slug = ascii_slug("Haimen Economic and Technological Development Zone", 30)
        self.assertEqual(slug, "haimen-economic-and")


class ZoneNameTests(SimpleTestCase):
    namer = ZoneNamer.from_regions(REGIONS)

    def test_english_name_is_place_pinyin_and_kind_in_english(self):
        self.assertEqual(
            self.namer.english("海门经济技术开发区"),
            "Haimen Economic and Technological Development Zone",
        )
        self.assertEqual(
            self.namer.english("南通高新技术产业开发区"),
            "Nantong High-tech Industrial Development Zone",
        )

    def test_province_prefix_becomes_its_own_word(self):
        self.assertEqual(
            self.namer.english("江苏海门工业园区"), "Jiangsu Haimen Industrial Park"
        )

    def test_unknown_place_words_stay_one_pinyin_word(self):
        self.assertEqual(
            self.namer.english("江苏海门临江经济开发区"),
            "Jiangsu Haimen Linjiang Economic Development Zone",
        )

    def test_county_name_inside_a_longer_word_is_not_split_out(self):
        # 龙湾 is a county, but in 亚龙湾 it is part of the resort's name.
        self.assertEqual(
            self.namer.english("三亚亚龙湾国家旅游度假区"),
            "Sanya Yalongwan National Tourist Resort",
        )

    def test_one_character_words_need_a_boundary(self):
        self.assertEqual(
            self.namer.english("长兴岛经济技术开发区"),
            "Changxing Island Economic and Technological Development Zone",
        )
        self.assertEqual(
            self.namer.english("南通临港工业园区"), "Nantong Lingang Industrial Park"
        )

    def test_lettered_parts_are_areas(self):
        self.assertEqual(
            self.namer.english("江苏海门综合保税区A区、B区"),
            "Jiangsu Haimen Comprehensive Bonded Zone Area A Area B",
        )
        self.assertEqual(
            self.namer.english("江苏海门出口加工区及B区"),
            "Jiangsu Haimen Export Processing Zone and Area B",
        )

    def test_generic_words_inside_a_name_are_translated(self):
        for name, english in (
            ("北京临空经济核心区", "Beijing Airport Economic Core Zone"),
            (
                "江苏如东县产业转移工业园区",
                "Jiangsu Rudong County Industry Transfer Industrial Park",
            ),
            ("南通特色工业园区", "Nantong Specialty Industrial Park"),
            (
                "泰州医药高新技术产业开发区",
                "Taizhou Pharmaceutical High-tech Industrial Development Zone",
            ),
        ):
            with self.subTest(name=name):
                self.assertEqual(self.namer.english(name), english)
                self.assertNotIn("Jingji", self.namer.english(name))

    def test_parts_written_in_pinyin_are_listed_for_staff(self):
        self.assertEqual(
            self.namer.untranslated("上海张江高新技术产业开发区"), ["上海张江"]
        )
        self.assertEqual(self.namer.untranslated("海门经济技术开发区"), [])

    def test_includes_note_is_left_out(self):
        self.assertEqual(
            self.namer.english("海门经济开发区（含新疆生产建设兵团片区）"),
            "Haimen Economic Development Zone",
        )

    def test_short_names_use_the_usual_abbreviations(self):
        self.assertEqual(self.namer.short_name("海门经济技术开发区"), "海门经开区")
        self.assertEqual(self.namer.short_name("南通高新技术产业开发区"), "南通高新区")
        self.assertEqual(self.namer.short_name("江苏海门工业园区"), "海门工业园区")

    def test_no_short_name_when_there_is_no_shorter_form(self):
        self.assertEqual(self.namer.short_name("南通综合保税区"), "")

    def test_province_prefix_stays_when_it_is_also_the_city(self):
        self.assertEqual(self.namer.short_name("吉林经济技术开发区"), "吉林经开区")
        # A municipality's name is its city's name too.
        self.assertEqual(self.namer.short_name("北京经济技术开发区"), "北京经开区")
