"""Pinyin, English and short names for regions and zones.

The imports draft English names and slugs from the Chinese names. pypinyin
reads most place names right from its phrase dictionary, but a place name
often uses the rarer reading of a character (长治 is Changzhi, not Zhangzhi),
so the readings below correct the ones checked against the 2,978 counties
and 342 cities of the division list. Staff can correct any draft in the admin.
"""

import re

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

# Characters that place names always read one way, whatever pypinyin
# guesses from the neighbouring characters (信都 Xindu, 花都 Huadu, 长岭
# Changling, 佛冈 Fogang, 克什克腾 Hexigten = Keshiketeng, 库尔勒 Korla = Kuerle,
# 穆棱 Muling, 蚌山 Bengshan, 浚县 Xunxian).
CHAR_READINGS = {
    "长": "chang",
    "都": "du",
    "佛": "fo",
    "什": "shi",
    "勒": "le",
    "棱": "ling",
    "蚌": "beng",
    "浚": "xun",
    "乐": "le",
}

# Whole names read differently from the characters above or from pypinyin.
WORD_READINGS = {
    "乐清": "yue qing",
    "乐亭": "lao ting",
    "朝阳": "chao yang",
    "漯河": "luo he",
    "六合": "lu he",
    "六安": "lu an",
    "闵行": "min hang",
    "覃塘": "qin tang",
    "筠连": "jun lian",
    "伽师": "jia shi",
    "洪洞": "hong tong",
    "繁峙": "fan shi",
    "涡阳": "guo yang",
    "称多": "chen duo",
    "浪卡子": "lang ka zi",
    "泊头": "bo tou",
    "万柏林": "wan bai lin",
    "召陵": "shao ling",
    "珲春": "hun chun",
    "崆峒": "kong tong",
    "龙圩": "long xu",
    "回龙圩": "hui long xu",
    "单县": "shan xian",
    "重庆": "chong qing",
    "厦门": "xia men",
    "蚌埠": "beng bu",
    "番禺": "pan yu",
    "铅山": "yan shan",
    "蔚县": "yu xian",
    "尉犁": "yu li",
    "大冶": "da ye",
    "黄陂": "huang pi",
    "句容": "ju rong",
    "台州": "tai zhou",
    "天台": "tian tai",
    "东阿": "dong e",
    "莘县": "shen xian",
    "歙县": "she xian",
    "枞阳": "zong yang",
    "盱眙": "xu yi",
    "犍为": "qian wei",
    "阆中": "lang zhong",
    "亳州": "bo zhou",
    "柞水": "zha shui",
    "牟定": "mou ding",
    "泌阳": "bi yang",
    "茌平": "chi ping",
    "栟茶": "ben cha",
}

# Conventional English names that are not the plain pinyin.
PROVINCE_ENGLISH = {
    "内蒙古": "Inner Mongolia",
    # Shaanxi's extra "a" keeps it apart from Shanxi (山西).
    "陕西": "Shaanxi",
}
# Cities whose names come from Manchu, Mongolian, Uyghur or Tibetan and are
# known abroad by that spelling (Harbin, not Ha'erbin).
PLACE_ENGLISH = {
    "哈尔滨": "Harbin",
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "齐齐哈尔": "Qiqihar",
    "锡林郭勒": "Xilingol",
    "乌兰察布": "Ulanqab",
    "二连浩特": "Erenhot",
    "霍尔果斯": "Khorgos",
    "拉萨": "Lhasa",
    "日喀则": "Shigatse",
    "喀什": "Kashgar",
}

PROVINCE_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)
CITY_SUFFIXES = ("自治州", "地区", "盟", "市")
# County-level suffixes with the English word the county's name keeps, so
# 海门区 and a former 海门市 stay distinguishable: Haimen District.
COUNTY_SUFFIXES = (
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("林区", "Forestry District"),
    ("新区", "New Area"),
    ("特区", "Special District"),
    ("区", "District"),
    ("县", "County"),
    ("旗", "Banner"),
    ("市", ""),
)
# Ethnic groups named in autonomous prefectures and counties
# (延边朝鲜族自治州 → 延边); longest first so 土家族 wins over 家族-like tails.
ETHNIC_NAMES = sorted(
    [
        "朝鲜族",
        "土家族",
        "苗族",
        "藏族",
        "羌族",
        "彝族",
        "布依族",
        "侗族",
        "哈尼族",
        "壮族",
        "傣族",
        "白族",
        "景颇族",
        "傈僳族",
        "回族",
        "蒙古族",
        "蒙古",
        "柯尔克孜",
        "哈萨克族",
        "哈萨克",
        "满族",
        "达斡尔族",
        "鄂伦春",
        "鄂温克族",
        "畲族",
        "瑶族",
        "各族",
        "仫佬族",
        "毛南族",
        "黎族",
        "仡佬族",
        "水族",
        "纳西族",
        "拉祜族",
        "佤族",
        "布朗族",
        "独龙族",
        "怒族",
        "普米族",
        "裕固族",
        "东乡族",
        "保安族",
        "撒拉族",
        "土族",
        "塔吉克",
        "锡伯",
    ],
    key=len,
    reverse=True,
)


def _strip_ethnic(name):
    """延边朝鲜族 → 延边; 东乡族 → 东乡 (never strip a name to nothing)."""
    changed = True
    while changed:
        changed = False
        for ethnic in ETHNIC_NAMES:
            if name.endswith(ethnic) and len(name) - len(ethnic) >= 2:
                name = name[: -len(ethnic)]
                changed = True
                break
    if name.endswith("族") and len(name) > 2:
        name = name[:-1]
    return name


def strip_suffix(name, level):
    """Return (short name, English suffix) of a region name at `level`.

    江苏省 → (江苏, ""); 延边朝鲜族自治州 → (延边, ""); 海门区 → (海门, "District").
    A suffix is kept when removing it would leave one character (和县, 城区).
    """
    if level == "province":
        for suffix in PROVINCE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)], ""
        return name, ""
    if level == "city":
        for suffix in CITY_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return _strip_ethnic(name[: -len(suffix)]), ""
        return name, ""
    for suffix, english in COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = _strip_ethnic(stem)
            return stem, english
    return name, ""


def syllables(text):
    """Return the pinyin syllables of `text`, with place-name readings.

    Characters that are not Chinese (B区 → "B") come back as one item per run.
    """
    result = []
    plain = []

    def flush():
        if plain:
            result.extend(lazy_pinyin("".join(plain), style=Style.NORMAL, v_to_u=True))
            plain.clear()

    position = 0
    while position < len(text):
        for length in range(min(4, len(text) - position), 1, -1):
            word = text[position : position + length]
            if word in WORD_READINGS:
                flush()
                result.extend(WORD_READINGS[word].split())
                position += length
                break
        else:
            character = text[position]
            if character in CHAR_READINGS:
                flush()
                result.append(CHAR_READINGS[character])
            else:
                plain.append(character)
            position += 1
    flush()
    return result


def pinyin_word(text):
    """Write `text` as one capitalised pinyin word: 海门 → Haimen, 西安 → Xi'an.

    The apostrophe separates a syllable starting with a, o or e from the one
    before it, as pinyin orthography does (西安 Xi'an, not Xian 先).
    """
    word = ""
    for syllable in syllables(text):
        syllable = syllable.strip()
        if not syllable:
            continue
        if word and syllable[0] in "aoe" and word[-1].isalpha():
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def region_english(name, level):
    """English name of a region: 江苏省 → Jiangsu, 海门区 → Haimen District."""
    short, suffix = strip_suffix(name, level)
    english = place_english(short, level)
    return f"{english} {suffix}" if suffix else english


def place_english(short, level):
    """English of a region's short name: 江苏 → Jiangsu, 哈尔滨 → Harbin."""
    if level == "province" and short in PROVINCE_ENGLISH:
        return PROVINCE_ENGLISH[short]
    return PLACE_ENGLISH.get(short) or pinyin_word(short)


def ascii_slug(text, max_length=80):
    """A slug from English text, cut at a hyphen to fit `max_length`."""
    slug = slugify(text.replace("'", ""))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


# ---------------------------------------------------------------------------
# Zone names

# Generic words of zone names and their English, matched longest first.
# A drafted English name is the place words in pinyin followed by these.
ZONE_TERMS = {
    "经济技术开发区": "Economic and Technological Development Zone",
    "高新技术产业开发区": "High-tech Industrial Development Zone",
    "高技术产业开发区": "High-tech Industrial Development Zone",
    "高新技术产业园区": "High-tech Industrial Park",
    "高新技术产业经济区": "High-tech Industrial Economic Zone",
    "高新技术产业示范区": "High-tech Industry Demonstration Zone",
    "高新技术开发区": "High-tech Development Zone",
    "新兴技术开发区": "Emerging Technology Development Zone",
    "新技术开发区": "New Technology Development Zone",
    "高新区": "High-tech Zone",
    "经济开发区": "Economic Development Zone",
    "综合保税区": "Comprehensive Bonded Zone",
    "保税港区": "Bonded Port Area",
    "保税物流园区": "Bonded Logistics Park",
    "保税区": "Bonded Zone",
    "出口加工区": "Export Processing Zone",
    "边境经济合作区": "Border Economic Cooperation Zone",
    "跨境经济合作区": "Cross-border Economic Cooperation Zone",
    "经济合作区": "Economic Cooperation Zone",
    "跨境工业区": "Cross-border Industrial Zone",
    "国际边境合作中心": "International Border Cooperation Center",
    "中方配套区": "Chinese Supporting Area",
    "边境贸易加工园区": "Border Trade Processing Park",
    "边境贸易加工区": "Border Trade Processing Zone",
    "互市贸易区": "Border Trade Zone",
    "金融贸易区": "Finance and Trade Zone",
    "金融商贸开发区": "Finance and Commerce Development Zone",
    "台商投资开发区": "Taiwanese Investment Development Zone",
    "台商投资区": "Taiwanese Investment Zone",
    "投资区": "Investment Zone",
    "国家旅游度假区": "National Tourist Resort",
    "旅游度假区": "Tourist Resort",
    "海峡两岸": "Cross-Strait",
    "科技工业园": "Science and Technology Industrial Park",
    "科技产业园区": "Science and Technology Industrial Park",
    "科技产业园": "Science and Technology Industrial Park",
    "科技园区": "Science Park",
    "软件园": "Software Park",
    "工业园区": "Industrial Park",
    "工业园": "Industrial Park",
    "产业园区": "Industrial Park",
    "产业园": "Industrial Park",
    "产业集聚区": "Industrial Cluster Zone",
    "产业聚集区": "Industrial Cluster Zone",
    "工业集中发展区": "Industrial Development Zone",
    "工业集中区": "Industrial Concentration Zone",
    "工业示范基地": "Industrial Demonstration Base",
    "产业基地": "Industrial Base",
    "工业区": "Industrial Zone",
    "产业区": "Industrial Zone",
    "经济区": "Economic Zone",
    "开发区": "Development Zone",
    "示范区": "Demonstration Zone",
    "试验区": "Pilot Zone",
    "园区": "Park",
    "片区": "Area",
    "火炬": "Torch",
    "循环经济": "Circular Economy",
    "现代": "Modern",
    "农业": "Agricultural",
    "精细化工": "Fine Chemical",
    "煤化工": "Coal Chemical",
    "化工": "Chemical",
    "石化": "Petrochemical",
    "新材料": "New Materials",
    "新能源": "New Energy",
    "陶瓷": "Ceramics",
    "汽车": "Automotive",
    "装备制造": "Equipment Manufacturing",
    "高端": "High-end",
    "生态": "Ecological",
    "临空": "Airport",
    "物流": "Logistics",
    "电子": "Electronics",
    "中国": "China",
    "国际": "International",
    "南区": "South Zone",
    "北区": "North Zone",
    "经济特区": "Special Economic Zone",
    "化学工业": "Chemical Industry",
    "高新": "High-tech",
    "新区": "New Area",
    "机场": "Airport",
    "空港": "Airport",
    "西海岸": "West Coast",
    "海峡": "Strait",
    "老挝": "Laos",
    "马来西亚": "Malaysia",
    "新加坡": "Singapore",
    "东盟": "ASEAN",
    "中哈": "China-Kazakhstan",
    "中俄": "China-Russia",
    "中德": "China-Germany",
    "中泰": "China-Thailand",
    "中新": "China-Singapore",
    "新疆生产建设兵团": "Xinjiang Production and Construction Corps",
    "生产建设兵团": "Production and Construction Corps",
    "兵团": "Corps",
    "临港": "Lingang",
    "临空港": "Airport",
    "杭州湾": "Hangzhou Bay",
    "示范基地": "Demonstration Base",
    "示范园区": "Demonstration Park",
    "工业新区": "Industrial New Area",
    "工业": "Industrial",
    "高科技": "High-tech",
    "科技": "Science and Technology",
    "创新": "Innovation",
    "产业": "Industry",
    "功能区": "Functional Zone",
    "核心区": "Core Zone",
    "加工园区": "Processing Park",
    "加工区": "Processing Zone",
    "深加工": "Deep Processing",
    "农产品": "Agricultural Product",
    "口岸": "Port of Entry",
    # Words between a place and the kind (北京临空经济核心区, 广东东源县产业转移
    # 工业园区, 云南个旧特色工业园区) and the industries zones are named after.
    "经济园区": "Economic Park",
    "经济": "Economic",
    "核心": "Core",
    "产业转移": "Industry Transfer",
    "产业转型": "Industry Transformation",
    "转移": "Transfer",
    "转型": "Transformation",
    "承接": "Relocation",
    "特色": "Specialty",
    "特别": "Special",
    "合作": "Cooperation",
    "沿边开放": "Border Opening-up",
    "县域经济": "County Economy",
    "民营经济": "Private Economy",
    "总部经济": "Headquarters Economy",
    "综合利用": "Comprehensive Utilisation",
    "资源": "Resources",
    "再生资源": "Recycled Resources",
    "进口": "Import",
    "示范": "Demonstration",
    "国家": "National",
    "都市": "Urban",
    "沿海": "Coastal",
    "北方": "Northern",
    "华侨": "Overseas Chinese",
    "欧盟": "EU",
    "航空基地": "Aviation Base",
    "航空港": "Airport",
    "航空": "Aviation",
    "火车站": "Railway Station",
    "医药": "Pharmaceutical",
    "中药": "Traditional Chinese Medicine",
    "生物": "Bio",
    "纺织": "Textile",
    "针织": "Knitting",
    "经编": "Warp Knitting",
    "轻工": "Light Industry",
    "绿色": "Green",
    "稀土": "Rare Earth",
    "信息": "Information",
    "光伏": "Photovoltaic",
    "矿业": "Mining",
    "五金": "Hardware",
    "金属": "Metal",
    "有色金属": "Nonferrous Metal",
    "有色": "Nonferrous",
    "铝业": "Aluminium",
    "不锈钢": "Stainless Steel",
    "钒钛": "Vanadium-Titanium",
    "轴承": "Bearing",
    "云计算": "Cloud Computing",
    "循环": "Circular",
    "专用": "Special-purpose",
    "白酒": "Baijiu",
    "苹果": "Apple",
    "马铃薯": "Potato",
    "珍珠": "Pearl",
    "环保": "Environmental Protection",
    "装备": "Equipment",
    "能源": "Energy",
    "清洁能源": "Clean Energy",
    "重化工": "Heavy Chemical",
    "服务外包": "Service Outsourcing",
    "密集区": "Concentration Zone",
    # Level words add nothing to an English name: 自治区级边境经济合作区.
    "自治区级": "",
    "省级": "",
}
# One-character words: at the end of a name or before another generic word
# they mean "zone", "park", "port"... (B区, 黄浦园, 天津港保税区, 湄洲岛国家旅游
# 度假区); inside a name they are just a syllable (花园口, 港口).
SHORT_TERMS = {
    "县": "County",
    "市": "City",
    "区": "Zone",
    "园": "Park",
    "片": "Area",
    "港": "Port",
    "岛": "Island",
    "及": "and",
}
SEPARATORS = set("—–-·・、,，()（） ")
# Parts named by a letter or number: A区 and B区 are Area A and Area B.
LETTERED_AREA = re.compile(r"([A-Za-z0-9]+)(?:区|片|园)")
# "（含新疆生产建设兵团片区）" notes what a zone includes; not part of its name.
INCLUDES_NOTE = re.compile(r"[（(]含[^）)]*[）)]")

# Kind words and their usual abbreviation (海门经济技术开发区 → 海门经开区).
SHORT_FORMS = (
    ("经济技术开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("高技术产业开发区", "高新区"),
    ("高新技术产业园区", "高新园区"),
    ("经济开发区", "经开区"),
)


class ZoneNamer:
    """Drafts English and short names of zones from their Chinese names.

    A zone's name is cut into place names, the generic words of ZONE_TERMS,
    and leftover runs written as one pinyin word each (江苏海门工业园区 →
    Jiangsu | Haimen | Industrial Park). `places` (provinces, cities and full
    county names: 江苏, 南通市, 海门区) and county names without their suffix
    (`loose_places`: 海门) count as words only where a word may start, so
    三亚亚龙湾 stays Sanya Yalongwan rather than Sanya Ya Longwan. A county
    name may also be spelled with its suffix, which then always counts.
    """

    def __init__(self, places, loose_places=None, province_prefixes=()):
        self.words = {**places, **ZONE_TERMS}
        self.loose_places = {
            word: english
            for word, english in (loose_places or {}).items()
            if word not in self.words
        }
        self.longest = max(len(word) for word in [*self.words, *self.loose_places])
        # Province names a zone's name may start with (江苏, 江苏省), dropped
        # from its short name; municipalities and provinces sharing their name
        # with a city (吉林) are not in this list.
        self.province_prefixes = sorted(province_prefixes, key=len, reverse=True)

    @classmethod
    def from_regions(cls, regions):
        """Build from (name, level) pairs of the imported regions."""
        places = {}
        loose_places = {}
        provinces = {}
        city_shorts = set()
        for name, level in regions:
            short, _suffix = strip_suffix(name, level)
            places[name] = region_english(name, level)
            if len(short) < 2:
                continue
            if level == "county":
                loose_places.setdefault(short, place_english(short, level))
            else:
                places.setdefault(short, place_english(short, level))
            if level == "province" and not name.endswith("市"):
                provinces[name] = short
            if level == "city":
                city_shorts.add(short)
        prefixes = [
            prefix
            for name, short in provinces.items()
            if short not in city_shorts
            for prefix in (name, short)
        ]
        return cls(places, loose_places, prefixes)

    def _word_at(self, name, position, run_length):
        """The longest known word starting at `position`, or None.

        `run_length` counts the unknown characters just before `position`:
        places start only after a boundary, and a one-character word never
        follows a lone character (临港 is Lingang, not Lin Port).
        """
        after_boundary = run_length == 0
        for length in range(min(self.longest, len(name) - position), 0, -1):
            word = name[position : position + length]
            if word in ZONE_TERMS:
                return word
            if after_boundary and (word in self.words or word in self.loose_places):
                return word
        character = name[position]
        if (
            character in SHORT_TERMS
            and run_length != 1
            and self._boundary_at(name, position + 1)
        ):
            return character
        return None

    def _boundary_at(self, name, position):
        if position >= len(name) or name[position] in SEPARATORS:
            return True
        if LETTERED_AREA.match(name, position):
            return True
        if name[position] == "及":
            return True
        end = min(self.longest, len(name) - position)
        if any(name[position : position + n] in self.words for n in range(2, end + 1)):
            return True
        character = name[position]
        return character in SHORT_TERMS and self._boundary_at(name, position + 1)

    def _tokens(self, name):
        """Yield (text, english) tokens; english is None for unknown runs."""
        run = []
        position = 0
        while position < len(name):
            character = name[position]
            if character in SEPARATORS:
                if run:
                    yield "".join(run), None
                    run = []
                position += 1
                continue
            lettered = LETTERED_AREA.match(name, position)
            if lettered:
                if run:
                    yield "".join(run), None
                    run = []
                yield lettered.group(0), f"Area {lettered.group(1).upper()}"
                position = lettered.end()
                continue
            word = self._word_at(name, position, len(run))
            if word is None:
                run.append(character)
                position += 1
                continue
            if run:
                yield "".join(run), None
                run = []
            if word in self.words:
                yield word, self.words[word]
            elif word in self.loose_places:
                yield word, self.loose_places[word]
            else:
                yield word, SHORT_TERMS[word]
            position += len(word)
        if run:
            yield "".join(run), None

    def english(self, name):
        """海门经济技术开发区 → Haimen Economic and Technological Development Zone."""
        name = INCLUDES_NOTE.sub("", name)
        words = []
        for text, english in self._tokens(name):
            words.append(english if english is not None else pinyin_word(text))
        return " ".join(word for word in words if word)

    def untranslated(self, name):
        """The parts of a name the draft writes in pinyin: places mostly
        (张江 Zhangjiang), but also words no table knows yet, for staff to
        check."""
        name = INCLUDES_NOTE.sub("", name)
        return [text for text, english in self._tokens(name) if english is None]

    def short_name(self, name):
        """海门经济技术开发区 → 海门经开区; 江苏海门工业园区 → 海门工业园区.

        Returns "" when the name has no shorter usual form (南通综合保税区).
        """
        short = INCLUDES_NOTE.sub("", name)
        for prefix in self.province_prefixes:
            rest = short[len(prefix) :].lstrip("".join(SEPARATORS))
            # Keep the prefix when the kind follows it directly: 吉林经济技术
            # 开发区 is named after the province (or city) alone.
            if short.startswith(prefix) and not rest.startswith(tuple(ZONE_TERMS)):
                short = rest
                break
        for long_form, short_form in SHORT_FORMS:
            if short.endswith(long_form):
                short = short[: -len(long_form)] + short_form
                break
        return "" if short == name else short
