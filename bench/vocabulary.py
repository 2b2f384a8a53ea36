"""Words and sentence patterns the benchmark generator builds articles from.

All of it is written for this project: plausible zone-news Chinese (and some
English) so that titles, summaries and bodies have the length, character mix
and repetition of the real thing, and so that search terms such as 半导体 or
新能源汽车 match a realistic share of articles (a few per cent, not all).
"""

# (Chinese, English) pairs; the order is roughly how often zones mention them,
# and the generator draws with a Zipf-like weight over this order.
INDUSTRIES = [
    ("装备制造", "equipment manufacturing"),
    ("电子信息", "electronic information"),
    ("新材料", "new materials"),
    ("生物医药", "biomedicine"),
    ("新能源汽车", "new-energy vehicles"),
    ("智能制造", "intelligent manufacturing"),
    ("现代物流", "modern logistics"),
    ("集成电路", "integrated circuits"),
    ("半导体", "semiconductors"),
    ("汽车零部件", "auto parts"),
    ("精细化工", "fine chemicals"),
    ("食品加工", "food processing"),
    ("纺织服装", "textiles and apparel"),
    ("数字经济", "digital economy"),
    ("人工智能", "artificial intelligence"),
    ("光伏", "photovoltaics"),
    ("锂电池", "lithium batteries"),
    ("医疗器械", "medical devices"),
    ("高端装备", "high-end equipment"),
    ("节能环保", "energy saving and environmental protection"),
    ("跨境电商", "cross-border e-commerce"),
    ("软件和信息服务", "software and IT services"),
    ("船舶海工", "shipbuilding and offshore engineering"),
    ("航空航天", "aerospace"),
    ("轨道交通", "rail transit"),
    ("工业互联网", "industrial internet"),
    ("氢能", "hydrogen energy"),
    ("储能", "energy storage"),
    ("5G通信", "5G communications"),
    ("大数据", "big data"),
    ("云计算", "cloud computing"),
    ("机器人", "robotics"),
    ("新型显示", "new displays"),
    ("绿色建材", "green building materials"),
    ("现代农业", "modern agriculture"),
    ("文化旅游", "culture and tourism"),
    ("金融服务", "financial services"),
    ("家居制造", "home furnishings"),
    ("传感器", "sensors"),
    ("北斗导航", "BeiDou navigation"),
    ("中医药", "traditional Chinese medicine"),
    ("冷链物流", "cold-chain logistics"),
    ("无人机", "drones"),
    ("半导体装备", "semiconductor equipment"),
    ("碳纤维", "carbon fibre"),
    ("光电子", "optoelectronics"),
    ("智能网联汽车", "connected vehicles"),
    ("生物育种", "bio-breeding"),
    ("新型储能电池", "new energy-storage batteries"),
    ("高性能纤维", "high-performance fibres"),
]

TOPICS = [
    "招商引资", "项目签约", "营商环境", "开工建设", "竣工投产", "外商投资",
    "科技创新", "人才引进", "政策解读", "园区建设", "对外开放", "自贸试验区",
    "专精特新", "高新技术企业", "绿色低碳", "数字化转型", "一带一路",
    "长三角一体化", "粤港澳大湾区", "京津冀协同发展", "乡村振兴", "稳外贸",
    "总部经济", "产城融合", "亩均效益", "标准厂房", "综合保税区", "首店经济",
    "企业服务", "安全生产", "重点项目", "产业链招商", "双招双引", "投资推介会",
]  # fmt: skip

CHANNELS = [
    ("园区动态", "Zone news", "zone-news"),
    ("招商信息", "Investment", "investment"),
    ("项目建设", "Projects", "projects"),
    ("产业资讯", "Industry", "industry"),
    ("政策法规", "Policies", "policies"),
    ("图片新闻", "Pictures", "pictures"),
]

NATIONAL_SOURCES = [
    ("新华社", "Xinhua"),
    ("人民日报", "People's Daily"),
    ("经济日报", "Economic Daily"),
    ("中国日报", "China Daily"),
    ("中国新闻网", "China News"),
    ("商务部", "Ministry of Commerce"),
    ("中国开发区网", "China Development Zones Network"),
]

BRAND_HEADS = "华中瑞博远鼎盛恒宏泰新科联创天启海星北辰凯晶芯睿智信达安捷"
BRAND_TAILS = "芯能材医电数智通航源光微控联科创研德信诚"
COMPANY_SUFFIXES = [
    "科技有限公司", "股份有限公司", "新材料有限公司", "智能装备有限公司",
    "生物科技有限公司", "电子有限公司", "集团", "半导体有限公司",
]  # fmt: skip

TITLE_PATTERNS = [
    "{zone}{industry}产业项目集中签约",
    "总投资{amount}亿元的{industry}项目在{zone}开工",
    "{zone}召开{year}年{quarter}招商引资推进会",
    "{company}{industry}基地落户{zone}",
    "{zone}{industry}产业园{phase}期竣工投产",
    "{province}出台支持{industry}发展若干措施",
    "{zone}举办{industry}产业链对接会",
    "{city}{topic}工作取得新进展",
    "{zone}前{months}个月实际利用外资同比增长{percent}%",
    "{zone}获评{year}年度{honor}",
    "{company}在{zone}新建{industry}研发中心",
    "{zone}：以{topic}推动{industry}高质量发展",
    "{city}{industry}产业规模突破{amount}亿元",
    "{zone}与{company}签署战略合作协议",
    "{zone}{topic}专项行动启动",
    "{province}公布{year}年{topic}重点项目清单",
]  # fmt: skip

HONOURS = [
    "省级特色产业园区", "绿色园区", "先进开发区", "国家新型工业化产业示范基地",
    "智慧园区试点", "外资研发中心集聚区", "营商环境创新示范区",
]  # fmt: skip

QUARTERS = ["一季度", "二季度", "三季度", "四季度", "上半年", "全年"]

# Body sentences. A paragraph strings four to six of them together.
SENTENCE_PATTERNS = [
    "{date}，{zone}举行{industry}重点项目集中签约仪式，共签约项目{count}个，总投资{amount}亿元。",
    "项目建成后，预计可实现年产值{amount}亿元，新增就业岗位{jobs}个。",
    "{company}相关负责人表示，看中的是{zone}完善的产业配套和高效的政务服务。",
    "近年来，{zone}聚焦{industry}、{industry2}等主导产业，持续推进产业链招商。",
    "今年以来，{zone}累计引进亿元以上项目{count}个，其中外资项目{count2}个。",
    "{zone}管委会主要负责人介绍，园区将围绕{topic}，进一步优化营商环境。",
    "据了解，该项目占地约{mu}亩，主要建设{industry}生产线及配套研发设施。",
    "{city}将{zone}作为{topic}的主阵地，出台了一系列支持政策。",
    "会上，与会企业代表围绕{industry}产业发展、人才引进等话题进行了交流。",
    "{zone}{year}年实现地区生产总值{amount}亿元，同比增长{percent}%。",
    "下一步，{zone}将坚持{topic}与{industry}产业发展双轮驱动。",
    "目前，园区已集聚{industry}相关企业{count}家，初步形成较为完整的产业链条。",
    "活动现场，{count}家企业与园区签订投资意向协议。",
    "该项目从签约到开工仅用时{days}天，刷新了{zone}项目建设的新速度。",
    "{zone}深入推进“放管服”改革，企业开办时间压缩至{days2}个工作日以内。",
    "园区配套建设标准厂房{area}万平方米，可满足企业“拎包入驻”需求。",
    "{company}计划分{phase}期建设，首期投资{amount2}亿元，预计明年投产。",
    "此次推介会吸引了来自{countries}个国家和地区的{count}余名客商参加。",
    "{zone}获批{honor}，标志着园区{topic}迈上新台阶。",
    "相关部门将加强要素保障，全力推动项目早开工、早投产、早见效。",
]  # fmt: skip

# English articles (language "en"): a few per cent, as on a Chinese portal.
EN_TITLE_PATTERNS = [
    "{zone_en} signs {count} {industry_en} projects worth {amount} billion yuan",
    "{company_en} opens {industry_en} plant in {zone_en}",
    "{zone_en} reports {percent}% growth in foreign investment",
    "{city_en} launches support measures for {industry_en}",
    "Investment fair in {zone_en} draws {count} companies",
]
EN_SENTENCE_PATTERNS = [
    "{zone_en} signed {count} projects in {industry_en} on {date_en},"
    " with total investment of {amount} billion yuan.",
    "Once completed, the projects are expected to create {jobs} jobs.",
    "The zone has focused on {industry_en} and {industry2_en} in recent years.",
    "Officials said the zone will keep improving its business environment"
    " for foreign investors.",
    "The plant covers about {mu} mu and will start production next year.",
    "More than {count} companies from {countries} countries and regions"
    " attended the event.",
    "{city_en} has made {zone_en} the main platform for its {industry_en} industry.",
]  # fmt: skip
