-- 001: the working core — users, customers, products, sales orders, the audit log, sessions,
-- login throttling, daily code counters. Each document table: typed columns for what lists
-- filter, sort and search on; the API record in `data` (JSONB); `search` for full text (pg_trgm).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{1,30}$'),
  full_name text NOT NULL,
  role text NOT NULL,
  "group" text,
  active boolean NOT NULL DEFAULT true,
  password_hash text
);

CREATE TABLE customers (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('keyAccount', 'smb')),
  member boolean,
  settlement text NOT NULL CHECK (settlement IN ('cash', 'credit')),
  overdue boolean,
  assistant_id integer REFERENCES users (id),
  sales_rep_id integer REFERENCES users (id),
  route text,
  phone text,
  active boolean,
  first_trade_at timestamptz,
  credit_limit numeric(14, 2) CHECK (credit_limit >= 0)
);
CREATE INDEX customers_search ON customers USING gin (search gin_trgm_ops);
CREATE INDEX customers_tier ON customers (tier);
CREATE INDEX customers_assistant ON customers (assistant_id);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE products (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('stationery', 'oaConsumable', 'oaEquipment', 'other')),
  catalog_price numeric(14, 2) NOT NULL CHECK (catalog_price >= 0),
  stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  catalog boolean,
  active boolean,
  project_dept text,
  brand text
);
CREATE INDEX products_search ON products USING gin (search gin_trgm_ops);
CREATE INDEX products_category ON products (category);

CREATE TABLE orders (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id),
  channel text NOT NULL CHECK (channel IN ('web', 'phone')),
  payment_method text NOT NULL CHECK (payment_method IN ('cash', 'credit')),
  assistant_id integer REFERENCES users (id),
  received_at timestamptz NOT NULL,
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  priority integer NOT NULL DEFAULT 0,
  promised_delivery_at timestamptz,
  confirm_deadline timestamptz,
  customer_name text,
  created_by integer REFERENCES users (id)
);
CREATE INDEX orders_search ON orders USING gin (search gin_trgm_ops);
CREATE INDEX orders_status ON orders (status, id DESC);
CREATE INDEX orders_customer ON orders (customer_id, id DESC);
CREATE INDEX orders_assistant ON orders (assistant_id, received_at DESC);
CREATE INDEX orders_received ON orders (received_at DESC, id DESC);
CREATE INDEX orders_priority ON orders (priority DESC, id DESC);
CREATE INDEX orders_credit_open ON orders (customer_id) WHERE payment_method = 'credit';

-- The audit log is append-only: a trigger refuses UPDATE and DELETE.
CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  user_id integer,
  resource text NOT NULL,
  record_id integer,
  action text NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (resource, record_id, id);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_search ON audit_log USING gin (search gin_trgm_ops);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE login_attempts (
  id serial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL,
  ok boolean NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts (username, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE counters (
  key text PRIMARY KEY,
  value integer NOT NULL
);
