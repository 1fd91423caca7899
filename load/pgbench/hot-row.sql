-- A flash sale's hot row: one unit reserved per transaction on one product, by the conditional
-- UPDATE that a reservation row's trigger runs at its checkout's commit (V21__stock_taken_at_commit.sql),
-- without the reservation row. pgbench -M prepared -c 64 -D product=ID; ./bench gives the
-- product stock enough never to run out, so every transaction updates the row.
UPDATE stock SET reserved = reserved + 1, version = version + 1 WHERE product_id = :product AND on_hand - reserved >= 1;
