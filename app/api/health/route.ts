import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { db } from "@/db";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Liveness with one query: 503 when the database cannot be reached within two seconds. */
export async function GET() {
  try {
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 2000)),
    ]);
    return NextResponse.json({ status: "ok", db: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return NextResponse.json(
      { status: "error", db: "error" },
      { status: 503, headers: { "cache-control": "no-store", "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    );
  }
}
