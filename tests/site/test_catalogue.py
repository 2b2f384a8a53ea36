"""The Chinese catalogue is complete, and the compiled copy matches it.

Every text the templates and the Python code mark for translation must have
a Chinese translation: an empty or fuzzy one would show English on a Chinese
page. The .mo file is committed (no gettext tools needed to run the site),
so it must say what the .po says.
"""

import ast
import re
from gettext import GNUTranslations
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase
from django.utils.translation.template import templatize

CATALOGUE = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES"
APPS = ("core", "news", "zones", "search", "investportal")
GETTEXT_NAMES = {
    "_": 1,
    "gettext": 1,
    "gettext_lazy": 1,
    "ngettext": 2,
    "ngettext_lazy": 2,
    "pgettext": 2,
    "pgettext_lazy": 2,
}
# The Python-like text templatize() makes of a template.
TEMPLATE_CALL = re.compile(
    r"\b(gettext|ngettext|pgettext|npgettext)\(((?:u?'(?:[^'\\]|\\.)*',?\s*)+)"
)
STRING = re.compile(r"u?'(?:[^'\\]|\\.)*'")


def read_po(path):
    """{(context, msgid): (msgstr, is_fuzzy)} of a .po file (plural forms:
    the first msgstr; Chinese has one form)."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#"):
                continue
            elif match := re.match(
                r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?) (".*")$', line
            ):
                current = match.group(1).replace("[0]", "")
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
            else:
                current = None
        if fields.get("msgid"):
            key = (fields.get("msgctxt", ""), fields["msgid"])
            entries[key] = (fields.get("msgstr", ""), fuzzy)
    return entries


def template_messages():
    """(file, context, msgid) of every translatable text in our templates."""
    for path in sorted((settings.BASE_DIR / "templates").rglob("*.html")):
        text = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for match in TEMPLATE_CALL.finditer(text):
            strings = [ast.literal_eval(s) for s in STRING.findall(match.group(2))]
            function = match.group(1)
            context = strings.pop(0) if function.startswith(("p", "np")) else ""
            yield path, context, strings[0]


def gettext_names(tree):
    """{local name: gettext function} for a module's imports from
    django.utils.translation, so `gettext as _t` is checked like gettext."""
    names = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "django.utils.translation"
        ):
            for alias in node.names:
                if alias.name in GETTEXT_NAMES:
                    names[alias.asname or alias.name] = alias.name
    return names


def python_messages():
    """(file, context, msgid) of every gettext call with a literal text."""
    for app in APPS:
        for path in sorted((settings.BASE_DIR / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = gettext_names(tree)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(
                    node.func, "attr", None
                )
                name = names.get(name, name)
                if name not in GETTEXT_NAMES or not node.args:
                    continue
                literals = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if not literals:
                    continue
                if name.startswith("p"):
                    if len(literals) >= 2:
                        yield path, literals[0], literals[1]
                else:
                    yield path, "", literals[0]


class ChineseCatalogueTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.po = read_po(CATALOGUE / "django.po")
        with (CATALOGUE / "django.mo").open("rb") as handle:
            cls.mo = GNUTranslations(handle)

    def assert_translated(self, found):
        missing = []
        for path, context, msgid in found:
            translated, fuzzy = self.po.get((context, msgid), ("", False))
            if not translated or fuzzy:
                missing.append(
                    f"{Path(path).relative_to(settings.BASE_DIR)}: {msgid!r}"
                )
        self.assertEqual(missing, [], "texts without a Chinese translation")

    def test_every_template_text_is_translated(self):
        found = list(template_messages())
        self.assertGreater(len(found), 200)
        self.assert_translated(found)

    def test_every_python_text_is_translated(self):
        found = list(python_messages())
        self.assertGreater(len(found), 150)
        self.assert_translated(found)

    def test_no_entry_is_empty_or_fuzzy(self):
        bad = [
            msgid for (_c, msgid), (text, fuzzy) in self.po.items() if not text or fuzzy
        ]
        self.assertEqual(bad, [])

    def test_placeholders_survive_translation(self):
        placeholder = re.compile(r"%\(\w+\)[sdf]|%\(\w+\)\.\d+f|\{\{ *\w+ *\}\}")
        for (_context, msgid), (text, _fuzzy) in self.po.items():
            with self.subTest(msgid=msgid):
                self.assertEqual(
                    sorted(placeholder.findall(msgid)),
                    sorted(placeholder.findall(text)),
                )

    def test_compiled_catalogue_matches_the_po_file(self):
        stale = []
        for (context, msgid), (text, _fuzzy) in self.po.items():
            key = f"{context}\x04{msgid}" if context else msgid
            compiled = self.mo._catalog.get(key)
            if compiled is None:
                compiled = self.mo._catalog.get((key, 0))
            if compiled != text:
                stale.append(msgid)
        self.assertEqual(stale, [], "run msgfmt (README: Languages) and commit the .mo")


class VendorCatalogueTests(SimpleTestCase):
    """locale-vendor: Chinese for third-party apps that ship none."""

    def test_complete_and_compiled(self):
        folder = settings.BASE_DIR / "locale-vendor" / "zh_Hans" / "LC_MESSAGES"
        po = read_po(folder / "django.po")
        with (folder / "django.mo").open("rb") as handle:
            mo = GNUTranslations(handle)
        self.assertIn(("", "access attempts"), po)
        for (_context, msgid), (text, fuzzy) in po.items():
            with self.subTest(msgid=msgid):
                self.assertTrue(text)
                self.assertFalse(fuzzy)
                self.assertEqual(mo._catalog.get(msgid), text)
