/**
 * iCalendar text (RFC 5545; iTIP REQUEST / CANCEL, RFC 5546) written with ical-generator.
 *
 * Times are written in UTC ("20261201T090000Z") with no VTIMEZONE: RFC 5545 allows UTC
 * DATE-TIME, ical-generator writes UTC when no zone is set (its documented recommendation), and
 * Google Calendar, Outlook and Apple Calendar accept UTC DTSTART/DTEND in REQUEST and CANCEL and
 * show them in the viewer's own zone. The instant is what matters; a derived VTIMEZONE could only
 * disagree with the reader's tz data. METHOD is always set: Outlook shows an invitation only then.
 *
 * ical-generator escapes TEXT values and folds lines, but writes the UID raw and keeps quotes and
 * control characters inside CN. So everything we pass is checked or cleaned here first: no value
 * from a visitor can start a property of its own.
 */
import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
  escape,
  type ICalCalendar,
} from "ical-generator";
import { INVITATION_ALARM_MINUTES, type FeedEvent, type Invitation } from "./invitation";

const PRODID = { company: "Rueckenwind Coaching", product: "Praxis", language: "DE" };
const FEED_REFRESH_SECONDS = 15 * 60;

/** The whole VCALENDAR of one invitation, CRLF line endings, folded at 75 octets. */
export function invitationIcs(invitation: Invitation): string {
  const { method } = invitation;
  if (method !== "REQUEST" && method !== "CANCEL") throw new TypeError(`ics: unsupported method ${String(method)}`);
  const alarmMinutes = invitation.alarmMinutesBefore ?? INVITATION_ALARM_MINUTES;
  if (!Number.isSafeInteger(alarmMinutes) || alarmMinutes < 0) throw new RangeError("ics: alarmMinutesBefore must be a non-negative integer");
  const request = method === "REQUEST";
  const summary = singleLineText(invitation.summary);

  const calendar = newCalendar(request ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL);
  const event = calendar.createEvent({
    ...eventCore(invitation, invitation.now),
    summary,
    status: request ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: cnValue(invitation.organizer.name) || invitation.organizer.email, email: emailValue("organizer.email", invitation.organizer.email) },
    attendees: [
      {
        name: cnValue(invitation.attendee.name) || undefined,
        email: emailValue("attendee.email", invitation.attendee.email),
        role: ICalAttendeeRole.REQ,
        status: request ? ICalAttendeeStatus.NEEDSACTION : undefined,
        rsvp: false,
      },
    ],
  });
  if (request) event.createAlarm({ type: ICalAlarmType.display, trigger: alarmMinutes * 60, description: summary });
  return finish(calendar);
}

/** The invitation as an email attachment; "method" in the content type is what mail clients look for. */
export function invitationAttachment(invitation: Invitation): { filename: string; contentType: string; content: string } {
  return {
    filename: invitation.method === "CANCEL" ? "absage.ics" : "termin.ics",
    contentType: `text/calendar; charset=utf-8; method=${invitation.method}`,
    content: Buffer.from(invitationIcs(invitation), "utf8").toString("base64"),
  };
}

/** A published calendar (METHOD:PUBLISH) for a subscription URL, refreshed every 15 minutes. */
export function feedIcs(feed: { name: string; events: FeedEvent[]; now?: Date }): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH);
  // ical-generator writes the calendar's name without escaping it.
  calendar.name(escape(singleLineText(feed.name), false));
  calendar.ttl(FEED_REFRESH_SECONDS);
  for (const event of feed.events) {
    calendar.createEvent({
      ...eventCore(event, feed.now),
      summary: singleLineText(event.summary),
      status: event.status === "TENTATIVE" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return finish(calendar);
}

function newCalendar(method: ICalCalendarMethod): ICalCalendar {
  return ical({ prodId: PRODID, method, scale: "GREGORIAN" });
}

/** ical-generator ends the text after END:VCALENDAR; RFC 5545 ends every content line with CRLF. */
function finish(calendar: ICalCalendar): string {
  return `${calendar.toString()}\r\n`;
}

/** What every event has, checked: UID, sequence, stamp, UTC start and end, texts and URL. */
function eventCore(event: Omit<FeedEvent, "status" | "summary">, now: Date | undefined) {
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) throw new RangeError("ics: sequence must be a non-negative integer");
  const start = validInstant("start", event.start);
  const end = validInstant("end", event.end);
  // ical-generator would silently swap them.
  if (end.getTime() <= start.getTime()) throw new RangeError("ics: end must be after start");
  const location = event.location === undefined ? "" : singleLineText(event.location);
  return {
    id: structuralValue("uid", event.uid),
    sequence: event.sequence,
    stamp: now === undefined ? new Date() : validInstant("now", now),
    start,
    end,
    description: event.description === undefined ? undefined : multiLineText(event.description),
    location: location || undefined,
    url: event.url === undefined ? undefined : uriValue("url", event.url),
    transparency: ICalEventTransparency.OPAQUE,
  };
}

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS_EXCEPT_LINE_BREAKS_AND_TAB = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function validInstant(field: string, value: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`ics: ${field} is not a valid date`);
  return value;
}

/** Values written verbatim (UID): no control characters at all, so no CR/LF injection. */
function structuralValue(field: string, value: string): string {
  if (typeof value !== "string" || value.length === 0) throw new TypeError(`ics: ${field} must be a non-empty string`);
  if (CONTROL_CHARS.test(value)) throw new RangeError(`ics: ${field} must not contain control characters (CR/LF)`);
  return value.replace(LONE_SURROGATE, "\ufffd");
}

function emailValue(field: string, value: string): string {
  const email = structuralValue(field, value).trim();
  // Conservative: the address becomes part of a mailto: URI without further encoding.
  if (!/^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+$/.test(email)) throw new RangeError(`ics: ${field} is not a valid email address`);
  return email;
}

function uriValue(field: string, value: string): string {
  const uri = structuralValue(field, value);
  if (/\s/.test(uri)) throw new RangeError(`ics: ${field} must not contain whitespace`);
  if (!URL.canParse(uri)) throw new RangeError(`ics: ${field} is not an absolute URL`);
  return uri;
}

/** TEXT with line breaks kept (ical-generator writes them as \n); other control characters dropped. */
function multiLineText(value: string): string {
  return value.replace(LONE_SURROGATE, "\ufffd").replace(CONTROL_CHARS_EXCEPT_LINE_BREAKS_AND_TAB, "");
}

/** TEXT for single-line fields (SUMMARY, LOCATION, the feed's name): line breaks become a space. */
function singleLineText(value: string): string {
  return multiLineText(value.replace(/\s*(?:\r\n|\r|\n)\s*/g, " ").trim());
}

/** A CN parameter value: no DQUOTE and no control characters (RFC 5545 forbids both inside quotes). */
function cnValue(name: string): string {
  return name.replace(LONE_SURROGATE, "\ufffd").replace(/[\u0000-\u001f\u007f]/g, " ").replace(/"/g, "").replace(/\s+/g, " ").trim();
}
