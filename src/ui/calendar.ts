/**
 * Calendar files (.ics, RFC 5545) for what people should put in their calendar: a planned
 * conversation, the sessions of a training plan, a note's next check-in. Built from the records
 * with the `ics` package; sent as an outbox upload, which Slack, Feishu and the local workspace all
 * deliver as a file. Deterministic: the uid names the record and DTSTAMP is the record's own time,
 * so the same record always gives the same file.
 */
import { createEvents, type EventAttributes } from 'ics';
import { addDays } from '../domain/dates.js';

export interface CalendarEvent {
  /** Stable across rebuilds, e.g. `conversation-12@dandang`: a calendar updates rather than duplicates. */
  uid: string;
  /** A timed event (epoch ms) or an all-day one (`YYYY-MM-DD`). */
  when: { start: number; end: number } | { date: string };
  title: string;
  description?: string;
  location?: string;
  /** An https meeting link, already checked (src/domain/meeting-url.ts). */
  url?: string;
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
  /** When the record was made: the file's DTSTAMP. */
  stamp: number;
  /** A reminder this many minutes before a timed event. */
  alarmMinutesBefore?: number;
  /** Bumped with each change of the event, so a calendar takes the later file over the earlier one. */
  sequence?: number;
  /** A cancelled event (sent with METHOD:CANCEL): the calendar removes it. */
  cancelled?: boolean;
}

const dateArray = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

function toAttributes(e: CalendarEvent): EventAttributes {
  const base = {
    uid: e.uid,
    title: e.title,
    productId: 'dandang/dandang',
    ...(e.description ? { description: e.description } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(e.url ? { url: e.url } : {}),
    ...(e.organizer ? { organizer: e.organizer } : {}),
    ...(e.attendees?.length
      ? {
          attendees: e.attendees.map((a) => ({
            ...a,
            rsvp: true,
            partstat: 'NEEDS-ACTION' as const,
            role: 'REQ-PARTICIPANT' as const,
          })),
        }
      : {}),
    ...(e.sequence ? { sequence: e.sequence } : {}),
    ...(e.cancelled ? { status: 'CANCELLED' as const } : {}),
    // `timestamp` (DTSTAMP) is read by ics' schema but missing from its types.
    ...({ timestamp: e.stamp } as object),
  };
  if ('date' in e.when)
    return { ...base, start: dateArray(e.when.date), end: dateArray(addDays(e.when.date, 1)) } as EventAttributes;
  return {
    ...base,
    start: e.when.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.when.end,
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(e.alarmMinutesBefore && !e.cancelled
      ? {
          alarms: [
            {
              action: 'display' as const,
              description: e.title,
              trigger: { minutes: e.alarmMinutesBefore, before: true },
            },
          ],
        }
      : {}),
  } as EventAttributes;
}

/**
 * One .ics file holding `events`. Throws on a malformed event, which is a bug in its builder.
 * `method: 'CANCEL'` (RFC 5546) tells the calendar to remove the events it names by uid.
 */
export function toIcs(events: CalendarEvent[], calName?: string, method?: 'CANCEL'): string {
  const { error, value } = createEvents(events.map(toAttributes), {
    ...(calName ? { calName } : {}),
    ...(method ? { method } : {}),
  });
  if (error || !value) throw error ?? new Error('ics: no output');
  return value;
}
