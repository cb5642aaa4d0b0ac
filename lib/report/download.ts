import { openClientRecord } from "@/lib/clients/coach-view";
import { loadPracticeSettings } from "@/lib/settings/queries";
import { todayIn } from "@/lib/time/zone";
import { db as defaultDb, type Db } from "@/db";
import { loadReportData } from "./data";
import { reportFileName, reportPeriod } from "./period";
import { renderReport } from "./render";

/** How the PDF is served: a download, never kept by a cache or a proxy. */
export function pdfResponse(pdf: Buffer, today: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${reportFileName(today)}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * The report of the signed-in client (`clientId` is the session's, never from the request), or of
 * a client for the coach, which writes a row to that client's access log first. Period errors
 * are AppErrors (400) before anything is read; an unknown client is not_found (404).
 */
export async function reportDownload(
  who:
    | { kind: "client"; clientId: string }
    | { kind: "coach"; coach: { id: string; name?: string | null; email?: string | null }; clientId: string },
  query: URLSearchParams,
  db: Db = defaultDb,
): Promise<Response> {
  const settings = await loadPracticeSettings(db);
  const today = todayIn(settings.timeZone);
  const period = reportPeriod(query, today);
  if (who.kind === "coach") await openClientRecord(who.coach, who.clientId, "Bericht für die Ärztin oder den Arzt (PDF)", db);
  const data = await loadReportData(who.clientId, period, today, db);
  return pdfResponse(await renderReport(data), today);
}
