// CI must prove the queries on the real PostgreSQL server, never only on PGlite.
if (process.env.CI === "true" && !process.env.TEST_DATABASE_URL) {
  throw new Error("CI=true but TEST_DATABASE_URL is not set: integration tests must run against PostgreSQL in CI.");
}
