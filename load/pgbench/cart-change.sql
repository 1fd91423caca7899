-- One cart quantity change as the service makes it today: PUT /api/cart/products/{productId}
-- {quantity} with an Idempotency-Key, on a cart that holds the product's line, in one transaction.
-- THIS MUST MIRROR THE SERVICE'S SQL: the same statements in the same order. When a cart change's
-- SQL changes (server/src/main/java/dev/cartwright/cart, platform/IdempotencyKeys.java), change this too.
--
-- pgbench -M prepared -c 16 -D product=ID; each client changes its own cart (cart-setup.sql makes
-- them). Shopper and cart ids are derived from pgbench's client_id; the service knows both from the
-- signed cookie without a query (shopper.ShopperCookieFilter), so deriving them costs no round trip.
-- BEGIN is one round trip of its own here, while PgJDBC sends it with the first statement: this
-- baseline pays one round trip more than the service does.
\set quantity random(1, 5)
\set key random(1, 1000000000000)
BEGIN;

-- platform.IdempotencyKeys.tryLock: the key, claimed for the transaction.
SELECT pg_try_advisory_xact_lock(hashtextextended(md5('cartwright-bench-shopper-' || :client_id)::uuid::text || '/' || 'bench-' || :key, 0));

-- platform.IdempotencyKeys.find: no stored answer for a new key.
SELECT request_hash, status, headers::text, body
  FROM idempotency_key
 WHERE scope = md5('cartwright-bench-shopper-' || :client_id)::uuid::text AND key = 'bench-' || :key
   AND created_at > now() - make_interval(secs => 86400);

-- cart.CartStore.lock: the shopper's cart, locked.
SELECT id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum
  FROM cart
 WHERE id = coalesce((SELECT cart_id FROM cart_member WHERE shopper_id = md5('cartwright-bench-shopper-' || :client_id)::uuid),
                     (SELECT id FROM cart WHERE owner_id = md5('cartwright-bench-shopper-' || :client_id)::uuid))
   FOR UPDATE;

-- catalog.Products.byId: the product exists.
SELECT id, sku, name, description, unit_price, image_url FROM product WHERE id = :product;

-- cart.CartStore.lines: the cart's lines (one here), and the line's quantity before the change.
SELECT id AS line, product_id, quantity AS in_cart, selected
  FROM cart_item WHERE cart_id = md5('cartwright-bench-cart-' || :client_id)::uuid ORDER BY id
\gset

-- inventory.StockLevels.available: only raising a quantity asks the stock.
\if :quantity > :in_cart
SELECT product_id, on_hand - reserved, version FROM stock WHERE product_id = any(array[:product]::bigint[]);
\endif

-- cart.CartStore.setQuantity
UPDATE cart_item SET quantity = :quantity WHERE id = :line;

-- cart.CartStore.bump: the cart's version grows by one.
UPDATE cart SET version = version + 1, updated_at = now() WHERE id = md5('cartwright-bench-cart-' || :client_id)::uuid;

-- cart.Carts.view: the answer is the whole cart: lines, their products, their stock, the members.
SELECT id, product_id, quantity, selected FROM cart_item WHERE cart_id = md5('cartwright-bench-cart-' || :client_id)::uuid ORDER BY id;
SELECT id, sku, name, description, unit_price, image_url FROM product WHERE id = any(array[:product]::bigint[]);
SELECT product_id, on_hand - reserved, version FROM stock WHERE product_id = any(array[:product]::bigint[]);
SELECT 1 + count(*) FROM cart_member WHERE cart_id = md5('cartwright-bench-cart-' || :client_id)::uuid;

-- platform.IdempotencyKeys.save: the answer, stored under the key (a cart of one line is about 600 bytes).
INSERT INTO idempotency_key (scope, key, request_hash, status, headers, body)
VALUES (md5('cartwright-bench-shopper-' || :client_id)::uuid::text, 'bench-' || :key, sha256(('bench-' || :key)::bytea), 200,
        '{"Content-Type": "application/json", "ETag": "\"2\""}'::jsonb, convert_to(repeat('x', 600), 'UTF8'))
ON CONFLICT (scope, key) DO UPDATE
   SET request_hash = excluded.request_hash, status = excluded.status,
       headers = excluded.headers, body = excluded.body, created_at = now();

COMMIT;
