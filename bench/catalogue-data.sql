-- :count ACTIVE, published offers of the clients bench-seller-*, spread over them in turn.
-- psql -v count=100000 -f catalogue-data.sql DATABASE   (catalogue-data.sh makes the sellers first)
-- Titles: '<word> <thing> #n' where <word> is one of 50 words in turn, so q=<word> matches 2 %.
SET search_path TO marketplace;

WITH sellers AS (
    SELECT array_agg(id ORDER BY id) AS ids FROM app_user WHERE login LIKE 'bench-seller-%'
),
words AS (
    SELECT ARRAY['vintage', 'modern', 'rustic', 'compact', 'deluxe', 'classic', 'portable',
                 'premium', 'handmade', 'electric', 'wooden', 'leather', 'silver', 'golden',
                 'ceramic', 'digital', 'analog', 'folding', 'outdoor', 'indoor', 'antique',
                 'wireless', 'acoustic', 'organic', 'vegan', 'italian', 'french', 'nordic',
                 'tiny', 'giant', 'quiet', 'loud', 'bright', 'dark', 'soft', 'heavy', 'light',
                 'smart', 'simple', 'elegant', 'sturdy', 'retro', 'urban', 'alpine', 'marine',
                 'desert', 'arctic', 'tropical', 'royal', 'humble'] AS w,
           ARRAY['bicycle', 'lamp', 'chair', 'guitar', 'camera', 'kettle', 'watch', 'jacket',
                 'table', 'radio', 'tent', 'sofa', 'vase', 'clock', 'mirror', 'desk', 'rug',
                 'bookcase', 'scooter', 'telescope'] AS t
)
INSERT INTO offer (seller_id, title, description, price, payment_window_seconds, status,
                   published, commission_percent, created_at, updated_at, version)
SELECT s.ids[1 + n % array_length(s.ids, 1)],
       w.w[1 + n % 50] || ' ' || w.t[1 + (n / 50) % 20] || ' #' || n,
       'A ' || w.t[1 + (n / 50) % 20] || ' in good condition, lot ' || n
           || '. Picked up or sent by post; the payment window is one day.',
       (100 + (n * 37) % 99900) / 1.0,
       86400,
       'ACTIVE',
       TRUE,
       5.00,
       now() - make_interval(secs => :count - n),
       now() - make_interval(secs => :count - n),
       0
FROM generate_series(1, :count) AS n, sellers s, words w;

-- What autovacuum would do soon after such a load: statistics for the planner, and the visibility
-- map that lets the catalogue's count and paging read the index alone.
VACUUM ANALYZE offer;
