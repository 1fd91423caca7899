-- Invitations to a cart: the link holds a random token, the database only its hash.
create table cart_share (
    token_hash bytea       primary key,
    cart_id    uuid        not null references cart (id),
    created_at timestamptz not null default now()
);

-- A shopper who joined someone's cart uses it instead of their own, which waits for them.
create table cart_member (
    shopper_id uuid        primary key references shopper (id),
    cart_id    uuid        not null references cart (id),
    joined_at  timestamptz not null default now()
);
create index cart_member_by_cart on cart_member (cart_id);
