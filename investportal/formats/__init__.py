"""Date and number formats per language, on top of Django's own.

Django looks here first (FORMAT_MODULE_PATH) and falls back to its locale
modules for every name not set here, so only the differences are listed.
Templates use the named formats (DATE_FORMAT, SHORT_DATE_FORMAT, ...), never
a literal pattern, so one change here reaches every page.
"""
