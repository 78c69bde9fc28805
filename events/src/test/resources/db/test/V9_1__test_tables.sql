CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE applied_event (
    id        BIGSERIAL PRIMARY KEY,
    event_id  VARCHAR(200) NOT NULL,
    record_key VARCHAR(200) NOT NULL,
    -- what the logging context said while the handler ran
    logged_request_id VARCHAR(100),
    logged_event_id   VARCHAR(200)
);
