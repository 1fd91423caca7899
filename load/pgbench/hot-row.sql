-- A flash sale's hot row: one unit reserved per transaction on one product, as
-- inventory.StockReservations.reserveAll's conditional UPDATE does it (without the lock read before
-- it and the reservation row after it). pgbench -M prepared -c 64 -D product=ID; ./bench gives the
-- product stock enough never to run out, so every transaction updates the row.
UPDATE stock SET reserved = reserved + 1, version = version + 1 WHERE product_id = :product AND on_hand - reserved >= 1;
