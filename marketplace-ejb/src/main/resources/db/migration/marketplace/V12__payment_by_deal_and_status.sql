-- A deal's payments in one status (the sweep's expiry, the payout, the quote) are read by deal and
-- status together. With an index on each alone, a PostgreSQL without statistics on the table (no
-- ANALYZE yet) chose the one on status and filtered the deal: every SUCCEEDED payment read for one
-- deal's. (The index on the deal alone stays: H2 holds the foreign key to the deal on it.)
CREATE INDEX ix_payment_deal_status ON payment (deal_id, status);
