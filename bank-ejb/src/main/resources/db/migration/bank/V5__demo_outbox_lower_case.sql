-- The demo outbox keeps addresses in lower case and is looked up by equality, so that the index on
-- recipient serves the lookup (lower(recipient) = lower(?) read the whole table each time: a
-- sequential scan per code that the benchmark's thousands of codes made visible).
UPDATE demo_outbox SET recipient = LOWER(recipient);
