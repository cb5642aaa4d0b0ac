import { describe, expect, it } from "vitest";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { GiroCodeError, giroCodePayload, isValidIban } from "@/lib/billing/girocode";

/* The GiroCode (EPC069-12, version 002) a banking app reads; expected payloads written by hand. */

const base = { name: "Mara Muster", iban: "DE02 1203 0000 0000 2020 51", bic: "BYLADEM1001", amountCents: 24000, reference: "2027-0001" };

describe("GiroCode payload", () => {
  it("writes the EPC lines: BCD, 002, UTF-8, SCT, BIC, name, IBAN, amount, empty purpose and reference, the number", () => {
    expect(giroCodePayload(base)).toBe("BCD\n002\n1\nSCT\nBYLADEM1001\nMara Muster\nDE02120300000000202051\nEUR240.00\n\n\n2027-0001");
  });

  it("leaves the BIC line empty without a BIC and writes cents with two digits", () => {
    expect(giroCodePayload({ ...base, bic: "", amountCents: 123405 })).toBe(
      "BCD\n002\n1\nSCT\n\nMara Muster\nDE02120300000000202051\nEUR1234.05\n\n\n2027-0001",
    );
    expect(giroCodePayload({ ...base, amountCents: 1 })).toContain("\nEUR0.01\n");
    expect(giroCodePayload({ ...base, amountCents: 99_999_999_999 })).toContain("\nEUR999999999.99\n");
  });

  it("keeps umlauts as they are (character set 1 is UTF-8)", () => {
    expect(giroCodePayload({ ...base, name: "Jörg Weiß" }).split("\n")[5]).toBe("Jörg Weiß");
  });

  it("refuses what a bank would refuse: a wrong IBAN check digit, an amount out of range, a long name, line breaks", () => {
    expect(() => giroCodePayload({ ...base, iban: "DE03 1203 0000 0000 2020 51" })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, amountCents: 0 })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, amountCents: -24000 })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, amountCents: 100_000_000_000 })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, amountCents: 12.5 })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, name: "x".repeat(71) })).toThrow(GiroCodeError);
    expect(giroCodePayload({ ...base, name: "x".repeat(70) })).toContain("x".repeat(70));
    expect(() => giroCodePayload({ ...base, name: "" })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, name: "Mara\nEUR1.00" })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, reference: "2027-0001\nBCD" })).toThrow(GiroCodeError);
    expect(() => giroCodePayload({ ...base, bic: "BYLA" })).toThrow(GiroCodeError);
  });

  it("checks IBANs with ISO 13616 mod 97", () => {
    expect(isValidIban("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(isValidIban("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(isValidIban("DE89 3704 0044 0532 0130 01")).toBe(false);
    expect(isValidIban("DE89")).toBe(false);
  });

  it("fits a QR code of error level M that a decoder reads back (the PNG in the PDF is checked in tests/integration)", () => {
    const payload = giroCodePayload({ ...base, name: "Jörg Weiß", reference: "x".repeat(140) });
    const code = QRCode.create(payload, { errorCorrectionLevel: "M" });
    expect(code.version).toBeLessThanOrEqual(13); // EPC069-12: version 13 at most
    // The module matrix drawn by hand, 4 pixels per module with a quiet zone, then decoded.
    const scale = 4;
    const quiet = 4;
    const side = (code.modules.size + 2 * quiet) * scale;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) {
        const mx = Math.floor(x / scale) - quiet;
        const my = Math.floor(y / scale) - quiet;
        const inside = mx >= 0 && my >= 0 && mx < code.modules.size && my < code.modules.size;
        if (inside && code.modules.get(my, mx)) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    expect(jsQR(rgba, side, side)?.data).toBe(
      `BCD\n002\n1\nSCT\nBYLADEM1001\nJörg Weiß\nDE02120300000000202051\nEUR240.00\n\n\n${"x".repeat(140)}`,
    );
  });
});
