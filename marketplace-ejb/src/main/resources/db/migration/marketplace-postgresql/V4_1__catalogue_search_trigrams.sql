-- PostgreSQL only (db/migration/marketplace-{vendor}): the catalogue's search, lower(title) or
-- lower(description) LIKE '%term%', can use no B-tree index; trigram GIN indexes serve it (the
-- planner ORs the two). pg_trgm ships with PostgreSQL and is a trusted extension (the database's
-- owner may create it). It goes to the schema public (once per database, whichever schema asks);
-- the index names its operator class there. H2 has no trigrams and searches by scanning.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX ix_offer_title_trgm ON offer USING gin (lower(title) public.gin_trgm_ops);
CREATE INDEX ix_offer_description_trgm ON offer USING gin (lower(description) public.gin_trgm_ops);
