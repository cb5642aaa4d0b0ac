/**
 * Runs once when a server process starts (dev and production, not during `next build`):
 * checks the environment, migrates and prepares the database, starts the outbox poller.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
