-- A bank's fee income in 16 parts: a transfer's fee goes to part (transfer id mod 16), and its
-- reversal takes it back from the same part. With one row per bank, every fee-paying transfer of
-- that bank's customers locked the row until its commit: the benchmark (bench/run.sh) found the
-- transfers queued on it (45 of 50 sampled waits in pg_stat_activity). The income is the sum of
-- the parts; each part is what the COMPLETED transfers of that part have earned.
CREATE TABLE fee_income_part (
    bank_id BIGINT         NOT NULL REFERENCES bank (id),
    part    INTEGER        NOT NULL,
    amount  NUMERIC(19, 2) NOT NULL,
    CONSTRAINT pk_fee_income_part PRIMARY KEY (bank_id, part),
    CONSTRAINT ck_fee_income_part CHECK (amount >= 0)
);
INSERT INTO fee_income_part (bank_id, part, amount)
SELECT b.id, p.part,
       COALESCE((SELECT SUM(t.fee) FROM transfer t JOIN account a ON a.id = t.payer_account_id
                 WHERE t.status = 'COMPLETED' AND a.bank_id = b.id AND MOD(t.id, 16) = p.part), 0)
FROM bank b CROSS JOIN (
    SELECT 0 AS part UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
    UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
    UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13
    UNION ALL SELECT 14 UNION ALL SELECT 15) p;
DROP TABLE fee_income;
ALTER TABLE fee_income_part RENAME TO fee_income;
