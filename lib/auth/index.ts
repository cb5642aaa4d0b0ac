import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { getDbHandle } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { authSecret, env } from "@/lib/env";
import { normalizeIdentifier } from "./identifier";
import { MAGIC_LINK_MINUTES, sendMagicLink } from "./magic-link";
import { sessionForAuth, withSessionDetails } from "./session-adapter";
import { secureCookies } from "./session-cookie";

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const { db } = getDbHandle();
  const adapter = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    adapter: {
      ...withSessionDetails(adapter, db),
      // Accounts are made by the coach (or the seed), never by signing in.
      createUser: () => {
        throw new Error("Sign-up is closed: only existing users can sign in.");
      },
    },
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    useSecureCookies: secureCookies(),
    providers: [
      Resend({
        id: "resend",
        from: env().EMAIL_FROM,
        maxAge: MAGIC_LINK_MINUTES * 60,
        // The same rule as the sign-in limits (Auth.js's own default, which it does not export).
        normalizeIdentifier,
        sendVerificationRequest: sendMagicLink,
      }),
    ],
    pages: { signIn: "/login", verifyRequest: "/login/pruefen", error: "/login/fehler" },
    callbacks: {
      async signIn({ user, email }) {
        // Asking for a link is always "allowed": sendMagicLink decides silently whether to send.
        if (email?.verificationRequest) return true;
        if (!user.email) return false;
        const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email.toLowerCase()));
        return Boolean(existing);
      },
      session({ session, user }) {
        // What the guards need (lib/auth/guards.ts): id, role and the second factor as two booleans.
        // Neither the session token nor the rows' other columns (browser, times) leave the server.
        return sessionForAuth(session, user) as unknown as typeof session;
      },
    },
  };
});
