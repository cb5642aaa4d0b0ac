import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { taxExportCsv, taxExportFileName, taxExportPeriod } from "@/lib/billing/tax-export";
import { errorResponse } from "@/lib/http/errors";

/** The period's invoices, cancellations and payments as CSV for the tax advisor (docs/steuerberatung.md). */
export async function GET(request: NextRequest) {
  try {
    await requireApiUser("coach");
    const period = taxExportPeriod(request.nextUrl.searchParams);
    return new Response(await taxExportCsv(period), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${taxExportFileName(period, "csv")}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
