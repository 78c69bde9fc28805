-- The id of the request (or of the event) that caused an event, so that one report can be
-- followed from its HTTP request through Kafka (header ce_requestid) to the notices it caused.
ALTER TABLE outbox_event ADD COLUMN request_id VARCHAR(100);
