-- 010: orders per Shanghai day × channel × assistant, cancelled ones left out, kept by a trigger
-- in the same transaction as the order. The trend dashboards (6.1.1: 30/90 days by channel and
-- per assistant) read a few thousand of these rows instead of every order of the period; the
-- store answers an aggregation from here only when it asks exactly what this table holds
-- (server/store/pg/rollups.ts), otherwise from the orders themselves.
CREATE TABLE order_day_stats (
  day date NOT NULL,
  channel text NOT NULL,
  -- 0: no assistant yet (a web order nobody has taken)
  assistant_id integer NOT NULL,
  n integer NOT NULL,
  value numeric(16, 2) NOT NULL,
  PRIMARY KEY (day, channel, assistant_id)
);

CREATE FUNCTION order_day_stats_add(r orders, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.status = 'cancelled' THEN
    RETURN;
  END IF;
  INSERT INTO order_day_stats AS s (day, channel, assistant_id, n, value)
  VALUES (((r.received_at AT TIME ZONE 'UTC') + interval '8 hours')::date, r.channel, coalesce(r.assistant_id, 0), sign, sign * r.total)
  ON CONFLICT (day, channel, assistant_id) DO UPDATE SET n = s.n + EXCLUDED.n, value = s.value + EXCLUDED.value;
END;
$$;

CREATE FUNCTION order_day_stats_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.received_at = NEW.received_at AND OLD.channel = NEW.channel AND OLD.total = NEW.total
     AND OLD.assistant_id IS NOT DISTINCT FROM NEW.assistant_id
     AND (OLD.status = 'cancelled') = (NEW.status = 'cancelled') THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM order_day_stats_add(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM order_day_stats_add(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER orders_day_stats AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH ROW EXECUTE FUNCTION order_day_stats_changed();

INSERT INTO order_day_stats (day, channel, assistant_id, n, value)
SELECT ((received_at AT TIME ZONE 'UTC') + interval '8 hours')::date, channel, coalesce(assistant_id, 0), count(*), sum(total)
  FROM orders WHERE status <> 'cancelled' GROUP BY 1, 2, 3;
