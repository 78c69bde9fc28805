-- Completeness counts a received report where its frozen path puts it: a subtree is a prefix
-- match on the frozen path, so the ministry's publisher and API reads stay index range scans
-- for a province or district instead of scanning every report of the country.
CREATE INDEX report_frozen_path ON report (frozen_path text_pattern_ops) WHERE frozen_path IS NOT NULL;
