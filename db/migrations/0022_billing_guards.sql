-- Guards found missing in an attacker's review of the books (tests/integration/billing-attacks.test.ts).
-- The database, not only lib/billing, makes sure that an invoice is issued only with the next number of
-- its year, that the counter only ever counts up by one, that payments go to issued invoices (not to a
-- draft or a cancellation invoice), and that what an issued invoice bills stays claimed until a
-- cancellation invoice refers to it.

-- An invoice is born a draft; it becomes issued only by the step that takes the next number.
CREATE OR REPLACE FUNCTION invoice_issued_with_next_number() RETURNS trigger AS $$
DECLARE
  counter integer;
  expected text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'issued' THEN
      RAISE EXCEPTION 'an invoice is inserted as a draft and then issued' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'draft' AND NEW.status = 'issued' THEN
    -- The issuing transaction has just raised the counter and holds its row lock.
    SELECT last INTO counter FROM "invoice_counters" WHERE year = NEW.year;
    -- As lib/billing/numbering.ts formats it: "2027-0001", past 9999 simply longer.
    expected := NEW.year::text || '-' || (CASE WHEN NEW.sequence < 10000 THEN lpad(NEW.sequence::text, 4, '0') ELSE NEW.sequence::text END);
    IF counter IS NULL OR NEW.sequence IS DISTINCT FROM counter
       OR NEW.year IS DISTINCT FROM extract(year FROM NEW.issue_date)::integer
       OR NEW.number IS DISTINCT FROM expected
    THEN
      RAISE EXCEPTION 'invoice % is not the next number of its year', NEW.number USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_issued_with_next_number
  BEFORE INSERT OR UPDATE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION invoice_issued_with_next_number();
--> statement-breakpoint
-- The counter of a year starts at 1 and only ever goes up by one: set back, it would repeat a number;
-- pushed on or removed, it would skip or restart.
CREATE OR REPLACE FUNCTION invoice_counter_counts_up() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.last = 1 THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND NEW.year = OLD.year AND NEW.last = OLD.last + 1 THEN RETURN NEW; END IF;
  RAISE EXCEPTION 'invoice_counters only count up by one' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_counters_count_up
  BEFORE INSERT OR UPDATE OR DELETE ON "invoice_counters"
  FOR EACH ROW EXECUTE FUNCTION invoice_counter_counts_up();
--> statement-breakpoint
CREATE TRIGGER invoice_counters_no_truncate BEFORE TRUNCATE ON "invoice_counters" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
-- A payment is recorded against an issued invoice, never against a draft or a cancellation invoice.
CREATE OR REPLACE FUNCTION payment_on_issued_invoice() RETURNS trigger AS $$
DECLARE
  target record;
BEGIN
  SELECT status, kind INTO target FROM "invoices" WHERE id = NEW.invoice_id FOR SHARE;
  IF target.status IS DISTINCT FROM 'issued' OR target.kind IS DISTINCT FROM 'invoice' THEN
    RAISE EXCEPTION 'payments are recorded against issued invoices only' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_on_issued_invoices
  BEFORE INSERT ON "payments"
  FOR EACH ROW EXECUTE FUNCTION payment_on_issued_invoice();
--> statement-breakpoint
-- A claim ("this session is billed") is never changed, and goes only when a cancellation invoice
-- refers to its invoice (lib/billing/issue.ts cancelInvoice inserts the cancellation first).
CREATE OR REPLACE FUNCTION billing_claim_released_by_cancellation() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM "invoices" WHERE cancels = OLD.invoice_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'a billing claim goes only with a cancellation invoice' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER billing_claims_released_by_cancellation
  BEFORE UPDATE OR DELETE ON "billing_claims"
  FOR EACH ROW EXECUTE FUNCTION billing_claim_released_by_cancellation();
--> statement-breakpoint
CREATE TRIGGER billing_claims_no_truncate BEFORE TRUNCATE ON "billing_claims" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
