/**
 * Daily times in a time zone: "08:00 in Europe/Berlin" is 07:00 UTC in winter and 06:00 UTC in
 * summer. Pure functions over Intl, so daylight-saving changes are the zone database's business.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export { isValidTimeZone } from '../domain/time-zone.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, zone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { y: parts['year'] ?? 0, mo: parts['month'] ?? 1, d: parts['day'] ?? 1, h: parts['hour'] ?? 0, mi: parts['minute'] ?? 0 };
}

/** The zone's offset from UTC at `instant`, in ms. */
function offsetAt(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(instant / MINUTE) * MINUTE;
}

/**
 * The instant when the zone's clocks show `h:mi` on day `y-mo-d`. A time skipped by a
 * spring-forward change is moved on by the length of the gap (02:30 on that night in Berlin
 * becomes 03:30 CEST), as JavaScript's Date and Temporal's "compatible" choice do.
 */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, zone: string): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets in force a day either side cover both sides of any daylight-saving change.
  const candidates = [...new Set([wall - DAY, wall, wall + DAY].map((t) => wall - offsetAt(t, zone)))];
  const shows = (t: number): boolean => {
    const w = wallClock(t, zone);
    return w.d === d && w.h === h && w.mi === mi;
  };
  // In an autumn overlap two instants show h:mi; the earlier is when the clock first reads it.
  const matches = candidates.filter(shows).sort((a, b) => a - b);
  return matches[0] ?? Math.max(...candidates);
}

function parseTime(time: string): { h: number; mi: number } {
  const [h, mi] = time.split(':').map(Number);
  return { h: h ?? 0, mi: mi ?? 0 };
}

/**
 * Answers already worked out. The delivery plan asks the same question (the slot after the last
 * digest) for every digest subscription every minute; Intl makes each answer cost tens of
 * microseconds, which a month of simulated minutes or a thousand subscriptions turns into seconds.
 */
const nextSlots = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

/** The first time after `after` when it is `time` (HH:MM) in `zone`. */
export function nextDailySlot(after: Date, time: string, zone: string): Date {
  const key = `${after.getTime()}|${time}|${zone}`;
  const known = nextSlots.get(key);
  if (known !== undefined) return new Date(known);
  const slot = computeNextDailySlot(after, time, zone);
  if (nextSlots.size >= MAX_REMEMBERED) nextSlots.clear();
  nextSlots.set(key, slot.getTime());
  return slot;
}

function computeNextDailySlot(after: Date, time: string, zone: string): Date {
  const { h, mi } = parseTime(time);
  const today = wallClock(after.getTime(), zone);
  for (let days = 0; days < 3; days++) {
    const day = new Date(Date.UTC(today.y, today.mo - 1, today.d) + days * DAY);
    const slot = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), h, mi, zone);
    if (slot > after.getTime()) return new Date(slot);
  }
  throw new Error(`no ${time} in ${zone} within three days of ${after.toISOString()}`);
}

/** The last time at or before `now` when it was `time` in `zone`. */
export function latestDailySlot(now: Date, time: string, zone: string): Date {
  const { h, mi } = parseTime(time);
  const today = wallClock(now.getTime(), zone);
  for (let days = 0; days < 3; days++) {
    const day = new Date(Date.UTC(today.y, today.mo - 1, today.d) - days * DAY);
    const slot = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), h, mi, zone);
    if (slot <= now.getTime()) return new Date(slot);
  }
  throw new Error(`no ${time} in ${zone} within three days before ${now.toISOString()}`);
}
