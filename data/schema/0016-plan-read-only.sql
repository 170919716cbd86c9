-- 0016-plan-read-only: a plan the client consented to is a record an
-- inspection reads as it was signed.  The record store refuses every
-- change to it and to its rows (store_plan_guard, store_plan_child_guard);
-- these triggers give the same promise to SQL that passes by it.  What
-- may change after consent: the delivery date (交付日), the monitoring
-- interval the municipality sets, the stage (superseded by a newer
-- version, one version higher) and previous_id (SQLite clears it when
-- the earlier version is deleted).  plan_row.assessment_item_id is a
-- link SQLite clears when the assessment item goes, so it is not checked
-- either.  Inserts and deletes are left to the store: an import inserts
-- a final plan before its rows, and deleting a client deletes all.
-- tables unchanged
CREATE TRIGGER plan_consented_read_only BEFORE UPDATE ON plan
WHEN OLD.stage <> 'draft' AND (
	(NEW.stage <> OLD.stage AND NEW.stage <> 'superseded')
	OR NEW.client_id IS NOT OLD.client_id
	OR NEW.written_on IS NOT OLD.written_on
	OR NEW.consented_on IS NOT OLD.consented_on
	OR NEW.period_from IS NOT OLD.period_from
	OR NEW.period_to IS NOT OLD.period_to
	OR NEW.anchor_month IS NOT OLD.anchor_month
	OR NEW.wishes IS NOT OLD.wishes
	OR NEW.policy IS NOT OLD.policy
	OR NEW.long_goal IS NOT OLD.long_goal
	OR NEW.short_goal IS NOT OLD.short_goal
	OR NEW.daily_activities IS NOT OLD.daily_activities
	OR NEW.overall_picture IS NOT OLD.overall_picture
	OR NEW.remarks IS NOT OLD.remarks)
BEGIN
	SELECT RAISE(ABORT, 'a consented plan is read-only; start a new version');
END;

CREATE TRIGGER plan_row_consented_read_only BEFORE UPDATE ON plan_row
WHEN EXISTS (SELECT 1 FROM plan WHERE id IN (OLD.plan_id, NEW.plan_id) AND stage <> 'draft') AND (
	NEW.plan_id IS NOT OLD.plan_id
	OR NEW.priority IS NOT OLD.priority
	OR NEW.need IS NOT OLD.need
	OR NEW.goal IS NOT OLD.goal
	OR NEW.target_on IS NOT OLD.target_on
	OR NEW.service_kind IS NOT OLD.service_kind
	OR NEW.service_detail IS NOT OLD.service_detail
	OR NEW.service_amount IS NOT OLD.service_amount
	OR NEW.provider IS NOT OLD.provider
	OR NEW.client_role IS NOT OLD.client_role
	OR NEW.review_on IS NOT OLD.review_on
	OR NEW.remarks IS NOT OLD.remarks)
BEGIN
	SELECT RAISE(ABORT, 'a consented plan is read-only; start a new version');
END;

CREATE TRIGGER weekly_slot_consented_read_only BEFORE UPDATE ON weekly_slot
WHEN EXISTS (SELECT 1 FROM plan WHERE id IN (OLD.plan_id, NEW.plan_id) AND stage <> 'draft')
BEGIN
	SELECT RAISE(ABORT, 'a consented plan is read-only; start a new version');
END;

CREATE TRIGGER non_weekly_consented_read_only BEFORE UPDATE ON non_weekly
WHEN EXISTS (SELECT 1 FROM plan WHERE id IN (OLD.plan_id, NEW.plan_id) AND stage <> 'draft')
BEGIN
	SELECT RAISE(ABORT, 'a consented plan is read-only; start a new version');
END;
