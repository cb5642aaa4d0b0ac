CREATE TABLE "availability_versions" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "availability_versions_one_row" CHECK ("availability_versions"."id" = 1)
);
