import { requireApiUser } from "@/lib/auth/guards";
import { invoiceDownload } from "@/lib/billing/download";
import { errorResponse } from "@/lib/http/errors";

/** The signed-in client's own issued invoice as a PDF; anyone else's id is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser("client");
    const { id } = await params;
    return await invoiceDownload({ kind: "client", clientId: user.id }, id);
  } catch (error) {
    return errorResponse(error);
  }
}
