import { describe, expect, it } from 'vitest';
import { chosen } from './forms.ts';

describe('chosen', () => {
  it('refuses an empty select and accepts any value', async () => {
    const rule = chosen('Choose one');
    await expect(rule.validator(null, undefined)).rejects.toThrow('Choose one');
    await expect(rule.validator(null, '')).rejects.toThrow('Choose one');
    await expect(rule.validator(null, 'alipay')).resolves.toBeUndefined();
    expect(rule).not.toHaveProperty('required');
  });
});
