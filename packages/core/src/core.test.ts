import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHash, auditVerifier, GENESIS_HASH } from './audit-chain.ts';
import { canonicalJson } from './canonical-json.ts';
import { errorCatalogue } from './errors.ts';
import { sequentialIds } from './ids.ts';
import { permissionsOf, rolePermissions, roles } from './roles.ts';

describe('error catalogue', () => {
  it('is documented entry by entry in docs/errors.md with the same status', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)), 'utf8');
    for (const [code, { status }] of Object.entries(errorCatalogue)) {
      expect(doc, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${status} \\|`));
    }
  });
  it('uses only client or server error statuses', () => {
    for (const { status } of Object.values(errorCatalogue)) expect(status >= 400 && status < 600).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
  it('gives equal text for equal values whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('audit chain', () => {
  const link = (seq: number, prevHash: string) => ({
    seq,
    id: `aud_${seq}`,
    occurredAt: '2026-01-01T00:00:00.000Z',
    actor: 'user:u1',
    action: 'x',
    subjectType: 't',
    subjectId: 's',
    beforeDigest: null,
    afterDigest: null,
    details: null,
    prevHash,
  });
  it('accepts a well-formed chain and rejects any altered, reordered or skipped record', () => {
    const chain: Array<{ l: ReturnType<typeof link>; h: string }> = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 5; i++) {
      const l = link(i, prev);
      prev = auditHash(l);
      chain.push({ l, h: prev });
    }
    const ok = auditVerifier();
    for (const { l, h } of chain) expect(ok.check(l, h)).toBeUndefined();
    const altered = auditVerifier();
    chain.forEach(({ l, h }, i) => {
      const res = altered.check(i === 2 ? { ...l, actor: 'user:evil' } : l, h);
      if (i < 2) expect(res).toBeUndefined();
      if (i === 2) expect(res).toEqual({ seq: 3, id: 'aud_3', reason: 'hash_mismatch' });
    });
    const skipped = auditVerifier();
    expect(skipped.check(chain[0]!.l, chain[0]!.h)).toBeUndefined();
    expect(skipped.check(chain[2]!.l, chain[2]!.h)?.reason).toBe('sequence_gap');
  });
});

describe('roles', () => {
  it('grants every role read access and keeps user administration with admin', () => {
    for (const role of roles) expect(permissionsOf([role]).has('loans:read')).toBe(true);
    const managers = roles.filter((r) => rolePermissions[r].includes('users:manage'));
    expect(managers).toEqual(['admin']);
  });
  it('unions the permissions of several roles', () => {
    const both = permissionsOf(['auditor', 'loan_officer']);
    expect(both.has('audit:verify') && both.has('loans:transact')).toBe(true);
  });
});

it('sequential ids are predictable', () => {
  const ids = sequentialIds();
  expect([ids.next('usr'), ids.next('evt')]).toEqual(['usr_000001', 'evt_000002']);
});
