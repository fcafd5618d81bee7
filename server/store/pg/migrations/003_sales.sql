-- 003: the sales documents — quotes (6.4), inquiries (5.10), requisitions (6.5.2), special goods
-- orders (6.5.4–6.5.6), handwritten delivery notes (6.7), urgent delivery letters (6.8) and
-- memberships (5.2.2). Common columns as in 001; then exactly the columns the definitions declare
-- (src/domain/documents/sales/*, `columns`), indexes for the lists' filters and sorts, a trigram
-- index for `q`, foreign keys and checks on money.

CREATE TABLE quotes (
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
  quoted_by integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  valid_until date NOT NULL,
  inquiry_at timestamptz NOT NULL,
  reply_deadline timestamptz NOT NULL,
  replied_at timestamptz,
  needs_review boolean NOT NULL DEFAULT false,
  rep_quote boolean NOT NULL DEFAULT false,
  order_id integer REFERENCES orders (id)
);
CREATE INDEX quotes_search ON quotes USING gin (search gin_trgm_ops);
CREATE INDEX quotes_status ON quotes (status, id DESC);
CREATE INDEX quotes_customer ON quotes (customer_id, id DESC);
CREATE INDEX quotes_quoted_by ON quotes (quoted_by, inquiry_at DESC);
CREATE INDEX quotes_inquiry ON quotes (inquiry_at DESC, id DESC);
CREATE INDEX quotes_reply_deadline ON quotes (reply_deadline, id);
CREATE INDEX quotes_valid_until ON quotes (valid_until, id);

CREATE TABLE inquiries (
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
  item_name text NOT NULL,
  rep_id integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  estimated_total numeric(14, 2) NOT NULL DEFAULT 0 CHECK (estimated_total >= 0),
  submitted_at timestamptz,
  answered_at timestamptz,
  special_order_id integer
);
CREATE INDEX inquiries_search ON inquiries USING gin (search gin_trgm_ops);
CREATE INDEX inquiries_status ON inquiries (status, id DESC);
CREATE INDEX inquiries_customer ON inquiries (customer_id, id DESC);
CREATE INDEX inquiries_rep ON inquiries (rep_id, id DESC);
CREATE INDEX inquiries_assistant ON inquiries (assistant_id, id DESC);
CREATE INDEX inquiries_submitted ON inquiries (submitted_at DESC, id DESC);

CREATE TABLE requisitions (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  order_id integer NOT NULL REFERENCES orders (id),
  customer_id integer REFERENCES customers (id),
  customer_name text,
  project_dept text,
  supplier_po text,
  assistant_id integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  submitted_at timestamptz,
  ordered_at timestamptz,
  expected_at date
);
CREATE INDEX requisitions_search ON requisitions USING gin (search gin_trgm_ops);
CREATE INDEX requisitions_status ON requisitions (status, id DESC);
CREATE INDEX requisitions_order ON requisitions (order_id);
CREATE INDEX requisitions_customer ON requisitions (customer_id, id DESC);
CREATE INDEX requisitions_dept ON requisitions (project_dept, id DESC);
CREATE INDEX requisitions_assistant ON requisitions (assistant_id, id DESC);
CREATE INDEX requisitions_submitted ON requisitions (submitted_at DESC, id DESC);

CREATE TABLE special_orders (
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
  inquiry_id integer REFERENCES inquiries (id),
  assistant_id integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  deposit_amount numeric(14, 2) NOT NULL DEFAULT 0 CHECK (deposit_amount >= 0),
  needs_manager_approval boolean NOT NULL DEFAULT false,
  supplier_po text,
  submitted_at timestamptz,
  ordered_at timestamptz,
  expected_at date,
  CHECK (deposit_amount <= total)
);
CREATE INDEX special_orders_search ON special_orders USING gin (search gin_trgm_ops);
CREATE INDEX special_orders_status ON special_orders (status, id DESC);
CREATE INDEX special_orders_customer ON special_orders (customer_id, id DESC);
CREATE INDEX special_orders_assistant ON special_orders (assistant_id, id DESC);
CREATE INDEX special_orders_submitted ON special_orders (submitted_at DESC, id DESC);
CREATE INDEX special_orders_inquiry ON special_orders (inquiry_id);

ALTER TABLE inquiries ADD CONSTRAINT inquiries_special_order_fk FOREIGN KEY (special_order_id) REFERENCES special_orders (id);

CREATE TABLE handwritten_notes (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  order_id integer NOT NULL REFERENCES orders (id),
  customer_id integer REFERENCES customers (id),
  customer_name text,
  reason text NOT NULL CHECK (reason IN ('systemDown', 'customerRequest')),
  note_no text,
  printed_note_no text,
  assistant_id integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  written_at timestamptz,
  signed_at timestamptz
);
CREATE INDEX handwritten_notes_search ON handwritten_notes USING gin (search gin_trgm_ops);
CREATE INDEX handwritten_notes_status ON handwritten_notes (status, id DESC);
CREATE INDEX handwritten_notes_order ON handwritten_notes (order_id);
CREATE INDEX handwritten_notes_customer ON handwritten_notes (customer_id, id DESC);
CREATE INDEX handwritten_notes_assistant ON handwritten_notes (assistant_id, id DESC);
CREATE INDEX handwritten_notes_written ON handwritten_notes (written_at DESC, id DESC);

CREATE TABLE urgent_deliveries (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  customer_id integer NOT NULL REFERENCES customers (id),
  order_id integer NOT NULL REFERENCES orders (id),
  customer_name text,
  slot text CHECK (slot IN ('noon', 'afternoon')),
  requested_at timestamptz NOT NULL,
  departure_at timestamptz,
  latest_arrival timestamptz,
  assistant_id integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  delivered_at timestamptz
);
CREATE INDEX urgent_deliveries_search ON urgent_deliveries USING gin (search gin_trgm_ops);
CREATE INDEX urgent_deliveries_status ON urgent_deliveries (status, id DESC);
CREATE INDEX urgent_deliveries_order ON urgent_deliveries (order_id);
CREATE INDEX urgent_deliveries_customer ON urgent_deliveries (customer_id, id DESC);
CREATE INDEX urgent_deliveries_assistant ON urgent_deliveries (assistant_id, id DESC);
CREATE INDEX urgent_deliveries_departure ON urgent_deliveries (departure_at DESC, id DESC);
CREATE INDEX urgent_deliveries_requested ON urgent_deliveries (requested_at DESC, id DESC);

CREATE TABLE memberships (
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
  source text NOT NULL CHECK (source IN ('webOrder', 'web', 'phone')),
  order_id integer REFERENCES orders (id),
  handled_by integer REFERENCES users (id),
  created_by integer REFERENCES users (id),
  applied_at timestamptz
);
CREATE INDEX memberships_search ON memberships USING gin (search gin_trgm_ops);
CREATE INDEX memberships_status ON memberships (status, id DESC);
CREATE INDEX memberships_customer ON memberships (customer_id, status);
CREATE INDEX memberships_applied ON memberships (applied_at DESC, id DESC);
