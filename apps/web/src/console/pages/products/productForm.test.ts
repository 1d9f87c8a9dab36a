import { defaultProductConfig } from '@puhui/services';
import { describe, expect, it } from 'vitest';
import { toFormProblem } from '../../../api/problem.ts';
import {
  amountRule,
  configOf,
  isMaker,
  NEW_PRODUCT_CONFIG,
  type ProductConfig,
  productProblems,
  valuesOf,
} from './productForm.ts';

describe('the product form’s values', () => {
  it('starts a new product from the server’s default terms', () => {
    expect(NEW_PRODUCT_CONFIG).toEqual(defaultProductConfig());
  });

  it('shows rates in percent and amounts in yuan', () => {
    const v = valuesOf(NEW_PRODUCT_CONFIG);
    expect(v.annualRate).toBe('18');
    expect(v.limits).toEqual({
      minPrincipal: '1000.00',
      maxPrincipal: '200000.00',
      minRepayments: 1,
      maxRepayments: 36,
    });
    expect(v.provisioning).toEqual({
      normal: '1.5',
      special_mention: '2.5',
      substandard: '25',
      doubtful: '50',
      loss: '100',
    });
    expect(v.penalty).toEqual({
      enabled: true,
      annualRate: '18',
      graceDays: 3,
      base: 'principal',
      daysInYear: 360,
    });
  });

  it('gives back exactly the configuration it was made from', () => {
    const config: ProductConfig = {
      ...NEW_PRODUCT_CONFIG,
      annualRate: '0.1235',
      fees: [
        { name: 'Service fee', type: 'flat', amountMinor: 5_050, at: 'disbursement' },
        { name: 'Monthly fee', type: 'percent', rate: '0.002', at: 'installment' },
      ],
      penalty: null,
      basis: 'cash',
    };
    expect(configOf(valuesOf(config))).toEqual(config);
    expect(configOf(valuesOf(NEW_PRODUCT_CONFIG))).toEqual(NEW_PRODUCT_CONFIG);
  });

  it('turns what a person typed into the API’s units exactly', () => {
    const v = valuesOf(NEW_PRODUCT_CONFIG);
    const config = configOf({
      ...v,
      currency: ' cny ',
      annualRate: '12.5',
      limits: { ...v.limits, minPrincipal: '500', maxPrincipal: '50000.5' },
      fees: [{ name: 'Fee', type: 'flat', amount: '0.29', at: 'installment' }],
      penalty: { ...v.penalty, enabled: false },
    });
    expect(config.currency).toBe('CNY');
    expect(config.annualRate).toBe('0.125');
    expect(config.limits.minPrincipalMinor).toBe(50_000);
    expect(config.limits.maxPrincipalMinor).toBe(5_000_050);
    expect(config.fees).toEqual([{ name: 'Fee', type: 'flat', amountMinor: 29, at: 'installment' }]);
    expect(config.penalty).toBeNull();
  });
});

describe('amountRule', () => {
  it('accepts exactly what configOf can turn into minor units of the typed currency', () => {
    expect(amountRule('2000.5', 'CNY')).toBe(true);
    expect(amountRule('12,000', ' cny ')).toBe(true);
    expect(amountRule('1.234', 'CNY')).toBe(false);
    expect(amountRule('1.5', 'JPY')).toBe(false);
    expect(amountRule('1.5', '')).toBe(true);
    expect(amountRule('', 'CNY')).toBe(false);
    expect(amountRule(undefined, 'CNY')).toBe(false);
  });
});

describe('server problems on the product form', () => {
  it('lands each path under the field a person typed into', () => {
    const laid = toFormProblem(
      {
        type: 'urn:puhui:error:validation_failed',
        title: 'Invalid request',
        status: 400,
        code: 'validation_failed',
        errors: [
          { path: 'body.config.annualRate', message: 'Invalid string' },
          { path: 'body.config.fees.0.amountMinor', message: 'Too small' },
          { path: 'config.limits', message: 'principal limits must be positive with min ≤ max' },
          { path: 'config.classification', message: 'thresholds must increase' },
          { path: 'body.config.provisioning.loss', message: 'Invalid string' },
        ],
      },
      productProblems(false),
    );
    expect(laid.general).toBe(false);
    expect(laid.fields.map((f) => f.name)).toEqual([
      ['config', 'annualRate'],
      ['config', 'fees', 0, 'amount'],
      ['config', 'limits'],
      ['config', 'classification'],
      ['config', 'provisioning', 'loss'],
    ]);
  });

  it('puts an existing code under the code when creating, above the form when changing', () => {
    const conflict = {
      type: 'urn:puhui:error:conflict',
      title: 'Conflict',
      status: 409,
      code: 'conflict',
    };
    expect(toFormProblem(conflict, productProblems(true), 'Taken').fields).toEqual([
      { name: ['code'], errors: ['Taken'] },
    ]);
    expect(toFormProblem(conflict, productProblems(false)).general).toBe(true);
  });
});

describe('isMaker', () => {
  it('compares the version’s maker with the signed-in user', () => {
    expect(isMaker({ maker: 'user:usr_1' }, { kind: 'user', id: 'usr_1' })).toBe(true);
    expect(isMaker({ maker: 'user:usr_1' }, { kind: 'user', id: 'usr_2' })).toBe(false);
    expect(isMaker({ maker: 'user:usr_1' }, undefined)).toBe(false);
  });
});
