-- While one node (its poller, or an operator's "send now") is asking the provider for a refund,
-- no other claims it: one provider call at a time per refund, whoever asks.
alter table payment_refund add column sending_until timestamptz;
