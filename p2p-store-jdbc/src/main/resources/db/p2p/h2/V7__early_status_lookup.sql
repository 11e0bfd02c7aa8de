-- Receipts look up parked status updates by carrier id alone, for a group of receipts at once.
CREATE INDEX early_statuses_by_carrier_id ON early_statuses (carrier_message_id);
