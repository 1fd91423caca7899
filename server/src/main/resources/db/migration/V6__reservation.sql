-- Units held for a checkout until it is paid (a sale), released, or expires.
-- stock.reserved is the sum of these rows per product; both change in the same statements.
create table reservation (
    checkout_id uuid   not null,
    product_id  bigint not null references stock (product_id),
    quantity    int    not null check (quantity > 0),
    primary key (checkout_id, product_id)
);
create index reservation_product on reservation (product_id);
