-- The lineage of plan-service's reorganisations, from UnitsMerged and UnitSplit on plan.units.v1:
-- which old units each unit formed by a merger or a split came from, whole (FULL) or in part
-- (PARTIAL), from which day. Units keep their history in unit_replica (a unit that ceased stays,
-- retired); this keeps the edges between them, so that figures can be mapped to today's tree.
-- Numbered after every service's own migrations at the time it was added (report 1.4,
-- notification 1.3): their next ones are 1.5 and up.

CREATE TABLE unit_lineage_replica (
    reorganisation_id UUID        NOT NULL,
    old_unit_id       UUID        NOT NULL,
    new_unit_id       UUID        NOT NULL,
    share             VARCHAR(10) NOT NULL,
    takes_over_duties BOOLEAN     NOT NULL,
    derived           BOOLEAN     NOT NULL,
    allocation        NUMERIC(7, 6),
    effective_from    DATE        NOT NULL,
    PRIMARY KEY (reorganisation_id, old_unit_id, new_unit_id)
);
CREATE INDEX unit_lineage_replica_old ON unit_lineage_replica (old_unit_id);
CREATE INDEX unit_lineage_replica_new ON unit_lineage_replica (new_unit_id);
