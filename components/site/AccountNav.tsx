import Link from "next/link";
import type { UserRole } from "@/db/schema";
import { SignOutForm } from "./SignOutForm";

/** The header's last items: "Anmelden", or the way home and (from the small breakpoint up) "Abmelden" for a signed-in user. */
export function AccountNav({ role }: { role: UserRole | null }) {
  if (!role) {
    return (
      <li>
        <Link href="/login" className="font-medium no-underline hover:underline">
          Anmelden
        </Link>
      </li>
    );
  }
  return (
    <>
      <li>
        <Link href={role === "coach" ? "/coach" : "/dashboard"} className="font-medium no-underline hover:underline">
          {role === "coach" ? "Praxis" : "Dashboard"}
        </Link>
      </li>
      {/* On a phone the header has no room for it: the signed-in areas' section list ends with it there. */}
      <li className="hidden sm:list-item">
        <SignOutForm className="cursor-pointer text-muted hover:text-ink hover:underline" />
      </li>
    </>
  );
}
