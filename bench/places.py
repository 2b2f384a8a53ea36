"""Provinces and a few cities each, for a bench database without the imports.

The generator prefers the real data (`import_regions`, `import_zones`); this
list only lets it run before those commands exist or without their data
files. Province codes are the real GB/T 2260 ones; city codes are made up
(province code + a running number), which is fine for load testing.
"""

PROVINCES = [
    ("11", "北京市", ["北京"]),
    ("12", "天津市", ["天津"]),
    ("13", "河北省", ["石家庄", "唐山", "秦皇岛", "邯郸", "保定", "廊坊", "沧州"]),
    ("14", "山西省", ["太原", "大同", "长治", "晋中", "运城"]),
    ("15", "内蒙古自治区", ["呼和浩特", "包头", "鄂尔多斯", "赤峰"]),
    ("21", "辽宁省", ["沈阳", "大连", "鞍山", "营口", "锦州"]),
    ("22", "吉林省", ["长春", "吉林", "四平", "延边"]),
    ("23", "黑龙江省", ["哈尔滨", "齐齐哈尔", "大庆", "牡丹江"]),
    ("31", "上海市", ["上海"]),
    (
        "32",
        "江苏省",
        [
            "南京",
            "无锡",
            "徐州",
            "常州",
            "苏州",
            "南通",
            "连云港",
            "淮安",
            "盐城",
            "扬州",
            "镇江",
            "泰州",
            "宿迁",
        ],
    ),  # fmt: skip
    ("33", "浙江省", ["杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州"]),
    ("34", "安徽省", ["合肥", "芜湖", "蚌埠", "马鞍山", "安庆", "滁州"]),
    ("35", "福建省", ["福州", "厦门", "泉州", "漳州", "莆田"]),
    ("36", "江西省", ["南昌", "九江", "赣州", "上饶", "宜春"]),
    ("37", "山东省", ["济南", "青岛", "淄博", "烟台", "潍坊", "济宁", "临沂", "威海"]),
    ("41", "河南省", ["郑州", "洛阳", "新乡", "许昌", "南阳", "开封"]),
    ("42", "湖北省", ["武汉", "宜昌", "襄阳", "荆州", "黄石"]),
    ("43", "湖南省", ["长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德"]),
    ("44", "广东省", ["广州", "深圳", "珠海", "佛山", "东莞", "中山", "惠州", "江门"]),
    ("45", "广西壮族自治区", ["南宁", "柳州", "桂林", "北海", "钦州"]),
    ("46", "海南省", ["海口", "三亚", "儋州"]),
    ("50", "重庆市", ["重庆"]),
    ("51", "四川省", ["成都", "绵阳", "德阳", "宜宾", "泸州"]),
    ("52", "贵州省", ["贵阳", "遵义", "安顺"]),
    ("53", "云南省", ["昆明", "曲靖", "玉溪", "红河"]),
    ("54", "西藏自治区", ["拉萨"]),
    ("61", "陕西省", ["西安", "宝鸡", "咸阳", "渭南", "榆林"]),
    ("62", "甘肃省", ["兰州", "天水", "酒泉"]),
    ("63", "青海省", ["西宁", "海东"]),
    ("64", "宁夏回族自治区", ["银川", "石嘴山", "吴忠"]),
    ("65", "新疆维吾尔自治区", ["乌鲁木齐", "克拉玛依", "伊犁", "喀什"]),
]

# (name suffix, short-name suffix, English suffix, kind)
ZONE_KINDS = [
    ("经济技术开发区", "经开区", "Economic and Technological Development Zone",
     "etdz"),
    ("高新技术产业开发区", "高新区", "High-tech Industrial Development Zone",
     "high_tech"),
    ("综合保税区", "综保区", "Comprehensive Bonded Zone", "customs"),
    ("经济开发区", "开发区", "Economic Development Zone", "economic"),
    ("工业园区", "工业园", "Industrial Park", "industrial"),
    ("产业园区", "产业园", "Industrial Park", "other"),
]  # fmt: skip

# Place words that make synthetic zone names distinct within one city.
DISTRICT_WORDS = "东西南北中新港滨江湖山海城临空沿江高铁"
