import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/guards";
import { taxExportFileName, taxExportPeriod, taxExportZip } from "@/lib/billing/tax-export";
import { errorResponse } from "@/lib/http/errors";

/** The PDFs of the period's invoices and cancellation invoices as one ZIP for the tax advisor. */
export async function GET(request: NextRequest) {
  try {
    await requireApiUser("coach");
    const period = taxExportPeriod(request.nextUrl.searchParams);
    return new Response(await taxExportZip(period), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${taxExportFileName(period, "zip")}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
