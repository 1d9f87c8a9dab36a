import type { TFunction } from 'i18next';
import { minorToAmount } from '../../../shared/decimal.ts';
import { formatAmount, formatRate } from '../../../shared/format.ts';
import type { ProductConfig } from './productForm.ts';

/**
 * An amount in minor units of `currency`, grouped.
 *
 * @example formatMinor(100000, 'CNY'); // '1,000.00'
 */
export function formatMinor(minor: number, currency: string): string {
  return formatAmount(minorToAmount(minor, currency));
}

/** The schedule in a few words: "Equal instalments · every 1 month(s) · 1–36 repayments". */
export function scheduleText(t: TFunction, config: ProductConfig): string {
  return [
    t(`products.amortization.${config.amortization}`),
    t(`products.every.${config.frequency}`, { n: config.every }),
    t('products.terms.repayments', { min: config.limits.minRepayments, max: config.limits.maxRepayments }),
  ].join(' · ');
}

/** The principal range with the currency: "CNY 1,000.00–200,000.00". */
export function principalText(config: ProductConfig): string {
  const { minPrincipalMinor, maxPrincipalMinor } = config.limits;
  return `${config.currency} ${formatMinor(minPrincipalMinor, config.currency)}–${formatMinor(maxPrincipalMinor, config.currency)}`;
}

/**
 * A rate from the API (a fraction) as a percentage with up to 4 decimals, trailing zeros dropped.
 *
 * @example percentText('0.18'); // '18%'
 * @example percentText('0.015'); // '1.5%'
 */
export function percentText(fraction: string): string {
  return formatRate(fraction, 4).replace(/\.?0+%$/, '%');
}
