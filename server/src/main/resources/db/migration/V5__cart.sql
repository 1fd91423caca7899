create table cart (
    id         uuid        primary key,
    owner_id   uuid        not null unique references shopper (id),
    -- Grows by one with every applied change; clients never let an older version overwrite a newer one.
    version    bigint      not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create table cart_item (
    id         bigint generated always as identity primary key,
    cart_id    uuid    not null references cart (id) on delete cascade,
    product_id bigint  not null references product (id),
    quantity   int     not null check (quantity > 0),
    selected   boolean not null default true,
    unique (cart_id, product_id)
);
