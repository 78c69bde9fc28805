-- The consolidated figures of a (unit, scope) become one row holding every indicator as the
-- element of four vectors, at the indicator's slot. A report then moves one row per level and
-- scope instead of one per indicator as well (a twenty-fourth of the rows written, updated and
-- vacuumed), and reading a unit's figures is one indexed row. version counts the row's changes:
-- with the indicator set's version it makes the ETag of the figures.

-- Each indicator code's position in the vectors (1-based, as SQL arrays are); never renumbered.
CREATE TABLE indicator_slot (
    slot           INT         PRIMARY KEY,
    indicator_code VARCHAR(60) NOT NULL UNIQUE
);

INSERT INTO indicator_slot (slot, indicator_code)
SELECT row_number() OVER (ORDER BY indicator_code), indicator_code
FROM (SELECT DISTINCT indicator_code FROM consolidation) AS codes;

-- own_* is the unit's own reports, total_* adds its (frozen) subtree; *_submitted counts
-- submitted and approved reports, *_approved approved ones only. A vector may be shorter than the
-- number of slots: missing elements are 0.
CREATE TABLE consolidated_figures (
    unit_id         UUID        NOT NULL,
    scope_id        UUID        NOT NULL,
    own_submitted   BIGINT[]    NOT NULL,
    total_submitted BIGINT[]    NOT NULL,
    own_approved    BIGINT[]    NOT NULL,
    total_approved  BIGINT[]    NOT NULL,
    version         BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_id, scope_id)
);

-- Figures as now read every unit's own figures of one scope.
CREATE INDEX consolidated_figures_scope ON consolidated_figures (scope_id);

-- Element-wise a + b, the shorter padded with zeros (unnest of two arrays pads with NULL).
CREATE FUNCTION add_vectors(a BIGINT[], b BIGINT[]) RETURNS BIGINT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY n), '{}')
    FROM unnest(a, b) WITH ORDINALITY AS t(x, y, n)
$$;

INSERT INTO consolidated_figures (unit_id, scope_id, own_submitted, total_submitted, own_approved, total_approved,
                                  version, updated_at)
SELECT p.unit_id, p.scope_id,
       ARRAY(SELECT coalesce(c.own_submitted, 0) FROM indicator_slot s LEFT JOIN consolidation c
             ON c.unit_id = p.unit_id AND c.scope_id = p.scope_id AND c.indicator_code = s.indicator_code ORDER BY s.slot),
       ARRAY(SELECT coalesce(c.total_submitted, 0) FROM indicator_slot s LEFT JOIN consolidation c
             ON c.unit_id = p.unit_id AND c.scope_id = p.scope_id AND c.indicator_code = s.indicator_code ORDER BY s.slot),
       ARRAY(SELECT coalesce(c.own_approved, 0) FROM indicator_slot s LEFT JOIN consolidation c
             ON c.unit_id = p.unit_id AND c.scope_id = p.scope_id AND c.indicator_code = s.indicator_code ORDER BY s.slot),
       ARRAY(SELECT coalesce(c.total_approved, 0) FROM indicator_slot s LEFT JOIN consolidation c
             ON c.unit_id = p.unit_id AND c.scope_id = p.scope_id AND c.indicator_code = s.indicator_code ORDER BY s.slot),
       1, p.updated_at
FROM (SELECT unit_id, scope_id, max(updated_at) AS updated_at FROM consolidation GROUP BY unit_id, scope_id) AS p;

DROP TABLE consolidation;
