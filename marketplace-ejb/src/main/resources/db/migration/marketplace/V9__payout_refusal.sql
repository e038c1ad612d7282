-- A payout the bank refused for good (a settlement of an operation that was reversed, a reversal
-- of one that was settled, a commission account the bank does not know): the bank's reason and
-- when. A refused payout is not re-driven; the administrator sees the reason on the deal and may
-- ask for the payout again once the cause is fixed, which clears both.
ALTER TABLE deal ADD COLUMN payout_refusal VARCHAR(500);
ALTER TABLE deal ADD COLUMN payout_refused_at TIMESTAMP WITH TIME ZONE;
