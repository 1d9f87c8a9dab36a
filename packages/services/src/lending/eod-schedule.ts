import { AppError } from '@puhui/core';
import { addDays, type LocalDate } from '@puhui/money';
import { findOpenDate } from '@puhui/store';
import type { ServiceContext } from '../context.ts';
import { wallClock } from './books.ts';
import { type EodOptions, type EodResult, endOfDay } from './eod.ts';

/** When the scheduled end of day runs: each day at `at` (24-hour HH:MM) in `timeZone`. */
export interface EodSchedule {
  readonly at: string;
  /** An IANA time zone, e.g. Asia/Shanghai (the lender's business calendar). */
  readonly timeZone: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Checks a schedule: `at` must be HH:MM (00:00–23:59) and `timeZone` a zone this runtime knows.
 *
 * @example parseEodSchedule('00:30', 'Asia/Shanghai'); // { at: '00:30', timeZone: 'Asia/Shanghai' }
 */
export function parseEodSchedule(at: string, timeZone: string): EodSchedule {
  if (!HH_MM.test(at))
    throw new AppError('validation_failed', `end-of-day time '${at}' is not HH:MM (00:00–23:59)`);
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new AppError(
      'validation_failed',
      `time zone '${timeZone}' is unknown (use an IANA name such as Asia/Shanghai)`,
    );
  }
  return { at, timeZone };
}

/**
 * The last business date whose end of day is due at `now`: a date closes at `at` on the next
 * calendar day (00:30 on 2 March closes 1 March), so before that time only the day before
 * yesterday is due.
 *
 * @example eodDueThrough(new Date('2026-03-01T16:45:00Z'), { at: '00:30', timeZone: 'Asia/Shanghai' }); // '2026-03-01'
 */
export function eodDueThrough(now: Date, schedule: EodSchedule): string {
  const { date, time } = wallClock(now, schedule.timeZone);
  return addDays(date as LocalDate, time >= schedule.at ? -1 : -2);
}

/**
 * One tick of the scheduled end of day: closes every business date from the open one through the
 * last one due (catching up days the server was down), or does nothing when none is due or no
 * business date was ever opened (no loan activity yet). Several servers may tick at once: end of
 * day shares or skips work already done.
 *
 * @example const result = await runScheduledEod(ctx, { at: '00:30', timeZone: 'Asia/Shanghai' });
 */
export async function runScheduledEod(
  ctx: ServiceContext,
  schedule: EodSchedule,
  options: Omit<EodOptions, 'date'> = {},
): Promise<EodResult | undefined> {
  const open = await findOpenDate(ctx.store.db);
  const through = eodDueThrough(ctx.clock.now(), schedule);
  if (open === undefined || open > through) return undefined;
  return endOfDay(ctx, { ...options, date: through });
}
