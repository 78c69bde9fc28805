-- The id of the request that caused a notice (read from the event's ce_requestid header), so that
-- a report can be followed from its HTTP request through Kafka to the notices it caused. Null for
-- notices the scheduler raises by itself (reminders, overdue notices).
ALTER TABLE notification ADD COLUMN request_id VARCHAR(100);
