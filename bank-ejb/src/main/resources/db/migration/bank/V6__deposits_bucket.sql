-- Every movement is a balanced posting (its rows sum to zero, credit + and debit -). A deposit
-- credits an account's balance against its bank's DEPOSITS bucket (money that came in from
-- outside). Deposits made before this migration had no such row: each bank's deposits bucket
-- gives their sum in one row, so every existing row still reconciles and the whole ledger sums
-- to zero.
INSERT INTO ledger_entry (external_id, kind, bucket, direction, bank_id, amount, created_at)
SELECT 'v6-deposits-' || CAST(a.bank_id AS VARCHAR(20)), 'DEPOSIT', 'DEPOSITS', 'DEBIT', a.bank_id,
       SUM(e.amount), MAX(e.created_at)
FROM ledger_entry e JOIN account a ON a.id = e.account_id
WHERE e.kind = 'DEPOSIT' AND e.bucket = 'BALANCE'
GROUP BY a.bank_id;

-- The audit sums each account's rows in one grouped pass; this index lets PostgreSQL read the
-- ledger in account order from the index alone (see docs/bank-service.md, "Audit").
CREATE INDEX ix_ledger_account_sums ON ledger_entry (account_id, bucket, direction, amount);
