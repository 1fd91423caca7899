-- Grows by one with every change of on_hand or reserved, so a client can tell which of two
-- stock values it has seen is newer, whatever route (page, refetch, push) each came by.
alter table stock add column version bigint not null default 0;
