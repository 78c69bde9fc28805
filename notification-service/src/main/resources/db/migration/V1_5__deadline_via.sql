-- The consolidating unit a report passes through ("qua Sở Lao động - Thương binh và Xã hội"): it
-- acts for the recipient, so it hears the escalations and the all-children-reported notice too.
ALTER TABLE deadline ADD COLUMN via_unit_id UUID;
