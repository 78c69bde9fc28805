-- notification-service: its copy of every reporting obligation, the reminder policy overrides,
-- each unit's channels, and every notification with its delivery attempts.

-- One row per obligation (plan-service's ObligationCreated/Changed/Cancelled), with the state of
-- its report (report-service's ReportSubmitted/Returned/Approved). A report event may arrive
-- before its obligation: the row is then created from the report event and completed later.
CREATE TABLE deadline (
    obligation_id      UUID         PRIMARY KEY,
    plan_id            UUID         NOT NULL,
    plan_number        VARCHAR(100),
    plan_title         TEXT,
    campaign_id        UUID,
    unit_id            UUID         NOT NULL,
    recipient_id       UUID         NOT NULL,
    due_at             TIMESTAMPTZ  NOT NULL,
    -- OPEN or CANCELLED (from plan-service)
    obligation_status  VARCHAR(20)  NOT NULL,
    obligation_version BIGINT       NOT NULL,
    -- NONE, SUBMITTED, RETURNED or APPROVED (from report-service)
    report_status      VARCHAR(20)  NOT NULL,
    report_revision    INT          NOT NULL,
    submitted_at       TIMESTAMPTZ,
    -- Reminder steps with a moment up to here have been planned (or deliberately passed over).
    planned_until      TIMESTAMPTZ  NOT NULL,
    -- The next step's moment; NULL when nothing more will be sent (met, cancelled, policy done).
    next_step_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT deadline_obligation_status CHECK (obligation_status IN ('OPEN', 'CANCELLED')),
    CONSTRAINT deadline_report_status CHECK (report_status IN ('NONE', 'SUBMITTED', 'RETURNED', 'APPROVED'))
);

-- The scheduler's work list: only rows with a next step are indexed.
CREATE INDEX deadline_next_step ON deadline (next_step_at) WHERE next_step_at IS NOT NULL;
CREATE INDEX deadline_unit ON deadline (unit_id, due_at);
CREATE INDEX deadline_plan_recipient ON deadline (plan_id, recipient_id);
CREATE INDEX deadline_campaign ON deadline (campaign_id);

-- A campaign's own reminder policy; campaigns without a row use the configured default.
CREATE TABLE reminder_policy (
    campaign_id           UUID         PRIMARY KEY,
    reminder_days_before  VARCHAR(100) NOT NULL,
    at_due                BOOLEAN      NOT NULL,
    overdue_days_after    VARCHAR(100) NOT NULL,
    escalation_days_after INT,
    version               BIGINT       NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    updated_by            VARCHAR(200) NOT NULL
);

-- A unit's email addresses and webhooks (its inbox always exists and has no row).
CREATE TABLE channel (
    id          UUID          PRIMARY KEY,
    unit_id     UUID          NOT NULL,
    type        VARCHAR(20)   NOT NULL,
    address     VARCHAR(2000) NOT NULL,
    -- HMAC-SHA256 key of a webhook; shown once, when the webhook is created
    secret      VARCHAR(200),
    -- comma-separated notification kinds; NULL for all kinds
    kinds       VARCHAR(500),
    active      BOOLEAN       NOT NULL,
    version     BIGINT        NOT NULL,
    -- the Idempotency-Key of the POST that created it: a retried POST gets the same answer
    idempotency_key VARCHAR(200),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT channel_type CHECK (type IN ('EMAIL', 'WEBHOOK')),
    CONSTRAINT channel_unique_address UNIQUE (unit_id, type, address),
    CONSTRAINT channel_idempotency UNIQUE (unit_id, idempotency_key)
);

CREATE INDEX channel_unit ON channel (unit_id);

-- One row per notice and channel target. dedupe_key is the arbiter of "sent once": whoever
-- inserts it first (consumer, scheduler, any replica) owns it; every later attempt is a no-op.
CREATE TABLE notification (
    id              UUID          PRIMARY KEY,
    dedupe_key      VARCHAR(400)  NOT NULL,
    unit_id         UUID          NOT NULL,
    channel         VARCHAR(20)   NOT NULL,
    channel_id      UUID,
    target          VARCHAR(2000),
    kind            VARCHAR(30)   NOT NULL,
    obligation_id   UUID,
    plan_id         UUID,
    subject         TEXT          NOT NULL,
    body            TEXT          NOT NULL,
    link            VARCHAR(2000),
    -- PENDING -> SENDING (claimed) -> SENT | PENDING (retry) | FAILED; CANCELLED when no longer needed
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    -- PENDING: when to try (again); SENDING: when the claim lapses (the claimer died) and
    -- another dispatcher may take the row over
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    read_at         TIMESTAMPTZ,
    CONSTRAINT notification_dedupe UNIQUE (dedupe_key),
    CONSTRAINT notification_channel CHECK (channel IN ('INBOX', 'EMAIL', 'WEBHOOK')),
    CONSTRAINT notification_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'))
);

CREATE INDEX notification_inbox ON notification (unit_id, created_at DESC) WHERE channel = 'INBOX';
CREATE INDEX notification_unit ON notification (unit_id, status);
CREATE INDEX notification_obligation ON notification (obligation_id) WHERE obligation_id IS NOT NULL;
-- The dispatcher's work list.
CREATE INDEX notification_waiting ON notification (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');

-- The delivery log: every attempt to send a notification, and how it went.
CREATE TABLE delivery_attempt (
    id              UUID          PRIMARY KEY,
    notification_id UUID          NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    attempt         INT           NOT NULL,
    attempted_at    TIMESTAMPTZ   NOT NULL,
    succeeded       BOOLEAN       NOT NULL,
    http_status     INT,
    error           TEXT
);

CREATE INDEX delivery_attempt_notification ON delivery_attempt (notification_id, attempt);
