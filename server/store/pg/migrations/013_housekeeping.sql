-- 013: when the embedded database's housekeeping last ran (server/store/pg/maintenance.ts), so a
-- VACUUM missed at 03:00 — the machine was off — is caught up after a restart.
CREATE TABLE housekeeping (
  task text PRIMARY KEY,
  done_at timestamptz NOT NULL
);
