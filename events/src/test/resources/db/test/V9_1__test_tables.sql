CREATE TABLE widget (
    id   UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE applied_event (
    id        BIGSERIAL PRIMARY KEY,
    event_id  VARCHAR(200) NOT NULL,
    record_key VARCHAR(200) NOT NULL
);
