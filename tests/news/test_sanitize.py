"""The allow-list article bodies pass through (core.sanitize.clean_html).

Each hostile row names markup a reader must never receive; each allowed row
names markup an editor needs and must keep. Rows are checked by what remains
in the output, so a change to nh3's serialisation does not break them while
a change to what it lets through does.
"""

from django.test import SimpleTestCase, TestCase, override_settings

from core.sanitize import clean_html
from news.models import Article, Channel

# (description, input, substrings that must NOT appear in the output)
HOSTILE = [
    ("script element", "<p>a</p><script>alert(1)</script>", ["<script", "alert"]),
    ("style element", "<style>body{display:none}</style><p>a</p>", ["<style", "body{"]),
    ("style attribute", '<p style="position:fixed">a</p>', ["style="]),
    ("onclick attribute", '<p onclick="alert(1)">a</p>', ["onclick", "alert"]),
    ("onerror on an image", '<img src="/media/a.jpg" onerror="alert(1)">', ["onerror"]),
    ("onmouseover on a div", '<div onmouseover="alert(1)">a</div>', ["onmouseover"]),
    ("javascript: link", '<a href="javascript:alert(1)">a</a>', ["javascript", "href"]),
    ("mixed-case scheme", '<a href="JaVaScRiPt:alert(1)">a</a>', ["href", "alert"]),
    ("leading space", '<a href=" javascript:alert(1)">a</a>', ["href", "alert"]),
    ("entity-encoded scheme", '<a href="&#106;avascript:alert(1)">a</a>', ["href"]),
    ("hex-encoded tab", '<a href="jav&#x09;ascript:alert(1)">a</a>', ["href"]),
    ("encoded colon", '<a href="javascript&colon;alert(1)">a</a>', ["href"]),
    ("vbscript: link", '<a href="vbscript:msgbox(1)">a</a>', ["vbscript", "href"]),
    ("data: link", '<a href="data:text/html;base64,PHNjcmlwdD4=">a</a>', ["data:"]),
    (
        "data: image",
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">',
        ["data:"],
    ),
    ("javascript: image", '<img src="javascript:alert(1)" alt="x">', ["javascript"]),
    ("file: link", '<a href="file:///etc/passwd">a</a>', ["file:", "href"]),
    ("remote image", '<img src="https://tracker.example/p.gif" alt="x">', ["tracker"]),
    ("protocol-relative image", '<img src="//cdn.example/p.gif" alt="x">', ["cdn."]),
    ("image escaping media", '<img src="/media/../admin/" alt="x">', ["admin"]),
    ("encoded dot segments", '<img src="/media/%2e%2e/admin/" alt="x">', ["admin"]),
    (
        "backslash dot segments",
        '<img src="/media/a\\..\\..\\admin" alt="x">',
        ["admin"],
    ),
    ("image with no usable src", "<img src=x onerror=alert(1)>", ["<img", "onerror"]),
    (
        "srcset to elsewhere",
        '<img src="/media/a.jpg" srcset="https://e.example/x 2x">',
        ["srcset"],
    ),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', ["<iframe", "evil"]),
    (
        "form and inputs",
        '<form action="/x"><input name="q"><button>Go</button></form>',
        ["<form", "<input", "<button"],
    ),
    (
        "object and embed",
        '<object data="x.swf"></object><embed src="y.swf">',
        ["<object", "<embed", "swf"],
    ),
    (
        "svg with script",
        "<svg><script>alert(1)</script><circle r=1 /></svg>",
        ["<svg", "<script", "alert"],
    ),
    ("svg onload", "<svg onload=alert(1)></svg>", ["onload", "<svg"]),
    (
        "mathml link",
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
        ["javascript", "<math"],
    ),
    (
        "meta refresh",
        '<meta http-equiv="refresh" content="0;url=https://e.example">',
        ["<meta", "refresh"],
    ),
    ("base element", '<base href="https://evil.example/">', ["<base", "evil"]),
    (
        "link element",
        '<link rel="stylesheet" href="https://e.example/x.css">',
        ["<link"],
    ),
    (
        "template with script",
        "<template><script>alert(1)</script></template>",
        ["<template", "<script"],
    ),
    ("split script tag", "<scr<script>ipt>alert(1)</script>", ["<script"]),
    (
        "noscript attribute trick",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
        ["onerror", "<img"],
    ),
    (
        "target=_blank without rel",
        '<a href="https://e.example" target="_blank">a</a>',
        ["target"],
    ),
    ("opener rel", '<a href="https://e.example" rel="opener">a</a>', ['rel="opener"']),
    ("comment", "<!-- <script>alert(1)</script> --><p>a</p>", ["<!--", "alert"]),
    ("top-level heading", "<h1>Second title</h1>", ["<h1"]),
    ("class and id", '<p class="x" id="y">a</p>', ["class=", "id="]),
]

# (description, input, substrings that MUST appear in the output)
ALLOWED = [
    (
        "sub-headings",
        "<h2>构筑新平台</h2><h3>项目</h3><h4>小节</h4>",
        ["<h2>构筑新平台</h2>", "<h3>项目</h3>", "<h4>小节</h4>"],
    ),
    ("paragraphs and breaks", "<p>一<br>二</p>", ["<p>一<br>二</p>"]),
    (
        "bullet list",
        "<ul><li>甲</li><li>乙</li></ul>",
        ["<ul><li>甲</li><li>乙</li></ul>"],
    ),
    (
        "numbered list with start",
        '<ol start="3"><li>丙</li></ol>',
        ['<ol start="3"><li>丙</li></ol>'],
    ),
    (
        "https link with noopener",
        '<a href="https://www.haimen.gov.cn/">海门</a>',
        ['href="https://www.haimen.gov.cn/"', "noopener", ">海门</a>"],
    ),
    (
        "http link",
        '<a href="http://example.com/a?b=1&amp;c=2">a</a>',
        ['href="http://example.com/a?b=1&amp;c=2"'],
    ),
    (
        "mailto link",
        '<a href="mailto:info@example.com">mail</a>',
        ['href="mailto:info@example.com"'],
    ),
    (
        "site-relative link",
        '<a href="/zones/haimen/">zone</a>',
        ['href="/zones/haimen/"'],
    ),
    (
        "image from our media",
        '<img src="/media/news/a.jpg" alt="园区" width="800" height="450">',
        ['src="/media/news/a.jpg"', 'alt="园区"', 'width="800"'],
    ),
    (
        "image gains an empty alt",
        '<img src="/media/news/a.jpg">',
        ['src="/media/news/a.jpg"', 'alt=""'],
    ),
    (
        "figure with caption",
        '<figure><img src="/media/a.jpg" alt="a">'
        "<figcaption>说明</figcaption></figure>",
        ["<figure>", "<figcaption>说明</figcaption>"],
    ),
    (
        "table",
        "<table><thead><tr><th>项目</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
        ["<table>", "<th>项目</th>", "<td>1</td>"],
    ),
    (
        "emphasis",
        "<p><strong>重</strong><em>斜</em><b>b</b><i>i</i><u>u</u><s>s</s></p>",
        ["<strong>重</strong>", "<em>斜</em>", "<u>u</u>", "<s>s</s>"],
    ),
    (
        "sub and superscript",
        "<p>m<sup>2</sup> H<sub>2</sub>O</p>",
        ["<sup>2</sup>", "<sub>2</sub>"],
    ),
    (
        "blockquote",
        "<blockquote><p>引文</p></blockquote>",
        ["<blockquote><p>引文</p></blockquote>"],
    ),
    (
        "unclosed tags are closed",
        "<p>未闭合 <strong>加粗",
        ["<p>未闭合 <strong>加粗</strong></p>"],
    ),
    ("text of a dropped element survives", "<div>保留文字</div>", ["保留文字"]),
]


@override_settings(MEDIA_URL="/media/")
class SanitizerTableTests(SimpleTestCase):
    def test_hostile_markup_is_removed(self):
        for description, html, forbidden in HOSTILE:
            cleaned = clean_html(html)
            for fragment in forbidden:
                with self.subTest(description, fragment=fragment):
                    self.assertNotIn(fragment.lower(), cleaned.lower())

    def test_allowed_markup_survives(self):
        for description, html, required in ALLOWED:
            cleaned = clean_html(html)
            for fragment in required:
                with self.subTest(description, fragment=fragment):
                    self.assertIn(fragment, cleaned)

    def test_cleaning_twice_changes_nothing(self):
        # The form field and Article.save both clean; the second pass must
        # not alter what the first produced.
        for _description, html, _fragments in HOSTILE + ALLOWED:
            once = clean_html(html)
            with self.subTest(html=html):
                self.assertEqual(clean_html(once), once)

    def test_empty_editor_document_is_stored_empty(self):
        for html in ("", None, "<p></p>", "<p><br></p>", "  "):
            with self.subTest(html=html):
                self.assertEqual(clean_html(html), "")


class StoredBodyIsCleanTests(TestCase):
    def test_body_is_cleaned_before_it_is_stored(self):
        channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
        article = Article.objects.create(
            title="t",
            channel=channel,
            body='<p onclick="x()">ok</p><script>bad()</script>',
        )
        stored = Article.objects.values_list("body", flat=True).get(pk=article.pk)
        self.assertEqual(stored, "<p>ok</p>")

    def test_summary_taken_from_the_cleaned_body(self):
        channel = Channel.objects.create(name="开发区新闻", slug="zone-news")
        article = Article.objects.create(
            title="t", channel=channel, body="<p>正文<script>bad()</script></p>"
        )
        self.assertEqual(article.summary, "正文")
