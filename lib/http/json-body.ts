import type { NextRequest } from "next/server";
import { AppError } from "./errors";

/** Reads a JSON request body of at most `maxBytes`; anything else is a 4xx, never a 500. */
export async function readJson(request: NextRequest, maxBytes = 16_384): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) throw new AppError("invalid", "Expected a JSON body (Content-Type: application/json).", { issues: [] });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", "The request body is too large.");
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", "The request body is too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The body is not valid JSON.", { issues: [] });
  }
}
