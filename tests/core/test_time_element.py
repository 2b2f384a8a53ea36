from datetime import UTC, datetime

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation


def filters_template(format_name):
    """The markup the tag replaced: two date filters."""
    return Template(
        "<time datetime=\"{{ when|date:'c' }}\">"
        f'{{{{ when|date:"{format_name}" }}}}</time>'
    )


FILTERS = filters_template("SHORT_DATE_FORMAT")
TAG = Template("{% load dates %}{% time_element when %}")


class TimeElementTests(SimpleTestCase):
    when = datetime(2019, 11, 12, 2, 30, tzinfo=UTC)

    def render(self, template, **context):
        return template.render(Context({"when": self.when, **context}))

    def test_writes_what_the_two_date_filters_wrote(self):
        for language in ("zh-hans", "en"):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(self.render(TAG), self.render(FILTERS))

    def test_site_time_zone_and_page_language(self):
        with translation.override("zh-hans"):
            self.assertEqual(
                self.render(TAG),
                '<time datetime="2019-11-12T10:30:00+08:00">2019年11月12日</time>',
            )
        with translation.override("en"):
            self.assertIn(">12 Nov 2019</time>", self.render(TAG))

    def test_named_format(self):
        tag = Template('{% load dates %}{% time_element when "DATE_FORMAT" %}')
        filters = filters_template("DATE_FORMAT")
        for language in ("zh-hans", "en"):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(self.render(tag), self.render(filters))

    def test_nothing_for_no_date(self):
        self.assertEqual(TAG.render(Context({"when": None})), "")


class MachineReadableTimeTests(SimpleTestCase):
    def test_no_fraction_of_a_second_however_the_time_was_written(self):
        # A bulk "Publish now" writes timezone.now(), microseconds included;
        # HTML allows at most three decimals.
        written = datetime(2026, 12, 6, 4, 49, 40, 130304, tzinfo=UTC)
        with translation.override("zh-hans"):
            html = TAG.render(Context({"when": written}))
        self.assertIn('datetime="2026-12-06T12:49:40+08:00"', html)
