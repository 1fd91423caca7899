create table product (
    id          bigint generated always as identity primary key,
    sku         text   not null unique,
    name        text   not null check (length(name) between 1 and 200),
    description text   not null,
    -- Minor units (cents) of the store's currency.
    unit_price  bigint not null check (unit_price >= 0),
    image_url   text   not null,
    created_at  timestamptz not null default now()
);
