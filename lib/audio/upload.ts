import { AUDIO_UPLOAD_LIMIT_BYTES } from "@/server/limits.mjs";
import { AppError } from "@/lib/http/errors";
import { refuseCrossOrigin } from "@/lib/http/json-body";
import { readLimitedBytes } from "@/lib/http/limited-body";
import { detectAudioType } from "./detect";
import { saveAudio, type StoredAudio } from "./store";

/**
 * Reads, checks and stores the recording a request carries (the caller checked that the coach
 * asks): from this site only, at most 30 MB while it streams, and only what its first bytes
 * prove to be MP3, M4A, Ogg/Opus, WAV or WebM, whatever Content-Type the browser named.
 */
export async function uploadAudio(request: Request, uploadedBy: string): Promise<StoredAudio> {
  refuseCrossOrigin(request);
  let bytes: Uint8Array;
  try {
    bytes = await readLimitedBytes(request, AUDIO_UPLOAD_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") {
      throw new AppError(
        "payload_too_large",
        "Die Aufnahme ist größer als 30 MB. Bitte kürze sie oder speichere sie mit geringerer Qualität.",
      );
    }
    throw error;
  }
  if (bytes.byteLength === 0) throw new AppError("invalid", "Die Datei ist leer. Bitte wähle eine Aufnahme aus.");
  const type = detectAudioType(bytes);
  if (!type) {
    throw new AppError(
      "unsupported_media_type",
      "Das ist keine Audiodatei, die wir abspielen können. Bitte lade MP3, M4A, Ogg/Opus, WAV oder WebM hoch.",
    );
  }
  return saveAudio(bytes, type, uploadedBy);
}
