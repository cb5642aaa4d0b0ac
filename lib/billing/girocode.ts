import QRCode from "qrcode";

/*
 * The EPC QR code ("GiroCode", EPC069-12, version 002) that lets a banking app fill in a SEPA
 * credit transfer. The payload is a fixed sequence of lines; version 002 makes the BIC optional
 * inside the EEA. Purpose code and structured reference stay empty: the invoice number goes into
 * the unstructured remittance line, which is what the coach finds on the bank statement.
 */

export type GiroCodeInput = {
  /** The beneficiary (account holder), at most 70 characters. */
  name: string;
  iban: string;
  /** Optional in version 002. */
  bic?: string;
  /** The amount to transfer, in cents: 1 to 99,999,999,999 (0.01 to 999,999,999.99 EUR). */
  amountCents: number;
  /** The unstructured remittance information (the invoice number), at most 140 characters. */
  reference: string;
};

export class GiroCodeError extends Error {}

const MAX_AMOUNT_CENTS = 99_999_999_999;

/** Whether an IBAN (spaces allowed) has a valid shape and ISO 13616 check digits (mod 97 = 1). */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A BIC of 8 or 11 characters (ISO 9362). */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value);
}

function singleLine(value: string, field: string): string {
  if (/[\r\n]/.test(value)) throw new GiroCodeError(`${field} must be one line`);
  return value.trim();
}

/** "EUR123.45": the amount as EPC writes it, dot as decimal separator, no thousands separator. */
function epcAmount(cents: number): string {
  const euros = Math.floor(cents / 100);
  return `EUR${euros}.${String(cents % 100).padStart(2, "0")}`;
}

/** The EPC069-12 payload, validated; throws GiroCodeError when a bank would refuse it. */
export function giroCodePayload(input: GiroCodeInput): string {
  const name = singleLine(input.name, "name");
  if (name.length < 1 || name.length > 70) throw new GiroCodeError("name must be 1 to 70 characters");
  const iban = input.iban.replace(/\s+/g, "").toUpperCase();
  if (!isValidIban(iban)) throw new GiroCodeError("invalid IBAN");
  const bic = (input.bic ?? "").replace(/\s+/g, "").toUpperCase();
  if (bic && !isValidBic(bic)) throw new GiroCodeError("invalid BIC");
  if (!Number.isInteger(input.amountCents) || input.amountCents < 1 || input.amountCents > MAX_AMOUNT_CENTS)
    throw new GiroCodeError("amount must be between 0.01 and 999999999.99 EUR");
  const reference = singleLine(input.reference, "reference");
  if (reference.length > 140) throw new GiroCodeError("reference must be at most 140 characters");
  // Service tag, version, character set (1 = UTF-8), identification, BIC, name, IBAN, amount,
  // purpose, structured reference, unstructured remittance. Trailing empty lines are left off.
  return ["BCD", "002", "1", "SCT", bic, name, iban, epcAmount(input.amountCents), "", "", reference].join("\n");
}

/** The payload as a PNG QR code at error correction level M, as EPC069-12 requires. */
export async function giroCodePng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 6 });
}
