-- A plan has zero or more reporting requirements (chế độ báo cáo): units of a district report
-- to the district by the 10th while the district reports to the province by the 20th; a plan
-- asks for an interim report and a final one. Each requirement names its reporting units (a
-- list, a rule over the issuer's subtree, or both), its recipient, the unit it passes through,
-- the units that receive a copy, its indicator set, its kind and its deadline (a date or a rule).
-- Obligations are derived per requirement.
CREATE TABLE reporting_requirement (
    id                 UUID         PRIMARY KEY,
    plan_id            UUID         NOT NULL REFERENCES plan (id),
    position           INTEGER      NOT NULL,
    kind               VARCHAR(10)  NOT NULL,
    text               TEXT,
    reporting_unit_ids JSONB        NOT NULL,
    unit_rule          JSONB,
    recipient_id       UUID         REFERENCES org_unit (id),
    via_unit_id        UUID         REFERENCES org_unit (id),
    copy_to_unit_ids   JSONB        NOT NULL,
    indicator_set_code VARCHAR(100),
    due_at             TIMESTAMPTZ,
    due_text           VARCHAR(200),
    due_rule           JSONB,
    due_resolution     VARCHAR(500),
    CONSTRAINT reporting_requirement_kind CHECK (kind IN ('INTERIM', 'FINAL'))
);
CREATE INDEX reporting_requirement_plan ON reporting_requirement (plan_id, position);
CREATE INDEX reporting_requirement_recipient ON reporting_requirement (recipient_id);
CREATE INDEX reporting_requirement_via ON reporting_requirement (via_unit_id) WHERE via_unit_id IS NOT NULL;

-- Every plan's single requirement becomes its first one (an id derived from the plan's, so
-- that the migration gives the same ids wherever it runs).
INSERT INTO reporting_requirement (id, plan_id, position, kind, text, reporting_unit_ids, unit_rule, recipient_id,
                                   via_unit_id, copy_to_unit_ids, indicator_set_code, due_at, due_text, due_rule,
                                   due_resolution)
SELECT CAST(md5(p.id::text || '/requirement/0') AS uuid), p.id, 0, 'FINAL', p.reporting_text, p.reporting_unit_ids,
       NULL, p.recipient_id, p.via_unit_id, '[]', p.indicator_set_code, p.due_at, p.due_text, p.due_rule,
       p.due_resolution
FROM plan p
WHERE p.reporting_text IS NOT NULL OR p.reporting_unit_ids <> '[]' OR p.recipient_id IS NOT NULL
   OR p.indicator_set_code IS NOT NULL OR p.due_at IS NOT NULL OR p.due_rule IS NOT NULL OR p.due_text IS NOT NULL;

ALTER TABLE plan DROP COLUMN reporting_text, DROP COLUMN reporting_unit_ids, DROP COLUMN recipient_id,
    DROP COLUMN via_unit_id, DROP COLUMN indicator_set_code, DROP COLUMN due_at, DROP COLUMN due_text,
    DROP COLUMN due_rule, DROP COLUMN due_resolution;

-- An obligation belongs to the requirement that gave it, and is of its kind. A requirement
-- removed by an amendment leaves its cancelled obligations without one. consolidates marks the
-- report up of a unit that itself receives reports under a plan implementing this one: its
-- figures are the consolidation of what it received and its own.
ALTER TABLE obligation ADD COLUMN requirement_id UUID REFERENCES reporting_requirement (id) ON DELETE SET NULL;
ALTER TABLE obligation ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'FINAL';
ALTER TABLE obligation ADD COLUMN consolidates BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE obligation ADD CONSTRAINT obligation_kind CHECK (kind IN ('INTERIM', 'FINAL'));
UPDATE obligation o SET requirement_id = r.id FROM reporting_requirement r WHERE r.plan_id = o.plan_id;
ALTER TABLE obligation DROP CONSTRAINT obligation_once;
ALTER TABLE obligation ADD CONSTRAINT obligation_once UNIQUE (requirement_id, original_unit_id);
CREATE INDEX obligation_plan ON obligation (plan_id);
CREATE INDEX obligation_recipient ON obligation (recipient_id) WHERE status = 'OPEN';
