import { eq } from "drizzle-orm";
import { db as defaultDb, type Db } from "@/db";
import { healthDataViews, users } from "@/db/schema";
import { invoicePdfFileName, loadIssuedInvoice, renderInvoicePdf } from "./pdf";

/** The PDF as a download, never kept by a cache or a proxy. */
function invoicePdfResponse(pdf: Buffer, number: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${invoicePdfFileName(number)}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * An issued invoice's PDF: the signed-in client's own (`clientId` is the session's; anyone
 * else's invoice, a draft, an unknown or malformed id are all not_found, 404), or any issued
 * invoice for the coach, which notes the view in the client's access log while the account exists
 * (after an account's deletion the invoice is kept and nothing is left to log against).
 */
export async function invoiceDownload(
  who: { kind: "client"; clientId: string } | { kind: "coach"; coach: { id: string; name?: string | null; email?: string | null } },
  invoiceId: string,
  db: Db = defaultDb,
): Promise<Response> {
  const { invoice, lines, cancelsNumber } = await loadIssuedInvoice(invoiceId, db, who.kind === "client" ? { clientId: who.clientId } : {});
  if (who.kind === "coach") {
    const [client] = await db.select({ id: users.id }).from(users).where(eq(users.id, invoice.clientId));
    if (client)
      await db.insert(healthDataViews).values({
        clientId: client.id,
        viewerId: who.coach.id,
        viewerName: who.coach.name || who.coach.email || "Coach",
        what: `Rechnung ${invoice.number} (PDF)`,
      });
  }
  return invoicePdfResponse(await renderInvoicePdf(invoice, lines, { cancelsNumber }), invoice.number!);
}
