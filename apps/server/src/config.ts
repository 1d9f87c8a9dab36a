import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EodSchedule, parseEodSchedule } from '@puhui/services';
import { resolveStoreConfig, type StoreConfig } from '@puhui/store';

/** Server settings, all from environment variables (documented in README.md). */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly store: StoreConfig;
  readonly dataDir: string;
  readonly tokenSecret: string;
  readonly tokenTtlSeconds: number;
  /** Requests per minute per client (user, partner key or IP). */
  readonly rateLimitPerMinute: number;
  /** Sign-in and one-time-code requests per minute per IP. */
  readonly authRateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  readonly metricsToken: string | undefined;
  /** Milliseconds between outbox dispatch rounds; 0 disables the in-process dispatcher. */
  readonly outboxIntervalMs: number;
  /** The lender's business time zone (`PUHUI_TIMEZONE`, default Asia/Shanghai). */
  readonly timeZone: string;
  /** The scheduled end of day (`PUHUI_EOD_AT` in the business time zone), or undefined when switched off. */
  readonly eodSchedule: EodSchedule | undefined;
  /** Milliseconds between checks whether an end of day is due (`PUHUI_EOD_CHECK_MS`). */
  readonly eodCheckMs: number;
  /**
   * The built-in sandbox payment channels: `instant` (collections succeed at once), `callback`
   * (pending until a signed callback), `off`; undefined = `instant` with demo data, else `off`.
   */
  readonly paymentSandbox: PaymentSandboxMode | undefined;
}

/** How the built-in sandbox payment channels behave, or `off` for none. */
export type PaymentSandboxMode = 'instant' | 'callback' | 'off';

function sandboxMode(raw: string | undefined): PaymentSandboxMode | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'instant' || raw === 'callback' || raw === 'off') return raw;
  throw new Error(`PUHUI_PAYMENT_SANDBOX must be instant, callback or off (got '${raw}')`);
}

function int(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer (got '${raw}')`);
  return n;
}

/**
 * The token-signing secret: `PUHUI_AUTH_SECRET` when set (required when several servers share
 * PostgreSQL), otherwise a random secret kept in `<dataDir>/auth-secret` so tokens survive restarts.
 */
export function loadTokenSecret(env: Readonly<Record<string, string | undefined>>, dataDir: string): string {
  const fromEnv = env.PUHUI_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('PUHUI_AUTH_SECRET must be at least 32 characters');
    return fromEnv;
  }
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The scheduled end of day: `PUHUI_EOD_AT` (HH:MM, default 00:30; `off` switches it off) in
 * `PUHUI_TIMEZONE` (default Asia/Shanghai).
 */
function eodSchedule(env: Readonly<Record<string, string | undefined>>): EodSchedule | undefined {
  const at = env.PUHUI_EOD_AT || '00:30';
  try {
    const schedule = parseEodSchedule(at === 'off' ? '00:00' : at, env.PUHUI_TIMEZONE || 'Asia/Shanghai');
    return at === 'off' ? undefined : schedule;
  } catch (error) {
    throw new Error(`PUHUI_EOD_AT/PUHUI_TIMEZONE: ${(error as Error).message}`);
  }
}

/**
 * Reads the server configuration from the environment.
 *
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): ServerConfig {
  const store = resolveStoreConfig(env, cwd);
  const dataDir = store.dataDir as string;
  return {
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000),
    store,
    dataDir,
    tokenSecret: loadTokenSecret(env, dataDir),
    tokenTtlSeconds: int(env, 'PUHUI_TOKEN_TTL_SECONDS', 900),
    rateLimitPerMinute: int(env, 'PUHUI_RATE_LIMIT_PER_MINUTE', 600),
    authRateLimitPerMinute: int(env, 'PUHUI_AUTH_RATE_LIMIT_PER_MINUTE', 20),
    bodyLimitBytes: int(env, 'PUHUI_BODY_LIMIT_BYTES', 1_048_576),
    logLevel: env.LOG_LEVEL || 'info',
    metricsToken: env.PUHUI_METRICS_TOKEN || undefined,
    outboxIntervalMs: int(env, 'PUHUI_OUTBOX_INTERVAL_MS', 1_000),
    timeZone: env.PUHUI_TIMEZONE || 'Asia/Shanghai',
    eodSchedule: eodSchedule(env),
    eodCheckMs: int(env, 'PUHUI_EOD_CHECK_MS', 60_000),
    paymentSandbox: sandboxMode(env.PUHUI_PAYMENT_SANDBOX),
  };
}
