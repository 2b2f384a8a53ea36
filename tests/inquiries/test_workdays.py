"""Working days: weekends and China's public holidays off, make-up days on."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase

from inquiries.workdays import add_working_days, is_working_day, working_days_between

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args):
    return datetime(*args, tzinfo=SHANGHAI)


class WorkingDayTests(SimpleTestCase):
    def test_spring_festival_2026_with_its_make_up_days(self):
        self.assertTrue(is_working_day(date(2026, 2, 14)))  # Saturday, make-up day
        self.assertFalse(is_working_day(date(2026, 2, 16)))  # Monday, holiday
        self.assertTrue(is_working_day(date(2026, 2, 28)))  # Saturday, make-up day

    def test_clock_runs_through_a_make_up_saturday_and_skips_the_holiday(self):
        # Friday 13 Feb 10:00: 14 hours that day, Saturday 14 Feb is a
        # make-up working day (24 hours), 15 to 23 Feb are holidays; the
        # remaining 10 hours run on Tuesday 24 Feb.
        due = add_working_days(at(2026, 2, 13, 10), 2)
        self.assertEqual(due, at(2026, 2, 24, 10))

    def test_ordinary_weekend(self):
        self.assertEqual(add_working_days(at(2026, 3, 6, 17), 2), at(2026, 3, 10, 17))
        # Received on a Saturday: the clock starts on Monday.
        self.assertEqual(add_working_days(at(2026, 3, 7, 9), 1), at(2026, 3, 10, 0))

    def test_elapsed_working_days_leave_out_the_holiday(self):
        self.assertEqual(
            working_days_between(at(2026, 2, 13, 10), at(2026, 2, 24, 10)), 2
        )
        self.assertEqual(
            working_days_between(at(2026, 3, 6, 12), at(2026, 3, 9, 0)), 0.5
        )
        self.assertEqual(working_days_between(at(2026, 3, 9), at(2026, 3, 8)), 0)

    def test_beyond_the_librarys_data_weekends_only_with_a_warning(self):
        with self.assertLogs("inquiries.workdays", "WARNING") as logs:
            self.assertTrue(is_working_day(date(2099, 1, 1)))  # a Thursday
        self.assertFalse(is_working_day(date(2099, 1, 3)))  # a Saturday
        self.assertIn("no holidays for 2099", logs.output[0])
