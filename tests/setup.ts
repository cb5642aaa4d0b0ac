// next.config.ts enables experimental.authInterrupts; Next's build tells unauthorized() and
// forbidden() so through this variable, which the tests set the same way.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

// CI must prove the queries on the real PostgreSQL server, never only on PGlite.
if (process.env.CI === "true" && !process.env.TEST_DATABASE_URL) {
  throw new Error("CI=true but TEST_DATABASE_URL is not set: integration tests must run against PostgreSQL in CI.");
}
