-- Payments a provider reported that did not complete their checkout: each needs a refund or a
-- look. One row per provider event, written in the transaction that records the event.
create table payment_anomaly (
    event_id    text        primary key references payment_event (id),
    checkout_id uuid        not null,
    reason      text        not null
        check (reason in ('UNKNOWN_CHECKOUT', 'SESSION_MISMATCH', 'AMOUNT_MISMATCH', 'ARRIVED_TOO_LATE')),
    expected    text        not null,
    arrived     text        not null,
    -- The payment as the provider reported it: what to look up there, and what to refund.
    session_id  text        not null,
    amount      bigint      not null,
    currency    text        not null,
    received_at timestamptz not null default now()
);
