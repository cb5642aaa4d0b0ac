/*
 * Outlook and Exchange write Windows zone names into TZID, often without a VTIMEZONE. The common
 * ones, mapped to IANA zones after Unicode CLDR's windowsZones.xml (territory "001").
 */
const WINDOWS_ZONES: Record<string, string> = {
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Romance Standard Time": "Europe/Paris",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "GTB Standard Time": "Europe/Bucharest",
  "Russian Standard Time": "Europe/Moscow",
  "Turkey Standard Time": "Europe/Istanbul",
  "Israel Standard Time": "Asia/Jerusalem",
  "South Africa Standard Time": "Africa/Johannesburg",
  "Arabian Standard Time": "Asia/Dubai",
  "India Standard Time": "Asia/Calcutta",
  "China Standard Time": "Asia/Shanghai",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Singapore Standard Time": "Asia/Singapore",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "Atlantic Standard Time": "America/Halifax",
  "SA Pacific Standard Time": "America/Bogota",
  "E. South America Standard Time": "America/Sao_Paulo",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "Alaskan Standard Time": "America/Anchorage",
  UTC: "UTC",
  "Coordinated Universal Time": "UTC",
};

function isIana(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone a TZID names (an IANA name, a Windows name, or Outlook's quoted/prefixed forms); null when unknown. */
export function ianaZone(tzid: string | null | undefined): string | null {
  if (!tzid) return null;
  const name = tzid
    .replace(/^"|"$/g, "")
    .replace(/^\/(mozilla\.org\/[^/]+\/)?/, "")
    .trim();
  if (WINDOWS_ZONES[name]) return WINDOWS_ZONES[name];
  return name.length > 0 && name.length < 64 && isIana(name) ? name : null;
}
