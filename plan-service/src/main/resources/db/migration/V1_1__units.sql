-- Org units and the reporting tree. The tree is data of any depth: each unit keeps its
-- reporting parent, and a materialised path of ids from the root ('/root/…/self/') so that
-- subtree and ancestor questions are one indexed LIKE and one split, never a recursive walk.

CREATE TABLE org_unit (
    id           UUID         PRIMARY KEY,
    kind         VARCHAR(30)  NOT NULL,
    name         VARCHAR(300) NOT NULL,
    short_name   VARCHAR(100),
    -- name without accents, lower case, đ -> d: computed in Java, used by accent-insensitive search
    search_name  VARCHAR(300) NOT NULL,
    admin_code   VARCHAR(10),
    agency_code  VARCHAR(35),
    email        VARCHAR(200),
    phone        VARCHAR(50),
    address      VARCHAR(500),
    parent_id    UUID         REFERENCES org_unit (id),
    path         TEXT         NOT NULL,
    depth        INTEGER      NOT NULL,
    valid_from   DATE         NOT NULL,
    valid_to     DATE,
    retired      BOOLEAN      NOT NULL DEFAULT FALSE,
    version      BIGINT       NOT NULL,
    CONSTRAINT org_unit_kind CHECK (kind IN ('MINISTRY', 'PROVINCE', 'DEPARTMENT', 'MASS_ORGANISATION',
                                             'DISTRICT', 'COMMUNE', 'OFFICE')),
    CONSTRAINT org_unit_agency_code CHECK (agency_code ~ '^[0-9A-Z.]{1,35}$')
);

CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);
CREATE INDEX org_unit_parent ON org_unit (parent_id);
CREATE INDEX org_unit_admin_code ON org_unit (admin_code);
CREATE INDEX org_unit_agency_code ON org_unit (agency_code);
CREATE INDEX org_unit_search_name ON org_unit (search_name text_pattern_ops);
-- A code names one current unit within one tree (the first path segment is the root): the
-- 2024 tree under Bộ LĐTBXH and the 2025 tree under Bộ Y tế both use code 01 for Hà Nội.
CREATE UNIQUE INDEX org_unit_admin_code_per_tree ON org_unit (split_part(path, '/', 2), admin_code)
    WHERE admin_code IS NOT NULL AND NOT retired;
CREATE UNIQUE INDEX org_unit_agency_code_per_tree ON org_unit (split_part(path, '/', 2), agency_code)
    WHERE agency_code IS NOT NULL AND NOT retired;

-- Every reporting parent a unit has had; valid_to is exclusive and null while current.
CREATE TABLE org_unit_parent_period (
    unit_id    UUID    NOT NULL REFERENCES org_unit (id),
    position   INTEGER NOT NULL,
    parent_id  UUID,
    valid_from DATE    NOT NULL,
    valid_to   DATE,
    PRIMARY KEY (unit_id, position)
);
