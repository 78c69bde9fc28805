-- The tree has dates. A unit keeps its identity (org_unit.id, its current state in org_unit)
-- and a version for every span of days over which its name, code, kind and parent held:
-- valid_to is exclusive and null while the version is current. A code names a unit only
-- together with a day, so lookups by code go through the versions.

CREATE TABLE org_unit_version (
    unit_id     UUID         NOT NULL REFERENCES org_unit (id),
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    kind        VARCHAR(30)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    search_name VARCHAR(300) NOT NULL,
    admin_code  VARCHAR(10),
    agency_code VARCHAR(35),
    parent_id   UUID,
    -- the reporting path over these days: a subtree as of a day is a prefix match
    path        TEXT         NOT NULL,
    depth       INTEGER      NOT NULL,
    PRIMARY KEY (unit_id, valid_from),
    CONSTRAINT org_unit_version_span CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE INDEX org_unit_version_admin_code ON org_unit_version (admin_code, valid_from) WHERE admin_code IS NOT NULL;
CREATE INDEX org_unit_version_agency_code ON org_unit_version (agency_code, valid_from) WHERE agency_code IS NOT NULL;
CREATE INDEX org_unit_version_parent ON org_unit_version (parent_id, valid_from);
CREATE INDEX org_unit_version_path ON org_unit_version (path text_pattern_ops);
CREATE INDEX org_unit_version_search_name ON org_unit_version (search_name text_pattern_ops);

-- Names were not dated before: every parent period a unit had becomes a version with the
-- unit's present name, code and kind.
INSERT INTO org_unit_version (unit_id, valid_from, valid_to, kind, name, search_name, admin_code, agency_code,
                              parent_id, path, depth)
SELECT u.id, p.valid_from, p.valid_to, u.kind, u.name, u.search_name, u.admin_code, u.agency_code,
       p.parent_id, u.path, u.depth
FROM org_unit u
JOIN org_unit_parent_period p ON p.unit_id = u.id
WHERE p.valid_to IS NULL OR p.valid_to > p.valid_from;

-- A reorganisation: merges and splits of one tree, effective on one day, applied at once.
CREATE TABLE reorganisation (
    id             UUID         PRIMARY KEY,
    root_id        UUID         NOT NULL REFERENCES org_unit (id),
    effective_date DATE         NOT NULL,
    title          VARCHAR(500) NOT NULL,
    applied_at     TIMESTAMPTZ  NOT NULL,
    applied_by     VARCHAR(200) NOT NULL,
    units_created  INTEGER      NOT NULL,
    units_ceased   INTEGER      NOT NULL,
    units_moved    INTEGER      NOT NULL,
    obligations_handed_over INTEGER NOT NULL
);

-- Which old units each new unit was formed from. FULL: the whole old unit went into the new
-- one; PARTIAL: part of it did. takes_over_duties names, for an old unit that went to several,
-- the one that inherits its open obligations. allocation is the share of a PARTIAL old unit's
-- figures the new unit takes, when one has been agreed; null when unknown.
CREATE TABLE unit_lineage (
    reorganisation_id UUID        NOT NULL REFERENCES reorganisation (id),
    old_unit_id       UUID        NOT NULL REFERENCES org_unit (id),
    new_unit_id       UUID        NOT NULL REFERENCES org_unit (id),
    share             VARCHAR(10) NOT NULL,
    takes_over_duties BOOLEAN     NOT NULL,
    derived           BOOLEAN     NOT NULL,
    allocation        NUMERIC(7, 6),
    PRIMARY KEY (reorganisation_id, old_unit_id, new_unit_id),
    CONSTRAINT unit_lineage_share CHECK (share IN ('FULL', 'PARTIAL')),
    CONSTRAINT unit_lineage_allocation CHECK (allocation IS NULL OR (allocation > 0 AND allocation <= 1))
);
CREATE INDEX unit_lineage_old ON unit_lineage (old_unit_id);
CREATE INDEX unit_lineage_new ON unit_lineage (new_unit_id);

-- An obligation keeps who owed it when the plan was published (original_unit_id) while it is
-- handed from a unit that ceased to its successor (unit_id): one obligation per plan and
-- original unit, counted once wherever it now belongs.
ALTER TABLE obligation ADD COLUMN original_unit_id UUID REFERENCES org_unit (id);
ALTER TABLE obligation ADD COLUMN handed_over_on DATE;
UPDATE obligation SET original_unit_id = unit_id;
ALTER TABLE obligation ALTER COLUMN original_unit_id SET NOT NULL;
ALTER TABLE obligation DROP CONSTRAINT obligation_once;
ALTER TABLE obligation ADD CONSTRAINT obligation_once UNIQUE (plan_id, original_unit_id);

ALTER TABLE plan_revision DROP CONSTRAINT plan_revision_action;
ALTER TABLE plan_revision ADD CONSTRAINT plan_revision_action
    CHECK (action IN ('CREATED', 'EDITED', 'PUBLISHED', 'AMENDED', 'CLOSED', 'REORGANISED'));
