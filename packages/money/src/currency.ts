declare const currencyBrand: unique symbol;

/** An ISO 4217 alphabetic code known to Puhui (see {@link currencyScale}); obtain one with {@link currencyCode}. */
export type CurrencyCode = string & { readonly [currencyBrand]: true };

/**
 * Minor-unit digits per ISO 4217 code. The list covers the currencies Puhui is expected to meet;
 * add a code here (with its ISO 4217 exponent) before using it.
 */
const SCALES: Readonly<Record<string, number>> = {
  // two decimals
  CNY: 2,
  USD: 2,
  EUR: 2,
  HKD: 2,
  MOP: 2,
  TWD: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  INR: 2,
  PKR: 2,
  BDT: 2,
  LKR: 2,
  NPR: 2,
  MNT: 2,
  KZT: 2,
  RUB: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  TRY: 2,
  ZAR: 2,
  NGN: 2,
  KES: 2,
  GHS: 2,
  EGP: 2,
  MAD: 2,
  BRL: 2,
  MXN: 2,
  ARS: 2,
  COP: 2,
  PEN: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  ILS: 2,
  IDR: 2,
  MMK: 2,
  KHR: 2,
  LAK: 2,
  ETB: 2,
  TZS: 2,
  ZMW: 2,
  // zero decimals
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  PYG: 0,
  UGX: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  RWF: 0,
  KMF: 0,
  GNF: 0,
  DJF: 0,
  BIF: 0,
  VUV: 0,
  // three decimals
  BHD: 3,
  KWD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
};

/**
 * Whether `code` is a currency code Puhui knows.
 *
 * @example isCurrencyCode('CNY') // true
 */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(SCALES, code);
}

/**
 * Checks and brands an ISO 4217 code; throws a `RangeError` for an unknown code (a programmer
 * error: user input goes through {@link isCurrencyCode} first).
 *
 * @example const cny = currencyCode('CNY');
 */
export function currencyCode(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new RangeError(`unknown currency code: ${code}`);
  return code;
}

/**
 * Number of minor-unit digits of a currency (CNY 2, JPY 0, KWD 3).
 *
 * @example currencyScale(currencyCode('JPY')) // 0
 */
export function currencyScale(code: CurrencyCode): number {
  return SCALES[code] as number;
}

/** Every known currency code, sorted. */
export function knownCurrencies(): readonly CurrencyCode[] {
  return Object.keys(SCALES).sort() as CurrencyCode[];
}
