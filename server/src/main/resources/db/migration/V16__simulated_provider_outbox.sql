-- The simulated provider's own side (a real provider keeps all of this on its side, not in the shop's database).

-- Its webhooks, written in the transaction that changes the session's status and delivered over
-- HTTP by a poller on every node until the shop acknowledges one (2xx), or for a day, then DEAD.
create table simulated_webhook_delivery (
    event_id        text        primary key,
    body            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz
);
create index simulated_webhook_delivery_due on simulated_webhook_delivery (next_attempt_at) where status = 'PENDING';

-- A paid session can be refunded, once: a repeat with the same key is the same refund.
alter table simulated_payment_session drop constraint simulated_payment_session_status_check;
alter table simulated_payment_session
    add constraint simulated_payment_session_status_check
        check (status in ('OPEN', 'PAID', 'DECLINED', 'EXPIRED', 'REFUNDED')),
    add column refund_key  text,
    add column refunded_at timestamptz;
