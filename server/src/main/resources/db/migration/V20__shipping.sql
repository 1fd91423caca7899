-- A checkout and its order keep the shipping method chosen and the price charged for it, which
-- total includes. Checkouts and orders from before shipping was priced shipped Standard for nothing.
alter table checkout
    add column shipping_method text   not null default 'STANDARD' check (shipping_method in ('STANDARD', 'EXPRESS')),
    add column shipping        bigint not null default 0 check (shipping >= 0);
alter table checkout alter column shipping_method drop default, alter column shipping drop default;

alter table customer_order
    add column shipping_method text   not null default 'STANDARD' check (shipping_method in ('STANDARD', 'EXPRESS')),
    add column shipping        bigint not null default 0 check (shipping >= 0);
alter table customer_order alter column shipping_method drop default, alter column shipping drop default;

-- The orders history pages newest first, with the id to order orders placed in the same instant.
create index customer_order_page on customer_order (shopper_id, created_at desc, id desc);
drop index customer_order_by_shopper;
