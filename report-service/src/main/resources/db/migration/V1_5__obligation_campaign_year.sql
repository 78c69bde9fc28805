-- The campaign's year on each obligation, so that comparisons can be asked by year
-- (campaigns=2024,2025,2026). Obligations replicated before this column existed have none; their
-- campaigns are then named by id.
ALTER TABLE obligation_replica ADD COLUMN campaign_year INT;
CREATE INDEX obligation_replica_year ON obligation_replica (campaign_year) WHERE campaign_year IS NOT NULL;

-- Figures as now read every unit's own figures of one scope.
CREATE INDEX consolidation_scope_own ON consolidation (scope_id) WHERE own_submitted <> 0 OR own_approved <> 0;
