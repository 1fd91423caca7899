-- Guest shoppers. The cookie holds a random token; only its SHA-256 is stored.
create table shopper (
    id         uuid        primary key,
    token_hash bytea       not null unique,
    created_at timestamptz not null default now()
);
