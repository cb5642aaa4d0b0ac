"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";

/** As the upload route takes it (server/limits.mjs): checked here first, so a large photo is not sent in vain. */
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/webp";

type Uploaded = { id: string; src: string; widths: number[] };
type Status = { tone: "ok" | "danger"; text: string } | null;

/** Alt text inside `![…]`: one line, brackets and backslashes escaped, so it cannot end the image early. */
function markdownImage(alt: string, src: string): string {
  const text = alt
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `![${text}](${src})`;
}

/** `block` as its own paragraph at `at` (the cursor), with blank lines around it where text touches it. */
function insertBlock(value: string, at: number, block: string): { value: string; caret: number } {
  const before = value.slice(0, at);
  const after = value.slice(at);
  const lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const tail = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = `${lead}${block}${tail}`;
  return { value: before + inserted + after, caret: before.length + inserted.length };
}

/** A field of the article form this upload sits in. */
function formField(element: HTMLElement | null, name: string): HTMLInputElement | HTMLTextAreaElement | null {
  return (element?.closest("form")?.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null) ?? null;
}

async function send(file: File): Promise<Uploaded> {
  const response = await fetch("/api/images", {
    method: "POST",
    body: file,
    headers: { "content-type": file.type || "application/octet-stream" },
  });
  const answer = (await response.json().catch(() => ({}))) as { image?: Uploaded; message?: string };
  if (!response.ok || !answer.image) {
    throw new Error(answer.message ?? "Das Hochladen hat nicht geklappt. Bitte versuche es noch einmal.");
  }
  return answer.image;
}

/**
 * Uploads a photo to the site's own image store (JPEG, PNG or WebP; re-encoded there without its
 * EXIF and GPS data) and puts it into the article: into the text at the cursor (`target="body"`,
 * which reports the new text through `onBodyChange`) or as the cover (`target="cover"`, which fills
 * the form's coverImageUrl and coverImageAlt fields). The alt text is asked for first.
 */
export function ImageUpload({ target, onBodyChange }: { target: "body" | "cover"; onBodyChange?: (body: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** Whether the coach ever placed the cursor in the text; if not, the image goes to its end. */
  const cursorPlaced = useRef(false);
  const [alt, setAlt] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [cover, setCover] = useState<string | null>(null);

  const field = (name: string) => formField(box.current, name);

  useEffect(() => {
    if (target !== "body") return;
    const body = formField(box.current, "body");
    const placed = () => (cursorPlaced.current = true);
    body?.addEventListener("focus", placed);
    return () => body?.removeEventListener("focus", placed);
  }, [target]);

  async function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) return setStatus({ tone: "danger", text: "Bitte wähle zuerst ein Foto aus." });
    if (!alt.trim())
      return setStatus({ tone: "danger", text: "Bitte beschreibe kurz, was auf dem Bild zu sehen ist: für Menschen, die es nicht sehen." });
    if (file.size > MAX_BYTES)
      return setStatus({ tone: "danger", text: "Das Bild ist größer als 10 MB. Bitte verkleinere es vorher oder wähle ein anderes." });
    setBusy(true);
    setStatus(null);
    try {
      const image = await send(file);
      if (target === "body") {
        const body = field("body");
        const value = body?.value ?? "";
        const at = cursorPlaced.current && body ? (body.selectionStart ?? value.length) : value.length;
        const next = insertBlock(value, at, markdownImage(alt, image.src));
        onBodyChange?.(next.value);
        requestAnimationFrame(() => body?.setSelectionRange(next.caret, next.caret));
        setStatus({ tone: "ok", text: "Das Bild ist hochgeladen und in den Text eingefügt." });
      } else {
        const url = field("coverImageUrl");
        const description = field("coverImageAlt");
        if (url) url.value = image.src;
        if (description) description.value = alt.trim();
        setCover(`/bilder/${image.id}/${image.widths[0]}.webp`);
        setStatus({ tone: "ok", text: "Das Titelbild ist hochgeladen. Es erscheint, sobald du den Artikel speicherst." });
      }
      setAlt("");
      if (fileInput.current) fileInput.current.value = "";
    } catch (error) {
      setStatus({ tone: "danger", text: error instanceof Error ? error.message : "Das Hochladen hat nicht geklappt." });
    } finally {
      setBusy(false);
    }
  }

  // Enter in the description would send the whole article form: here it uploads instead.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    void upload();
  };

  const title = target === "body" ? "Bild in den Text einfügen" : "Titelbild hochladen";
  return (
    <div ref={box} role="group" aria-label={title} className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
      <p className="font-medium">{title}</p>
      <Field
        label="Foto"
        type="file"
        accept={ACCEPT}
        ref={fileInput}
        hint="JPEG, PNG oder WebP, bis 10 MB. Standort und Kameradaten werden entfernt."
      />
      <Field
        label="Bildbeschreibung"
        value={alt}
        maxLength={300}
        onChange={(e) => setAlt(e.target.value)}
        onKeyDown={onKeyDown}
        hint="Was ist auf dem Bild zu sehen? Für Menschen, die es nicht sehen."
      />
      <div>
        <Button type="button" variant="secondary" onClick={() => void upload()} disabled={busy}>
          {busy ? "Wird hochgeladen …" : target === "body" ? "Bild hochladen" : "Titelbild hochladen"}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status?.tone === "ok" && <p className="text-sm">{status.text}</p>}
      </div>
      {status?.tone === "danger" && (
        <Notice tone="danger" role="alert">
          {status.text}
        </Notice>
      )}
      {cover && (
        // eslint-disable-next-line @next/next/no-img-element -- a thumbnail of the upload, from the image store
        <img src={cover} alt="Vorschau des hochgeladenen Titelbilds" className="h-auto w-40 rounded-lg" />
      )}
    </div>
  );
}
