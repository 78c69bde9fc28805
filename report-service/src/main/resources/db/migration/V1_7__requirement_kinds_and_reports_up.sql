-- A plan may ask for an interim report and a final one: only final reports add to totals and
-- completeness. Units named in copy (đồng gửi) read the reports. An obligation that
-- consolidates is a unit's report up of what it received under plans implementing the plan and
-- its own: on submission the consolidated figures it sends are frozen with it (sent_figures).
ALTER TABLE obligation_replica ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'FINAL';
ALTER TABLE obligation_replica ADD COLUMN copy_to_unit_ids UUID[] NOT NULL DEFAULT '{}';
ALTER TABLE obligation_replica ADD COLUMN consolidates BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE report ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'FINAL';
ALTER TABLE report ADD COLUMN sent_figures TEXT;
ALTER TABLE report ADD COLUMN sent_at TIMESTAMPTZ;
