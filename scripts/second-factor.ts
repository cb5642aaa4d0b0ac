// npm run auth:reset-second-factor -- <email> [...]: the operator's recovery for an account whose
// owner lost every passkey and every recovery code. Run it on the server (DATABASE_URL as the app
// has it) after making sure, outside this system, that the request really comes from the owner.
import { closeDb } from "../db";
import { env } from "../lib/env";
import { resetSecondFactor } from "../lib/second-factor/reset";

const [command, ...emails] = process.argv.slice(2);
if (command !== "reset" || emails.length === 0) {
  console.error("usage: tsx scripts/second-factor.ts reset <email> [<email> …]");
  process.exit(2);
}
const origin = env().AUTH_URL ? new URL(env().AUTH_URL!).origin : "http://localhost:3000";
try {
  for (const email of emails) {
    const result = await resetSecondFactor(email, { origin });
    if (!result) {
      console.error(`${email}: no such account`);
      process.exitCode = 1;
      continue;
    }
    console.log(
      `${result.email}: removed ${result.passkeys} passkey(s) and ${result.recoveryCodes} recovery code(s), ended ${result.sessions} session(s). ` +
        "The next sign-in (magic link) asks for a new passkey" +
        (result.notified ? "; the owner's security email waits in the outbox (the running app delivers it)." : "."),
    );
  }
} finally {
  await closeDb();
}
