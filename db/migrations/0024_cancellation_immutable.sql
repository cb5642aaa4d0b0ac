-- A version of the cancellation policy is what clients agreed to: never changed or deleted (a
-- change is a new version). An acceptance keeps the text as accepted: never changed; it goes only
-- with the account (cascade). Reuses refuse_append_only_change() of 0017_billing_immutable.
CREATE TRIGGER cancellation_policies_immutable
  BEFORE UPDATE OR DELETE ON "cancellation_policies"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER cancellation_policies_no_truncate BEFORE TRUNCATE ON "cancellation_policies" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER policy_acceptances_unchanged
  BEFORE UPDATE ON "policy_acceptances"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
