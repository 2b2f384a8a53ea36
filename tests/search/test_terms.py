from django.test import SimpleTestCase

from search.terms import MAX_QUERY_LENGTH, MAX_TERMS, excerpt, highlight, parse_query


class ParseQueryTests(SimpleTestCase):
    def test_words_are_split_at_spaces_and_punctuation_of_either_width(self):
        query = parse_query("苏州，生物医药、 5G通信; C++")
        self.assertEqual(query.terms, ["苏州", "生物医药", "5G通信", "C"])

    def test_hostile_characters_are_only_separators(self):
        for raw in ['"', "'", "%", "_", "\\", "%_\\'\"", "🚀🚀", "   ", "\x00"]:
            with self.subTest(raw=raw):
                self.assertEqual(parse_query(raw).terms, [])

    def test_nul_and_control_characters_are_removed(self):
        query = parse_query("海门\x00ETDZ\x07 2024")
        self.assertEqual(query.terms, ["海门", "ETDZ", "2024"])
        self.assertNotIn("\x00", query.text)

    def test_full_width_letters_and_digits_become_ordinary_ones(self):
        self.assertEqual(parse_query("ＥＴＤＺ２０２４").terms, ["ETDZ2024"])

    def test_long_queries_are_cut_with_a_flag(self):
        query = parse_query("园" * 1000)
        self.assertTrue(query.was_shortened)
        self.assertEqual(len(query.text), MAX_QUERY_LENGTH)

    def test_too_many_words_are_cut_with_a_flag(self):
        query = parse_query(" ".join(f"词{n}" for n in range(20)))
        self.assertEqual(len(query.terms), MAX_TERMS)
        self.assertTrue(query.dropped_terms)

    def test_repeated_and_contained_words_are_dropped(self):
        self.assertEqual(
            parse_query("半导 半导体 半导体 Haimen haimen").terms, ["半导体", "Haimen"]
        )


class HighlightTests(SimpleTestCase):
    def test_matches_are_marked_and_everything_else_escaped(self):
        html = highlight("<b>半导体</b> & 半导体装备", ["半导体"])
        self.assertEqual(
            html, "&lt;b&gt;<mark>半导体</mark>&lt;/b&gt; &amp; <mark>半导体</mark>装备"
        )

    def test_terms_are_text_not_markup_or_patterns(self):
        self.assertEqual(
            highlight("a.b <i>", [".", "<i>"]),
            "a<mark>.</mark>b <mark>&lt;i&gt;</mark>",
        )

    def test_matching_ignores_case_and_merges_overlaps(self):
        self.assertEqual(
            highlight("Haimen HAIMEN", ["haimen", "men h"]),
            "<mark>Haimen HAIMEN</mark>",
        )

    def test_excerpt_centres_on_the_first_match(self):
        text = "前" * 200 + "半导体" + "后" * 200
        html = excerpt(text, ["半导体"], length=60, lead=10)
        self.assertTrue(html.startswith("…" + "前" * 10 + "<mark>半导体</mark>"))
        self.assertTrue(html.endswith("…"))

    def test_short_excerpt_is_the_whole_text(self):
        self.assertEqual(
            excerpt("海门 <经开区>", ["海门"]), "<mark>海门</mark> &lt;经开区&gt;"
        )
