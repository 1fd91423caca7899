-- Checkout counts what a shopper holds unpaid before it reserves more.
create index checkout_open_by_shopper on checkout (shopper_id) where status in ('RESERVED', 'PAYMENT_PENDING');
