-- 006: what the daily reports count (6.1.1, 5.1.1): when web orders were confirmed, and indexes
-- for counting per assistant and per day.
ALTER TABLE orders ADD COLUMN confirmed_at timestamptz;
UPDATE orders SET confirmed_at = (data->>'confirmedAt')::timestamptz WHERE data ? 'confirmedAt' AND data->>'confirmedAt' IS NOT NULL;
CREATE INDEX orders_confirmed ON orders (confirmed_at) WHERE confirmed_at IS NOT NULL;
CREATE INDEX orders_channel_received ON orders (channel, received_at);
