-- 009: search that works for Chinese. Most Chinese words are two characters (科技, 打印, 硒鼓),
-- and pg_trgm cannot use its index for a pattern shorter than three characters, so a search for
-- 科技 read every row. Each table's `search` text now also keeps its distinct character pairs
-- (bigrams) in a generated column with a GIN index: a query of two or more characters is first
-- narrowed to the rows holding all its pairs, then checked with LIKE (server/store/pg/sql.ts).
-- The same function splits the stored text and the query, so the two cannot disagree.
CREATE FUNCTION search_bigrams(s text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(s, i, 2)), '{}'::text[]) FROM generate_series(1, char_length(s) - 1) AS i
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT c.table_name FROM information_schema.columns c WHERE c.column_name = 'search' AND c.table_schema = current_schema() ORDER BY 1 LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN search_grams text[] GENERATED ALWAYS AS (search_bigrams(search)) STORED', t);
    EXECUTE format('CREATE INDEX %I ON %I USING gin (search_grams)', t || '_search_grams', t);
    -- the trigram index served only patterns of three or more characters; the bigrams serve those too
    EXECUTE format('DROP INDEX IF EXISTS %I', t || '_search');
  END LOOP;
END;
$$;

-- orders by status, newest first (e.g. 已送达 web orders by received time)
CREATE INDEX orders_status_received ON orders (status, received_at DESC, id DESC);
