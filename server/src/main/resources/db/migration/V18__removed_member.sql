-- A member the owner removed may not join that cart again by any link: removal sticks.
create table cart_removed_member (
    cart_id    uuid        not null references cart (id) on delete cascade,
    shopper_id uuid        not null,
    removed_at timestamptz not null default now(),
    primary key (cart_id, shopper_id)
);
