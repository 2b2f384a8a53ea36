"""Demo investment projects: what ten demo zones offer investors.

Our own wording, loosely after the kinds of offers zones publish (standard
factories to let, serviced land, joint ventures). Valid-until dates are
counted from the day of loading, so the list looks the same whenever the
demo is loaded; one project is past its date, to show a closed page.
Keyed by zone and title, so a re-run adds nothing twice.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from demo import pictures
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
from projects.models import Project, ProjectImage
from zones.models import Industry

Kind = Project.Cooperation
Status = Project.Status


@dataclass(frozen=True)
class DemoProject:
    zone: str
    title: str
    title_en: str
    industry: str  # a catalogue industry's Chinese name; missing ones are left out
    cooperation: str
    description: str
    valid_days: int = 365  # from the day of loading; negative: expired
    status: str = Status.SEEKING
    investment: float | None = None  # millions
    currency: str = "CNY"
    land_mu: float | None = None
    floor_space_m2: int | None = None
    tags: tuple = ()
    # (motif of demo.pictures, alternative text, caption): drawn
    # illustrations, and their text says so.
    pictures: tuple = ()


PROJECTS = (
    DemoProject(
        HAIMEN,
        "半导体装备产业园标准厂房开放招租",
        "Standard factories to let in the semiconductor equipment park",
        "装备制造",
        Kind.FACTORY_LEASE,
        "<p>运河北岸的半导体装备产业园首期标准厂房已竣工，单层层高9米，"
        "可分割出租，适合设备整机装配与精密零部件加工企业入驻。</p>"
        "<p>园区提供洁净车间改造指导和前三年租金优惠。</p>",
        floor_space_m2=36000,
        investment=50,
        tags=("半导体", "标准厂房"),
        pictures=(
            ("factory", "示意插图：产业园内成排的标准厂房", "标准厂房（示意图）"),
            ("wafer", "示意插图：一片晶圆", "半导体装备产业园（示意图）"),
        ),
    ),
    DemoProject(
        HAIMEN,
        "航天新材料科技产业园工业用地出让",
        "Industrial land in the aerospace new materials park",
        "新材料",
        Kind.LAND_TRANSFER,
        "<p>运河南岸航天新材料科技产业园规划用地中，首批约200亩工业用地"
        "完成“七通一平”，面向复合材料、特种合金项目挂牌出让。</p>",
        land_mu=200,
        investment=1500,
        tags=("新材料", "航天"),
        pictures=(("aerospace", "示意插图：夜空中升起的火箭", ""),),
    ),
    DemoProject(
        HAIMEN,
        "高端装备零部件合资项目",
        "Joint venture for high-end equipment components",
        "装备制造",
        Kind.JOINT_VENTURE,
        "<p>区内一家液压件骨干企业寻求境外技术伙伴，共同设立合资公司，"
        "生产工程机械用精密液压元件。</p>",
        investment=30,
        currency="USD",
        status=Status.NEGOTIATING,
    ),
    DemoProject(
        HAIMEN,
        "生物医药孵化器实验室招租",
        "Laboratories to let in the biomedicine incubator",
        "生物医药",
        Kind.FACTORY_LEASE,
        "<p>孵化器三号楼可提供带通风系统的实验室单元，面积200至800平方米。</p>",
        floor_space_m2=6000,
        valid_days=-20,
        pictures=(("lab", "示意插图：实验室里的分子模型", "孵化器实验室（示意图）"),),
    ),
    DemoProject(
        NANTONG,
        "船舶海工配套产业园厂房出租",
        "Factories for marine engineering suppliers",
        "船舶海工",
        Kind.FACTORY_LEASE,
        "<p>临江配套园区现有重型钢结构厂房，配10吨至32吨行车，"
        "靠近码头，便于大件运输。</p>",
        floor_space_m2=28000,
        pictures=(
            ("port", "示意插图：码头岸吊与厂房", "海工配套产业园码头（示意图）"),
        ),
    ),
    DemoProject(
        NANTONG,
        "智能电网装备独资项目用地",
        "Land for a wholly owned smart grid equipment plant",
        "电子信息",
        Kind.SOLE,
        "<p>为输配电设备制造项目预留约120亩净地，可按项目进度分期供地。</p>",
        land_mu=120,
        investment=800,
    ),
    DemoProject(
        SUZHOU_SIP,
        "纳米技术产业化基地合作项目",
        "Nanotechnology commercialisation partnership",
        "纳米技术",
        Kind.COOPERATION,
        "<p>面向微纳制造、第三代半导体团队，提供中试线共享、联合研发和场地支持。</p>",
        investment=200,
        tags=("纳米", "中试"),
    ),
    DemoProject(
        SUZHOU_SIP,
        "生物医药产业园研发楼整层出租",
        "Whole floors of an R&D building in the biomedical park",
        "生物医药",
        Kind.FACTORY_LEASE,
        "<p>研发楼单层约2500平方米，预留实验室排风和纯水管路。</p>",
        floor_space_m2=10000,
    ),
    DemoProject(
        SUZHOU_SIP,
        "人工智能应用中心合资项目",
        "Joint venture for an applied AI centre",
        "人工智能",
        Kind.JOINT_VENTURE,
        "<p>园区国有平台公司拟与行业企业合资建设工业视觉算法与测试中心。</p>",
        investment=120,
        status=Status.SIGNED,
    ),
    DemoProject(
        KUNSHAN,
        "光电显示配套产业用地出让",
        "Land for optoelectronic display suppliers",
        "光电",
        Kind.LAND_TRANSFER,
        "<p>光电产业园周边约150亩工业用地，适合面板配套材料和模组项目。</p>",
        land_mu=150,
        investment=1000,
    ),
    DemoProject(
        KUNSHAN,
        "精密模具企业标准厂房招租",
        "Standard factories for precision tooling makers",
        "精密机械",
        Kind.FACTORY_LEASE,
        "<p>双层标准厂房，一层承重每平方米1.5吨，可整栋或分层出租。</p>",
        floor_space_m2=15000,
    ),
    DemoProject(
        CAOHEJING,
        "软件和信息服务楼宇招商",
        "Office space for software and information services",
        "软件",
        Kind.FACTORY_LEASE,
        "<p>园区新建研发办公楼面向软件、数据服务企业招租，配套人才公寓。</p>",
        floor_space_m2=20000,
    ),
    DemoProject(
        CAOHEJING,
        "集成电路设计企业合作平台",
        "Shared platform for chip design companies",
        "集成电路",
        Kind.COOPERATION,
        "<p>与行业协会共建设计工具共享平台，欢迎设计企业以合作方式入驻。</p>",
        investment=60,
    ),
    DemoProject(
        HANGZHOU,
        "生命健康产业园独资项目用地",
        "Land for wholly owned life-science plants",
        "生物医药",
        Kind.SOLE,
        "<p>下沙片区约180亩用地，面向原料药以外的制剂和医疗器械项目。</p>",
        land_mu=180,
        investment=1200,
        pictures=(("greenery", "示意插图：绿地环绕的待出让地块", ""),),
    ),
    DemoProject(
        HANGZHOU,
        "智能制造示范工厂合资项目",
        "Joint venture for a smart manufacturing showcase plant",
        "装备制造",
        Kind.JOINT_VENTURE,
        "<p>寻求工业机器人或自动化系统企业合资建设示范工厂。</p>",
        investment=25,
        currency="EUR",
        status=Status.NEGOTIATING,
    ),
    DemoProject(
        HEFEI,
        "新型显示产业链配套项目",
        "Suppliers for the new display industry chain",
        "新型显示",
        Kind.SOLE,
        "<p>围绕园区面板龙头企业，招引偏光片、驱动芯片和玻璃基板配套项目。</p>",
        investment=3000,
        land_mu=300,
    ),
    DemoProject(
        HEFEI,
        "量子信息科技园孵化空间",
        "Incubator space in the quantum technology park",
        "电子信息",
        Kind.FACTORY_LEASE,
        "<p>提供100至1000平方米孵化空间，前两年租金减半。</p>",
        floor_space_m2=8000,
    ),
    DemoProject(
        CHENGDU,
        "电子信息产业园标准厂房出租",
        "Standard factories in the electronics park",
        "电子信息",
        Kind.FACTORY_LEASE,
        "<p>西区标准厂房可提供双回路供电，适合电子组装和测试企业。</p>",
        floor_space_m2=42000,
    ),
    DemoProject(
        CHENGDU,
        "生物医药创新中心合作项目",
        "Partnership in the biomedical innovation centre",
        "生物医药",
        Kind.COOPERATION,
        "<p>与临床研究机构合作建设转化平台，欢迎研发型企业共同投入。</p>",
        investment=150,
    ),
    DemoProject(
        GUANGZHOU,
        "新能源汽车零部件产业用地",
        "Land for new-energy vehicle component makers",
        "汽车",
        Kind.LAND_TRANSFER,
        "<p>整车企业周边约250亩用地，面向电驱动、热管理和电池包项目出让。</p>",
        land_mu=250,
        investment=2000,
        tags=("新能源汽车",),
    ),
    DemoProject(
        GUANGZHOU,
        "跨境电商物流仓储招租",
        "Warehouses for cross-border e-commerce",
        "现代物流",
        Kind.FACTORY_LEASE,
        "<p>保税物流园区高标仓库，净高10米，配装卸平台。</p>",
        floor_space_m2=30000,
        pictures=(("port", "示意插图：港口集装箱与仓库", "物流仓储区（示意图）"),),
    ),
    DemoProject(
        XIAN,
        "航空航天配套产业合资项目",
        "Joint venture for aerospace suppliers",
        "航空航天",
        Kind.JOINT_VENTURE,
        "<p>区内骨干企业拟引进战略投资者，合资扩建精密铸件产线。</p>",
        investment=400,
        status=Status.NEGOTIATING,
    ),
    DemoProject(
        XIAN,
        "半导体封装测试项目用地",
        "Land for semiconductor packaging and testing",
        "半导体",
        Kind.SOLE,
        "<p>约160亩工业用地，配套纯水站和双电源，适合封装测试项目。</p>",
        land_mu=160,
        investment=2500,
        pictures=(("wafer", "示意插图：一片晶圆", ""),),
    ),
)


def load(zones, today=None):
    """Create the demo projects of the zones found, and their pictures; give
    pictures to demo projects loaded before there were any. Return
    (created, existing, pictures added)."""
    today = today or timezone.localdate()
    industries = {
        industry.name: industry
        for industry in Industry.objects.filter(
            name__in={demo.industry for demo in PROJECTS}
        )
    }
    created = existing = drawn = 0
    for demo in PROJECTS:
        zone = zones.get(demo.zone)
        if zone is None:
            continue
        project = Project.objects.filter(zone=zone, title=demo.title).first()
        if project is not None:
            existing += 1
            if not project.images.exists():
                drawn += add_pictures(project, demo)
            continue
        project = Project.objects.create(
            zone=zone,
            title=demo.title,
            title_en=demo.title_en,
            industry=industries.get(demo.industry),
            cooperation=demo.cooperation,
            status=demo.status,
            description=demo.description,
            investment=demo.investment,
            currency=demo.currency,
            land_mu=demo.land_mu,
            floor_space_m2=demo.floor_space_m2,
            valid_until=today + timedelta(days=demo.valid_days),
            is_published=True,
        )
        if demo.tags:
            project.tags.add(*demo.tags)
        drawn += add_pictures(project, demo)
        created += 1
    return created, existing, drawn


def add_pictures(project, demo):
    """Draw the demo project's pictures; return how many."""
    for position, (motif, alt_text, caption) in enumerate(demo.pictures):
        image = ProjectImage(
            project=project, alt_text=alt_text, caption=caption, position=position
        )
        seed = f"project:{demo.zone}:{demo.title}:{position}"
        image.image.save(
            f"demo-project-{project.pk}-{position}.jpg",
            ContentFile(pictures.scene(seed, motif)),
            save=False,
        )
        image.save()
    return len(demo.pictures)
