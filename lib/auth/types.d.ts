import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
    /** Whether this session proved a passkey or recovery code, and whether the person has a passkey. */
    secondFactor?: { verified: boolean; enrolled: boolean };
  }
}
