-- An issued invoice is immutable (GoBD; § 14 UStG): the database, not only the code, refuses to
-- change or delete it or its lines. A draft may change and be deleted; the one change an invoice
-- ever gets is the step from draft to issued. Corrections are cancellation invoices.
CREATE OR REPLACE FUNCTION refuse_issued_invoice_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'issued' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'invoice % is issued and cannot be changed', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable_once_issued
  BEFORE UPDATE OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_issued_invoice_line_change() RETURNS trigger AS $$
DECLARE
  parent_status text;
BEGIN
  -- FOR SHARE waits for a transaction that is issuing the invoice right now, then sees its status.
  SELECT status INTO parent_status FROM "invoices"
    WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END FOR SHARE;
  IF parent_status = 'issued' THEN
    RAISE EXCEPTION 'the lines of an issued invoice cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.invoice_id <> OLD.invoice_id THEN
    SELECT status INTO parent_status FROM "invoices" WHERE id = NEW.invoice_id FOR SHARE;
    IF parent_status = 'issued' THEN
      RAISE EXCEPTION 'the lines of an issued invoice cannot be changed' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable_once_issued
  BEFORE INSERT OR UPDATE OR DELETE ON "invoice_lines"
  FOR EACH ROW EXECUTE FUNCTION refuse_issued_invoice_line_change();
--> statement-breakpoint
-- Payments and the events after issue (reminder sent, processing restricted) belong to the books
-- as well: recorded once, never changed or deleted.
CREATE OR REPLACE FUNCTION refuse_append_only_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_append_only
  BEFORE UPDATE OR DELETE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER invoice_events_append_only
  BEFORE UPDATE OR DELETE ON "invoice_events"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
-- TRUNCATE fires no row trigger: refuse it on every table of the books.
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_no_truncate BEFORE TRUNCATE ON "invoice_lines" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON "payments" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
--> statement-breakpoint
CREATE TRIGGER invoice_events_no_truncate BEFORE TRUNCATE ON "invoice_events" FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
