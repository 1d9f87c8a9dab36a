import { describe, expect, it } from 'vitest';
import { anyRunning, datesToClose, runDuration, runProgress } from './progress.ts';

describe('runProgress', () => {
  it('counts loans done against the loans still pending while running', () => {
    expect(runProgress({ status: 'running', loans: 250, pending: 750 })).toEqual({
      done: 250,
      total: 1000,
      percent: 25,
    });
    // 999 of 1000 is not yet 100 %.
    expect(runProgress({ status: 'running', loans: 999, pending: 1 }).percent).toBe(99);
    expect(runProgress({ status: 'running', loans: 0, pending: 0 })).toEqual({
      done: 0,
      total: 0,
      percent: 0,
    });
  });

  it('shows a completed run as whole', () => {
    expect(runProgress({ status: 'completed', loans: 40, pending: 0 })).toEqual({
      done: 40,
      total: 40,
      percent: 100,
    });
  });
});

describe('runDuration', () => {
  it('measures a completed run, or a running one up to now', () => {
    expect(runDuration('2026-03-02T08:00:00.000Z', '2026-03-02T08:02:05.400Z', new Date(0))).toEqual([2, 5]);
    expect(runDuration('2026-03-02T08:00:00.000Z', null, new Date('2026-03-02T08:00:09.600Z'))).toEqual([
      0, 10,
    ]);
  });
});

describe('datesToClose', () => {
  it('lists the dates from the open one to the target, across month ends', () => {
    expect(datesToClose('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(datesToClose('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(datesToClose('2026-03-02', '2026-03-01')).toEqual([]);
  });
});

describe('anyRunning', () => {
  it('is true while a run is in progress', () => {
    expect(anyRunning([{ status: 'completed' }, { status: 'running' }])).toBe(true);
    expect(anyRunning([{ status: 'completed' }])).toBe(false);
    expect(anyRunning(undefined)).toBe(false);
  });
});
