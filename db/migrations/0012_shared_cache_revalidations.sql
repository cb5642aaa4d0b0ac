CREATE TABLE "cache_revalidations" (
	"tag" text PRIMARY KEY NOT NULL,
	"version" bigserial NOT NULL
);
