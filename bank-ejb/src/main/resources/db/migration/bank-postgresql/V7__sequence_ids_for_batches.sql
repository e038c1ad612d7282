-- Sequence ids with a pooled optimizer (allocationSize 50 in the entities) for the tables that
-- batched execution inserts into by the hundred: Hibernate cannot batch inserts whose ids come
-- from IDENTITY (it must read each id back), and with a sequence it takes 50 ids per call. Each
-- sequence starts above the table's highest id and then some (51: the pooled optimizer uses the
-- 50 ids below the value it gets); the column's default becomes the sequence too, so that the
-- seeders' and migrations' own INSERTs without an id cannot collide with the ids Hibernate hands
-- out.

CREATE SEQUENCE transfer_seq START WITH 1 INCREMENT BY 50;
SELECT setval('transfer_seq', 51 + COALESCE((SELECT MAX(id) FROM transfer), 0), false);
ALTER TABLE transfer ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE transfer ALTER COLUMN id SET DEFAULT nextval('transfer_seq');
ALTER SEQUENCE transfer_seq OWNED BY transfer.id;

CREATE SEQUENCE transfer_status_change_seq START WITH 1 INCREMENT BY 50;
SELECT setval('transfer_status_change_seq', 51 + COALESCE((SELECT MAX(id) FROM transfer_status_change), 0), false);
ALTER TABLE transfer_status_change ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE transfer_status_change ALTER COLUMN id SET DEFAULT nextval('transfer_status_change_seq');
ALTER SEQUENCE transfer_status_change_seq OWNED BY transfer_status_change.id;

CREATE SEQUENCE ledger_entry_seq START WITH 1 INCREMENT BY 50;
SELECT setval('ledger_entry_seq', 51 + COALESCE((SELECT MAX(id) FROM ledger_entry), 0), false);
ALTER TABLE ledger_entry ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE ledger_entry ALTER COLUMN id SET DEFAULT nextval('ledger_entry_seq');
ALTER SEQUENCE ledger_entry_seq OWNED BY ledger_entry.id;

CREATE SEQUENCE partner_callback_seq START WITH 1 INCREMENT BY 50;
SELECT setval('partner_callback_seq', 51 + COALESCE((SELECT MAX(id) FROM partner_callback), 0), false);
ALTER TABLE partner_callback ALTER COLUMN id DROP IDENTITY IF EXISTS;
ALTER TABLE partner_callback ALTER COLUMN id SET DEFAULT nextval('partner_callback_seq');
ALTER SEQUENCE partner_callback_seq OWNED BY partner_callback.id;
