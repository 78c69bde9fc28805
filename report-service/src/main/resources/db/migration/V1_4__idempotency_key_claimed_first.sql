-- A draft's Idempotency-Key is claimed before the report is written, so that a retry arriving
-- while the first attempt still runs waits on the key and answers with the first attempt's report
-- (instead of colliding on the report's obligation and answering 409). The key then names a report
-- written later in the same transaction: the reference is checked at commit.
ALTER TABLE idempotency_key ALTER CONSTRAINT idempotency_key_report_id_fkey DEFERRABLE INITIALLY DEFERRED;
