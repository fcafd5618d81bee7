-- 002: branch settings (one row; cut clauses' defaults are assumptions, see src/domain/settings.ts)
CREATE TABLE settings (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT ''
);
