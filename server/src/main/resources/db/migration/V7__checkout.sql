-- A coupon's terms travel with the cart that applied it, so the cart can price itself.
alter table cart
    add column coupon_code     text,
    add column coupon_kind     text check (coupon_kind in ('PERCENT', 'FIXED')),
    add column coupon_amount   bigint,
    add column coupon_minimum  bigint;

create table coupon (
    code             text   primary key check (code = upper(code)),
    kind             text   not null check (kind in ('PERCENT', 'FIXED')),
    -- PERCENT: 1 to 100; FIXED: minor units off.
    amount           bigint not null check (amount > 0 and (kind <> 'PERCENT' or amount <= 100)),
    minimum_subtotal bigint not null default 0 check (minimum_subtotal >= 0),
    expires_at       timestamptz,
    usage_limit      int check (usage_limit > 0),
    -- Uses claimed by payments in progress plus uses redeemed by paid ones.
    uses             int    not null default 0 check (uses >= 0),
    check (usage_limit is null or uses <= usage_limit)
);

create table checkout (
    id                   uuid        primary key,
    shopper_id           uuid        not null references shopper (id),
    cart_id              uuid        not null references cart (id),
    status               text        not null
        check (status in ('RESERVED', 'PAYMENT_PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED')),
    shipping_address     jsonb       not null,
    coupon_code          text references coupon (code),
    coupon_claimed       boolean     not null default false,
    subtotal             bigint      not null,
    discount             bigint      not null,
    total                bigint      not null check (total >= 0),
    currency             char(3)     not null,
    payment_session_id   text,
    payment_redirect_url text,
    order_id             uuid,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    expires_at           timestamptz not null
);
create index checkout_open_by_expiry on checkout (expires_at) where status in ('RESERVED', 'PAYMENT_PENDING');
create index checkout_by_cart on checkout (cart_id) where status = 'RESERVED';

create table checkout_line (
    checkout_id  uuid   not null references checkout (id),
    cart_item_id bigint not null,
    product_id   bigint not null references product (id),
    name         text   not null,
    unit_price   bigint not null,
    quantity     int    not null check (quantity > 0),
    primary key (checkout_id, product_id)
);

create table coupon_redemption (
    checkout_id uuid        primary key references checkout (id),
    code        text        not null references coupon (code),
    redeemed_at timestamptz not null default now()
);
