/**
 * Display formats shared by the console and the portal. Amounts arrive from the API as decimal
 * strings (`"10300.00"`) and are formatted as strings, never through floating point (conversions
 * between typed text, minor units and fractions are in `decimal.ts`).
 */
import { decimal, formatDecimal, parseDecimal, roundDecimal } from '@puhui/money';

/**
 * Groups the integer part of a decimal-string amount in thousands.
 *
 * @example formatAmount('1234567.80'); // '1,234,567.80'
 * @example formatAmount('-50.00'); // '-50.00'
 */
export function formatAmount(amount: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(amount.trim());
  if (!m) return amount;
  const [, sign, int = '', frac = ''] = m;
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac}`;
}

/**
 * A rate given as a decimal fraction string, as a percentage rounded half-up to `digits` places
 * (exact decimal arithmetic on the string).
 *
 * @example formatRate('0.18151635'); // '18.15%'
 * @example formatRate('0.12682621', 1); // '12.7%'
 */
export function formatRate(fraction: string, digits = 2): string {
  const value = /^-?\d+(\.\d+)?$/.test(fraction.trim()) ? parseDecimal(fraction) : undefined;
  if (!value) return fraction;
  const percent = roundDecimal(decimal(value.units, value.scale - 2), digits, 'half_up');
  return `${formatDecimal(percent, digits)}%`;
}

/**
 * An ISO timestamp in the reader's language and local time, to the minute.
 *
 * @example formatDateTime('2026-03-02T08:00:00.000Z', 'en'); // e.g. 'Mar 2, 2026, 4:00 PM' in UTC+8
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * A calendar date (`YYYY-MM-DD`) in the reader's language, without time-zone shifts; `medium`
 * is shorter for table columns.
 *
 * @example formatDate('2026-02-15', 'zh-CN'); // '2026年2月15日'
 * @example formatDate('2026-02-15', 'en', 'medium'); // 'Feb 15, 2026'
 */
export function formatDate(date: string, language: string, style: 'long' | 'medium' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(utc);
}

/**
 * A phone number with its middle digits hidden, as the server's logs show it.
 *
 * @example maskPhone('+8613800000001'); // '+86 138****0001'
 */
export function maskPhone(phone: string): string {
  const m = /^\+86(\d{3})\d{4}(\d{4})$/.exec(phone);
  if (m) return `+86 ${m[1]}****${m[2]}`;
  if (phone.length <= 6) return phone;
  return `${phone.slice(0, 4)}****${phone.slice(-4)}`;
}

/**
 * A mainland mobile number typed by a person, as E.164 (`+86…`), or null when it is not one. A
 * number already starting with `+` is kept (spaces and dashes removed).
 *
 * @example toE164('138 0000 0001'); // '+8613800000001'
 * @example toE164('12345'); // null
 */
export function toE164(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  if (/^1[3-9]\d{9}$/.test(compact)) return `+86${compact}`;
  return null;
}
