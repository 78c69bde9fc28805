-- Deadlines by rule. Many plans say "báo cáo … theo quy định" or "trước ngày … hằng năm" without a
-- date of their own: the deadline then comes from a rule, resolved when the plan is written and
-- recorded with what gave it. A campaign may give a default deadline for such plans.
ALTER TABLE campaign ADD COLUMN default_due_date DATE;
ALTER TABLE plan ADD COLUMN due_rule JSONB;
ALTER TABLE plan ADD COLUMN due_resolution VARCHAR(500);
