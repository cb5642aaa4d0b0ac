import { NextRequest } from "next/server";
import { AppError } from "@/lib/http/errors";
import { readLimitedBytes } from "@/lib/http/limited-body";

/**
 * The most a POST to Auth.js may carry. Its forms hold an address, a CSRF token and a return
 * address: a few hundred bytes. Without a limit Auth.js read any body whole (150 MB was accepted).
 */
const AUTH_BODY_LIMIT_BYTES = 8 * 1024;

const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * Reads a POST meant for Auth.js as a plain form, with a limit while it streams in, and refuses
 * anything Auth.js would read another way than our sign-in limit does: Auth.js also parses JSON
 * (any content type that merely contains "application/json"), and of a field sent twice it keeps
 * the last one. Returns the fields and the request rebuilt from the bytes read, for handlers.POST.
 */
export async function readAuthForm(request: NextRequest): Promise<{ form: URLSearchParams; forward: NextRequest }> {
  const bytes = await readLimitedBytes(request, AUTH_BODY_LIMIT_BYTES);
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== FORM_TYPE) throw new AppError("invalid", "Expected a form (Content-Type: application/x-www-form-urlencoded).", { issues: [] });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", "The form is not valid UTF-8.", { issues: [] });
  }
  const form = new URLSearchParams(text);
  const names = [...form.keys()];
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new AppError("invalid", "Each field may be sent once.", { issues: [{ path: [repeated], message: "sent more than once" }] });

  const headers = new Headers(request.headers);
  // Exactly the type we checked, so that Auth.js reads the same fields we did.
  headers.set("content-type", FORM_TYPE);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  const forward = new NextRequest(request.url, { method: "POST", headers, body: form.toString() });
  return { form, forward };
}
