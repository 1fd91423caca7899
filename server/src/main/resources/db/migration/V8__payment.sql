-- Sessions of the built-in simulated provider (a real provider keeps these on its side).
create table simulated_payment_session (
    id          text        primary key,
    checkout_id uuid        not null,
    amount      bigint      not null check (amount >= 0),
    currency    char(3)     not null,
    method      text        not null,
    return_url  text        not null,
    status      text        not null default 'OPEN' check (status in ('OPEN', 'PAID', 'DECLINED', 'EXPIRED')),
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now()
);

-- Provider events already applied: a repeated event id is acknowledged and not applied again.
create table payment_event (
    id          text        primary key,
    type        text        not null,
    checkout_id uuid,
    received_at timestamptz not null default now()
);
