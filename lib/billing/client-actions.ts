"use server";

import { revalidatePath } from "next/cache";
import { fields, formAction, text } from "@/lib/http/form-action";
import { saveBillingAddress } from "./queries";
import { billingAddressSchema } from "./schemas";

/** The client's own invoice address and their choice of the PDF by email. */
export const saveOwnBillingAddressAction = formAction({
  role: "client",
  schema: billingAddressSchema,
  read: (form) => ({ ...fields(form, ["name", "street", "postalCode", "city", "country"]), pdfByEmail: text(form, "pdfByEmail") }),
  run: async (input, { user }) => {
    await saveBillingAddress(user.id, input);
    revalidatePath("/dashboard/rechnungen");
    return "Gespeichert. Deine nächste Rechnung geht an diese Adresse.";
  },
});
