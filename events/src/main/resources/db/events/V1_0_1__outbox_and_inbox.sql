-- The transactional outbox and the consumer inbox every service shares.
-- A service adds classpath:db/events to quarkus.flyway.locations; versions 1.0.x are reserved here.

CREATE TABLE outbox_event (
    seq          BIGSERIAL    PRIMARY KEY,
    id           UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    record_key   VARCHAR(200) NOT NULL,
    type         VARCHAR(100) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    subject      VARCHAR(200),
    occurred_at  TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL,
    published_at TIMESTAMPTZ
);

-- The relay reads only what is waiting, in commit order.
CREATE INDEX outbox_event_waiting ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE inbox_event (
    consumer    VARCHAR(100) NOT NULL,
    event_id    VARCHAR(200) NOT NULL,
    topic       VARCHAR(200) NOT NULL,
    type        VARCHAR(100),
    outcome     VARCHAR(20)  NOT NULL DEFAULT 'APPLIED',
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id),
    CONSTRAINT inbox_event_outcome CHECK (outcome IN ('APPLIED', 'DEAD_LETTERED'))
);
