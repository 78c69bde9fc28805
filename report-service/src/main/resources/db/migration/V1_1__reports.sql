-- report-service: indicator sets, replicas of plan-service's plans and obligations, reports and
-- their revisions, and the consolidated figures built from report events.

-- Indicator sets are versioned: a new version is added when the shipped definition changes;
-- a report keeps the version it was made against.
CREATE TABLE indicator_set (
    code       VARCHAR(30)  NOT NULL,
    version    INT          NOT NULL,
    name       VARCHAR(300) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE indicator (
    set_code    VARCHAR(30)  NOT NULL,
    set_version INT          NOT NULL,
    code        VARCHAR(60)  NOT NULL,
    position    INT          NOT NULL,
    group_code  VARCHAR(60)  NOT NULL,
    name_vi     VARCHAR(300) NOT NULL,
    name_en     VARCHAR(300) NOT NULL,
    unit        VARCHAR(30)  NOT NULL,
    type        VARCHAR(10)  NOT NULL,
    aggregation VARCHAR(12)  NOT NULL,
    PRIMARY KEY (set_code, set_version, code),
    FOREIGN KEY (set_code, set_version) REFERENCES indicator_set (code, version),
    CONSTRAINT indicator_type CHECK (type IN ('integer', 'money', 'boolean', 'text')),
    CONSTRAINT indicator_aggregation CHECK (aggregation IN ('sum', 'count_true', 'none'))
);

-- From plan.plans.v1: enough to walk a plan's basis chain up to the ministry guidance.
CREATE TABLE plan_replica (
    id            UUID         PRIMARY KEY,
    number        VARCHAR(100),
    title         VARCHAR(1000),
    issuer_id     UUID,
    campaign_id   UUID,
    basis_plan_id UUID,
    status        VARCHAR(20)  NOT NULL,
    revision      INT          NOT NULL
);
CREATE INDEX plan_replica_basis ON plan_replica (basis_plan_id);

-- From plan.obligations.v1 (compacted, whole state per event).
CREATE TABLE obligation_replica (
    id                 UUID         PRIMARY KEY,
    plan_id            UUID         NOT NULL,
    plan_number        VARCHAR(100),
    campaign_id        UUID         NOT NULL,
    unit_id            UUID         NOT NULL,
    recipient_id       UUID         NOT NULL,
    indicator_set_code VARCHAR(30),
    due_at             TIMESTAMPTZ  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE INDEX obligation_replica_plan ON obligation_replica (plan_id, status);
CREATE INDEX obligation_replica_campaign ON obligation_replica (campaign_id, status);
CREATE INDEX obligation_replica_unit ON obligation_replica (unit_id);

-- One report per obligation. frozen_path ('/<root>/…/<unit>/') and scope_ids (the plan and its
-- basis chain) are fixed at the first submission: consolidation follows them for good.
CREATE TABLE report (
    id                    UUID          PRIMARY KEY,
    obligation_id         UUID          NOT NULL UNIQUE,
    plan_id               UUID          NOT NULL,
    campaign_id           UUID          NOT NULL,
    unit_id               UUID          NOT NULL,
    recipient_id          UUID          NOT NULL,
    indicator_set_code    VARCHAR(30)   NOT NULL,
    indicator_set_version INT           NOT NULL,
    status                VARCHAR(12)   NOT NULL,
    figures               TEXT          NOT NULL,
    results               TEXT,
    difficulties          TEXT,
    proposals             TEXT,
    revision              INT           NOT NULL,
    due_at                TIMESTAMPTZ   NOT NULL,
    first_submitted_at    TIMESTAMPTZ,
    submitted_at          TIMESTAMPTZ,
    on_time               BOOLEAN,
    return_reason         TEXT,
    approved_at           TIMESTAMPTZ,
    frozen_path           TEXT,
    scope_ids             TEXT,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    updated_by            VARCHAR(200)  NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT report_status CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'))
);
CREATE INDEX report_plan_status ON report (plan_id, status);
CREATE INDEX report_unit ON report (unit_id, status);
CREATE INDEX report_recipient ON report (recipient_id, status);
CREATE INDEX report_campaign ON report (campaign_id);

-- Every change of a report, with who and when: the full history.
CREATE TABLE report_revision (
    id           UUID         PRIMARY KEY,
    report_id    UUID         NOT NULL REFERENCES report (id),
    seq          INT          NOT NULL,
    action       VARCHAR(12)  NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    revision     INT          NOT NULL,
    figures      TEXT         NOT NULL,
    results      TEXT,
    difficulties TEXT,
    proposals    TEXT,
    reason       TEXT,
    on_time      BOOLEAN,
    actor        VARCHAR(200) NOT NULL,
    actor_unit   UUID         NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    UNIQUE (report_id, seq)
);

-- A retried create or submission (same Idempotency-Key) is answered from here instead of
-- being done again.
CREATE TABLE idempotency_key (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    action          VARCHAR(12)  NOT NULL,
    report_id       UUID         NOT NULL REFERENCES report (id),
    revision        INT          NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Consolidation side, written only by the consumer of report.reports.v1.
-- Per report, the state last applied (revision, stage 0 = submitted, 1 = returned/approved)
-- and the figures it contributed: new events move the consolidation by new - old.
CREATE TABLE report_applied (
    report_id UUID        PRIMARY KEY,
    revision  INT         NOT NULL,
    stage     INT         NOT NULL,
    status    VARCHAR(12) NOT NULL,
    figures   TEXT        NOT NULL
);

-- Consolidated value per unit, scope (a plan of the basis chain, or a campaign) and indicator:
-- own_* is the unit's own reports, total_* adds its (frozen) subtree; *_submitted counts
-- submitted and approved reports, *_approved approved ones only.
CREATE TABLE consolidation (
    unit_id         UUID        NOT NULL,
    scope_id        UUID        NOT NULL,
    indicator_code  VARCHAR(60) NOT NULL,
    own_submitted   BIGINT      NOT NULL,
    total_submitted BIGINT      NOT NULL,
    own_approved    BIGINT      NOT NULL,
    total_approved  BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_id, scope_id, indicator_code)
);

-- (unit, plan) pairs whose consolidation moved and whose ConsolidationChanged is not yet out.
CREATE TABLE consolidation_dirty (
    unit_id     UUID        NOT NULL,
    plan_id     UUID        NOT NULL,
    campaign_id UUID        NOT NULL,
    marked_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_id, plan_id)
);
