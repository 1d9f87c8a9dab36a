import { errorCatalogue } from '@puhui/core';
import { describe, expect, it } from 'vitest';
import { consoleEn } from '../console/i18n/en.ts';
import { consoleZh } from '../console/i18n/zh-CN.ts';
import { portalEn } from '../portal/i18n/en.ts';
import { portalZh } from '../portal/i18n/zh-CN.ts';
import { errorKey, errorsEn, errorsZh } from './errors.ts';

/** Every leaf key of a nested string table (`a.b.c`), arrays counted by length. */
function leaves(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Every string of a nested table. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('translations', () => {
  it.each([
    ['console', consoleZh, consoleEn],
    ['portal', portalZh, portalEn],
    ['errors', errorsZh, errorsEn],
  ])('%s has the same keys, paragraph counts and placeholders in both languages', (_name, zh, en) => {
    expect(leaves(en).sort()).toEqual(leaves(zh).sort());
    const placeholders = (table: unknown) =>
      leaves(table).map((key) => {
        const v = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k.replace(/\[\d+\]$/, '')], table);
        return `${key}:${strings(v)
          .flatMap((s) => s.match(/\{\{\w+\}\}/g) ?? [])
          .sort()
          .join(',')}`;
      });
    expect(placeholders(en)).toEqual(placeholders(zh));
    for (const s of strings(en)) expect(s.trim()).not.toBe('');
    for (const s of strings(zh)) expect(s.trim()).not.toBe('');
  });

  it('explains every error code of the server’s catalogue in both languages', () => {
    for (const code of Object.keys(errorCatalogue)) {
      expect(errorKey(code), code).toBe(code);
      expect(errorsZh[code as keyof typeof errorsZh], code).toBeTruthy();
      expect(errorsEn[code as keyof typeof errorsEn], code).toBeTruthy();
    }
    expect(errorKey('a_code_from_the_future')).toBe('unknown');
  });
});
