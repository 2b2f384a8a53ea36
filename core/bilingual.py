"""Which of a record's two texts a page shows: the Chinese or the English.

Records keep the Chinese in one field and the English in a twin whose name
ends in `_en` (`name` and `name_en`, `profile` and `profile_en`). English
pages show the English when there is one and fall back to the Chinese
(templates then mark it with {% fallback_lang %}); Chinese pages always show
the Chinese. Models, views and template tags decide through these helpers
rather than comparing the language themselves.
"""

from django.utils.translation import get_language


def is_english_page():
    return get_language() == "en"


def in_page_language(chinese, english, english_page=None):
    """`english` on English pages when it is not empty, else `chinese`.

    Lists that read rows as tuples ask for the page language once and pass
    it as `english_page`.
    """
    if english_page is None:
        english_page = is_english_page()
    return english if english_page and english else chinese


class BilingualNameMixin:
    """`display_name` and `shows_english_name` for models with `name` and
    `name_en`."""

    @property
    def display_name(self):
        return in_page_language(self.name, self.name_en)

    @property
    def shows_english_name(self):
        """True on English pages for a record with an English name: pages
        then print the Chinese name beside it."""
        return bool(self.name_en) and is_english_page()
