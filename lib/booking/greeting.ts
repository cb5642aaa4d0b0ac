/**
 * What an email to an address that has not confirmed anything may say of what the visitor wrote:
 * a name, and only one that looks like a name. Anyone can type any address into the booking form,
 * so everything else they wrote ("Wichtig: Ihr Konto wird gesperrt … https://…") would reach a
 * stranger's inbox under the practice's sender. Such a name is kept for the coach; the email then
 * greets without it.
 */
const MAX_CHARACTERS = 40;
const MAX_WORDS = 4;
/** Words of Unicode letters and combining marks, joined by hyphens or apostrophes; words separated by single spaces. */
const NAME_SHAPE = /^[\p{L}\p{M}]+(?:['’-]+[\p{L}\p{M}]+)*['’]?(?: [\p{L}\p{M}]+(?:['’-]+[\p{L}\p{M}]+)*['’]?)*$/u;

export function isPlainName(name: string): boolean {
  return [...name].length <= MAX_CHARACTERS && name.split(" ").length <= MAX_WORDS && NAME_SHAPE.test(name);
}

/** The name to greet with in such an email ("Anna-Lena Meier" → "Anna-Lena"), or null to greet without one. */
export function greetingName(name: string): string | null {
  const trimmed = name.trim();
  return isPlainName(trimmed) ? trimmed.split(" ")[0]! : null;
}
