"""Demo content for `manage.py load_demo`: our own writing, kept as Python data.

Facts (zone names, approval dates, areas, leading industries, the Sijia
parks) come from the 2018 catalogue and the reference page; every sentence,
and every contact detail (example.com addresses, 0000 phone numbers), is
made up for the demo.

This app sits above every other: it fills zones, news and the site settings,
and nothing imports it.
"""
