"""A character-bigram GIN index for Chinese substring search (PostgreSQL only).

Why bigrams. PostgreSQL's text-search configurations split on spaces, and
Chinese has none, so 半导体 inside 半导体装备产业园 is never a word of its own.
Indexing every pair of adjacent characters makes any substring of two or
more characters findable: 半导体 becomes 半导 & 导体. A one-character term is
a prefix search ('园':*), which the trailing character of every text also
satisfies because the last character is kept on its own. The exact substring
test runs in the same query (finders._contains_all), so the index only has to
find every candidate, never to be exact.

What is indexed: title and summary, not the body. Measured at 1,000,000
generated articles (bench/generate.py, 2-core machine, PostgreSQL 15):

  body: ~1,000 characters (3 KB) each, ten times the title and summary, so a
      bigram index on it would take about ten times the 235 MB and the
      ~100 s build of this one, and most matches of a common term would be a
      passing mention deep in an article; the summary is the article's lead
      (the first 120 characters of the body when the editor leaves it empty).
  title + summary, this index: 235 MB, built in ~100 s; 海门 (2,500 matches)
      ranked in 12 ms, 苏州 生物医药 (99 matches) in 4 ms, no match in 0.2 ms.

Options measured and not taken:

  pg_trgm GIN on the same text (this cluster's C.UTF-8 ctype does classify
      CJK characters as word characters: show_trgm('半导体装备') gives six
      trigrams): 291 MB, 65 s to build, but a two-character term (园区, 海门,
      苏州, the most common kind of Chinese query) has no trigram at all, so
      the index cannot serve it and PostgreSQL scans the table.
  A stored tsvector column kept by a trigger: exact phrase matching from the
      index, but it adds a column to news_article the model does not know
      about and makes every write heavier, for no gain over the exact test.

Neither index helps a broad term (园区 is in 66% of articles, 半导体 in 8.5%):
fetching every match costs 0.4-2 s whatever finds them. The finder therefore
walks the publication-date index newest first for broad queries (0.5 ms for a
page of 半导体) and uses this index only when the matches are few enough to
rank; see search/finders.py.

The functions are plpgsql so that the planner treats them as opaque: a high
COST keeps it from recomputing the bigrams row by row as a filter when the
index can answer. Zones (3,000 rows) need no index: a sequential scan with the
substring conditions takes about 2 ms.

On SQLite the migration does nothing; searches there scan, which is fine for
a development database.
"""

from django.db import migrations

CREATE_FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION search_bigrams(document text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
    -- Whitespace becomes '|': bigrams with it never match a search term
    -- (terms have no spaces), but they keep the last letter before a space
    -- findable by a one-character prefix search.
    folded text := translate(lower(document), E' \t\n\r', '||||');
BEGIN
    -- Pairs from even and from odd positions together give every bigram;
    -- the unpaired last character is kept as a one-character lexeme.
    RETURN array_to_tsvector(array_remove(string_to_array(
        regexp_replace(folded, '(..)', '\1 ', 'g')
        || ' ' ||
        regexp_replace(substr(folded, 2), '(..)', '\1 ', 'g'),
        ' '), ''));
END
$$;

CREATE OR REPLACE FUNCTION search_bigram_query(term text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    folded text := lower(term);
    lexemes text[] := ARRAY[]::text[];
BEGIN
    IF length(folded) = 0 THEN
        RETURN NULL;
    END IF;
    IF length(folded) = 1 THEN
        RETURN ('''' || replace(replace(folded, '\', '\\'), '''', '''''')
                || ''':*')::tsquery;
    END IF;
    FOR i IN 1 .. length(folded) - 1 LOOP
        lexemes := lexemes || ('''' || replace(replace(
            substr(folded, i, 2), '\', '\\'), '''', '''''') || '''');
    END LOOP;
    RETURN array_to_string(lexemes, ' & ')::tsquery;
END
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS search_bigram_query(text);
DROP FUNCTION IF EXISTS search_bigrams(text);
"""

# Serves finders._index_condition: articles whose title and summary hold every
# term. The expression must stay identical to finders.ARTICLE_DOCUMENT.
CREATE_INDEX = """
CREATE INDEX IF NOT EXISTS news_article_search_idx ON news_article
USING gin (search_bigrams(title || ' ' || summary))
"""

DROP_INDEX = "DROP INDEX IF EXISTS news_article_search_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTIONS)
    schema_editor.execute(CREATE_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_INDEX)
    schema_editor.execute(DROP_FUNCTIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("zones", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
