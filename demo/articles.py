# ruff: noqa: E501 (prose: one block of HTML per line reads better than wrapped strings)
"""The demo news: original articles about the demo zones, as Python data.

Each article is keyed by its title and zone, so `load_demo` can tell what
exists already. Bodies are written in the markup the sanitizer allows
(tests check that cleaning leaves them unchanged). Pictures are drawn by
`demo.pictures`; their descriptions say they are illustrations.

Times are Beijing time. Scheduled articles give `publish_in_days` instead of
a date, counted from the first load so they are always in the future then.
"""

from dataclasses import dataclass, field

from demo.zones import (
    CAOHEJING,
    CHENGDU,
    GUANGZHOU,
    HAIMEN,
    HANGZHOU,
    HEFEI,
    KUNSHAN,
    NANTONG,
    SUZHOU_SIP,
    XIAN,
)

CREDIT = "本站演示插图"
CREDIT_EN = "Demo illustration"


@dataclass(frozen=True)
class Picture:
    motif: str
    alt: str
    caption: str = ""
    palette: str | None = None


@dataclass(frozen=True)
class DemoArticle:
    key: str  # seeds the pictures and names their files; never shown
    title: str
    zone: str | None  # official zone name, or None for the portal's own news
    channel: str  # channel slug
    source: str | None
    body: str
    published: str = ""  # "YYYY-MM-DD HH:MM", Beijing time
    publish_in_days: int | None = None  # scheduled: days after the first load
    kind: str = "text"
    language: str = "zh-hans"
    status: str = "published"
    subtitle: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    related_zones: tuple[str, ...] = ()
    region_code: str = ""  # for articles without a zone
    is_featured: bool = False
    source_url: str = ""
    originally_published_on: str = ""  # "YYYY-MM-DD"
    cover: Picture | None = None
    gallery: tuple[Picture, ...] = field(default_factory=tuple)

    @property
    def html(self):
        """The body as stored: one block per line, no stray indentation."""
        lines = (line.strip() for line in self.body.strip().splitlines())
        return "\n".join(line for line in lines if line)

    @property
    def credit(self):
        return CREDIT_EN if self.language == "en" else CREDIT


HAIMEN_ARTICLES = (
    DemoArticle(
        key="haimen-sijia-two-parks",
        title="运河两岸建新园 四甲镇谋划高端制造新布局",
        zone=HAIMEN,
        channel="zone-news",
        source="海门市人民政府",
        published="2019-11-12 09:30",
        tags=("新材料", "半导体", "产业园", "招商引资"),
        source_url="https://www.example.com/haimen/news/2019/11/12/sijia.html",
        originally_published_on="2019-11-12",
        cover=Picture(
            "factory", "示意插图：晨光里的锯齿形厂房屋顶和一座烟囱", palette="dawn"
        ),
        body="""
        <p>地处海门东部的四甲镇，近年来借助区域交通条件改善的机会，把产业平台建设摆在全镇工作的突出位置。今年以来，全镇一手抓园区建设和招商引资，一手抓经济运行和环境整治，几项重点工作都有了新进展。</p>
        <h2>两大园区分列通吕运河两岸</h2>
        <p>在梳理多年产业积累的基础上，四甲镇重新谋划了产业布局：以通吕运河为中轴，南岸建设航天新材料科技产业园，北岸建设半导体装备产业园，两个园区的规划面积都在3000亩以上。园区的产业规划、区域环评、规划调整、征地和安置房建设等前期工作正在同步推进。</p>
        <table>
        <thead>
        <tr><th scope="col">园区</th><th scope="col">位置</th><th scope="col">规划面积</th><th scope="col">发展方向</th></tr>
        </thead>
        <tbody>
        <tr><td>航天新材料科技产业园</td><td>通吕运河南岸</td><td>3000亩以上</td><td>航天新材料、轻合金精密成型、轻量化汽车零部件</td></tr>
        <tr><td>半导体装备产业园</td><td>通吕运河北岸</td><td>3000亩以上，已建成约500亩</td><td>半导体装备、精密机械</td></tr>
        </tbody>
        </table>
        <p>南岸园区已引进轻合金新材料、轻量化汽车零部件等重点项目，其中汽车零部件项目已经投产。北岸园区集聚了一批台资精密制造企业和本地骨干企业，是省级科技产业园和南通市特色工业园区，建有3家省级工程技术中心。</p>
        <h2>重点项目加快推进</h2>
        <p>轻合金新材料精密成型生产项目是四甲镇历史上投资规模最大的项目，也是省级重大项目，6月30日开工以来进展顺利，一期部分结构已经封顶。镇里坚持每周召开项目推进会，现场协调建设中遇到的问题。</p>
        <p>招商方面，全镇建立了招商信息日报制度，对成熟度较高的项目由镇主要负责人直接跟进洽谈。今年以来，不锈钢加工、特种钢丝等多个超亿元项目相继签约。</p>
        <h2>人居环境同步改善</h2>
        <p>抓项目的同时，四甲镇推行网格化控违拆违，人工巡查与无人机巡查相结合，提前完成了年度拆违任务；生活垃圾分类也在全镇铺开，各村结合实际摸索出了各自的办法。</p>
        """,
    ),
    DemoArticle(
        key="haimen-light-alloy-groundbreaking",
        title="四甲镇轻合金新材料精密成型项目开工",
        zone=HAIMEN,
        channel="projects",
        source="海门市人民政府",
        published="2019-07-01 16:20",
        tags=("新材料", "重大项目"),
        body="""
        <p>6月30日，位于四甲镇的轻合金新材料精密成型生产项目正式开工。该项目列入江苏省重大项目，是四甲镇迄今投资规模最大的产业项目。</p>
        <p>项目选址在通吕运河南岸规划建设的航天新材料科技产业园内，建成后将成为园区的支撑型项目，带动上下游配套企业向园区集聚。</p>
        <p>为保证项目按期推进，镇里成立了项目服务专班，每周召开推进例会，对用地、用电、施工许可等事项逐项跟踪，力争一期工程尽快建成。</p>
        """,
    ),
    DemoArticle(
        key="haimen-district-services",
        title="撤市设区之后 海门经开区企业服务不断档",
        zone=HAIMEN,
        channel="zone-news",
        source="海门区人民政府",
        published="2020-09-15 10:05",
        tags=("营商环境", "企业服务"),
        body="""
        <p>今年海门撤市设区，成为南通市的一个区。行政区划调整期间，海门经济技术开发区把稳定企业预期放在首位，确保各项服务衔接顺畅、办事渠道不变。</p>
        <h2>在建项目逐个过堂</h2>
        <p>开发区对区内在建和拟建项目逐一梳理，明确每个项目的责任人和时间节点，对需要重新办理或变更的手续提前告知企业，避免因机构调整影响工期。</p>
        <h2>服务举措</h2>
        <ul>
        <li>原有办事窗口和咨询电话保持不变，企业可照常办理业务；</li>
        <li>涉及名称变更的证照，由开发区统一协调办理；</li>
        <li>重点企业安排联络员上门走访，收集并回应诉求。</li>
        </ul>
        <p>开发区负责人表示，撤市设区为海门融入南通主城区、对接上海带来了新的空间，园区将借此进一步完善配套，提升综合服务能力。</p>
        """,
    ),
    DemoArticle(
        key="haimen-semiconductor-park-photos",
        title="图说半导体装备产业园：运河北岸的精密制造集群",
        zone=HAIMEN,
        channel="zone-news",
        source="海门经济技术开发区管委会",
        published="2021-05-20 15:40",
        kind="picture",
        tags=("半导体", "产业园", "园区风貌"),
        cover=Picture(
            "wafer", "示意插图：深色背景上布满芯片晶粒的硅晶圆", palette="night"
        ),
        gallery=(
            Picture(
                "factory",
                "示意插图：一排锯齿形屋顶的厂房",
                "园区北侧的标准厂房（示意图）",
                "mist",
            ),
            Picture(
                "wafer",
                "示意插图：浅色天空下的硅晶圆",
                "半导体装备企业的主要服务对象是晶圆制造（示意图）",
                "day",
            ),
            Picture(
                "greenery",
                "示意插图：河流两侧的绿色丘陵和树木",
                "通吕运河沿岸的生态绿带（示意图）",
                "spring",
            ),
        ),
        body="""
        <p>沿通吕运河北岸向东，半导体装备产业园的厂房成片排开。这个规划面积3000亩以上的园区目前已建成约500亩，入驻企业以精密零部件加工和半导体设备配套为主。</p>
        <p>园区由原有的装备产业园发展而来，较早引进的几家台资精密制造企业带动了一批本地配套企业成长。园区现为省级科技产业园和南通市特色工业园区。</p>
        <p>下一步，园区将继续完善道路、管网和标准厂房等基础设施，提升对半导体装备产业链项目的承载能力。</p>
        """,
    ),
    DemoArticle(
        key="haimen-chief-service-officers",
        title="海门经开区推行首席服务员制度 重点企业有专人对接",
        zone=HAIMEN,
        channel="investment-news",
        source="海门区人民政府",
        published="2022-03-08 09:15",
        tags=("营商环境", "企业服务"),
        body="""
        <p>海门经济技术开发区近日在区内重点企业中推行首席服务员制度，由开发区工作人员担任企业的固定联系人，负责政策咨询、诉求收集和问题协调。</p>
        <h3>一个电话找到人</h3>
        <p>每家重点企业都会拿到首席服务员的联系方式。企业在用工、用地、融资和审批方面遇到的问题，可以直接找服务员反映，由服务员牵头对接相关部门。</p>
        <h3>问题办结有回音</h3>
        <p>开发区对企业反映的问题建立台账，实行办结销号，定期向企业反馈进展。对于一时难以解决的问题，也要向企业说明原因和后续安排。</p>
        <p>开发区表示，这项制度将根据企业反馈不断调整，逐步覆盖更多成长型企业。</p>
        """,
    ),
    DemoArticle(
        key="haimen-project-landing-faq",
        title="投资海门经开区：项目落地流程问答",
        zone=HAIMEN,
        channel="policies",
        source="海门经济技术开发区管委会",
        published="2023-06-12 14:00",
        tags=("投资指南", "营商环境"),
        body="""
        <p>不少投资者在考察海门经济技术开发区时，会问到项目从洽谈到开工要经过哪些环节。我们把常见问题整理如下，具体事项以相关部门的最新规定为准。</p>
        <h3>项目落地大致分几步？</h3>
        <ol>
        <li>项目洽谈与考察选址；</li>
        <li>签订投资协议；</li>
        <li>公司注册与项目备案；</li>
        <li>土地出让或厂房租赁；</li>
        <li>规划、施工等审批手续；</li>
        <li>开工建设、竣工验收和投产。</li>
        </ol>
        <h3>审批手续可以委托办理吗？</h3>
        <p>可以。开发区提供审批代办服务，企业提交材料后，由代办人员陪同或代为办理，并及时告知进度。</p>
        <h3>没有自建厂房的需要，能否租用标准厂房？</h3>
        <p>园区建有一定数量的标准厂房，适合投资规模适中、希望尽快投产的项目。具体面积和条件可向招商部门咨询。</p>
        """,
    ),
    DemoArticle(
        key="haimen-shanghai-promotion",
        title="海门经开区赴上海开展产业链招商推介",
        zone=HAIMEN,
        channel="investment-news",
        source="海门经济技术开发区管委会",
        published="2024-04-18 17:10",
        is_featured=True,
        tags=("招商引资", "长三角", "装备制造"),
        cover=Picture("bridge", "示意插图：跨越江面的斜拉桥", palette="day"),
        body="""
        <p>海门经济技术开发区招商团队近日赴上海，围绕装备制造和生物医药两条产业链开展专题推介，与多家企业和行业协会进行了交流。</p>
        <h2>隔江相望的区位优势</h2>
        <p>海门与上海崇明隔江相望，随着过江通道和轨道交通的规划建设，两地往来更加便利。推介会上，开发区介绍了园区的产业基础、可用空间和配套服务，不少企业对把生产基地放在海门、研发和营销留在上海的布局方式表示关注。</p>
        <h2>围绕产业链找项目</h2>
        <p>开发区此次推介没有“撒大网”，而是根据区内龙头企业的配套需求，有针对性地邀请上下游企业参会。会后，双方约定就几个意向项目开展实地考察。</p>
        <p>开发区表示，今年将继续以长三角为重点区域开展招商，力争引进更多与现有产业链互补的项目。</p>
        """,
    ),
    DemoArticle(
        key="haimen-aerospace-park-site",
        title="航天新材料科技产业园建设现场见闻",
        zone=HAIMEN,
        channel="zone-news",
        source="海门区人民政府",
        published="2025-09-23 11:25",
        kind="picture",
        tags=("新材料", "航天", "产业园"),
        cover=Picture("aerospace", "示意插图：夜空中升起的白色火箭和一道弧形轨迹"),
        gallery=(
            Picture(
                "factory",
                "示意插图：黄昏时的厂房和烟囱",
                "园区内的精密成型车间（示意图）",
                "dusk",
            ),
            Picture(
                "greenery",
                "示意插图：绿色丘陵之间的一条河流",
                "通吕运河南岸，园区与河道之间预留了绿化带（示意图）",
                "spring",
            ),
        ),
        body="""
        <p>通吕运河南岸的航天新材料科技产业园，道路和管网已经基本成形，轻合金精密成型、轻量化汽车零部件等项目相继建成投产。</p>
        <p>园区围绕航天新材料及其民用转化布局产业，重点发展轻合金材料、精密成型和汽车轻量化部件，目标是建成集研发、制造和服务于一体的省级示范园区。</p>
        <p>在建设过程中，园区注重与周边村镇的协调，沿河预留了生态绿带，新建道路同步配套了照明和排水设施。</p>
        """,
    ),
    DemoArticle(
        key="haimen-next-year-priorities",
        title="海门经开区明确明年招商重点方向",
        zone=HAIMEN,
        channel="investment-news",
        source="海门经济技术开发区管委会",
        published="2026-11-26 10:00",
        status="draft",
        tags=("招商引资",),
        body="""
        <p>（待补充会议信息）海门经济技术开发区日前召开招商工作会议，研究明年的招商重点。</p>
        <p>会议提出，明年将继续围绕装备制造、生物医药和机电三大主导产业开展招商，同时关注新材料和半导体装备等方向。</p>
        <p>（待补充各招商小组分工。）</p>
        """,
    ),
    DemoArticle(
        key="haimen-semiconductor-matchmaking",
        title="半导体装备产业园将举办专场项目对接会",
        zone=HAIMEN,
        channel="investment-news",
        source="海门经济技术开发区管委会",
        publish_in_days=5,
        tags=("半导体", "招商引资"),
        body="""
        <p>海门经济技术开发区将于近期在四甲镇半导体装备产业园举办专场项目对接会，邀请半导体设备、零部件和材料领域的企业参加。</p>
        <p>对接会安排园区参观、企业交流和项目洽谈三个环节，有意参会的企业可通过开发区招商部门报名。</p>
        """,
    ),
)

NANTONG_ARTICLES = (
    DemoArticle(
        key="nantong-health-platform",
        title="南通开发区搭建医药健康产业公共服务平台",
        zone=NANTONG,
        channel="zone-news",
        source="南通经济技术开发区管委会",
        published="2020-11-03 10:30",
        tags=("生物医药", "公共服务平台"),
        body="""
        <p>南通经济技术开发区面向区内医药健康企业的公共服务平台日前投入运行，为中小企业提供检测、中试和注册申报方面的咨询服务。</p>
        <h2>中小企业的共同难题</h2>
        <p>医药健康企业从研发到上市周期长，检测和中试设备投入大，不少初创企业难以独立承担。平台整合区内已有的仪器设备和专业团队，以共享的方式对企业开放。</p>
        <h2>服务内容</h2>
        <ul>
        <li>常规理化检测和质量分析；</li>
        <li>小批量中试生产的场地和设备预约；</li>
        <li>产品注册和质量体系方面的政策咨询。</li>
        </ul>
        <p>开发区表示，平台将根据企业需求逐步增加服务项目，并与高校和科研院所开展合作。</p>
        """,
    ),
    DemoArticle(
        key="nantong-riverside-photos",
        title="江畔看开发区：港口、厂房与绿廊",
        zone=NANTONG,
        channel="zone-news",
        source="南通经济技术开发区管委会",
        published="2021-10-12 16:00",
        kind="picture",
        tags=("园区风貌", "长江"),
        cover=Picture("port", "示意插图：江边码头上堆放的集装箱和岸桥", palette="day"),
        gallery=(
            Picture(
                "bridge",
                "示意插图：江面上的斜拉桥和两座桥塔",
                "过江通道拉近了开发区与苏南、上海的距离（示意图）",
                "mist",
            ),
            Picture(
                "factory",
                "示意插图：薄雾中的厂房",
                "沿江布局的制造企业（示意图）",
                "mist",
            ),
            Picture(
                "greenery",
                "示意插图：江岸边的绿地和树木",
                "江岸绿廊向市民开放（示意图）",
                "spring",
            ),
        ),
        body="""
        <p>南通经济技术开发区濒临长江，港口、厂区和滨江绿地沿江依次展开。</p>
        <p>近年来，开发区对部分沿江岸线进行了生态修复，腾退的岸线建成了向市民开放的绿廊，生产岸线则向集约高效的方向调整。</p>
        <p>这组图片展示了开发区沿江的几处典型场景。</p>
        """,
    ),
    DemoArticle(
        key="nantong-foreign-complaints-guide",
        title="外商投资企业投诉办理流程说明",
        zone=NANTONG,
        channel="policies",
        source="南通市商务局",
        published="2022-07-19 09:00",
        tags=("外商投资", "政策解读", "营商环境"),
        source_url="https://www.example.com/nantong-commerce/guides/complaints.html",
        originally_published_on="2022-07-15",
        body="""
        <p>外商投资企业在经营中认为行政机关及其工作人员的行政行为侵犯了自身合法权益的，可以通过投诉渠道寻求协调解决。以下是办理流程的简要说明，具体以有关规定为准。</p>
        <h2>办理步骤</h2>
        <ol>
        <li>企业向投诉工作机构提交书面投诉材料，写明投诉事项、诉求和相关证据；</li>
        <li>投诉工作机构审查材料，在规定时限内告知是否受理；</li>
        <li>受理后，投诉工作机构组织调查和协调，必要时召集有关部门和企业沟通；</li>
        <li>办理完毕后，向企业书面告知处理结果。</li>
        </ol>
        <h2>提交材料时请注意</h2>
        <ul>
        <li>投诉事项应当具体明确，并附上能够说明情况的材料；</li>
        <li>委托他人代为投诉的，需要提供授权委托书；</li>
        <li>已经进入行政复议或诉讼程序的事项，一般不再作为投诉受理。</li>
        </ul>
        <p>企业在投资经营中遇到的其他问题，也可以向所在开发区的企业服务部门咨询。</p>
        """,
    ),
    DemoArticle(
        key="nantong-precision-machinery-matchmaking",
        title="精密机械产业供需对接会在南通开发区举行",
        zone=NANTONG,
        channel="investment-news",
        source="南通经济技术开发区管委会",
        published="2024-10-22 15:30",
        tags=("精密机械", "产业链", "招商引资"),
        related_zones=(HAIMEN,),
        body="""
        <p>一场面向精密机械产业链的供需对接会日前在南通经济技术开发区举行，区内整机企业与来自南通各地的零部件、材料和加工服务企业面对面交流。</p>
        <p>对接会上，几家整机企业介绍了各自的采购需求和质量要求，配套企业则展示了加工能力和代表产品。来自海门经济技术开发区的几家精密零部件企业也参加了洽谈。</p>
        <p>主办方表示，就近配套可以缩短供应链、降低物流成本，今后将定期举办类似活动，帮助区域内企业建立稳定的合作关系。</p>
        """,
    ),
)


SUZHOU_SIP_ARTICLES = (
    DemoArticle(
        key="sip-nanotech-chain",
        title="纳米技术应用产业链条持续延伸",
        zone=SUZHOU_SIP,
        channel="zone-news",
        source="苏州工业园区管委会",
        published="2019-05-21 10:10",
        tags=("纳米技术", "新材料"),
        body="""
        <p>纳米技术是苏州工业园区的主导产业之一。经过多年培育，园区的纳米技术应用已从材料研发延伸到微纳制造、第三代半导体、纳米大健康等多个领域。</p>
        <h2>从实验室走向生产线</h2>
        <p>园区为纳米技术企业提供了从研发、中试到量产的梯次空间，并建设了公共技术服务平台，降低企业在设备和检测方面的投入门槛。</p>
        <h2>产学研协同</h2>
        <p>园区内的高校和研究机构与企业开展联合研发，部分科研成果在园区完成转化。园区也通过举办行业会议和展会，吸引国内外企业前来交流合作。</p>
        """,
    ),
    DemoArticle(
        key="sip-jinji-lake-photos",
        title="金鸡湖畔的产业新城",
        zone=SUZHOU_SIP,
        channel="zone-news",
        source="苏州工业园区管委会",
        published="2020-08-26 18:00",
        kind="picture",
        tags=("园区风貌",),
        cover=Picture("skyline", "示意插图：晴空下高低错落的办公楼群", palette="day"),
        gallery=(
            Picture(
                "skyline",
                "示意插图：黄昏时亮灯的高楼",
                "湖西商务区的傍晚（示意图）",
                "dusk",
            ),
            Picture(
                "bridge",
                "示意插图：湖面上的斜拉桥",
                "连接湖两岸的桥梁（示意图）",
                "spring",
            ),
            Picture(
                "greenery", "示意插图：湖畔的绿地和树木", "环湖绿道（示意图）", "spring"
            ),
        ),
        body="""
        <p>苏州工业园区规划之初就把金鸡湖作为城市空间的核心，商务、居住和公共设施围湖布局。</p>
        <p>今天，湖西的商务区集中了金融、咨询和企业总部，湖东则以会展、文化和居住功能为主，环湖绿道串联起多个公园。</p>
        <p>这组图片记录了金鸡湖周边的几处城市景观。</p>
        """,
    ),
    DemoArticle(
        key="sip-biomed-incubator",
        title="生物医药孵化载体扩容 初创团队可拎包入驻",
        zone=SUZHOU_SIP,
        channel="investment-news",
        source="苏州工业园区管委会",
        published="2022-09-09 11:45",
        tags=("生物医药", "孵化器"),
        body="""
        <p>苏州工业园区生物医药孵化载体近日完成扩容，新增的实验室和办公空间已具备入驻条件，面向生物医药领域的初创团队开放申请。</p>
        <h3>实验室按需配置</h3>
        <p>新增空间按照生物医药研发的要求配置了通风、纯水和气体管路，团队可以根据研究方向选择不同类型的实验室，减少自行装修的时间。</p>
        <h3>共享设备和专业服务</h3>
        <p>孵化载体内设有共享仪器平台，并引入了法律、知识产权、投融资等专业服务机构，为初创团队提供一站式支持。</p>
        <p>有意入驻的团队可向园区相关部门提交项目材料，经评审后办理入驻手续。</p>
        """,
    ),
    DemoArticle(
        key="sip-thirty-years",
        title="中新合作三十年：苏州工业园区的开放之路",
        zone=SUZHOU_SIP,
        channel="zone-news",
        source="苏州工业园区管委会",
        published="2024-02-26 09:00",
        is_featured=True,
        tags=("对外开放", "中新合作"),
        source_url="https://www.example.com/sip/news/2024/02/thirty-years.html",
        originally_published_on="2024-02-26",
        cover=Picture(
            "skyline", "示意插图：晨曦中的城市天际线和一轮朝阳", palette="dawn"
        ),
        body="""
        <p>1994年2月，苏州工业园区经国务院批准设立，中国和新加坡两国政府在这里开展合作。三十年过去，当年的农田和水网地带已经发展成一座产业与城市融合的新城。</p>
        <h2>借鉴与创新</h2>
        <p>园区在开发建设中借鉴了新加坡在城市规划、公共管理和招商服务方面的经验，坚持先规划后建设，并结合本地实际形成了自己的做法。</p>
        <h2>产业结构不断升级</h2>
        <p>园区以电子信息、生物医药和纳米技术为主导产业，在制造业基础上培育了研发、设计和服务等环节，吸引了众多外资企业和本土创新企业。</p>
        <h2>开放合作再出发</h2>
        <p>面向下一个阶段，园区将继续深化国际合作，在营商环境、科技创新和绿色发展等方面探索新的路径。</p>
        """,
    ),
    DemoArticle(
        key="sip-company-open-day",
        title="园区企业开放日活动即将启动",
        zone=SUZHOU_SIP,
        channel="zone-news",
        source="苏州工业园区管委会",
        publish_in_days=10,
        tags=("企业服务",),
        body="""
        <p>苏州工业园区企业开放日活动即将启动，多家区内企业将向公众和潜在合作伙伴开放生产线和研发中心。</p>
        <p>活动期间，参观者可以预约走进企业，了解智能制造和研发创新的实际场景。具体开放企业名单和预约方式将另行公布。</p>
        """,
    ),
)


KUNSHAN_ARTICLES = (
    DemoArticle(
        key="kunshan-optoelectronics",
        title="昆山开发区聚焦显示与传感配套开展光电产业链招商",
        zone=KUNSHAN,
        channel="investment-news",
        source="昆山经济技术开发区管委会",
        published="2019-09-17 14:20",
        tags=("光电", "招商引资"),
        body="""
        <p>光电是昆山经济技术开发区的主导产业之一。开发区近日梳理了光电产业链的薄弱环节，围绕显示面板配套和传感器件两个方向开展精准招商。</p>
        <p>开发区招商部门介绍，区内整机和面板企业对上游材料、零部件的就近配套需求较大，这是吸引配套企业落户的重要条件。</p>
        <p>接下来，开发区将结合企业需求编制招商目录，组织专题推介，并为落户项目提供厂房和人才方面的保障。</p>
        """,
    ),
    DemoArticle(
        key="kunshan-digital-transformation-forum",
        title="台资企业座谈会共话数字化转型",
        zone=KUNSHAN,
        channel="zone-news",
        source="昆山经济技术开发区管委会",
        published="2021-06-30 16:45",
        tags=("台资企业", "数字化转型"),
        body="""
        <p>昆山经济技术开发区日前召开台资企业座谈会，十余家企业的负责人围绕数字化转型交流经验、提出建议。</p>
        <h2>企业谈体会</h2>
        <p>与会企业介绍了在生产线自动化、设备联网和数据分析方面的做法。有企业表示，数字化改造的关键不只在设备投入，更在于管理流程的调整和人员技能的提升。</p>
        <h2>开发区回应诉求</h2>
        <p>针对企业提出的人才培训、改造资金和供应商对接等问题，开发区相关部门现场作了回应，并表示将把共性问题纳入下一步的服务计划。</p>
        """,
    ),
    DemoArticle(
        key="kunshan-smart-factory-photos",
        title="走进智能工厂：生产线上的新变化",
        zone=KUNSHAN,
        channel="zone-news",
        source="昆山经济技术开发区管委会",
        published="2023-03-14 10:50",
        kind="picture",
        tags=("智能制造", "电子信息"),
        cover=Picture("factory", "示意插图：蓝天下的厂房群和烟囱", palette="day"),
        gallery=(
            Picture(
                "lab",
                "示意插图：由圆点和连线组成的网络结构",
                "设备联网后，生产数据实时汇总（示意图）",
                "mist",
            ),
            Picture(
                "factory",
                "示意插图：黄昏中的厂房剪影",
                "夜间仍在运行的自动化产线（示意图）",
                "dusk",
            ),
        ),
        body="""
        <p>在昆山经济技术开发区的一些电子信息企业里，自动化设备和数据看板已经成为生产线上的常见景象。</p>
        <p>企业通过设备联网采集生产数据，管理人员可以及时发现质量波动和设备异常，生产计划也能根据订单变化更快调整。</p>
        <p>这组图片展示了智能化改造后生产现场的几个侧面。</p>
        """,
    ),
    DemoArticle(
        key="kunshan-rd-centre-faq",
        title="企业研发机构申报常见问题",
        zone=KUNSHAN,
        channel="policies",
        source="昆山经济技术开发区管委会",
        published="2025-05-08 09:30",
        tags=("研发中心", "政策解读"),
        body="""
        <p>为方便区内企业申报各级研发机构，我们整理了企业咨询较多的几个问题。申报条件和材料要求以当年度主管部门发布的通知为准。</p>
        <h3>哪些企业可以申报？</h3>
        <p>一般要求企业在本地依法注册、有稳定的研发投入和专职研发人员，并有相对独立的研发场所。</p>
        <h3>需要准备哪些材料？</h3>
        <ul>
        <li>申请表及研发机构建设方案；</li>
        <li>研发人员名单及相关证明；</li>
        <li>研发投入和研发场所的证明材料；</li>
        <li>知识产权等研发成果材料。</li>
        </ul>
        <h3>申报遇到问题找谁？</h3>
        <p>企业可以联系开发区科技服务部门，工作人员会对申报材料提供辅导。</p>
        """,
    ),
)

CAOHEJING_ARTICLES = (
    DemoArticle(
        key="caohejing-materials-rd",
        title="新材料企业研发中心相继落户漕河泾",
        zone=CAOHEJING,
        channel="zone-news",
        source="漕河泾开发区",
        published="2020-01-09 10:00",
        tags=("新材料", "研发中心"),
        body="""
        <p>新材料是漕河泾新兴技术开发区的主导产业之一。近一段时间，多家新材料企业把研发中心或创新实验室设在开发区，看中的是这里的人才集聚和产业配套。</p>
        <p>与制造基地不同，研发中心对空间的要求更灵活，开发区的楼宇型载体正好适合。一些企业把检测分析、应用开发和客户服务团队放在一起，缩短了与下游客户的沟通距离。</p>
        <p>开发区表示，将继续为研发型企业提供知识产权、人才落户和国际交流方面的服务。</p>
        """,
    ),
    DemoArticle(
        key="caohejing-talent-desk",
        title="人才服务窗口延伸到园区楼宇",
        zone=CAOHEJING,
        channel="policies",
        source="漕河泾开发区",
        published="2021-11-16 13:30",
        tags=("人才", "营商环境"),
        body="""
        <p>漕河泾新兴技术开发区在几栋企业集中的楼宇设立了人才服务点，员工不出楼就能咨询落户、居住证和职称评定等事项。</p>
        <h2>可以办理和咨询的事项</h2>
        <ul>
        <li>人才引进和落户政策咨询；</li>
        <li>居住证办理指引；</li>
        <li>外籍人才工作许可的材料准备；</li>
        <li>职业技能培训信息。</li>
        </ul>
        <p>服务点每周固定时间有工作人员值守，其他时间可以通过线上渠道预约。</p>
        """,
    ),
    DemoArticle(
        key="caohejing-night-photos",
        title="夜色中的科创园区",
        zone=CAOHEJING,
        channel="zone-news",
        source="漕河泾开发区",
        published="2022-12-05 19:20",
        kind="picture",
        tags=("园区风貌",),
        cover=Picture("skyline", "示意插图：夜空下亮着窗灯的写字楼", palette="night"),
        gallery=(
            Picture(
                "skyline",
                "示意插图：黄昏的城市天际线",
                "华灯初上的办公区（示意图）",
                "dusk",
            ),
            Picture(
                "lab",
                "示意插图：实验室意象，圆点与连线构成的分子模型",
                "研发中心仍在忙碌（示意图）",
                "night",
            ),
        ),
        body="""
        <p>夜幕降临，漕河泾新兴技术开发区的写字楼依次亮灯。研发、设计和数据服务企业的加班灯光，构成了园区特有的夜景。</p>
        <p>开发区近年来完善了园区内的餐饮、运动和交通配套，让在这里工作的年轻人下班后也有去处。</p>
        """,
    ),
    DemoArticle(
        key="caohejing-ai-scenarios",
        title="人工智能应用场景对接活动举行",
        zone=CAOHEJING,
        channel="investment-news",
        source="漕河泾开发区",
        published="2025-07-03 15:00",
        tags=("人工智能", "AI", "场景开放"),
        body="""
        <p>漕河泾新兴技术开发区日前举办人工智能应用场景对接活动，园区内的制造、医疗和服务企业发布了各自的应用需求，人工智能企业现场介绍解决方案。</p>
        <h2>需求方先说清楚问题</h2>
        <p>与以往由技术方主讲不同，这次活动先由需求方介绍业务痛点，例如质检效率、文档处理和设备运维等，再由技术企业有针对性地回应。</p>
        <h2>后续跟进</h2>
        <p>活动结束后，开发区将对达成意向的项目进行跟踪，协调数据、场地和测试环境等方面的支持。</p>
        """,
    ),
)


HANGZHOU_ARTICLES = (
    DemoArticle(
        key="hangzhou-biomed-signing",
        title="杭州经开区一批生物医药项目集中签约",
        zone=HANGZHOU,
        channel="investment-news",
        source="杭州经济技术开发区管委会",
        published="2019-12-18 11:00",
        tags=("生物医药", "签约"),
        body="""
        <p>杭州经济技术开发区日前举行生物医药项目签约活动，一批涵盖创新药研发、医疗器械和生物技术服务的项目集中签约落户。</p>
        <p>生物医药是开发区的主导产业之一。开发区介绍，签约项目与区内已有企业在研发外包、生产和流通环节形成互补，有利于产业链的完善。</p>
        <p>开发区将为签约项目配备服务专员，协调办理注册、环评和建设手续，推动项目尽快落地。</p>
        """,
    ),
    DemoArticle(
        key="hangzhou-qiantang-single-window",
        title="钱塘区设立后开发区政务服务窗口整合",
        zone=HANGZHOU,
        channel="zone-news",
        source="杭州经济技术开发区管委会",
        published="2021-04-09 09:40",
        tags=("营商环境", "政务服务"),
        body="""
        <p>杭州市调整行政区划、设立钱塘区后，杭州经济技术开发区所在区域划入钱塘区。为方便企业办事，原分散在多处的政务服务窗口陆续整合。</p>
        <h3>企业办事更集中</h3>
        <p>整合后，企业注册、项目审批和社保等高频事项可以在同一服务大厅办理，部分事项实现了线上申请、线下一次领取。</p>
        <h3>过渡期的安排</h3>
        <p>对于调整前已经受理的事项，原受理部门继续负责办结，企业无需重复提交材料。</p>
        """,
    ),
    DemoArticle(
        key="hangzhou-riverside-spring",
        title="钱塘江畔春色：园区绿道与厂区",
        zone=HANGZHOU,
        channel="zone-news",
        source="杭州经济技术开发区管委会",
        published="2023-05-25 08:45",
        kind="picture",
        tags=("园区风貌", "绿色低碳"),
        cover=Picture("bridge", "示意插图：春日江面上的斜拉桥", palette="spring"),
        gallery=(
            Picture(
                "greenery",
                "示意插图：绿色山丘和江边树林",
                "沿江绿道（示意图）",
                "spring",
            ),
            Picture(
                "factory", "示意插图：晴天下的厂房群", "绿树掩映的厂区（示意图）", "day"
            ),
        ),
        body="""
        <p>春末夏初，钱塘江畔的绿道迎来不少晨练的园区职工。杭州经济技术开发区近年来在厂区和江岸之间建设了多段绿道和口袋公园。</p>
        <p>开发区鼓励企业在厂区内增加绿化、建设屋顶光伏，把生产空间和生态空间结合起来。</p>
        """,
    ),
    DemoArticle(
        key="hangzhou-university-labs",
        title="高校实验室与企业对接 科技成果转化项目路演",
        zone=HANGZHOU,
        channel="investment-news",
        source="杭州经济技术开发区管委会",
        published="2025-11-11 14:30",
        is_featured=True,
        tags=("产学研", "科技成果转化"),
        cover=Picture("lab", "示意插图：分子结构模型和一个六边形苯环", palette="day"),
        body="""
        <p>杭州经济技术开发区日前举办科技成果转化项目路演，来自下沙高教园区几所高校的科研团队，向区内企业和投资机构介绍了各自的研究成果。</p>
        <h2>路演项目涉及多个领域</h2>
        <p>参加路演的项目涉及生物医药、智能装备和新一代信息技术等方向，与开发区的主导产业较为契合。不少企业在路演后与团队约定了进一步交流的时间。</p>
        <h2>成果转化的“最后一公里”</h2>
        <p>开发区介绍，高校的很多研究成果停留在论文和样品阶段，缺少中试和工程化的条件。开发区将通过提供中试场地、对接应用企业等方式，帮助成果走完转化的最后一段路。</p>
        """,
    ),
)


HEFEI_ARTICLES = (
    DemoArticle(
        key="hefei-appliance-upgrades",
        title="家电配套企业加快智能化改造",
        zone=HEFEI,
        channel="zone-news",
        source="合肥高新区管委会",
        published="2020-06-16 10:20",
        tags=("家电", "智能制造"),
        body="""
        <p>家电及配套是合肥高新技术产业开发区的主导产业之一。近来，区内不少为整机企业配套的零部件企业加快了智能化改造的步伐。</p>
        <p>一家生产注塑件的企业负责人介绍，整机企业对交货周期和品质的要求越来越高，倒逼配套企业提升自动化水平、引入质量追溯系统。</p>
        <p>高新区表示，将组织整机企业和配套企业开展对接，推广成熟的改造方案，并协调服务机构为中小企业提供诊断服务。</p>
        """,
    ),
    DemoArticle(
        key="hefei-ev-parts",
        title="新能源汽车零部件项目对接会举行",
        zone=HEFEI,
        channel="investment-news",
        source="合肥高新区管委会",
        published="2022-05-31 15:10",
        tags=("新能源汽车", "汽车零部件", "EV"),
        body="""
        <p>合肥高新技术产业开发区日前举办新能源汽车零部件项目对接会，区内电子信息企业与整车和零部件企业围绕汽车电子、电池管理和车载软件等方向开展交流。</p>
        <h3>电子信息企业的新机会</h3>
        <p>新能源汽车对电子元器件和软件的需求明显增加，这为高新区的电子信息企业打开了新的市场。与会企业表示，进入汽车供应链需要在质量体系和可靠性验证上下更多功夫。</p>
        <h3>下一步安排</h3>
        <p>高新区将针对有意进入汽车领域的企业开展质量体系培训，并协助对接检测认证机构。</p>
        """,
    ),
    DemoArticle(
        key="hefei-lab-to-market-photos",
        title="科研成果走出实验室",
        zone=HEFEI,
        channel="zone-news",
        source="合肥高新区管委会",
        published="2024-08-20 11:30",
        kind="picture",
        is_featured=True,
        tags=("科技成果转化", "孵化器"),
        cover=Picture("lab", "示意插图：浅色背景上的分子结构和苯环", palette="mist"),
        gallery=(
            Picture(
                "lab",
                "示意插图：深色背景上的分子模型",
                "孵化器里的研发团队（示意图）",
                "night",
            ),
            Picture(
                "skyline", "示意插图：城市楼群", "科技企业集中的办公区（示意图）", "day"
            ),
        ),
        body="""
        <p>合肥高新技术产业开发区周边高校和科研院所集中，每年都有不少科研团队在这里创办企业，把实验室里的成果变成产品。</p>
        <p>高新区的孵化器为这些团队提供从办公场地、实验条件到融资对接的服务，帮助他们度过创业初期。</p>
        <p>这组图片展示了孵化器和科技企业的日常。</p>
        """,
    ),
    DemoArticle(
        key="hefei-incubator-review",
        title="孵化器入驻企业年度评估启动",
        zone=HEFEI,
        channel="zone-news",
        source="合肥高新区管委会",
        published="2026-11-30 09:00",
        status="draft",
        tags=("孵化器",),
        body="""
        <p>合肥高新技术产业开发区孵化器入驻企业年度评估工作即将启动。</p>
        <p>（评估内容和时间安排待确认后补充。）</p>
        """,
    ),
)


CHENGDU_ARTICLES = (
    DemoArticle(
        key="chengdu-software-roundtable",
        title="成都高新区召开软件企业发展座谈会",
        zone=CHENGDU,
        channel="zone-news",
        source="成都高新区管委会",
        published="2019-03-27 15:00",
        tags=("软件", "信息技术"),
        body="""
        <p>成都高新技术产业开发区日前召开软件企业发展座谈会，区内不同规模的软件企业代表就人才、市场和办公空间等问题发表意见。</p>
        <p>企业代表普遍认为，成都的人才储备和生活成本是吸引团队的重要因素，同时也希望在开拓市场和知识产权保护方面得到更多支持。</p>
        <p>高新区相关部门表示，将梳理座谈中提出的问题，分类研究解决办法，并在年内再次与企业沟通进展。</p>
        """,
    ),
    DemoArticle(
        key="chengdu-biotech-pilot-plant",
        title="生物医药企业共享中试平台投入使用",
        zone=CHENGDU,
        channel="investment-news",
        source="成都高新区管委会",
        published="2021-09-08 10:40",
        tags=("生物医药", "中试平台"),
        body="""
        <p>成都高新技术产业开发区面向生物医药企业的共享中试平台近日投入使用，企业可以按需预约设备和洁净车间，开展小批量试生产。</p>
        <h2>降低初创企业的门槛</h2>
        <p>中试是生物医药产品从实验室走向规模生产的关键一步，但自建中试车间投入大、周期长。共享平台让初创企业不必在早期就投入大量资金建设厂房。</p>
        <h2>预约使用</h2>
        <p>平台实行预约制，企业提交使用申请后，由平台根据工艺要求安排设备和时间，并提供必要的技术支持。</p>
        """,
    ),
    DemoArticle(
        key="chengdu-city-photos",
        title="西部科技新城掠影",
        zone=CHENGDU,
        channel="zone-news",
        source="成都高新区管委会",
        published="2023-10-17 17:30",
        kind="picture",
        tags=("园区风貌",),
        cover=Picture("skyline", "示意插图：薄雾中的城市天际线", palette="mist"),
        gallery=(
            Picture(
                "bridge",
                "示意插图：河面上的斜拉桥",
                "跨河而过的城市道路（示意图）",
                "mist",
            ),
            Picture(
                "greenery",
                "示意插图：丘陵间的河流与树林",
                "城市绿道和公园（示意图）",
                "spring",
            ),
            Picture(
                "skyline",
                "示意插图：晴天下的高楼群",
                "科技企业的办公楼宇（示意图）",
                "day",
            ),
        ),
        body="""
        <p>成都高新技术产业开发区是西部地区重要的高新技术产业集聚区，软件、集成电路设计和生物医药企业在这里集中办公、生产。</p>
        <p>园区建设注重公园和绿道的布局，产业空间与生活空间交错分布，方便职工就近工作和生活。</p>
        """,
    ),
    DemoArticle(
        key="chengdu-chip-design-hiring-week",
        title="集成电路设计企业人才招聘周",
        zone=CHENGDU,
        channel="zone-news",
        source="成都高新区管委会",
        published="2026-11-27 09:00",
        status="submitted",
        tags=("集成电路", "人才", "IC"),
        body="""
        <p>成都高新技术产业开发区将举办集成电路设计企业人才招聘周，区内多家芯片设计企业将集中发布岗位。</p>
        <p>招聘周期间安排企业宣讲、现场面试和行业讲座，欢迎相关专业的毕业生和从业人员参加。</p>
        """,
    ),
)

GUANGZHOU_ARTICLES = (
    DemoArticle(
        key="guangzhou-auto-supply-chain",
        title="广州开发区推介汽车产业链配套项目",
        zone=GUANGZHOU,
        channel="investment-news",
        source="广州开发区管委会",
        published="2020-10-20 14:40",
        tags=("汽车", "产业链", "招商引资"),
        body="""
        <p>汽车是广州经济技术开发区的主导产业之一。开发区日前举办汽车产业链配套项目推介会，向零部件企业介绍区内整车企业的配套需求和可用的产业空间。</p>
        <p>推介会重点介绍了汽车电子、轻量化部件和智能网联等方向的招商需求。开发区表示，将为落户的配套项目在用地、厂房和人才引进方面提供支持。</p>
        <p>会后，部分企业对园区进行了实地考察。</p>
        """,
    ),
    DemoArticle(
        key="guangzhou-chemicals-green",
        title="化工企业推进绿色化改造",
        zone=GUANGZHOU,
        channel="zone-news",
        source="广州开发区管委会",
        published="2022-11-08 10:15",
        tags=("绿色低碳", "化工"),
        body="""
        <p>化工是广州经济技术开发区的传统主导产业。近年来，区内化工企业围绕节能降耗和污染物减排，持续推进生产工艺和环保设施的改造。</p>
        <h2>改造的几个方向</h2>
        <ul>
        <li>余热回收和能源梯级利用；</li>
        <li>挥发性有机物的收集和治理；</li>
        <li>废水分质处理和循环利用；</li>
        <li>生产过程的自动化控制和安全监测。</li>
        </ul>
        <p>开发区表示，将继续通过专家诊断和经验交流等方式，帮助企业找到适合自身的改造路径。</p>
        """,
    ),
    DemoArticle(
        key="guangzhou-port-photos",
        title="黄埔港边的开发区",
        zone=GUANGZHOU,
        channel="zone-news",
        source="广州开发区管委会",
        published="2024-06-12 18:30",
        kind="picture",
        tags=("园区风貌", "物流"),
        cover=Picture("port", "示意插图：傍晚港口的岸桥和堆叠的集装箱", palette="dusk"),
        gallery=(
            Picture(
                "port",
                "示意插图：晴天码头上的集装箱",
                "繁忙的集装箱码头（示意图）",
                "day",
            ),
            Picture(
                "factory",
                "示意插图：薄雾中的厂房和烟囱",
                "临港的制造企业（示意图）",
                "mist",
            ),
        ),
        body="""
        <p>广州经济技术开发区毗邻黄埔港，进出口货物可以在较短距离内完成集疏运，这是区内制造企业看重的区位条件之一。</p>
        <p>这组图片展示了港口和临港厂区的日常景象。</p>
        """,
    ),
    DemoArticle(
        key="guangzhou-telecom-joint-lab",
        title="通信设备企业联合实验室筹建",
        zone=GUANGZHOU,
        channel="investment-news",
        source="广州开发区管委会",
        published="2026-11-20 10:00",
        status="draft",
        tags=("电子信息", "5G"),
        body="""
        <p>广州经济技术开发区几家通信设备企业正在筹建联合实验室，计划在测试验证和标准研究方面开展合作。</p>
        <p>（实验室名称和参与单位待确认。）</p>
        """,
    ),
)


XIAN_ARTICLES = (
    DemoArticle(
        key="xian-semiconductor-talks",
        title="半导体设备和材料项目洽谈活动在西安高新区举行",
        zone=XIAN,
        channel="investment-news",
        source="西安高新区管委会",
        published="2020-12-02 15:20",
        tags=("半导体", "招商引资"),
        related_zones=(HAIMEN,),
        body="""
        <p>半导体是西安高新技术产业开发区的主导产业之一。高新区日前举办半导体设备和材料项目洽谈活动，邀请产业链上游企业来区考察交流。</p>
        <p>参加活动的企业中，有几家来自长三角地区，其中包括海门经济技术开发区半导体装备产业园的企业。双方就设备维修服务、零部件本地化等合作方向进行了交流。</p>
        <p>高新区表示，半导体产业链长、分工细，跨区域合作有助于企业发挥各自优势。</p>
        """,
    ),
    DemoArticle(
        key="xian-smart-device-skills",
        title="智能终端企业联合开展技能培训",
        zone=XIAN,
        channel="zone-news",
        source="西安高新区管委会",
        published="2022-04-26 09:50",
        tags=("智能终端", "人才"),
        body="""
        <p>西安高新技术产业开发区几家智能终端企业联合职业院校，面向一线员工开展技能培训，内容涵盖精密装配、检测和设备维护。</p>
        <p>企业负责人表示，联合培训可以共享师资和实训设备，比各家单独组织更有效率。培训合格的员工还可以在企业之间流动，缓解用工的季节性波动。</p>
        """,
    ),
    DemoArticle(
        key="xian-chip-chain-day",
        title="芯片产业链上的一天",
        zone=XIAN,
        channel="zone-news",
        source="西安高新区管委会",
        published="2025-03-19 10:00",
        kind="picture",
        is_featured=True,
        tags=("半导体", "集成电路", "IC"),
        cover=Picture("wafer", "示意插图：夜色背景中布满晶粒的硅晶圆", palette="night"),
        gallery=(
            Picture(
                "wafer",
                "示意插图：浅色背景中的硅晶圆",
                "晶圆是芯片制造的起点（示意图）",
                "mist",
            ),
            Picture("lab", "示意插图：分子结构模型", "材料研发实验室（示意图）", "day"),
            Picture(
                "factory",
                "示意插图：晨光中的厂房",
                "封装测试企业的厂区（示意图）",
                "dawn",
            ),
        ),
        body="""
        <p>在西安高新技术产业开发区，从芯片设计、制造到封装测试，半导体产业链的多个环节都有企业分布。</p>
        <p>这组图片以一片晶圆为线索，展示了芯片从设计图纸到成品的几个环节。</p>
        <p>高新区表示，将继续围绕设备、材料和封装测试等环节补链强链，吸引更多配套企业落户。</p>
        """,
    ),
    DemoArticle(
        key="xian-semiconductor-forum",
        title="半导体产业链发展论坛即将开幕",
        zone=XIAN,
        channel="investment-news",
        source="西安高新区管委会",
        publish_in_days=2,
        tags=("半导体",),
        body="""
        <p>半导体产业链发展论坛将在西安高新技术产业开发区开幕，来自设备、材料、设计和制造领域的企业和专家将参加交流。</p>
        <p>论坛设主论坛和若干专题分论坛，并安排项目对接环节。</p>
        """,
    ),
)


PORTAL_ARTICLES = (
    DemoArticle(
        key="portal-catalogue-2018-explainer",
        title="读懂《中国开发区审核公告目录》（2018年版）",
        zone=None,
        channel="policies",
        source="本站编辑部",
        published="2019-01-15 09:00",
        is_featured=True,
        tags=("开发区目录", "政策解读"),
        body="""
        <p>本站的开发区名录以《中国开发区审核公告目录》（2018年版）为基础。这份目录由国家发展改革委会同有关部门发布，收录了经国务院和省级人民政府批准设立的开发区。</p>
        <h2>目录收录了哪些开发区</h2>
        <p>目录共收录开发区2543家，其中国家级552家、省级1991家。国家级开发区按类型划分如下：</p>
        <table>
        <thead>
        <tr><th scope="col">类型</th><th scope="col">数量</th></tr>
        </thead>
        <tbody>
        <tr><td>经济技术开发区</td><td>219</td></tr>
        <tr><td>高新技术产业开发区</td><td>156</td></tr>
        <tr><td>海关特殊监管区域</td><td>135</td></tr>
        <tr><td>边境/跨境经济合作区</td><td>19</td></tr>
        <tr><td>其他类型开发区</td><td>23</td></tr>
        </tbody>
        </table>
        <h2>每家开发区记载了什么</h2>
        <p>目录为每家开发区列出了代码、名称、批准时间、核准面积和主导产业。核准面积以公顷为单位；由省级开发区升级而来的国家级开发区，批准时间一般是升级的时间。</p>
        <h2>在本站如何使用</h2>
        <p>在开发区频道，可以按省份、级别、类型和主导产业筛选开发区；每个开发区页面都注明了目录数据的版本，开发区自行维护的简介、联系方式和产业园信息与目录数据分开显示。</p>
        """,
    ),
    DemoArticle(
        key="jiangsu-foreign-company-setup-guide",
        title="外商投资企业设立登记办事指南",
        zone=None,
        region_code="32",
        channel="policies",
        source="江苏省商务厅",
        published="2023-09-05 10:30",
        tags=("外商投资", "投资指南"),
        body="""
        <p>外国投资者在江苏设立企业，按照准入前国民待遇加负面清单的管理方式办理。不属于负面清单范围的，按照内外资一致的原则办理登记。以下为一般流程，具体要求以登记机关的规定为准。</p>
        <h2>办理流程</h2>
        <ol>
        <li>确认投资领域是否在外商投资准入负面清单之内；</li>
        <li>办理企业名称登记；</li>
        <li>向市场监管部门申请设立登记，领取营业执照；</li>
        <li>办理刻章、银行开户和税务登记等后续事项；</li>
        <li>按规定报送外商投资信息报告。</li>
        </ol>
        <h2>常用材料</h2>
        <ul>
        <li>公司章程和设立登记申请书；</li>
        <li>投资者的主体资格证明或身份证明（境外文件按规定办理公证认证）；</li>
        <li>法定代表人、董事、监事和经理的任职文件；</li>
        <li>住所使用证明。</li>
        </ul>
        <p>各开发区的企业服务部门可提供登记咨询和代办服务。</p>
        """,
    ),
    DemoArticle(
        key="nantong-zones-investment-meeting",
        title="南通市开发区招商工作交流会召开",
        zone=None,
        region_code="3206",
        channel="investment-news",
        source="南通市商务局",
        published="2021-03-23 16:00",
        tags=("招商引资", "长三角"),
        related_zones=(NANTONG, HAIMEN),
        body="""
        <p>南通市开发区招商工作交流会日前召开，市内各开发区交流了去年的招商工作情况和今年的工作思路。</p>
        <p>南通经济技术开发区、海门经济技术开发区等作了交流发言，介绍了产业链招商、以商引商和驻点招商等做法。</p>
        <p>会议提出，各开发区要立足自身主导产业，错位发展，避免同质化竞争，共同提升南通承接上海和苏南产业转移的能力。</p>
        """,
    ),
)

RECENT_ARTICLES = (
    DemoArticle(
        key="nantong-2026-project-list",
        title="南通开发区发布年度重点招商方向清单",
        zone=NANTONG,
        channel="projects",
        source="南通经济技术开发区管委会",
        published="2026-03-17 10:00",
        tags=("招商引资", "生物医药", "精密机械"),
        body="""
        <p>南通经济技术开发区近日发布年度重点招商方向清单，围绕三大主导产业列出了希望引进的项目类型，供有意投资的企业参考。</p>
        <table>
        <thead>
        <tr><th scope="col">产业</th><th scope="col">重点方向</th><th scope="col">可提供的空间</th></tr>
        </thead>
        <tbody>
        <tr><td>医药健康</td><td>创新药研发、医疗器械、检测服务</td><td>研发楼宇、标准厂房</td></tr>
        <tr><td>电子信息</td><td>电子元器件、汽车电子、工业软件</td><td>标准厂房、定制厂房</td></tr>
        <tr><td>精密机械</td><td>数控装备、关键零部件、精密加工</td><td>工业用地、标准厂房</td></tr>
        </tbody>
        </table>
        <p>开发区表示，清单将根据产业发展情况动态调整，清单以外的优质项目同样欢迎洽谈。</p>
        """,
    ),
    DemoArticle(
        key="sip-biomed-cooperation-2026",
        title="苏州工业园区发布生物医药产业合作机会",
        zone=SUZHOU_SIP,
        channel="projects",
        source="苏州工业园区管委会",
        published="2026-06-09 14:00",
        tags=("生物医药", "招商引资"),
        body="""
        <p>苏州工业园区近日面向国内外企业发布生物医药产业合作机会，涉及研发外包、临床服务、高端制剂生产和医疗器械等领域。</p>
        <h2>合作方式</h2>
        <ul>
        <li>在园区设立研发中心或生产基地；</li>
        <li>与园区内企业开展委托研发、委托生产；</li>
        <li>参与园区公共技术平台的共建和运营。</li>
        </ul>
        <p>有意合作的企业可以通过园区招商部门提交合作意向，园区将安排专人对接。</p>
        """,
    ),
    DemoArticle(
        key="chengdu-software-going-global",
        title="成都高新区举办软件企业出海交流会",
        zone=CHENGDU,
        channel="zone-news",
        source="成都高新区管委会",
        published="2026-09-15 15:30",
        tags=("软件", "对外开放"),
        body="""
        <p>成都高新技术产业开发区日前举办软件企业出海交流会，已经开拓海外市场的企业分享了在产品本地化、合规和团队建设方面的经验。</p>
        <p>与会企业认为，海外市场对数据安全和隐私保护的要求较高，出海前应当做好合规准备。高新区表示，将联合专业服务机构为企业提供法律和财税方面的咨询。</p>
        """,
    ),
    DemoArticle(
        key="haimen-biomed-salon-2026",
        title="海门经开区举办生物医药产业沙龙",
        zone=HAIMEN,
        channel="zone-news",
        source="海门经济技术开发区管委会",
        published="2026-10-28 15:00",
        tags=("生物医药", "企业服务"),
        body="""
        <p>海门经济技术开发区日前举办生物医药产业沙龙，区内生物医药企业与银行、律所和检测机构的代表围坐交流。</p>
        <p>企业提出的问题集中在研发融资、注册申报和人才引进等方面，服务机构代表逐一作了解答。开发区表示，这类小范围的沙龙将定期举办，让企业和服务机构有更多面对面交流的机会。</p>
        """,
    ),
    DemoArticle(
        key="haimen-standard-factories-2026",
        title="半导体装备产业园标准厂房开放招租",
        zone=HAIMEN,
        channel="projects",
        source="海门经济技术开发区管委会",
        published="2026-11-18 09:30",
        is_featured=True,
        tags=("半导体", "标准厂房", "招商引资"),
        cover=Picture("factory", "示意插图：晴空下整齐排列的厂房", palette="day"),
        body="""
        <p>四甲镇半导体装备产业园一批标准厂房已建成，现面向半导体装备、精密零部件和新材料企业开放招租。</p>
        <h2>适合哪些项目</h2>
        <p>标准厂房适合投资规模适中、希望尽快投产的项目，企业可以省去自建厂房的时间，在较短时间内完成装修和设备安装。</p>
        <h2>配套服务</h2>
        <ul>
        <li>开发区提供注册、环评和消防等手续的代办服务；</li>
        <li>园区内已有多家精密制造企业，可就近配套；</li>
        <li>入驻企业可参加开发区组织的人才招聘和培训活动。</li>
        </ul>
        <p>厂房的面积、层高和租赁条件，请向开发区招商部门咨询。</p>
        """,
    ),
)

ENGLISH_ARTICLES = (
    DemoArticle(
        key="en-haimen-sijia-two-parks",
        title="Two parks across the Tonglü Canal: Sijia plans its industrial future",
        zone=HAIMEN,
        channel="zone-news",
        source="海门市人民政府",
        published="2019-11-12 11:00",
        language="en",
        tags=("new materials", "semiconductors"),
        body="""
        <p>Sijia, a town in the east of Haimen, is building its economy around two new industrial parks, one on each bank of the Tonglü Canal.</p>
        <h2>Two parks, one canal</h2>
        <p>South of the canal, the aerospace new-materials park is planned at more than 3,000 mu (about 200 hectares). North of it, the semiconductor-equipment park has the same planned size, and about 500 mu of it is already built.</p>
        <ul>
        <li><strong>Aerospace new materials:</strong> light alloys, precision forming and lightweight car parts;</li>
        <li><strong>Semiconductor equipment:</strong> precision machining for chip-making tools, led by several Taiwan-invested manufacturers.</li>
        </ul>
        <h2>Projects under way</h2>
        <p>A light-alloy precision-forming plant, listed as a key project of Jiangsu province, broke ground on 30 June 2019; a maker of lightweight car parts is already in production. The town has also signed several projects of over 100 million yuan each, including stainless-steel and special-steel-wire plants.</p>
        """,
    ),
    DemoArticle(
        key="en-haimen-in-pictures",
        title="Haimen ETDZ in pictures",
        zone=HAIMEN,
        channel="zone-news",
        source="海门经济技术开发区管委会",
        published="2024-05-06 10:00",
        kind="picture",
        language="en",
        tags=("zone life",),
        cover=Picture(
            "factory",
            "Illustration: factory roofs and a chimney at sunrise",
            palette="dawn",
        ),
        gallery=(
            Picture(
                "bridge",
                "Illustration: a cable-stayed bridge over a river",
                "Crossings over the Yangtze bring Shanghai closer (illustration)",
                "day",
            ),
            Picture(
                "wafer",
                "Illustration: a silicon wafer covered in chips",
                "The semiconductor-equipment park north of the canal (illustration)",
                "night",
            ),
        ),
        body="""
        <p>Haimen Economic and Technological Development Zone sits on the north bank of the Yangtze estuary, facing Shanghai's Chongming Island.</p>
        <p>Its leading industries are equipment manufacturing, biomedicine and electromechanical products. These pictures show a few sides of the zone.</p>
        """,
    ),
    DemoArticle(
        key="en-nantong-health-platform",
        title="Nantong ETDZ opens a shared service platform for health companies",
        zone=NANTONG,
        channel="zone-news",
        source="南通经济技术开发区管委会",
        published="2020-11-05 10:00",
        language="en",
        tags=("biomedicine",),
        body="""
        <p>A public service platform for pharmaceutical and health companies has opened in Nantong Economic and Technological Development Zone.</p>
        <p>Small firms can book testing, pilot production and advice on product registration instead of buying their own equipment, which is often too costly at an early stage.</p>
        <p>The zone plans to add services as companies ask for them, together with universities and research institutes.</p>
        """,
    ),
    DemoArticle(
        key="en-sip-thirty-years",
        title="Suzhou Industrial Park marks thirty years of China–Singapore cooperation",
        zone=SUZHOU_SIP,
        channel="zone-news",
        source="苏州工业园区管委会",
        published="2024-02-27 09:00",
        language="en",
        is_featured=True,
        tags=("opening-up",),
        cover=Picture(
            "skyline", "Illustration: office towers under a clear sky", palette="day"
        ),
        body="""
        <p>Suzhou Industrial Park was approved by the State Council in February 1994 as a cooperation project between the governments of China and Singapore.</p>
        <h2>Planning first</h2>
        <p>The park borrowed Singapore's practice of planning before building, and adapted it to local conditions. Business districts, housing and parks were laid out around Jinji Lake from the start.</p>
        <h2>Industries</h2>
        <p>Electronic information, biomedicine and nanotechnology are the park's leading industries, and research, design and services have grown on top of its manufacturing base.</p>
        """,
    ),
    DemoArticle(
        key="en-caohejing-materials-rd",
        title="New-materials companies bring their research centres to Caohejing",
        zone=CAOHEJING,
        channel="zone-news",
        source="漕河泾开发区",
        published="2020-01-10 10:00",
        language="en",
        tags=("new materials",),
        body="""
        <p>Several new-materials companies have opened research centres or application laboratories in Caohejing Hi-Tech Park in Shanghai.</p>
        <p>Research teams need flexible space rather than large plots, and the park's office buildings suit them. Keeping testing, application development and customer support together also shortens the path to customers.</p>
        """,
    ),
    DemoArticle(
        key="en-hangzhou-university-labs",
        title="University labs meet manufacturers in Hangzhou ETDZ",
        zone=HANGZHOU,
        channel="investment-news",
        source="杭州经济技术开发区管委会",
        published="2025-11-12 14:30",
        language="en",
        tags=("technology transfer",),
        body="""
        <p>Research teams from universities in the Xiasha higher-education park presented their work to companies and investors at a technology-transfer event in Hangzhou Economic and Technological Development Zone.</p>
        <p>The projects covered biomedicine, smart equipment and information technology, close to the zone's leading industries. The zone offers pilot-production space to help promising results move from samples to products.</p>
        """,
    ),
    DemoArticle(
        key="en-hefei-appliance-upgrades",
        title="Hefei high-tech zone: appliance suppliers go digital",
        zone=HEFEI,
        channel="zone-news",
        source="合肥高新区管委会",
        published="2020-06-18 10:00",
        language="en",
        tags=("smart manufacturing",),
        body="""
        <p>Household appliances and their supply chain are a leading industry of Hefei National High-tech Industry Development Zone. Suppliers of parts to the big appliance makers are now automating their lines.</p>
        <p>Shorter delivery times and stricter quality demands push them to add automation and traceability. The zone brings appliance makers and suppliers together to share upgrade plans that have worked.</p>
        """,
    ),
    DemoArticle(
        key="en-chengdu-pilot-plant",
        title="Chengdu hi-tech zone opens a shared pilot plant for biotech firms",
        zone=CHENGDU,
        channel="investment-news",
        source="成都高新区管委会",
        published="2021-09-10 10:00",
        language="en",
        tags=("biomedicine",),
        body="""
        <p>A shared pilot plant for biomedicine companies has opened in Chengdu Hi-tech Industrial Development Zone.</p>
        <p>Companies book equipment and clean rooms for small production runs, so young firms need not build their own plant before their products are proven.</p>
        """,
    ),
    DemoArticle(
        key="en-guangzhou-chemicals-green",
        title="Guangzhou ETDZ: chemical plants cut energy use and emissions",
        zone=GUANGZHOU,
        channel="zone-news",
        source="广州开发区管委会",
        published="2022-11-10 10:00",
        language="en",
        tags=("green development",),
        body="""
        <p>Chemicals are a traditional leading industry of Guangzhou Economic and Technological Development Zone. Its chemical plants have been upgrading processes and pollution controls.</p>
        <ul>
        <li>recovering waste heat;</li>
        <li>capturing and treating volatile organic compounds;</li>
        <li>separating and reusing waste water.</li>
        </ul>
        <p>The zone arranges expert reviews and exchanges so that each company finds an approach that fits it.</p>
        """,
    ),
    DemoArticle(
        key="en-xian-semiconductor-forum",
        title="Semiconductor supply-chain forum opens soon in Xi'an",
        zone=XIAN,
        channel="investment-news",
        source="西安高新区管委会",
        publish_in_days=7,
        language="en",
        tags=("semiconductors",),
        body="""
        <p>A forum on the semiconductor supply chain will open in Xi'an Hi-tech Industries Development Zone, bringing together companies and experts in equipment, materials, design and manufacturing.</p>
        """,
    ),
)


ARTICLES = (
    HAIMEN_ARTICLES
    + NANTONG_ARTICLES
    + SUZHOU_SIP_ARTICLES
    + KUNSHAN_ARTICLES
    + CAOHEJING_ARTICLES
    + HANGZHOU_ARTICLES
    + HEFEI_ARTICLES
    + CHENGDU_ARTICLES
    + GUANGZHOU_ARTICLES
    + XIAN_ARTICLES
    + PORTAL_ARTICLES
    + RECENT_ARTICLES
    + ENGLISH_ARTICLES
)
