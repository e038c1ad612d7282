-- The catalogue (GET /offers, the catalogue page) reads ACTIVE, published offers newest first, a
-- page at a time, and counts them. One index in that order serves the page (read backwards, no
-- sort) and the count (index only); it starts with status, so it also does the old status index's
-- work (the moderation queue) and replaces it.
CREATE INDEX ix_offer_catalogue ON offer (status, published, id);
DROP INDEX ix_offer_status;
