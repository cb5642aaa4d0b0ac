/**
 * The weekly check-in email is opt-out: on for active clients until they turn it off, on Monday
 * at 18:00 of their own zone unless they chose another day and hour.
 */
export const WEEKLY_DEFAULT = { enabled: true, weekday: 1, hour: 18 } as const;
