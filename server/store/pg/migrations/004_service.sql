-- 004: the service family — returns (6.9), complaints (6.10), customer feedback forms (6.1.2),
-- work logs (6.1.6), sample loans (6.11), after-sales service tickets (5.7). Each table: the common
-- columns, then exactly the definition's `columns` (src/domain/documents/service/*), indexes for the
-- list filters/sorts and the inbox deadlines, a trigram index for `q`, foreign keys and checks.

CREATE TABLE returns (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  order_id integer NOT NULL REFERENCES orders (id),
  order_code text,
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  kind text NOT NULL CHECK (kind IN ('return', 'exchange')),
  reason_type text NOT NULL CHECK (reason_type IN ('qualityDefect', 'wrongGoods', 'notNeeded', 'other')),
  invoice_date date NOT NULL,
  total numeric(14, 2) NOT NULL CHECK (total >= 0),
  special boolean NOT NULL DEFAULT false,
  same_day boolean NOT NULL DEFAULT false,
  closed_at timestamptz
);
CREATE INDEX returns_search ON returns USING gin (search gin_trgm_ops);
CREATE INDEX returns_status ON returns (status, id DESC);
CREATE INDEX returns_order ON returns (order_id);
CREATE INDEX returns_customer ON returns (customer_id, id DESC);
CREATE INDEX returns_assistant ON returns (assistant_id, id DESC);
CREATE INDEX returns_invoice_date ON returns (invoice_date DESC);
CREATE INDEX returns_closed ON returns (closed_at DESC) WHERE closed_at IS NOT NULL;

-- feedbacks ↔ complaints reference each other (a quality complaint creates its feedback form):
-- the cross keys are deferrable, so an import in one transaction may insert either first.
CREATE TABLE feedbacks (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  district_office text,
  kind text NOT NULL CHECK (kind IN ('salesDrop', 'payment', 'productQuality', 'dispute', 'lost', 'other')),
  complaint_id integer,
  followed_up_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX feedbacks_search ON feedbacks USING gin (search gin_trgm_ops);
CREATE INDEX feedbacks_status ON feedbacks (status, id DESC);
CREATE INDEX feedbacks_customer ON feedbacks (customer_id, id DESC);
CREATE INDEX feedbacks_assistant ON feedbacks (assistant_id, id DESC);
CREATE INDEX feedbacks_office ON feedbacks (district_office);
CREATE INDEX feedbacks_created ON feedbacks (created_at DESC);

CREATE TABLE complaints (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  category text NOT NULL CHECK (category IN ('staff', 'productQuality', 'productUsage', 'delivery', 'other')),
  key_account boolean NOT NULL DEFAULT false,
  received_at timestamptz NOT NULL,
  reply_deadline timestamptz NOT NULL,
  resolve_deadline timestamptz NOT NULL,
  first_reply_at timestamptz,
  resolved_at timestamptz,
  replied_on_time boolean,
  resolved_on_time boolean,
  filed boolean,
  feedback_id integer REFERENCES feedbacks (id) DEFERRABLE INITIALLY DEFERRED,
  CHECK (reply_deadline >= received_at AND resolve_deadline >= received_at)
);
CREATE INDEX complaints_search ON complaints USING gin (search gin_trgm_ops);
CREATE INDEX complaints_status ON complaints (status, id DESC);
CREATE INDEX complaints_customer ON complaints (customer_id, id DESC);
CREATE INDEX complaints_assistant ON complaints (assistant_id, received_at DESC);
CREATE INDEX complaints_received ON complaints (received_at DESC, id DESC);
CREATE INDEX complaints_category ON complaints (category, received_at);
CREATE INDEX complaints_reply_deadline ON complaints (reply_deadline);
CREATE INDEX complaints_resolve_deadline ON complaints (resolve_deadline);
CREATE INDEX complaints_resolved ON complaints (resolved_at DESC) WHERE resolved_at IS NOT NULL;
ALTER TABLE feedbacks ADD CONSTRAINT feedbacks_complaint_fk FOREIGN KEY (complaint_id) REFERENCES complaints (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX feedbacks_complaint ON feedbacks (complaint_id) WHERE complaint_id IS NOT NULL;

-- 6.1.6 one work log per assistant per day: the rule answers first (with the clause); the unique
-- index keeps two concurrent requests from both getting in.
CREATE TABLE work_logs (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer NOT NULL REFERENCES users (id),
  date date NOT NULL,
  reviewed_at timestamptz
);
CREATE UNIQUE INDEX work_logs_one_a_day ON work_logs (assistant_id, date);
CREATE INDEX work_logs_search ON work_logs USING gin (search gin_trgm_ops);
CREATE INDEX work_logs_status ON work_logs (status, id DESC);
CREATE INDEX work_logs_date ON work_logs (date DESC, id DESC);

CREATE TABLE sample_loans (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  value numeric(14, 2) NOT NULL CHECK (value >= 0),
  lent_at timestamptz,
  due_at timestamptz,
  returned_at timestamptz,
  order_id integer REFERENCES orders (id),
  compensation_amount numeric(14, 2) CHECK (compensation_amount >= 0),
  compensation_by text CHECK (compensation_by IN ('customer', 'handler')),
  -- 6.11.2 never more than a week
  CHECK (due_at IS NULL OR (lent_at IS NOT NULL AND due_at > lent_at AND due_at <= lent_at + interval '7 days'))
);
CREATE INDEX sample_loans_search ON sample_loans USING gin (search gin_trgm_ops);
CREATE INDEX sample_loans_status ON sample_loans (status, id DESC);
CREATE INDEX sample_loans_customer ON sample_loans (customer_id, id DESC);
CREATE INDEX sample_loans_assistant ON sample_loans (assistant_id, id DESC);
CREATE INDEX sample_loans_due_out ON sample_loans (due_at) WHERE status = 'out';
CREATE INDEX sample_loans_lent ON sample_loans (lent_at DESC);

CREATE TABLE service_tickets (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  created_by integer REFERENCES users (id),
  assistant_id integer REFERENCES users (id),
  customer_id integer NOT NULL REFERENCES customers (id),
  customer_name text,
  product_id integer NOT NULL REFERENCES products (id),
  order_id integer REFERENCES orders (id),
  kind text NOT NULL CHECK (kind IN ('repair', 'install')),
  invoice_date date NOT NULL,
  received_at timestamptz NOT NULL,
  warranty_status text NOT NULL CHECK (warranty_status IN ('inWarranty', 'makerService', 'exchangeWindow', 'outOfWarranty')),
  onsite_date date NOT NULL,
  total_charge numeric(14, 2) NOT NULL DEFAULT 0 CHECK (total_charge >= 0),
  done_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX service_tickets_search ON service_tickets USING gin (search gin_trgm_ops);
CREATE INDEX service_tickets_status ON service_tickets (status, id DESC);
CREATE INDEX service_tickets_customer ON service_tickets (customer_id, id DESC);
CREATE INDEX service_tickets_assistant ON service_tickets (assistant_id, id DESC);
CREATE INDEX service_tickets_onsite ON service_tickets (onsite_date, id);
CREATE INDEX service_tickets_received ON service_tickets (received_at DESC);
CREATE INDEX service_tickets_product ON service_tickets (product_id);
