/**
 * What an uploaded file really is, read from its first bytes (never from the Content-Type the
 * browser sent). Only containers a phone's <audio> plays are accepted; anything else is null.
 */
export type AudioType = "audio/mpeg" | "audio/mp4" | "audio/ogg" | "audio/wav" | "audio/webm";

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** MP4 brands of audio files (M4A, AAC in MP4, iPhone voice memos) and of plain MP4 containers. */
const MP4_BRANDS = ["M4A ", "M4B ", "mp41", "mp42", "isom", "iso2", "dash", "3gp4", "3gp5", "3g2a", "qt  "];

export function detectAudioType(bytes: Uint8Array): AudioType | null {
  // MP3 with an ID3v2 tag ("ID3", version 2-4), or a bare MPEG audio frame sync (11 set bits,
  // MPEG-1/2/2.5, layer III or II, a bitrate index that is not "bad").
  if (ascii(bytes, 0, "ID3") && bytes.length >= 10 && bytes[3]! >= 2 && bytes[3]! <= 4) return "audio/mpeg";
  if (bytes.length >= 4 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) {
    const version = (bytes[1]! >> 3) & 0b11;
    const layer = (bytes[1]! >> 1) & 0b11;
    const bitrate = bytes[2]! >> 4;
    // ADTS (raw AAC) has layer 0 with the sync; it plays in Safari and Chrome as audio/aac,
    // which we do not store: only MPEG layer II/III here.
    if (version !== 0b01 && (layer === 0b01 || layer === 0b10) && bitrate !== 0b1111 && bitrate !== 0) return "audio/mpeg";
  }
  // ISO base media (M4A): a box of type "ftyp" with a known brand.
  if (ascii(bytes, 4, "ftyp") && MP4_BRANDS.some((brand) => ascii(bytes, 8, brand))) return "audio/mp4";
  // Ogg (Vorbis, Opus): the capture pattern "OggS" and stream structure version 0.
  if (ascii(bytes, 0, "OggS") && bytes[4] === 0) return "audio/ogg";
  // RIFF WAVE.
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) return "audio/wav";
  // WebM (Matroska EBML header) as browsers record it with MediaRecorder.
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return "audio/webm";
  return null;
}
