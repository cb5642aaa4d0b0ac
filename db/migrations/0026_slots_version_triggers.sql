-- The change counter of the free slots (availability_versions) starts at this database's creation
-- time in ms, so a recreated database never repeats a number an instance has cached under.
INSERT INTO "availability_versions" ("id", "version")
  VALUES (1, (extract(epoch from clock_timestamp()) * 1000)::bigint)
  ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
-- Bumped once per committing transaction that wrote a table the free slots are made of. Deferred
-- to commit on purpose: a bump at the statement would hold the counter's row lock from a
-- transaction's first write to its commit (booking, move and expiry would queue behind each
-- other, and a booking that wrote before taking its day's lock would deadlock with a move that
-- took that lock before writing). At commit, the lock is held only for the commit itself. The
-- bump commits with the change, so no reader sees the new number with the old rows.
CREATE FUNCTION bump_availability_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('praxis.availability_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE "availability_versions" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('praxis.availability_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER availability_settings_version AFTER INSERT OR UPDATE OR DELETE ON "availability_settings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER availability_overrides_version AFTER INSERT OR UPDATE OR DELETE ON "availability_overrides"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER appointments_version AFTER INSERT OR UPDATE OR DELETE ON "appointments"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER calendar_busy_version AFTER INSERT OR UPDATE OR DELETE ON "calendar_busy"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
-- Which calendars count as busy (calendar_calendars.busy) decides which busy times apply.
CREATE CONSTRAINT TRIGGER calendar_calendars_version AFTER INSERT OR UPDATE OR DELETE ON "calendar_calendars"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER practice_settings_version AFTER INSERT OR UPDATE OR DELETE ON "practice_settings"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_availability_version();
--> statement-breakpoint
-- TRUNCATE has no row triggers; it locks the whole table anyway, so it bumps at once.
CREATE FUNCTION bump_availability_version_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "availability_versions" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER availability_settings_version_truncate AFTER TRUNCATE ON "availability_settings" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
--> statement-breakpoint
CREATE TRIGGER availability_overrides_version_truncate AFTER TRUNCATE ON "availability_overrides" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
--> statement-breakpoint
CREATE TRIGGER appointments_version_truncate AFTER TRUNCATE ON "appointments" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
--> statement-breakpoint
CREATE TRIGGER calendar_busy_version_truncate AFTER TRUNCATE ON "calendar_busy" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
--> statement-breakpoint
CREATE TRIGGER calendar_calendars_version_truncate AFTER TRUNCATE ON "calendar_calendars" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
--> statement-breakpoint
CREATE TRIGGER practice_settings_version_truncate AFTER TRUNCATE ON "practice_settings" FOR EACH STATEMENT EXECUTE FUNCTION bump_availability_version_now();
