-- Secrets every node shares (for example the key that signs catalog cursors).
create table server_secret (
    name  text primary key,
    value bytea not null
);

-- Responses of mutations sent with an Idempotency-Key, replayed when the same key comes again.
create table idempotency_key (
    scope        text        not null,
    key          text        not null,
    request_hash bytea       not null,
    status       int         not null,
    headers      jsonb       not null,
    body         bytea       not null,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
