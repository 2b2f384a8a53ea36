"""Shared data for the site-wide tests: pages in both languages, read as HTML."""

import json
from datetime import datetime
from decimal import Decimal
from html.parser import HTMLParser

from django.utils import timezone

from news.models import Article
from tests.news.helpers import NewsTestCase, jpeg_upload


class HeadParser(HTMLParser):
    """Collects what the <head> says about the page, and the JSON-LD."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.title = ""
        self.meta = {}
        self.links = []
        self.json_ld = []
        self._in = None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "title":
            self._in, self._buffer = "title", []
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in, self._buffer = "json-ld", []

    def handle_endtag(self, tag):
        if tag == "title" and self._in == "title":
            self.title = "".join(self._buffer)
            self._in = None
        elif tag == "script" and self._in == "json-ld":
            self.json_ld.append(json.loads("".join(self._buffer)))
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buffer.append(data)

    def link(self, rel, **attrs):
        """The href of the one <link rel=...> matching attrs, else None."""
        found = [
            link["href"]
            for link in self.links
            if link.get("rel") == rel
            and all(link.get(name) == value for name, value in attrs.items())
        ]
        assert len(found) <= 1, f"{len(found)} <link rel={rel} {attrs}>"
        return found[0] if found else None

    def hreflangs(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def structured(self, kind):
        return [item for item in self.json_ld if item.get("@type") == kind]


def parse(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


class SiteTestCase(NewsTestCase):
    """NewsTestCase plus a zone profile with numbers and an English article."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        zone = cls.haimen_zone
        zone.area_hectares = Decimal("488.00")
        zone.approved_on = datetime(2013, 1, 1).date()
        zone.profile = "<p>海门经济技术开发区位于长江入海口。</p>"
        zone.profile_en = "<p>Haimen ETDZ lies where the Yangtze meets the sea.</p>"
        zone.address = "江苏省南通市海门区北京东路1号"
        zone.save()
        cls.november = timezone.make_aware(datetime(2019, 11, 12, 9, 30))

    def make_english_article(self, title="Haimen signs twelve projects", **fields):
        fields.setdefault("language", Article.Language.ENGLISH)
        fields.setdefault("body", "<p>Twelve projects were signed.</p>")
        return self.make_article(title, **fields)

    def make_covered_article(self, title="海门港新区码头开工", **fields):
        fields.setdefault("cover", jpeg_upload("cover.jpg", size=(1600, 900)))
        fields.setdefault("cover_alt", "新码头的岸桥")
        return self.make_article(title, **fields)
