-- The no-oversell rule, in one place: a reservation row takes its units from stock when its
-- transaction commits, and only while that many are available; when they are not, the commit
-- fails as a serialization failure and the request runs again on what is left. Taken at commit,
-- a product's stock row is held for the commit alone, not across the service's last round trips:
-- in a flash sale every checkout of the product queues on that one row.
create function take_reserved_stock() returns trigger language plpgsql as $$
begin
    update stock set reserved = reserved + new.quantity, version = version + 1
     where product_id = new.product_id and on_hand - reserved >= new.quantity;
    if not found then
        raise exception 'product % has fewer than % units available', new.product_id, new.quantity
            using errcode = 'serialization_failure';
    end if;
    return null;
end
$$;

-- Deferred triggers fire in the order their rows were inserted: reservations inserted in
-- product-id order lock their stock rows in that order, the one lock order.
create constraint trigger reservation_takes_stock
    after insert on reservation
    deferrable initially deferred
    for each row execute function take_reserved_stock();
