-- 005: the approval documents — gifts (6.12), special discounts (6.14), stock transfers (6.13),
-- scrap/write-off (6.15) and credit applications (5.11). Same pattern as 001: common columns,
-- the record in `data`, `search` for q (pg_trgm), then the definition's columns
-- (src/domain/documents/approvals/*.ts `columns`), indexes for the list filters and sorts,
-- foreign keys and checks.

CREATE TABLE gifts (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  assistant_id integer REFERENCES users (id),
  festival text,
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  needs_finance_director boolean NOT NULL DEFAULT false,
  submitted_at timestamptz,
  approved_at timestamptz,
  issued_at timestamptz,
  created_by integer REFERENCES users (id)
);
CREATE INDEX gifts_search ON gifts USING gin (search gin_trgm_ops);
CREATE INDEX gifts_status ON gifts (status, id DESC);
CREATE INDEX gifts_customer ON gifts (customer_id, id DESC);
CREATE INDEX gifts_assistant ON gifts (assistant_id, id DESC);
CREATE INDEX gifts_submitted ON gifts (submitted_at DESC, id DESC);
CREATE INDEX gifts_festival ON gifts (festival);

CREATE TABLE discounts (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  order_id integer REFERENCES orders (id),
  assistant_id integer REFERENCES users (id),
  sales_total numeric(14, 2) NOT NULL CHECK (sales_total >= 0),
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  customer_paid_in_full boolean,
  submitted_at timestamptz,
  answer_deadline timestamptz,
  answered_at timestamptz,
  paid_at timestamptz,
  created_by integer REFERENCES users (id)
);
CREATE INDEX discounts_search ON discounts USING gin (search gin_trgm_ops);
CREATE INDEX discounts_status ON discounts (status, id DESC);
CREATE INDEX discounts_customer ON discounts (customer_id, id DESC);
CREATE INDEX discounts_assistant ON discounts (assistant_id, id DESC);
CREATE INDEX discounts_answer_deadline ON discounts (answer_deadline, id);
CREATE INDEX discounts_submitted ON discounts (submitted_at DESC, id DESC);
CREATE INDEX discounts_paid ON discounts (paid_at DESC, id DESC);

CREATE TABLE transfers (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  source_type text NOT NULL CHECK (source_type IN ('sisterWarehouse', 'store')),
  order_id integer REFERENCES orders (id),
  customer_name text,
  requested_by_id integer REFERENCES users (id),
  total_qty integer NOT NULL CHECK (total_qty > 0),
  needed_by date,
  submitted_at timestamptz,
  received_at timestamptz,
  created_by integer REFERENCES users (id)
);
CREATE INDEX transfers_search ON transfers USING gin (search gin_trgm_ops);
CREATE INDEX transfers_status ON transfers (status, id DESC);
CREATE INDEX transfers_order ON transfers (order_id);
CREATE INDEX transfers_requested_by ON transfers (requested_by_id, id DESC);
CREATE INDEX transfers_needed_by ON transfers (needed_by, id);
CREATE INDEX transfers_received ON transfers (received_at DESC, id DESC);

CREATE TABLE scraps (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('damage', 'scrap')),
  assistant_id integer REFERENCES users (id),
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  needs_finance_director boolean NOT NULL DEFAULT false,
  submitted_at timestamptz,
  approved_at timestamptz,
  created_by integer REFERENCES users (id)
);
CREATE INDEX scraps_search ON scraps USING gin (search gin_trgm_ops);
CREATE INDEX scraps_status ON scraps (status, id DESC);
CREATE INDEX scraps_assistant ON scraps (assistant_id, id DESC);
CREATE INDEX scraps_submitted ON scraps (submitted_at DESC, id DESC);
CREATE INDEX scraps_approved ON scraps (approved_at DESC, id DESC);

CREATE TABLE credit_applications (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  kind text NOT NULL CHECK (kind IN ('new', 'renewal')),
  sales_rep_id integer REFERENCES users (id),
  requested_limit numeric(14, 2) NOT NULL CHECK (requested_limit > 0),
  approved_limit numeric(14, 2) CHECK (approved_limit > 0),
  avg_monthly_orders numeric(14, 2) CHECK (avg_monthly_orders >= 0),
  eligible boolean,
  submitted_at timestamptz,
  approved_at timestamptz,
  review_due_at date,
  renewed_by_id integer REFERENCES credit_applications (id),
  created_by integer REFERENCES users (id)
);
CREATE INDEX credit_applications_search ON credit_applications USING gin (search gin_trgm_ops);
CREATE INDEX credit_applications_status ON credit_applications (status, id DESC);
CREATE INDEX credit_applications_customer ON credit_applications (customer_id, id DESC);
CREATE INDEX credit_applications_sales_rep ON credit_applications (sales_rep_id, id DESC);
CREATE INDEX credit_applications_approved ON credit_applications (approved_at DESC, id DESC);
-- 5.11.4 the half-yearly review list: approved lines by due date
CREATE INDEX credit_applications_review_due ON credit_applications (review_due_at) WHERE review_due_at IS NOT NULL;
