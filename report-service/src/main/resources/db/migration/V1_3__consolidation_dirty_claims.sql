-- The publisher no longer deletes a pair when it starts on it (a publisher that died between
-- taking pairs and writing their events lost them). It claims the pair for a while instead
-- (claimed_by, claimed_until) and deletes it, in the transaction that writes the event, only if no
-- mark came after the claim: every mark of an existing pair adds one to version. A claim whose
-- publisher died expires, and another publisher takes the pair.
ALTER TABLE consolidation_dirty
    ADD COLUMN version       BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN claimed_by    UUID,
    ADD COLUMN claimed_until TIMESTAMPTZ;

CREATE INDEX consolidation_dirty_marked_at ON consolidation_dirty (marked_at);
CREATE INDEX consolidation_dirty_claimed_by ON consolidation_dirty (claimed_by) WHERE claimed_by IS NOT NULL;
