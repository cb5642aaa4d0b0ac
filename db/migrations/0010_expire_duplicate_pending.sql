-- Before one email address may hold only one pending consultation (unique index in the next
-- migration): requests past their hold become expired (they hold nothing already), and of several
-- pending consultations for one address only the newest stays pending.
UPDATE "appointments" SET "status" = 'expired', "updated_at" = now()
  WHERE "status" = 'pending' AND "pending_expires_at" <= now();
--> statement-breakpoint
UPDATE "appointments" AS a SET "status" = 'expired', "updated_at" = now()
  WHERE a."kind" = 'consultation' AND a."status" = 'pending'
    AND EXISTS (
      SELECT 1 FROM "appointments" AS b
      WHERE b."kind" = 'consultation' AND b."status" = 'pending' AND b."email" = a."email"
        AND (b."created_at", b."id") > (a."created_at", a."id")
    );
--> statement-breakpoint
-- The old default held a slot for two hours; the new one holds it for 30 minutes.
UPDATE "availability_settings" SET "confirm_window_minutes" = 30 WHERE "confirm_window_minutes" = 120;
