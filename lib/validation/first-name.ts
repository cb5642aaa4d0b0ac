/** The first word of a person's name, to address them by ("Anna-Lena Meier" → "Anna-Lena"), or null for none. */
export function firstNameOf(name: string | null | undefined): string | null {
  return name?.trim().split(/\s+/)[0] || null;
}
