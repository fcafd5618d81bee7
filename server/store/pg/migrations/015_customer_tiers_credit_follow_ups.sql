-- 015 (issue 21): customer tiers follow volume (5.6.2), credit lines are reviewed half-yearly
-- (5.11.4) and revocable (5.11.2), and the rep's credit follow-ups (5.5.2, 5.11.4).

-- 5.6.2 what a customer's tier rests on (volume / credit line / the CS manager's override), its
-- monthly volume, and 5.11.4 the review date of its credit line: columns the lists filter on
ALTER TABLE customers ADD COLUMN tier_basis text CHECK (tier_basis IN ('volume', 'creditLine', 'override'));
ALTER TABLE customers ADD COLUMN credit_review_due date;
ALTER TABLE customers ADD COLUMN monthly_volume numeric(14, 2) CHECK (monthly_volume >= 0);
CREATE INDEX customers_credit_review_due ON customers (credit_review_due) WHERE credit_review_due IS NOT NULL;

-- backfill, in the record and its columns (a body never changes without its version):
-- a credit customer's review date is its current line's (the latest approved application's),
-- else the one the record has, else today — a line nobody has reviewed is due now; the tier rests
-- on the credit line, or on the volume (the daily job at start derives it from the orders)
UPDATE customers c SET
  credit_review_due = coalesce(
    (SELECT max(a.review_due_at) FROM credit_applications a WHERE a.customer_id = c.id AND a.status = 'approved' AND a.review_due_at IS NOT NULL),
    (c.data ->> 'creditReviewDue')::date,
    (now() AT TIME ZONE 'Asia/Shanghai')::date)
WHERE c.settlement = 'credit';
UPDATE customers SET credit_review_due = NULL WHERE settlement <> 'credit';
UPDATE customers SET tier_basis = CASE WHEN settlement = 'credit' AND credit_limit > 0 THEN 'creditLine' ELSE 'volume' END;
UPDATE customers SET
  data = data || jsonb_build_object('tierBasis', tier_basis, 'creditReviewDue', to_char(credit_review_due, 'YYYY-MM-DD')),
  version = version + 1;

-- 5.11.2 a revocation: requested 0, no approved limit; kind 'revocation'
ALTER TABLE credit_applications DROP CONSTRAINT credit_applications_kind_check;
ALTER TABLE credit_applications ADD CONSTRAINT credit_applications_kind_check CHECK (kind IN ('new', 'renewal', 'revocation'));
ALTER TABLE credit_applications DROP CONSTRAINT credit_applications_requested_limit_check;
ALTER TABLE credit_applications ADD CONSTRAINT credit_applications_requested_limit_check CHECK (requested_limit > 0 OR (kind = 'revocation' AND requested_limit = 0));

-- 5.5.2 / 5.11.4 the sales rep's credit follow-ups
CREATE TABLE credit_follow_ups (
  id serial PRIMARY KEY,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  data jsonb NOT NULL,
  search text NOT NULL DEFAULT '',
  search_grams text[] GENERATED ALWAYS AS (search_bigrams(search)) STORED,
  code text NOT NULL UNIQUE,
  status text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('firstCreditOrder', 'creditReview')),
  customer_id integer NOT NULL REFERENCES customers (id) DEFERRABLE INITIALLY DEFERRED,
  customer_name text,
  sales_rep_id integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED,
  order_id integer REFERENCES orders (id) DEFERRABLE INITIALLY DEFERRED,
  due_on date,
  created_by integer REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX credit_follow_ups_search_grams ON credit_follow_ups USING gin (search_grams) WITH (fastupdate = off);
CREATE INDEX credit_follow_ups_status ON credit_follow_ups (status, id DESC);
CREATE INDEX credit_follow_ups_customer ON credit_follow_ups (customer_id, id DESC);
CREATE INDEX credit_follow_ups_sales_rep ON credit_follow_ups (sales_rep_id, id DESC);
SELECT track_row_count('credit_follow_ups');
