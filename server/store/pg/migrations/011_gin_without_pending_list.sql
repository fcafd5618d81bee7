-- 011: GIN indexes without a pending list. With fastupdate (the default) new entries of a GIN
-- index wait in a pending list that VACUUM or autoanalyze moves into the index — and PGlite runs
-- no autovacuum, so the list grows to gin_pending_list_limit (4 MB): every search then reads the
-- whole list, the planner (which counts it) gives up the index for a sequential scan (科技 on a
-- 10k-order branch: 90-220 ms instead of 15), and the insert that finally overflows the list pays
-- for merging all of it. Without fastupdate each insert puts its entries in place (~0.4 ms more).
DO $$
DECLARE
  i regclass;
BEGIN
  FOR i IN SELECT c.oid::regclass FROM pg_class c JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE a.amname = 'gin' AND c.relkind = 'i' AND n.nspname = current_schema() ORDER BY 1 LOOP
    EXECUTE format('ALTER INDEX %s SET (fastupdate = off)', i);
    PERFORM gin_clean_pending_list(i);
  END LOOP;
END;
$$;
