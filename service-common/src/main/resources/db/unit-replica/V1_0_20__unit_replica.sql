-- A read-only copy of plan-service's reporting tree, built from the plan.units.v1 topic.
-- A service that needs it adds classpath:db/unit-replica to quarkus.flyway.locations and sets
-- units.replica.enabled=true.

CREATE TABLE unit_replica (
    id             UUID         PRIMARY KEY,
    kind           VARCHAR(30)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    short_name     VARCHAR(200),
    admin_code     VARCHAR(20),
    agency_code    VARCHAR(35),
    parent_id      UUID,
    -- '/<root id>/…/<parent id>/<id>/': a subtree is a prefix match
    path           TEXT         NOT NULL,
    depth          INT          NOT NULL,
    retired        BOOLEAN      NOT NULL,
    valid_from     DATE,
    valid_to       DATE,
    parent_history TEXT         NOT NULL,
    version        BIGINT       NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX unit_replica_path ON unit_replica (path text_pattern_ops);
CREATE INDEX unit_replica_parent ON unit_replica (parent_id);
CREATE INDEX unit_replica_admin_code ON unit_replica (admin_code);
