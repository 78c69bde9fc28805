-- Campaigns, the plans units issue for them, their revision history and the reporting
-- obligations a published plan creates. Structured parts of a plan that are only ever read
-- with the plan (messages, activities, assignments, recipients...) are jsonb.

CREATE TABLE campaign (
    id           UUID         PRIMARY KEY,
    name         VARCHAR(300) NOT NULL,
    year         INTEGER      NOT NULL,
    theme        VARCHAR(500) NOT NULL,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    messages     JSONB        NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX campaign_year ON campaign (year);

CREATE TABLE plan (
    id                  UUID         PRIMARY KEY,
    number              VARCHAR(100),
    title               VARCHAR(1000) NOT NULL,
    issuer_id           UUID         NOT NULL REFERENCES org_unit (id),
    issue_date          DATE,
    issue_place         VARCHAR(200),
    date_line           VARCHAR(300),
    campaign_id         UUID         NOT NULL REFERENCES campaign (id),
    year                INTEGER      NOT NULL,
    basis_plan_id       UUID         REFERENCES plan (id),
    basis_documents     JSONB        NOT NULL,
    theme               VARCHAR(500),
    period_start        DATE         NOT NULL,
    period_end          DATE         NOT NULL,
    objectives          TEXT,
    requirements        TEXT,
    messages            JSONB        NOT NULL,
    activities          JSONB        NOT NULL,
    assignments         JSONB        NOT NULL,
    -- the reporting requirement (chế độ báo cáo): who reports, to whom, through whom, by when
    reporting_text      TEXT,
    reporting_unit_ids  JSONB        NOT NULL,
    recipient_id        UUID         REFERENCES org_unit (id),
    via_unit_id         UUID         REFERENCES org_unit (id),
    indicator_set_code  VARCHAR(100),
    due_at              TIMESTAMPTZ,
    due_text            VARCHAR(200),
    recipients          JSONB        NOT NULL,
    signer_name         VARCHAR(200),
    signer_title        VARCHAR(300),
    status              VARCHAR(20)  NOT NULL,
    revision            INTEGER      NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT plan_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED'))
);
CREATE INDEX plan_issuer ON plan (issuer_id);
CREATE INDEX plan_campaign ON plan (campaign_id);
CREATE INDEX plan_basis ON plan (basis_plan_id);
CREATE INDEX plan_number ON plan (number);
CREATE INDEX plan_year_status ON plan (year, status);

-- One row per recorded change of a plan: what it became, why and by whom.
CREATE TABLE plan_revision (
    id         UUID         PRIMARY KEY,
    plan_id    UUID         NOT NULL REFERENCES plan (id),
    revision   INTEGER      NOT NULL,
    action     VARCHAR(20)  NOT NULL,
    reason     VARCHAR(1000),
    actor      VARCHAR(200) NOT NULL,
    at         TIMESTAMPTZ  NOT NULL,
    snapshot   JSONB        NOT NULL,
    CONSTRAINT plan_revision_action CHECK (action IN ('CREATED', 'EDITED', 'PUBLISHED', 'AMENDED', 'CLOSED'))
);
CREATE INDEX plan_revision_plan ON plan_revision (plan_id, at);

CREATE TABLE obligation (
    id                 UUID         PRIMARY KEY,
    plan_id            UUID         NOT NULL REFERENCES plan (id),
    unit_id            UUID         NOT NULL REFERENCES org_unit (id),
    recipient_id       UUID         NOT NULL REFERENCES org_unit (id),
    via_unit_id        UUID         REFERENCES org_unit (id),
    indicator_set_code VARCHAR(100) NOT NULL,
    due_at             TIMESTAMPTZ  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    version            BIGINT       NOT NULL,
    CONSTRAINT obligation_status CHECK (status IN ('OPEN', 'CANCELLED')),
    CONSTRAINT obligation_once UNIQUE (plan_id, unit_id)
);
CREATE INDEX obligation_unit ON obligation (unit_id);
