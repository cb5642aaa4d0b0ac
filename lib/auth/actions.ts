"use server";

import { redirect } from "next/navigation";
import { anyone, commandAction, fields, noInput, publicFormAction, text } from "@/lib/http/form-action";
import { signOut } from "./index";
import { sendSignInLink, signInSchema } from "./sign-in-request";

export type SignInState = { email?: string; error?: string };

export const requestMagicLink = publicFormAction({
  schema: signInSchema,
  firstIssueAsMessage: true,
  read: (form) => fields(form, ["email", "callbackUrl"]),
  run: async (input) => {
    await sendSignInLink(input);
    // The same page for known and unknown addresses: nobody learns who has an account.
    redirect("/login/pruefen");
  },
  // The login form shows its one problem at the address, which stays as it was typed.
  failure: (state, form): SignInState => ({ email: text(form, "email").slice(0, 254), error: state.message }),
});

export const signOutAction = commandAction({
  guard: anyone,
  ...noInput,
  run: async () => {
    // To the sign-in page, which says so: landing on the home page looked as if nothing had happened.
    await signOut({ redirectTo: "/login?abgemeldet=1" });
  },
});
