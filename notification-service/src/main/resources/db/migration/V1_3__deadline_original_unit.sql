-- The unit the plan named, when a reorganisation handed the obligation from it (it ceased) to its
-- successor: reminders to the successor name it ("thay cho Phường Nguyễn Trãi (cũ)").
ALTER TABLE deadline ADD COLUMN original_unit_id UUID;
