-- 017: the queues report (and the team lead's dashboard) counts the orders still under way by
-- status and settlement (a picked cash order waits on finance, a credit one on the driver: 5.4.2).
-- Without an index holding both, that count read every order of the branch (a sequential scan:
-- ~9 ms of the report's ~15 on 10k orders, growing with the year); with it, only the open ones,
-- from the index alone.
CREATE INDEX orders_status_settlement ON orders (status, payment_method);
