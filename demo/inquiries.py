"""Demo inquiries: every state for three zones, some overdue, enough
answered ones in Haimen for its profile to show a reply time.

Times are relative to the moment of loading, in working days, so the inbox,
the reminders and the figure look the same whenever `make run` starts. No
email is queued: demo investors have example.com addresses. Keyed by the
investor's email and the zone, so a re-run adds nothing twice.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from demo.zones import HAIMEN, NANTONG, SUZHOU_SIP
from inquiries.models import Inquiry, Message
from inquiries.workdays import add_working_days

Status = Inquiry.Status


@dataclass(frozen=True)
class DemoInquiry:
    zone: str
    email: str
    name: str
    organisation: str
    country: str
    language: str
    industry: str
    investment: str
    timeline: str
    message: str
    status: str
    days_ago: float  # calendar days since it was received
    reply_after: float | None = None  # working days to the first reply
    reply: str = ""
    follow_up: str = ""  # written after the reply: the inquiry reopened
    note: str = ""
    jobs: int | None = None
    space_needed: str = ""
    extra: dict = field(default_factory=dict)


WELCOME_EN = (
    "Thank you for your interest in our zone. Serviced industrial land is "
    "available in the east park at the current benchmark price; we can show "
    "you two plots next week.\nPlease tell us the dates that suit you."
)
WELCOME_ZH = (
    "感谢您关注本开发区。东区现有成熟工业用地，按基准地价出让；"
    "下周可安排实地看地。\n请告知方便的时间。"
)

INQUIRIES = (
    DemoInquiry(
        HAIMEN,
        "k.weber@example.com",
        "Katrin Weber",
        "Weber Getriebe GmbH",
        "Germany",
        "en",
        "装备制造",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.YEAR,
        "We plan an assembly plant for industrial gearboxes (about 120 jobs).\n"
        "What land is available near the Yangtze river bridge, and at what price?",
        Status.CLOSED,
        days_ago=60,
        reply_after=0.6,
        reply=WELCOME_EN,
        jobs=120,
        space_needed="40 mu of industrial land",
    ),
    DemoInquiry(
        HAIMEN,
        "t.sato@example.com",
        "Takeshi Sato",
        "Sato Fine Materials Co., Ltd.",
        "Japan",
        "en",
        "新材料",
        Inquiry.Investment.TO_1B,
        Inquiry.Timeline.TWO_YEARS,
        "Do you have standard factory buildings of 5,000 m² with a floor load of "
        "at least 2 t/m²?",
        Status.ANSWERED,
        days_ago=40,
        reply_after=1.2,
        reply="Yes: building C7 in the new-materials park has 5,600 m² with "
        "3 t/m². It is free from March.",
        space_needed="5,000 m² of factory space",
    ),
    DemoInquiry(
        HAIMEN,
        "li.na@example.com",
        "李娜",
        "上海某生物科技有限公司",
        "中国",
        "zh-hans",
        "生物医药",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.SIX_MONTHS,
        "我们计划设立一个研发中试基地，想了解人才公寓和研发补贴政策。",
        Status.ANSWERED,
        days_ago=30,
        reply_after=1.5,
        reply=WELCOME_ZH,
        note="已转人才办，下周回访。",
    ),
    DemoInquiry(
        HAIMEN,
        "m.rossi@example.com",
        "Marco Rossi",
        "Rossi Automazione S.r.l.",
        "Italy",
        "en",
        "智能制造",
        Inquiry.Investment.UNDER_10M,
        Inquiry.Timeline.YEAR,
        "Which incentives apply to a foreign-invested company that rents "
        "rather than buys its premises?",
        Status.NEW,
        days_ago=20,
        reply_after=2.5,
        reply="Rent subsidies of up to three years apply; the details depend on "
        "the investment and tax paid.",
        follow_up="Thank you. Could you send the rent subsidy rules in English?",
    ),
    DemoInquiry(
        HAIMEN,
        "zhou.jian@example.com",
        "周建",
        "南通某纺织集团",
        "中国",
        "zh-hans",
        "纺织",
        Inquiry.Investment.TO_1B,
        Inquiry.Timeline.YEAR,
        "集团拟新建智能化印染车间，请问园区的排污指标和蒸汽供应情况？",
        Status.ANSWERED,
        days_ago=15,
        reply_after=0.8,
        reply="园区集中供热，排污指标需另行申请，欢迎来园区面谈。",
    ),
    DemoInquiry(
        HAIMEN,
        "a.kowalski@example.com",
        "Anna Kowalski",
        "Baltic Marine Parts Sp. z o.o.",
        "Poland",
        "en",
        "海工装备",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.TWO_YEARS,
        "Is there a berth or a quay near the zone for heavy marine components?",
        Status.NEW,
        days_ago=6,
    ),
    DemoInquiry(
        HAIMEN,
        "r.gupta@example.com",
        "Rahul Gupta",
        "Gupta Pharma Pvt. Ltd.",
        "India",
        "en",
        "生物医药",
        Inquiry.Investment.UNDECIDED,
        Inquiry.Timeline.LATER,
        "We are comparing three zones for an API plant. Can we visit in spring?",
        Status.ACKNOWLEDGED,
        days_ago=0.1,
    ),
    DemoInquiry(
        HAIMEN,
        "winner@example.com",
        "Prize Desk",
        "Lucky Winner Ltd",
        "—",
        "en",
        "—",
        Inquiry.Investment.UNDECIDED,
        Inquiry.Timeline.LATER,
        "Cheap followers and reviews, visit our site.",
        Status.SPAM,
        days_ago=3,
    ),
    DemoInquiry(
        NANTONG,
        "j.smith@example.com",
        "James Smith",
        "Smith Logistics Ltd",
        "United Kingdom",
        "en",
        "现代物流",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.YEAR,
        "We need a bonded warehouse of 20,000 m². Is there one near the port?",
        Status.NEW,
        days_ago=12,
    ),
    DemoInquiry(
        NANTONG,
        "wang.lei@example.com",
        "王磊",
        "苏州某电子有限公司",
        "中国",
        "zh-hans",
        "电子信息",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.SIX_MONTHS,
        "请问开发区是否有现成的洁净厂房可以租赁？",
        Status.CLOSED,
        days_ago=25,
        reply_after=1.0,
        reply="有，B 区有 8000 平方米十万级洁净厂房。",
    ),
    DemoInquiry(
        SUZHOU_SIP,
        "e.martin@example.com",
        "Emma Martin",
        "Martin Diagnostics SAS",
        "France",
        "en",
        "生物医药",
        Inquiry.Investment.TO_1B,
        Inquiry.Timeline.YEAR,
        "How long does the registration of a wholly foreign-owned company take?",
        Status.ACKNOWLEDGED,
        days_ago=5,
        note="Ask the business service centre for the current lead time.",
    ),
    DemoInquiry(
        SUZHOU_SIP,
        "h.kim@example.com",
        "Kim Hyun-woo",
        "Hanbit Semiconductor",
        "Korea",
        "en",
        "集成电路",
        Inquiry.Investment.OVER_1B,
        Inquiry.Timeline.TWO_YEARS,
        "We are looking for 200 mu for a packaging and test plant.",
        Status.ANSWERED,
        days_ago=9,
        reply_after=0.5,
        reply="Our investment team will call you tomorrow to arrange a visit.",
    ),
    DemoInquiry(
        SUZHOU_SIP,
        "chen.yu@example.com",
        "陈宇",
        "杭州某新能源科技",
        "中国",
        "zh-hans",
        "新能源",
        Inquiry.Investment.TO_100M,
        Inquiry.Timeline.SIX_MONTHS,
        "想了解园区对储能项目的支持政策。",
        Status.NEW,
        days_ago=0.2,
    ),
)


def load(zones, now=None):
    """Create the demo inquiries of the zones found; return (created, existing)."""
    now = now or timezone.now()
    created = existing = 0
    for demo in INQUIRIES:
        zone = zones.get(demo.zone)
        if zone is None:
            continue
        if Inquiry.objects.filter(zone=zone, email=demo.email).exists():
            existing += 1
            continue
        _create(demo, zone, now)
        created += 1
    return created, existing


def _create(demo, zone, now):
    received = now - timedelta(days=demo.days_ago)
    replied = (
        add_working_days(received, demo.reply_after)
        if demo.reply_after is not None
        else None
    )
    waiting_since = received
    if demo.follow_up:
        waiting_since = replied + timedelta(hours=3)
    closed = demo.status in (Status.CLOSED, Status.SPAM)
    inquiry = Inquiry.objects.create(
        zone=zone,
        status=demo.status,
        name=demo.name,
        organisation=demo.organisation,
        country=demo.country,
        email=demo.email,
        language=demo.language,
        industry=demo.industry,
        investment=demo.investment,
        timeline=demo.timeline,
        message=demo.message,
        jobs=demo.jobs,
        space_needed=demo.space_needed,
        submitted_at=received,
        waiting_since=waiting_since,
        due_at=add_working_days(waiting_since, 2),
        escalate_at=add_working_days(waiting_since, 4),
        first_replied_at=replied,
        closed_at=(replied or received) + timedelta(days=2) if closed else None,
    )
    if demo.note:
        Message.objects.create(
            inquiry=inquiry,
            kind=Message.Kind.NOTE,
            body=demo.note,
            created_at=received + timedelta(hours=2),
        )
    if demo.reply:
        Message.objects.create(
            inquiry=inquiry,
            kind=Message.Kind.REPLY,
            body=demo.reply,
            created_at=replied,
        )
    if demo.follow_up:
        Message.objects.create(
            inquiry=inquiry,
            kind=Message.Kind.FOLLOW_UP,
            body=demo.follow_up,
            created_at=waiting_since,
        )
    return inquiry
