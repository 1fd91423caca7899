-- One order per paid checkout: the unique checkout_id makes a repeated "paid" harmless.
create table customer_order (
    id               uuid        primary key,
    checkout_id      uuid        not null unique references checkout (id),
    shopper_id       uuid        not null references shopper (id),
    subtotal         bigint      not null,
    discount         bigint      not null,
    total            bigint      not null,
    currency         char(3)     not null,
    coupon_code      text,
    shipping_address jsonb       not null,
    created_at       timestamptz not null default now()
);
create index customer_order_by_shopper on customer_order (shopper_id, created_at desc);

create table order_line (
    order_id   uuid   not null references customer_order (id),
    product_id bigint not null references product (id),
    name       text   not null,
    unit_price bigint not null,
    quantity   int    not null check (quantity > 0),
    primary key (order_id, product_id)
);
