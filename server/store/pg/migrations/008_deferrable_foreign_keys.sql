-- 008: every foreign key is checked at commit (DEFERRABLE INITIALLY DEFERRED). Documents refer to
-- each other both ways (an inquiry and its special order; a credit line and the one renewing it),
-- so a restore or an import that inserts whole tables in any order must only be consistent when
-- it commits. A later migration adding a foreign key declares it DEFERRABLE INITIALLY DEFERRED.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT con.conname, rel.relname
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE con.contype = 'f' AND NOT con.condeferrable AND ns.nspname = current_schema()
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER CONSTRAINT %I DEFERRABLE INITIALLY DEFERRED', c.relname, c.conname);
  END LOOP;
END;
$$;
