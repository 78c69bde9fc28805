-- Rules have a severity: errors refuse a plan, warnings are answered with it and kept on it, so
-- that the official and whoever reads the plan later see them (field and message).
ALTER TABLE plan ADD COLUMN warnings JSONB NOT NULL DEFAULT '[]';
