import { redirect } from "next/navigation";
import { homeFor, requireUser } from "@/lib/auth/guards";

/** After the magic link: each role to its own start page. */
export default async function AfterSignIn() {
  const user = await requireUser();
  redirect(homeFor(user.role));
}
