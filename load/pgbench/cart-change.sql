-- One cart quantity change as the service makes it: PUT /api/cart/products/{productId} {quantity}
-- with an Idempotency-Key, on a cart that holds the product's line, in one transaction.
-- THIS MUST MIRROR THE SERVICE'S SQL: the same statements in the same order. When a cart change's
-- SQL changes (server/src/main/java/dev/cartwright/cart/CartStore.java SET_PRODUCT_QUANTITY,
-- platform/IdempotencyKeys.java claim and save), change this too.
--
-- pgbench -M prepared -c 16 -D product=ID; each client changes its own cart (cart-setup.sql makes
-- them). Shopper and cart ids are derived from pgbench's client_id; the service knows both from the
-- signed cookie without a query (shopper.ShopperCookieFilter), so deriving them costs no round trip.
-- BEGIN is one round trip of its own here, while PgJDBC sends it with the first statement: this
-- baseline pays one round trip more than the service does.
\set quantity random(1, 5)
\set key random(1, 1000000000000)
BEGIN;

-- platform.IdempotencyKeys.claim: the key, claimed for the transaction, and no answer stored under it.
select pg_try_advisory_xact_lock(hashtextextended(md5('cartwright-bench-shopper-' || :client_id)::uuid::text || '/' || ('bench-' || :key), 0)) as claimed,
       k.request_hash, k.status, k.headers::text as headers, k.body
  from (select) as one
  left join idempotency_key k
    on k.scope = md5('cartwright-bench-shopper-' || :client_id)::uuid::text and k.key = ('bench-' || :key)
   and k.created_at > now() - make_interval(secs => 86400);

-- cart.CartStore.setProductQuantity: lock, check, write, bump and the whole cart, in one statement.
with locked as materialized (
    select id, version, coupon_code, coupon_kind, coupon_amount, coupon_minimum
      from cart where id = coalesce((select cart_id from cart_member where shopper_id = md5('cartwright-bench-shopper-' || :client_id)::uuid),
                         (select id from cart where owner_id = md5('cartwright-bench-shopper-' || :client_id)::uuid)) for update
),
seen as materialized (select version from cart where id = (select id from locked)),
line as materialized (
    select quantity from cart_item where cart_id = (select id from locked) and product_id = :product::bigint
),
wanted as materialized (select name from product where id = :product::bigint),
level as materialized (select on_hand - reserved as available from stock where product_id = :product::bigint),
verdict as materialized (
    select case
        when (select version from seen) is distinct from (select version from locked) then 'SEEN_OLDER'
        when cast(null as bigint) <> (select version from locked) then 'VERSION_MISMATCH'
        when not exists (select from wanted) then 'UNKNOWN_PRODUCT'
        when not exists (select from line)
             and (select count(*) from cart_item where cart_id = (select id from locked)) >= 100 then 'LINE_LIMIT'
        when :quantity::int > 99 then 'LINE_QUANTITY_LIMIT'
        when :quantity::int > coalesce((select quantity from line), 0)
             and :quantity::int > coalesce((select available from level), 0) then 'INSUFFICIENT_STOCK'
        else 'APPLIED' end as verdict
      from locked
),
written as (
    insert into cart_item (cart_id, product_id, quantity)
    select (select id from locked), :product::bigint, :quantity::int from verdict where verdict = 'APPLIED'
    on conflict (cart_id, product_id) do update set quantity = excluded.quantity
    returning id, product_id, quantity, selected
),
bumped as (
    update cart set version = version + 1, updated_at = now()
     where id = (select id from locked) and exists (select from written)
    returning version
),
lines as (
    select id, product_id, quantity, selected from cart_item
     where cart_id = (select id from locked) and not (product_id = :product::bigint and exists (select from written))
    union all
    select id, product_id, quantity, selected from written
)
select v.verdict, c.id, coalesce((select version from bumped), c.version) as version,
       c.coupon_code, c.coupon_kind, c.coupon_amount, c.coupon_minimum,
       coalesce((select quantity from line), 0) as in_cart, coalesce((select available from level), 0) as available,
       (select name from wanted) as product_name,
       1 + (select count(*) from cart_member where cart_id = c.id) as members,
       l.id as line_id, l.product_id, p.name, p.unit_price, l.quantity, l.selected,
       coalesce(s.on_hand - s.reserved, 0) as line_available
  from verdict v cross join locked c
  left join lines l on true
  left join product p on p.id = l.product_id
  left join stock s on s.product_id = l.product_id
 order by l.id;

-- platform.IdempotencyKeys.save: the answer, stored under the key (a cart of one line is about 600 bytes).
insert into idempotency_key (scope, key, request_hash, status, headers, body)
values (md5('cartwright-bench-shopper-' || :client_id)::uuid::text, ('bench-' || :key), sha256(convert_to(('bench-' || :key), 'UTF8')), 200,
        cast('{"Content-Type": "application/json", "ETag": "\"2\""}' as jsonb), convert_to(repeat('x', 600), 'UTF8'))
on conflict (scope, key) do update
   set request_hash = excluded.request_hash, status = excluded.status,
       headers = excluded.headers, body = excluded.body, created_at = now()
 where idempotency_key.created_at <= now() - make_interval(secs => 86400);

COMMIT;
