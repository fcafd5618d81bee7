-- 012: the web order desk's lists (5.1: web orders in one state — waiting confirmation,
-- delivered — newest first) and their counts. With only (status, …) and (channel, …) indexes
-- PostgreSQL intersected two bitmaps and read the rows to count them (~5 ms on a year); this
-- index serves the page in order and counts from the index alone.
CREATE INDEX orders_channel_status_received ON orders (channel, status, received_at DESC, id DESC);
