"""Channels and sources of the demo news."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoChannel:
    slug: str
    name: str
    name_en: str
    description: str
    position: int


@dataclass(frozen=True)
class DemoSource:
    name: str
    name_en: str
    website: str = ""


CHANNELS = (
    DemoChannel("zone-news", "开发区新闻", "Zone news", "各开发区发布的园区动态", 1),
    DemoChannel(
        "investment-news", "投资动态", "Investment news", "招商引资与项目投资进展", 2
    ),
    DemoChannel("policies", "政策法规", "Policies", "与投资相关的政策、办事指南", 3),
    DemoChannel("projects", "招商项目", "Investment projects", "重点项目与合作机会", 4),
)

# Websites point at example.com on purpose: nothing in the demo links to a
# real organisation's site.
SOURCES = (
    DemoSource(
        "海门市人民政府",
        "Haimen Municipal People's Government",
        "https://www.example.com/haimen/",
    ),
    DemoSource(
        "海门区人民政府",
        "Haimen District People's Government",
        "https://www.example.com/haimen-district/",
    ),
    DemoSource(
        "海门经济技术开发区管委会",
        "Haimen ETDZ Administrative Committee",
        "https://www.example.com/haimen-etdz/",
    ),
    DemoSource(
        "南通市商务局",
        "Nantong Municipal Bureau of Commerce",
        "https://www.example.com/nantong-commerce/",
    ),
    DemoSource(
        "南通经济技术开发区管委会",
        "Nantong ETDZ Administrative Committee",
    ),
    DemoSource(
        "苏州工业园区管委会",
        "Suzhou Industrial Park Administrative Committee",
        "https://www.example.com/sip/",
    ),
    DemoSource("昆山经济技术开发区管委会", "Kunshan ETDZ Administrative Committee"),
    DemoSource(
        "漕河泾开发区",
        "Caohejing Hi-Tech Park",
        "https://www.example.com/caohejing/",
    ),
    DemoSource(
        "杭州经济技术开发区管委会",
        "Hangzhou ETDZ Administrative Committee",
        "https://www.example.com/hangzhou-etdz/",
    ),
    DemoSource("合肥高新区管委会", "Hefei Hi-Tech Zone Administrative Committee"),
    DemoSource(
        "成都高新区管委会",
        "Chengdu Hi-Tech Zone Administrative Committee",
        "https://www.example.com/chengdu-hitech/",
    ),
    DemoSource(
        "广州开发区管委会",
        "Guangzhou Development District Administrative Committee",
        "https://www.example.com/guangzhou-gdd/",
    ),
    DemoSource("西安高新区管委会", "Xi'an Hi-Tech Zone Administrative Committee"),
    DemoSource(
        "江苏省商务厅",
        "Jiangsu Provincial Department of Commerce",
        "https://www.example.com/jiangsu-commerce/",
    ),
    DemoSource("本站编辑部", "Portal newsroom"),
)
