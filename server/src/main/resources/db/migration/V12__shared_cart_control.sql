-- Invitations end: each has an expiry and may be withdrawn by the cart's owner. The owner may
-- sign one with a first name, so that the join page can say whose cart it is.
alter table cart_share
    add column expires_at timestamptz,
    add column revoked_at timestamptz,
    add column owner_name text check (char_length(owner_name) between 1 and 40);
update cart_share set expires_at = created_at + interval '7 days';
alter table cart_share alter column expires_at set not null;
create index cart_share_by_cart on cart_share (cart_id);

-- Each membership has an id of its own to name it by (never the shopper's id or cookie), and
-- the first name the member chose to give when joining, if any.
alter table cart_member
    add column id uuid not null default gen_random_uuid() unique,
    add column name text check (char_length(name) between 1 and 40);
