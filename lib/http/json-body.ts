import type { NextRequest } from "next/server";
import { AppError } from "./errors";
import { readLimitedText } from "./limited-body";

/** Reads a JSON request body of at most `maxBytes`; anything else is a 4xx, never a 500. */
export async function readJson(request: NextRequest, maxBytes = 16_384): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) throw new AppError("invalid", "Expected a JSON body (Content-Type: application/json).", { issues: [] });
  const text = await readLimitedText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The body is not valid JSON.", { issues: [] });
  }
}
