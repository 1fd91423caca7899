-- The stock ledger: one row per change of a product's stock row, written by the row's own trigger
-- in the transaction of the change, so no statement can change stock unrecorded. Its kind follows
-- from what changed: RESTOCK (on hand set, nothing reserved changed; quantity = on-hand delta),
-- RESERVATION (+units reserved), RELEASE (-units reserved), SALE (on hand and reserved both down;
-- quantity = -units). Replayed: on_hand = sum of RESTOCK and SALE, reserved = sum of RESERVATION,
-- RELEASE and SALE. No foreign key: stock rows are never deleted, and the reservation at commit
-- stays one update and one insert.
create table stock_movement (
    id             bigserial,
    product_id     bigint      not null,
    kind           text        not null check (kind in ('RESTOCK', 'RESERVATION', 'RELEASE', 'SALE')),
    quantity       int         not null,
    on_hand_after  int         not null,
    reserved_after int         not null,
    checkout_id    uuid,
    -- The clock at the change, made under the stock row's lock: per product, time follows id.
    at             timestamptz not null default clock_timestamp(),
    primary key (product_id, id)
);
-- The primary key serves "the last N movements of a product"; this the drop view's last seconds.
create index stock_movement_by_time on stock_movement (product_id, at);

-- What stock there was before the ledger: one opening restock per product, and its open reservations.
insert into stock_movement (product_id, kind, quantity, on_hand_after, reserved_after, checkout_id)
select product_id, 'RESTOCK', on_hand, on_hand, 0, null from stock order by product_id;
insert into stock_movement (product_id, kind, quantity, on_hand_after, reserved_after, checkout_id)
select r.product_id, 'RESERVATION', r.quantity, s.on_hand,
       sum(r.quantity) over (partition by r.product_id order by r.checkout_id), r.checkout_id
  from reservation r join stock s using (product_id)
 order by r.product_id, r.checkout_id;

-- The checkout a change is for comes from the transaction-local setting cartwright.checkout, set
-- by the statements that reserve, release and sell (a restock is nobody's checkout).
create function record_stock_movement() returns trigger language plpgsql as $$
declare
    on_hand_delta  int := new.on_hand - case when tg_op = 'INSERT' then 0 else old.on_hand end;
    reserved_delta int := new.reserved - case when tg_op = 'INSERT' then 0 else old.reserved end;
    movement       text;
    delta          int;
begin
    if reserved_delta = 0 then
        movement := 'RESTOCK';
        delta := on_hand_delta;
    elsif on_hand_delta = 0 then
        movement := case when reserved_delta > 0 then 'RESERVATION' else 'RELEASE' end;
        delta := reserved_delta;
    elsif on_hand_delta = reserved_delta and on_hand_delta < 0 then
        movement := 'SALE';
        delta := on_hand_delta;
    else
        -- A change the ledger cannot name would break its replay: refuse it rather than record it wrongly.
        raise exception 'stock of product % changed by % on hand and % reserved at once, which is no known movement',
            new.product_id, on_hand_delta, reserved_delta;
    end if;
    insert into stock_movement (product_id, kind, quantity, on_hand_after, reserved_after, checkout_id)
    values (new.product_id, movement, delta, new.on_hand, new.reserved,
            case when movement <> 'RESTOCK' then cast(nullif(current_setting('cartwright.checkout', true), '') as uuid) end);
    return null;
end
$$;

create trigger stock_moves
    after insert or update on stock
    for each row execute function record_stock_movement();

-- As in V21, and names the checkout whose reservation takes the units.
create or replace function take_reserved_stock() returns trigger language plpgsql as $$
begin
    perform set_config('cartwright.checkout', new.checkout_id::text, true);
    update stock set reserved = reserved + new.quantity, version = version + 1
     where product_id = new.product_id and on_hand - reserved >= new.quantity;
    if not found then
        raise exception 'product % has fewer than % units available', new.product_id, new.quantity
            using errcode = 'serialization_failure';
    end if;
    return null;
end
$$;
