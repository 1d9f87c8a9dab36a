import { z } from 'zod';

/** `?limit=&offset=` paging shared by every list route (maximum page size 200). */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Response headers and errors every route documents. */
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const tokenSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresAt: z.string(),
  })
  .meta({ id: 'AccessToken' });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()).readonly(),
    status: z.enum(['active', 'disabled']),
    locked: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const borrowerSchema = z
  .object({
    id: z.string(),
    phone: z.string(),
    fullName: z.string(),
    partnerId: z.string().nullable(),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Borrower' });

export const partnerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    apiKey: z.string(),
    status: z.enum(['active', 'disabled']),
    createdAt: z.string(),
  })
  .meta({ id: 'Partner' });

/** Header every creating or money-moving POST requires. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(8)
    .max(128)
    .describe('Client-chosen unique key; a repeat with the same body replays the first response'),
});
