-- Payments to give back: one per paid session that completed no checkout (its payment_anomaly),
-- written in the transaction that records the anomaly, and sent to the provider by a poller on
-- every node until it answers. REFUND_DUE until then; REFUNDED; REFUSED by the provider, or DEAD
-- when it could not be reached for the whole retry time: both need an operator.
create table payment_refund (
    session_id      text        primary key,
    event_id        text        not null references payment_anomaly (event_id),
    checkout_id     uuid        not null,
    amount          bigint      not null,
    currency        text        not null,
    idempotency_key text        not null unique,
    status          text        not null default 'REFUND_DUE'
        check (status in ('REFUND_DUE', 'REFUNDED', 'REFUSED', 'DEAD')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    refunded_at     timestamptz
);
create index payment_refund_due on payment_refund (next_attempt_at) where status = 'REFUND_DUE';
