-- Runs once, on galera1 only, when its datadir is first initialised (the other nodes receive
-- it by state transfer). The haproxy health check logs in as haproxy@'%' (no privileges).
CREATE USER IF NOT EXISTS 'haproxy'@'%';
