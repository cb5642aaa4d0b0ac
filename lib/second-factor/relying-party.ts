import { loadPracticeSettings } from "@/lib/settings/queries";
import { siteOrigin } from "@/lib/site-url";

/**
 * Who the passkeys belong to: the site's host (AUTH_URL's in production) as the RP ID, its
 * origin as the one a browser's answer must come from. An RP ID is a domain name, never an IP
 * address: on a developer's machine that means http://localhost, not http://127.0.0.1.
 */
export async function relyingParty(): Promise<{ id: string; origin: string; name: string }> {
  const origin = await siteOrigin();
  const settings = await loadPracticeSettings();
  return { id: new URL(origin).hostname, origin, name: settings.practiceName };
}
