import { requireApiUser } from "@/lib/auth/guards";
import { invoiceDownload } from "@/lib/billing/download";
import { errorResponse } from "@/lib/http/errors";

/** Any issued invoice as a PDF, for the coach; noted in the client's access log. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const coach = await requireApiUser("coach");
    const { id } = await params;
    return await invoiceDownload({ kind: "coach", coach }, id);
  } catch (error) {
    return errorResponse(error);
  }
}
