import { describe, expect, it } from 'vitest';
import { isValidTimeZone, latestDailySlot, nextDailySlot } from '../../src/schedule/daily-slot.js';

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();

describe('given a daily time in a time zone', () => {
  it('then the next slot is today when the time has not come yet, else tomorrow', () => {
    expect(iso(nextDailySlot(at('2026-01-10T06:59:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-01-10T07:00:00.000Z');
    expect(iso(nextDailySlot(at('2026-01-10T07:00:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-01-11T07:00:00.000Z');
  });

  it('then 08:00 in Berlin is 07:00 UTC before the spring change and 06:00 UTC after it', () => {
    // Europe/Berlin moves to CEST at 01:00 UTC on 2026-03-29.
    expect(iso(nextDailySlot(at('2026-03-28T07:00:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(nextDailySlot(at('2026-03-27T07:00:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-03-28T07:00:00.000Z');
  });

  it('then the autumn change brings it back to 07:00 UTC', () => {
    // CEST ends at 01:00 UTC on 2026-10-25.
    expect(iso(nextDailySlot(at('2026-10-24T06:00:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-10-25T07:00:00.000Z');
  });

  it('then a time skipped by the spring change moves on by the gap (02:30 becomes 03:30 CEST)', () => {
    expect(iso(nextDailySlot(at('2026-03-28T12:00:00Z'), '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('then a time that happens twice in the autumn overlap is the first of the two', () => {
    // 02:30 on 2026-10-25 in Berlin is first 00:30 UTC (CEST), then 01:30 UTC (CET).
    expect(iso(nextDailySlot(at('2026-10-24T12:00:00Z'), '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('then New York changes on its own date, two weeks before Europe', () => {
    // America/New_York moves to EDT at 07:00 UTC on 2026-03-08.
    expect(iso(nextDailySlot(at('2026-03-07T12:30:00Z'), '07:30', 'America/New_York'))).toBe('2026-03-08T11:30:00.000Z');
    expect(iso(nextDailySlot(at('2026-03-06T12:30:00Z'), '07:30', 'America/New_York'))).toBe('2026-03-07T12:30:00.000Z');
  });

  it('then a slot just before midnight in a zone behind UTC falls on the next UTC day', () => {
    // 00:00 UTC on the 10th is 16:00 on the 9th in Los Angeles: that evening's 23:59 is 07:59 UTC on the 10th.
    expect(iso(nextDailySlot(at('2026-01-10T00:00:00Z'), '23:59', 'America/Los_Angeles'))).toBe('2026-01-10T07:59:00.000Z');
  });

  it('then "after" is strict: asked at the slot itself, the answer is the next day, again when asked twice', () => {
    // 09:00 in Tokyo is 00:00 UTC.
    expect(iso(nextDailySlot(at('2026-05-01T00:00:00Z'), '09:00', 'Asia/Tokyo'))).toBe('2026-05-02T00:00:00.000Z');
    expect(iso(nextDailySlot(at('2026-05-01T00:00:00Z'), '09:00', 'Asia/Tokyo'))).toBe('2026-05-02T00:00:00.000Z');
    expect(iso(nextDailySlot(at('2026-04-30T23:59:00Z'), '09:00', 'Asia/Tokyo'))).toBe('2026-05-01T00:00:00.000Z');
  });

  it('then the latest slot is at or before now, going back a day when today’s has not come', () => {
    expect(iso(latestDailySlot(at('2026-01-10T07:00:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-01-10T07:00:00.000Z');
    expect(iso(latestDailySlot(at('2026-01-10T06:59:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-01-09T07:00:00.000Z');
    expect(iso(latestDailySlot(at('2026-03-29T06:30:00Z'), '08:00', 'Europe/Berlin'))).toBe('2026-03-29T06:00:00.000Z');
  });

  it('then zone names are checked against the zone database', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
