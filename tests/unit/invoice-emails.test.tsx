import { render } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import InvoiceReadyEmail, { invoiceReadySubject } from "@/emails/invoice-ready";
import PaymentReminderEmail, { paymentReminderSubject } from "@/emails/payment-reminder";

/* The invoice emails as the client reads them: German, "du", a link into the portal, no amounts. */

const base = {
  practiceName: "Rückenwind Coaching",
  coachName: "Mara Muster",
  name: "Jörg",
  number: "2027-0007",
  invoicesUrl: "https://praxis.example/dashboard/rechnungen",
};

describe("invoice-ready email", () => {
  it("says the invoice is ready and where to download it", async () => {
    const text = await render(createElement(InvoiceReadyEmail, { ...base, kind: "invoice", attached: false }), { plainText: true });
    expect(invoiceReadySubject("invoice", "2027-0007")).toBe("Deine Rechnung 2027-0007");
    expect(text).toContain("Hallo Jörg,");
    expect(text).toContain(
      "deine Rechnung 2027-0007 ist fertig. Du findest sie in deinem Bereich und kannst sie dort als PDF herunterladen.",
    );
    expect(text).toContain("https://praxis.example/dashboard/rechnungen");
    expect(text).not.toContain("hängt die Rechnung auch als PDF an");
    expect(text).not.toMatch(/€|\bSie\b|Ihre/);
  });

  it("mentions the attachment only when there is one, and names the cancelled invoice in a Storno", async () => {
    const attached = await render(createElement(InvoiceReadyEmail, { ...base, kind: "invoice", attached: true }), { plainText: true });
    expect(attached).toContain("Wie gewünscht hängt die Rechnung auch als PDF an dieser E-Mail.");
    const storno = await render(
      createElement(InvoiceReadyEmail, { ...base, kind: "cancellation", number: "2027-0008", cancelsNumber: "2027-0007", attached: false }),
      { plainText: true },
    );
    expect(invoiceReadySubject("cancellation", "2027-0008")).toBe("Deine Stornorechnung 2027-0008");
    expect(storno).toContain(
      "deine Stornorechnung 2027-0008 ist fertig. Sie hebt die Rechnung 2027-0007 auf; dafür musst du nichts überweisen.",
    );
  });
});

describe("payment-reminder email", () => {
  it("is a friendly reminder with the due date and the link, without amounts", async () => {
    const text = await render(createElement(PaymentReminderEmail, { ...base, dueDate: "24.03.2027" }), { plainText: true });
    expect(paymentReminderSubject("2027-0007")).toBe("Kleine Erinnerung an deine Rechnung 2027-0007");
    expect(text).toContain("eine kleine, freundliche Erinnerung: Deine Rechnung 2027-0007 war am 24.03.2027 fällig");
    expect(text).toContain("Hast du schon überwiesen?");
    expect(text).toContain("https://praxis.example/dashboard/rechnungen");
    expect(text).not.toMatch(/€|Mahnung|\bSie\b/);
  });
});
