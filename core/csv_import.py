"""Reading the CSV files that import commands load, strictly.

A command reads the whole file and checks every row before it writes
anything, so an error names the file and line and nothing is half done.
"""

import csv

from django.core.management.base import CommandError


def checked_rows(path, columns, encoding="utf-8"):
    """Yield (source, row) for each row of the CSV file at `path`: `source`
    ("<path>, line N") for the caller's own messages, `row` a dict by the
    header's names.

    Raises CommandError when the file cannot be read, lacks one of
    `columns`, or has a row with too many or too few fields.
    """
    try:
        handle = open(path, encoding=encoding, newline="")  # noqa: SIM115
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    with handle:
        reader = csv.DictReader(handle)
        missing = [
            column for column in columns if column not in (reader.fieldnames or [])
        ]
        if missing:
            raise CommandError(f"{path}: missing column(s) {', '.join(missing)}")
        for row in reader:
            source = f"{path}, line {reader.line_num}"
            if None in row or None in row.values():
                raise CommandError(f"{source}: wrong number of fields")
            yield source, row
