-- available = on_hand - reserved, never negative: the CHECKs hold it even against a buggy statement.
create table stock (
    product_id bigint primary key references product (id),
    on_hand    int    not null check (on_hand >= 0),
    reserved   int    not null default 0 check (reserved >= 0),
    check (reserved <= on_hand)
);
