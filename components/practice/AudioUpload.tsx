"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";

/** As the upload route takes it (server/limits.mjs): checked here first, so a long file is not sent in vain. */
const MAX_BYTES = 30 * 1024 * 1024;
const ACCEPT =
  "audio/mpeg,audio/mp4,audio/x-m4a,audio/aac,audio/ogg,audio/opus,audio/wav,audio/x-wav,audio/webm,.mp3,.m4a,.ogg,.opus,.wav,.webm";

type Status = { tone: "success" | "danger"; text: string } | null;
const TOO_LARGE = "Die Aufnahme ist größer als 30 MB. Bitte kürze sie oder speichere sie mit geringerer Qualität.";
const FAILED = "Das Hochladen hat nicht geklappt. Bitte versuche es noch einmal.";

/** Sends the file as the body; answers the stored recording's id or throws the server's German message. */
async function sendAudio(file: File): Promise<string> {
  const response = await fetch("/api/audio", {
    method: "POST",
    body: file,
    headers: { "content-type": file.type || "application/octet-stream" },
  });
  const answer = (await response.json().catch(() => ({}))) as { audio?: { id: string }; message?: string };
  if (!response.ok || !answer.audio) throw new Error(answer.message ?? FAILED);
  return answer.audio.id;
}

/**
 * Uploads the coach's own recording to the site (POST /api/audio: checked by its first bytes,
 * at most 30 MB) and puts its id into the exercise form's hidden `audioId` field; the recording
 * belongs to the exercise once the form is saved. Shows a player for what is attached.
 */
export function AudioUpload({ audioId: initial }: { audioId: string | null }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [audioId, setAudioId] = useState(initial ?? "");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) return setStatus({ tone: "danger", text: "Bitte wähle zuerst eine Aufnahme aus." });
    if (file.size > MAX_BYTES) return setStatus({ tone: "danger", text: TOO_LARGE });
    setBusy(true);
    setStatus(null);
    sendAudio(file)
      .then((id) => {
        setAudioId(id);
        setStatus({ tone: "success", text: "Die Aufnahme ist hochgeladen. Sie gehört zur Übung, sobald du speicherst." });
        const input = fileInput.current;
        if (input) input.value = "";
      })
      .catch((error: unknown) => setStatus({ tone: "danger", text: error instanceof Error ? error.message : FAILED }))
      .finally(() => setBusy(false));
  }

  return (
    <fieldset className="flex min-w-0 flex-col gap-3 rounded-xl border border-line p-4">
      <legend className="px-1 font-medium">Eigene Aufnahme (optional)</legend>
      <input type="hidden" name="audioId" value={audioId} />
      {audioId && (
        <div className="flex flex-col gap-2">
          <audio controls preload="metadata" src={`/audio/${audioId}`} className="w-full">
            Dein Browser kann diese Aufnahme nicht abspielen.
          </audio>
          <div>
            <Button variant="quiet" onClick={() => (setAudioId(""), setStatus(null))}>
              Aufnahme von der Übung lösen
            </Button>
          </div>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="audio-file" className="font-medium">
          {audioId ? "Andere Aufnahme wählen" : "Aufnahme wählen"}
        </label>
        <p id="audio-file-hint" className="text-sm text-muted">
          MP3, M4A, Ogg/Opus, WAV oder WebM, höchstens 30 MB.
        </p>
        <input id="audio-file" ref={fileInput} type="file" accept={ACCEPT} aria-describedby="audio-file-hint" className="min-h-11" />
      </div>
      <div>
        <Button variant="secondary" onClick={upload} disabled={busy}>
          {busy ? "Wird hochgeladen …" : "Hochladen"}
        </Button>
      </div>
      {status && (
        <div aria-live="polite">
          <Notice tone={status.tone} role={status.tone === "danger" ? "alert" : "status"}>
            {status.text}
          </Notice>
        </div>
      )}
    </fieldset>
  );
}
