-- consolidation_dirty becomes the publication state of each (unit, plan) pair: how often it was
-- marked (version), which mark its last ConsolidationChanged carried (published_version), and
-- when it may be published again (not_before, the per-pair rate limit). The publisher claims
-- pairs for a while (claimed_by, claimed_until) instead of deleting them when it starts, so a
-- publisher that dies between taking pairs and writing their events loses nothing: its claim
-- expires and another takes the pairs. A pair is waiting when version > published_version.
ALTER TABLE consolidation_dirty RENAME TO consolidation_publication;
ALTER TABLE consolidation_publication RENAME CONSTRAINT consolidation_dirty_pkey TO consolidation_publication_pkey;
ALTER TABLE consolidation_publication
    ADD COLUMN version           BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN published_version BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN not_before        TIMESTAMPTZ,
    ADD COLUMN claimed_by        UUID,
    ADD COLUMN claimed_until     TIMESTAMPTZ;

CREATE INDEX consolidation_publication_waiting ON consolidation_publication (marked_at)
    WHERE version > published_version;
CREATE INDEX consolidation_publication_claimed_by ON consolidation_publication (claimed_by)
    WHERE claimed_by IS NOT NULL;
CREATE INDEX consolidation_publication_published ON consolidation_publication (not_before)
    WHERE version = published_version;
