-- 016: member follow-ups (5.8.4). Common columns as in 001; then exactly the columns the definition
-- declares (src/domain/documents/service/memberFollowUps.ts); the conventions of 007 (row count),
-- 008 (deferrable foreign keys), 009 (search bigrams) and 011 (GIN without a pending list).
CREATE TABLE member_follow_ups (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  search_grams text[] GENERATED ALWAYS AS (search_bigrams(search)) STORED,
  code text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('due', 'done')),
  customer_id integer NOT NULL REFERENCES customers (id) DEFERRABLE INITIALLY DEFERRED,
  customer_name text,
  assistant_id integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  due_date date,
  next_date date,
  outcome text,
  created_by integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX member_follow_ups_search_grams ON member_follow_ups USING gin (search_grams) WITH (fastupdate = off);
CREATE INDEX member_follow_ups_status ON member_follow_ups (status, id DESC);
CREATE INDEX member_follow_ups_customer ON member_follow_ups (customer_id, status);
CREATE INDEX member_follow_ups_assistant ON member_follow_ups (assistant_id, status, id DESC);
SELECT track_row_count('member_follow_ups');
