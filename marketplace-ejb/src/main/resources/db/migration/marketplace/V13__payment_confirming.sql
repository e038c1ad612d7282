-- A payer's code handed to the bank together with the transfer it confirms: from then until the
-- bank's answer is recorded the payment may not be replaced, cancelled or abandoned with its deal,
-- since the bank may have taken it. The re-drive asks the bank about those left so by a crash.
ALTER TABLE payment ADD COLUMN confirming_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_payment_confirming ON payment (confirming_since);
