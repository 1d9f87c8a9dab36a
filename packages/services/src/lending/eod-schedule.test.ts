import { describe, expect, it } from 'vitest';
import { eodDueThrough, parseEodSchedule } from './eod-schedule.ts';

const SHANGHAI = parseEodSchedule('00:30', 'Asia/Shanghai');

describe('scheduled end of day: which date is due', () => {
  it('closes yesterday once the local time passes the schedule, the day before otherwise', () => {
    // 2026-03-02 00:29 in Shanghai (UTC+8) is 2026-03-01 16:29 UTC.
    expect(eodDueThrough(new Date('2026-03-01T16:29:00Z'), SHANGHAI)).toBe('2026-02-28');
    expect(eodDueThrough(new Date('2026-03-01T16:30:00Z'), SHANGHAI)).toBe('2026-03-01');
    expect(eodDueThrough(new Date('2026-03-02T15:59:00Z'), SHANGHAI)).toBe('2026-03-01');
  });

  it('follows the time zone: the same instant is a different wall-clock date elsewhere', () => {
    const instant = new Date('2026-03-01T20:00:00Z'); // 04:00 on 2 March in Shanghai, 20:00 on 1 March in UTC
    expect(eodDueThrough(instant, SHANGHAI)).toBe('2026-03-01');
    expect(eodDueThrough(instant, parseEodSchedule('00:30', 'UTC'))).toBe('2026-02-28');
    expect(eodDueThrough(instant, parseEodSchedule('21:00', 'UTC'))).toBe('2026-02-27');
  });

  it('crosses month and year ends', () => {
    expect(eodDueThrough(new Date('2027-01-01T01:00:00Z'), parseEodSchedule('00:30', 'UTC'))).toBe(
      '2026-12-31',
    );
    expect(eodDueThrough(new Date('2028-03-01T00:10:00Z'), parseEodSchedule('00:30', 'UTC'))).toBe(
      '2028-02-28',
    );
  });

  it('refuses a time that is not HH:MM and an unknown zone', () => {
    expect(() => parseEodSchedule('24:00', 'UTC')).toThrow(/not HH:MM/);
    expect(() => parseEodSchedule('7:30', 'UTC')).toThrow(/not HH:MM/);
    expect(() => parseEodSchedule('00:30', 'Mars/Olympus')).toThrow(/unknown/);
  });
});
