-- The consolidating unit a report passes through ("qua Sở Lao động - Thương binh và Xã hội"): it
-- acts for the recipient (reads its figures and completeness for the plan, approves and returns).
ALTER TABLE obligation_replica ADD COLUMN via_unit_id UUID;
CREATE INDEX obligation_replica_via ON obligation_replica (via_unit_id, plan_id, recipient_id) WHERE via_unit_id IS NOT NULL;
