-- The 16 carts cart-change.sql changes (psql -v product=ID): one shopper and one cart per pgbench
-- client, with the product's line, under ids derived from the client's number as the script derives them.
insert into shopper (id)
select md5('cartwright-bench-shopper-' || n)::uuid from generate_series(0, 15) n
on conflict (id) do nothing;

insert into cart (id, owner_id)
select md5('cartwright-bench-cart-' || n)::uuid, md5('cartwright-bench-shopper-' || n)::uuid from generate_series(0, 15) n
on conflict (owner_id) do nothing;

insert into cart_item (cart_id, product_id, quantity)
select md5('cartwright-bench-cart-' || n)::uuid, :product, 1 from generate_series(0, 15) n
on conflict (cart_id, product_id) do nothing;
