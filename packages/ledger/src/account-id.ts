/** Characters allowed in account codes and sub-account keys. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The account id a journal line posts to: the account code, or `code:key` for a sub-account
 * (a payment channel, partner, merchant or loan classification).
 *
 * @example accountId('1002', 'alipay') // '1002:alipay'
 * @example accountId('1303') // '1303'
 */
export function accountId(code: string, subAccount?: string): string {
  return subAccount === undefined ? code : `${code}:${subAccount}`;
}

/**
 * Splits an account id into its code and optional sub-account key.
 *
 * @example parseAccountId('1002:alipay') // { code: '1002', subAccount: 'alipay' }
 */
export function parseAccountId(id: string): { readonly code: string; readonly subAccount?: string } {
  const at = id.indexOf(':');
  return at < 0 ? { code: id } : { code: id.slice(0, at), subAccount: id.slice(at + 1) };
}
