-- Demo mode: the mark of the marketplace's demo seed, inserted in the seed's own transaction. Its
-- key makes the seed happen once, even when two nodes start at the same time (the second waits on
-- the key, then fails and finds the mark on its next try).
CREATE TABLE demo_seed (
    id        BIGINT NOT NULL PRIMARY KEY,
    seeded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_demo_seed_single CHECK (id = 1)
);
