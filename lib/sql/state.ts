/** The SQLSTATE of a database error, from postgres.js directly or wrapped by drizzle (in `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  return (error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string })?.code;
}
