-- Accounts: a shopper who signed up. The account's shopper id owns its cart, checkouts and
-- orders. The email is kept lower-cased, so one address is one account however it is typed.
create table account (
    shopper_id    uuid        primary key references shopper (id),
    email         text        not null unique check (email = lower(email) and char_length(email) between 3 and 254),
    name          text        not null check (char_length(name) between 1 and 60),
    password_hash text        not null,
    created_at    timestamptz not null default now()
);

-- A signed-in browser: its cookie names the session, and signing out deletes the row, so a
-- copied cookie stops working with it.
create table account_session (
    id         uuid        primary key,
    shopper_id uuid        not null references account (shopper_id),
    created_at timestamptz not null default now()
);
create index account_session_by_shopper on account_session (shopper_id);
