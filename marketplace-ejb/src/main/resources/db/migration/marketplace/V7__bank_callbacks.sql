-- The bank's signed callbacks the marketplace has taken, by the bank's event id: a callback
-- received again (a replay, or the bank sending once more after a lost answer) finds its id here
-- and changes nothing. Written in the transaction that applies the outcome.
CREATE TABLE bank_event (
    event_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    bank_transfer_id VARCHAR(64) NOT NULL,
    transfer_status  VARCHAR(16) NOT NULL,
    payment_id       BIGINT      NOT NULL REFERENCES payment (id),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_bank_event_payment ON bank_event (payment_id);
