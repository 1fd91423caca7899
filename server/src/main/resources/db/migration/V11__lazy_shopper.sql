-- Guests carry a signed cookie now: their row appears with their first change and needs no
-- token. Rows of the first release keep their token's hash, for the cookies still out there.
alter table shopper alter column token_hash drop not null;
-- Refreshed when a guest's cookie is issued anew; a guest long unseen, with nothing open or
-- ordered, is forgotten.
alter table shopper add column last_seen_at timestamptz not null default now();
create index shopper_last_seen on shopper (last_seen_at);
create index cart_by_updated on cart (updated_at);
create index checkout_by_shopper on checkout (shopper_id);
create index checkout_closed_by_update on checkout (updated_at) where status in ('PAID', 'FAILED', 'CANCELLED', 'EXPIRED');
