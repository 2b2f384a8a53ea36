# ruff: noqa: E501 (prose: one paragraph per line reads better than wrapped strings)
"""Profiles of the demo zones.

Figures are the catalogue's own (approval date, approved area, leading
industries) or the reference page's (the Sijia parks); everything else is
deliberately general. Contacts are placeholders that reach no one.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoPark:
    name: str
    name_en: str
    planned_area_mu: int
    industries: str
    description: str


@dataclass(frozen=True)
class DemoZone:
    name: str  # the official catalogue name, used to look the zone up
    short_name: str
    key: str  # seeds the pictures and names their files
    motif: str
    palette: str
    cover_alt: str
    profile: tuple[str, ...]
    profile_en: tuple[str, ...]
    area_code: str  # for the placeholder phone numbers
    address: str
    parks: tuple[DemoPark, ...] = field(default_factory=tuple)

    @property
    def phone(self):
        return f"+86-{self.area_code}-0000-0101"

    @property
    def fax(self):
        return f"+86-{self.area_code}-0000-0102"

    @property
    def email(self):
        return f"invest-{self.key}@example.com"

    @property
    def website(self):
        return f"https://www.example.com/zones/{self.key}/"


HAIMEN = "海门经济技术开发区"
NANTONG = "南通经济技术开发区"
SUZHOU_SIP = "苏州工业园区"
KUNSHAN = "昆山经济技术开发区"
CAOHEJING = "漕河泾新兴技术开发区"
HANGZHOU = "杭州经济技术开发区"
HEFEI = "合肥高新技术产业开发区"
CHENGDU = "成都高新技术产业开发区"
GUANGZHOU = "广州经济技术开发区"
XIAN = "西安高新技术产业开发区"


ZONES = (
    DemoZone(
        name=HAIMEN,
        short_name="海门经开区",
        key="haimen-etdz",
        motif="factory",
        palette="dawn",
        cover_alt="示意插图：晨光中的锯齿形厂房屋顶和一座烟囱",
        profile=(
            "海门经济技术开发区位于江苏省南通市海门区，地处长江入海口北岸，与上海崇明岛隔江相望，是长三角北翼承接沪苏产业协作的平台之一。海门原为县级市，2020年改设为南通市海门区。",
            "开发区于2013年1月经国务院批准升级为国家级经济技术开发区。《中国开发区审核公告目录》（2018年版）记载的核准面积为488公顷，主导产业为装备制造、生物医药和机电。",
            "区内的四甲镇以通吕运河为中轴规划了两个产业园：运河南侧是航天新材料科技产业园，北侧是半导体装备产业园，规划面积都在3000亩以上，其中半导体装备产业园已建成约500亩。两个园区为新材料、精密成型和半导体配套项目提供了成片的发展空间。",
            "开发区为投资者提供项目咨询、选址踏勘和审批代办等服务，欢迎通过本页所列方式与招商部门联系。",
        ),
        profile_en=(
            "Haimen Economic and Technological Development Zone lies in Haimen, Nantong, Jiangsu, on the north bank of the Yangtze estuary across the river from Shanghai's Chongming Island. Haimen was a county-level city until 2020, when it became a district of Nantong.",
            "The State Council raised the zone to national level in January 2013. The 2018 national catalogue lists an approved area of 488 hectares and three leading industries: equipment manufacturing, biomedicine and electromechanical products.",
            "In the town of Sijia, two industrial parks face each other across the Tonglü Canal: the aerospace new-materials park to the south and the semiconductor-equipment park to the north, each planned at more than 3,000 mu (about 200 hectares); about 500 mu of the semiconductor park is already built.",
        ),
        area_code="513",
        address="江苏省南通市海门区示例大道1号",
        parks=(
            DemoPark(
                name="航天新材料科技产业园",
                name_en="Aerospace New Materials Science and Technology Park",
                planned_area_mu=3000,
                industries="航天新材料、轻合金精密成型、轻量化汽车零部件",
                description="位于四甲镇通吕运河南侧，规划面积3000亩以上。园区以省级重大项目轻合金新材料精密成型生产项目为支撑，该项目于2019年6月30日开工；轻量化汽车零部件项目已经投产。园区的目标是建成集研发、制造和服务于一体的省级航天新材料产业示范园区。",
            ),
            DemoPark(
                name="半导体装备产业园",
                name_en="Semiconductor Equipment Industrial Park",
                planned_area_mu=3000,
                industries="半导体装备、精密机械、新材料",
                description="位于四甲镇通吕运河北侧，规划面积3000亩以上，已建成约500亩。园区依托原有的装备产业园发展而来，集聚了多家台资精密制造企业和本地骨干企业，是省级科技产业园和南通市特色工业园区，园内有省级工程技术中心3家。",
            ),
        ),
    ),
    DemoZone(
        name=NANTONG,
        short_name="南通开发区",
        key="nantong-etdz",
        motif="port",
        palette="day",
        cover_alt="示意插图：江边码头上的集装箱和两台岸桥",
        profile=(
            "南通经济技术开发区位于江苏省南通市区东南部，濒临长江。开发区于1984年12月经国务院批准设立，是全国最早的一批国家级经济技术开发区之一。",
            "目录记载的核准面积为2429公顷，主导产业为医药健康、电子信息和精密机械。沿江的港口和过江通道让园区企业与上海、苏南的协作更加便利。",
            "开发区重视研发机构和公共技术平台的建设，鼓励企业与高校、科研院所开展合作，也为外资企业提供外事、海关、人才等方面的一站式咨询。",
        ),
        profile_en=(
            "Nantong Economic and Technological Development Zone lies in the south-east of Nantong city on the Yangtze. Approved by the State Council in December 1984, it is one of the first national-level development zones in China.",
            "The catalogue lists an approved area of 2,429 hectares; its leading industries are health and pharmaceuticals, electronic information and precision machinery. Riverside ports and river crossings tie its companies to Shanghai and southern Jiangsu.",
        ),
        area_code="513",
        address="江苏省南通市崇川区示例路2号",
    ),
    DemoZone(
        name=SUZHOU_SIP,
        short_name="苏州工业园区",
        key="suzhou-sip",
        motif="skyline",
        palette="day",
        cover_alt="示意插图：晴空下高低错落的办公楼群",
        profile=(
            "苏州工业园区位于苏州古城东侧，是中国和新加坡两国政府合作开发的项目，1994年2月经国务院批准设立。",
            "目录记载的核准面积为8000公顷，主导产业为电子信息、生物医药和纳米技术。园区规划注重产业、居住和生态空间的统筹，金鸡湖一带的商务区和湖滨景观是园区的标志。",
            "园区在借鉴新加坡规划和管理经验的基础上形成了自己的服务体系，招商部门可为企业提供从选址到投产的全程对接。",
        ),
        profile_en=(
            "Suzhou Industrial Park lies east of the old city of Suzhou. A cooperation project between the governments of China and Singapore, it was approved by the State Council in February 1994.",
            "The catalogue lists an approved area of 8,000 hectares and three leading industries: electronic information, biomedicine and nanotechnology. The business district around Jinji Lake is the park's best-known face.",
            "Drawing on Singapore's experience in planning and public administration, the park offers investors a single point of contact from site selection to the start of production.",
        ),
        area_code="512",
        address="江苏省苏州市示例大道3号",
    ),
    DemoZone(
        name=KUNSHAN,
        short_name="昆山开发区",
        key="kunshan-etdz",
        motif="factory",
        palette="mist",
        cover_alt="示意插图：薄雾中的厂房和烟囱",
        profile=(
            "昆山经济技术开发区位于江苏省昆山市，东接上海，西连苏州。开发区起步于上世纪80年代由地方自主兴办的工业小区，1992年8月经国务院批准成为国家级经济技术开发区。",
            "目录记载的核准面积为1000公顷，主导产业为电子信息、光电和装备机械。台资企业在这里集聚较早，形成了较为完整的电子信息配套体系。",
            "开发区近年来推动制造业向研发、检测和供应链服务等环节延伸，欢迎相关项目来区考察。",
        ),
        profile_en=(),  # left without English: the English page then says so
        area_code="512",
        address="江苏省苏州市昆山市示例路4号",
    ),
    DemoZone(
        name=CAOHEJING,
        short_name="漕河泾开发区",
        key="caohejing",
        motif="skyline",
        palette="dusk",
        cover_alt="示意插图：黄昏时分亮着灯的写字楼",
        profile=(
            "漕河泾新兴技术开发区位于上海市中心城区西南部，1988年6月经国务院批准设立，是上海较早发展高新技术产业的园区之一。",
            "目录记载的核准面积为1330公顷，主导产业为电子信息、新材料和生物医药。园区以研发、设计和总部经济见长，楼宇型产业空间较多。",
            "开发区为入驻企业提供科技服务、人才服务和国际交流等配套，适合研发中心、区域总部和科技型中小企业落户。",
        ),
        profile_en=(
            "Caohejing Hi-Tech Park lies in the south-west of central Shanghai. Approved by the State Council in June 1988, it was one of the city's first parks for high-technology industries.",
            "The catalogue lists an approved area of 1,330 hectares; its leading industries are electronic information, new materials and biomedicine. Research, design and regional headquarters fill much of its office space.",
        ),
        area_code="21",
        address="上海市徐汇区示例路5号",
    ),
    DemoZone(
        name=HANGZHOU,
        short_name="杭州经开区",
        key="hangzhou-etdz",
        motif="bridge",
        palette="spring",
        cover_alt="示意插图：江面上的斜拉桥",
        profile=(
            "杭州经济技术开发区位于杭州市东部、钱塘江北岸，1993年4月经国务院批准设立。2021年杭州调整行政区划后，开发区所在区域属钱塘区。",
            "目录记载的核准面积为1000公顷，主导产业为装备制造、生物医药和信息技术。区内的下沙高教园区汇集了多所高校，为企业提供了人才和科研合作的便利。",
            "开发区鼓励产学研合作项目落地，对研发型企业和创新平台提供场地和服务方面的支持。",
        ),
        profile_en=(
            "Hangzhou Economic and Technological Development Zone lies in the east of Hangzhou on the north bank of the Qiantang River. The State Council approved it in April 1993; since 2021 its area belongs to Qiantang District.",
            "The catalogue lists 1,000 hectares and three leading industries: equipment manufacturing, biomedicine and information technology. The Xiasha higher-education park within the zone gives companies easy access to graduates and university laboratories.",
        ),
        area_code="571",
        address="浙江省杭州市钱塘区示例大道6号",
    ),
    DemoZone(
        name=HEFEI,
        short_name="合肥高新区",
        key="hefei-hitech",
        motif="lab",
        palette="mist",
        cover_alt="示意插图：由圆点和连线组成的分子结构",
        profile=(
            "合肥高新技术产业开发区位于安徽省合肥市西南部，1991年3月经国务院批准设立，是首批国家级高新区之一。",
            "目录记载的核准面积为1850公顷，主导产业为家电及配套、汽车和电子信息。合肥的高校和科研院所较为集中，园区在科技成果转化方面有较好的基础。",
            "园区为科技型企业提供孵化、加速和产业化各阶段的空间与服务。",
        ),
        profile_en=(
            "Hefei National High-tech Industry Development Zone lies in the south-west of Hefei, Anhui. Approved in March 1991, it was among the first national high-tech zones.",
            "The catalogue lists 1,850 hectares; its leading industries are household appliances and their supply chain, automobiles and electronic information. Hefei's many universities and research institutes make the zone a natural place to turn research into products.",
        ),
        area_code="551",
        address="安徽省合肥市蜀山区示例路7号",
    ),
    DemoZone(
        name=CHENGDU,
        short_name="成都高新区",
        key="chengdu-hitech",
        motif="skyline",
        palette="mist",
        cover_alt="示意插图：薄雾中的城市天际线",
        profile=(
            "成都高新技术产业开发区位于四川省成都市，1991年3月经国务院批准设立，是西部地区重要的高新技术产业集聚区。",
            "目录记载的核准面积为2150公顷，主导产业为信息技术、装备制造和生物。园区在软件和集成电路设计、生物医药等领域聚集了较多企业。",
            "高新区面向国内外投资者提供政策咨询、人才引进和企业服务，欢迎来区洽谈。",
        ),
        profile_en=(
            "Chengdu Hi-tech Industrial Development Zone, approved in March 1991, is one of the main clusters of high-technology industry in western China.",
            "The catalogue lists 2,150 hectares and three leading industries: information technology, equipment manufacturing and biotechnology. Software, chip design and biomedicine companies are especially numerous.",
        ),
        area_code="28",
        address="四川省成都市武侯区示例路8号",
    ),
    DemoZone(
        name=GUANGZHOU,
        short_name="广州开发区",
        key="guangzhou-etdz",
        motif="port",
        palette="dusk",
        cover_alt="示意插图：傍晚的港口，岸桥和堆叠的集装箱",
        profile=(
            "广州经济技术开发区位于广州市东部的黄埔区，1984年12月经国务院批准设立，是全国首批国家级经济技术开发区之一。",
            "目录记载的核准面积为3857.72公顷，主导产业为电子及通信设备、化工和汽车。毗邻黄埔港的区位让园区企业的进出口物流较为便捷。",
            "开发区与区内其他国家级园区协同管理，为投资者提供一站式的审批和企业服务。",
        ),
        profile_en=(
            "Guangzhou Economic and Technological Development Zone lies in Huangpu District in the east of Guangzhou. Approved in December 1984, it was among the first national-level development zones.",
            "The catalogue lists 3,857.72 hectares; its leading industries are electronics and telecommunications equipment, chemicals and automobiles. Huangpu Port next door keeps import and export logistics short.",
        ),
        area_code="20",
        address="广东省广州市黄埔区示例大道9号",
    ),
    DemoZone(
        name=XIAN,
        short_name="西安高新区",
        key="xian-hitech",
        motif="wafer",
        palette="night",
        cover_alt="示意插图：布满芯片晶粒的硅晶圆",
        profile=(
            "西安高新技术产业开发区位于陕西省西安市西南部，1991年3月经国务院批准设立，是首批国家级高新区之一。",
            "目录记载的核准面积为2235公顷，主导产业为半导体、智能终端和装备制造。西安高校和科研院所众多，电子和航空航天领域的人才储备较为丰富。",
            "高新区面向半导体产业链上下游企业开展招商，重点关注设备、材料和封装测试等环节。",
        ),
        profile_en=(),  # left without English on purpose
        area_code="29",
        address="陕西省西安市雁塔区示例路10号",
    ),
)
