-- Standing plans: some units issue a plan that applies every year until replaced, with no
-- campaign of its own and a validity instead. It is applied to each campaign that starts inside
-- its validity: its obligations are created for that campaign, with its deadline rules resolved
-- in that campaign's year. An obligation therefore names its campaign itself.
ALTER TABLE plan ALTER COLUMN campaign_id DROP NOT NULL;
ALTER TABLE plan ALTER COLUMN year DROP NOT NULL;
ALTER TABLE plan ALTER COLUMN period_start DROP NOT NULL;
ALTER TABLE plan ALTER COLUMN period_end DROP NOT NULL;
ALTER TABLE plan ADD COLUMN valid_from DATE;
ALTER TABLE plan ADD COLUMN valid_to DATE;
ALTER TABLE plan ADD CONSTRAINT plan_campaign_or_standing CHECK (
    (campaign_id IS NOT NULL AND year IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL
     AND valid_from IS NULL AND valid_to IS NULL)
    OR (campaign_id IS NULL AND year IS NULL AND valid_from IS NOT NULL AND (valid_to IS NULL OR valid_to > valid_from)));
CREATE INDEX plan_standing ON plan (valid_from) WHERE campaign_id IS NULL;

ALTER TABLE obligation ADD COLUMN campaign_id UUID REFERENCES campaign (id);
UPDATE obligation o SET campaign_id = p.campaign_id FROM plan p WHERE p.id = o.plan_id;
ALTER TABLE obligation ALTER COLUMN campaign_id SET NOT NULL;
ALTER TABLE obligation DROP CONSTRAINT obligation_once;
ALTER TABLE obligation ADD CONSTRAINT obligation_once UNIQUE (requirement_id, campaign_id, original_unit_id);
