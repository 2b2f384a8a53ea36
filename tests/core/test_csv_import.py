"""core.csv_import.checked_rows: what the import commands read CSV files with."""

import shutil
import tempfile
from pathlib import Path

from django.core.management.base import CommandError
from django.test import SimpleTestCase

from core.csv_import import checked_rows


class CheckedRowsTests(SimpleTestCase):
    def write(self, text, encoding="utf-8"):
        folder = Path(tempfile.mkdtemp(prefix="csv-import-test-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        path = folder / "rows.csv"
        path.write_text(text, encoding=encoding)
        return path

    def test_rows_come_with_the_line_they_stand_on(self):
        path = self.write("code,name\n32,江苏省\n33,浙江省\n")
        self.assertEqual(
            list(checked_rows(path, ("code", "name"))),
            [
                (f"{path}, line 2", {"code": "32", "name": "江苏省"}),
                (f"{path}, line 3", {"code": "33", "name": "浙江省"}),
            ],
        )

    def test_a_byte_order_mark_is_read_past_when_told(self):
        path = self.write("code,name\n32,江苏省\n", encoding="utf-8-sig")
        rows = list(checked_rows(path, ("code",), encoding="utf-8-sig"))
        self.assertEqual(rows[0][1]["code"], "32")
        with self.assertRaisesMessage(CommandError, "missing column(s) code"):
            list(checked_rows(path, ("code",)))

    def test_a_missing_column_is_named(self):
        path = self.write("code\n32\n")
        with self.assertRaisesMessage(CommandError, "missing column(s) name"):
            list(checked_rows(path, ("code", "name")))

    def test_a_row_of_the_wrong_length_is_refused_with_its_line(self):
        for text in (
            "code,name\n32,江苏省\n33\n",
            "code,name\n32,江苏省\n33,浙江省,x\n",
        ):
            with self.subTest(text=text):
                path = self.write(text)
                with self.assertRaisesMessage(
                    CommandError, f"{path}, line 3: wrong number of fields"
                ):
                    list(checked_rows(path, ("code", "name")))

    def test_an_unreadable_file_is_a_command_error(self):
        with self.assertRaisesMessage(CommandError, "Cannot read"):
            list(checked_rows(self.write("").with_name("no-such.csv"), ()))
