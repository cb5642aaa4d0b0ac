import { describe, expect, it } from "vitest";
import { csvCell, csvLines, euro, germanDate, pdfEntryName, taxExportPeriod } from "@/lib/billing/tax-export";

describe("CSV cells for the tax advisor", () => {
  it("stay bare when nothing needs quoting", () => {
    expect(csvCell("Rechnung 2027-0001")).toBe("Rechnung 2027-0001");
    expect(csvCell("")).toBe("");
  });

  it("are quoted for a semicolon, a quote, a line break or edge spaces, quotes doubled", () => {
    expect(csvCell("Müller; Anna")).toBe('"Müller; Anna"');
    expect(csvCell('Praxis "Ruhe"')).toBe('"Praxis ""Ruhe"""');
    expect(csvCell("Zeile 1\nZeile 2")).toBe('"Zeile 1\nZeile 2"');
    expect(csvCell(" Anna")).toBe('" Anna"');
  });

  it("defuse what a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+49 761")).toBe("'+49 761");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("=A1;B1")).toBe(`"'=A1;B1"`);
    expect(csvCell("Anna=Beispiel")).toBe("Anna=Beispiel");
  });

  it("make a document with BOM, semicolons and CRLF after every line", () => {
    expect(
      csvLines([
        ["a", "b"],
        ["1", "2"],
      ]),
    ).toBe("\uFEFFa;b\r\n1;2\r\n");
  });
});

describe("amounts and dates", () => {
  it("write cents as unsigned German decimals without thousands separator", () => {
    expect(euro(18000)).toBe("180,00");
    expect(euro(-2874)).toBe("28,74");
    expect(euro(5)).toBe("0,05");
    expect(euro(123456789)).toBe("1234567,89");
  });

  it("write dates as TT.MM.JJJJ", () => {
    expect(germanDate("2027-03-05")).toBe("05.03.2027");
    expect(germanDate(null)).toBe("");
  });

  it("name a PDF in the ZIP by its kind and number", () => {
    expect(pdfEntryName({ kind: "invoice", number: "2027-0001" })).toBe("Rechnung-2027-0001.pdf");
    expect(pdfEntryName({ kind: "cancellation", number: "2027-0002" })).toBe("Stornorechnung-2027-0002.pdf");
  });
});

describe("the period", () => {
  const q = (s: string) => new URLSearchParams(s);
  it("is von to bis, both days included, up to ten years", () => {
    expect(taxExportPeriod(q("von=2027-01-01&bis=2027-12-31"))).toEqual({ from: "2027-01-01", to: "2027-12-31" });
    expect(taxExportPeriod(q("von=2027-05-05&bis=2027-05-05"))).toEqual({ from: "2027-05-05", to: "2027-05-05" });
    expect(() => taxExportPeriod(q("von=2018-01-01&bis=2027-12-31"))).not.toThrow();
    expect(() => taxExportPeriod(q("von=2017-12-31&bis=2027-12-31"))).toThrow(/zehn Jahre/);
    expect(() => taxExportPeriod(q("von=2024-02-29&bis=2034-02-28"))).not.toThrow();
    expect(() => taxExportPeriod(q("von=2024-02-29&bis=2034-03-01"))).toThrow(/zehn Jahre/);
  });

  it("refuses what is not a real day, as a 400", () => {
    for (const bad of ["", "von=2027-01-01", "von=2027-02-29&bis=2027-03-01", "von=x&bis=y", "von=2027-1-1&bis=2027-01-02"]) {
      let status: number | undefined;
      try {
        taxExportPeriod(q(bad));
      } catch (error) {
        status = (error as { status?: number }).status;
      }
      expect(status, bad).toBe(400);
    }
  });
});
