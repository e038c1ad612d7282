-- An added deal status given to a deal by the administrator (a fulfilment stage): a label on the
-- deal beside its system status, which alone carries the money meaning. The key keeps a status
-- that a deal has from being removed, even by two requests racing.
ALTER TABLE deal ADD COLUMN stage VARCHAR(64);
ALTER TABLE deal ADD CONSTRAINT fk_deal_stage FOREIGN KEY (stage) REFERENCES deal_status (code);
-- The history names added statuses by their code, up to 64 characters.
ALTER TABLE status_change ALTER COLUMN from_status SET DATA TYPE VARCHAR(64);
ALTER TABLE status_change ALTER COLUMN to_status SET DATA TYPE VARCHAR(64);
