import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../scripts/api-types.ts';

it('the committed API types match the server’s OpenAPI document (run `npm run gen:api -w @puhui/web` if not)', async () => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  const fresh = await generateApiTypes();
  // Compare line by line so a failure names the first differing line rather than a huge string.
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const first = a.findIndex((line, i) => line !== b[i]);
  expect(
    first === -1 && a.length === b.length
      ? 'up to date'
      : `stale from line ${first + 1}: ${b[first] ?? '(end)'}`,
  ).toBe('up to date');
});
