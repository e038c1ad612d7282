-- Every offer carries its commission from creation (the default at that moment), so that the
-- administrator sees it while moderating. Offers created before this waited for approval without
-- one: they get the current default.
UPDATE offer SET commission_percent = (
    SELECT default_commission_percent FROM marketplace_settings WHERE id = 1)
WHERE commission_percent IS NULL;
ALTER TABLE offer ALTER COLUMN commission_percent SET NOT NULL;
