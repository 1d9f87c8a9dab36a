import {
  DEMO_PARTNER,
  DEMO_PASSWORD,
  DEMO_USERS,
  dispatchOutbox,
  type EventSink,
  runScheduledEod,
  seedDemo,
  seedDemoBook,
} from '@puhui/services';
import { openStore } from '@puhui/store';
import type { FastifyInstance } from 'fastify';
import { buildApp, REDACT_PATHS } from './app.ts';
import type { ServerConfig } from './config.ts';
import { createContext } from './context.ts';

/** A listening server and how to stop it. */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Stops accepting requests, finishes those in flight, stops background work, closes the database. */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  /** Seed the demo data set (users, partner, borrowers, siting study, risk model) into an empty database. */
  readonly demo?: boolean;
  /**
   * With `demo`: also grow a demo loan book of this many loans over a year of history (real
   * services, day by day) when the database has no loans yet. Default 0.
   */
  readonly demoLoans?: number;
  /**
   * Grow the demo book after the server is listening (progress in the log) instead of before: the
   * console is usable at once and fills in as the history is replayed.
   */
  readonly demoInBackground?: boolean;
  readonly handleSignals?: boolean;
  readonly print?: (line: string) => void;
}

/**
 * Starts Puhui: opens and migrates the database, seeds demo data when asked and the database is
 * empty, serves HTTP, runs the outbox dispatcher, and shuts down gracefully on SIGINT/SIGTERM.
 *
 * @example const server = await startServer(loadConfig(process.env), { demo: true });
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const store = openStore(config.store);
  const applied = await store.migrate();
  const app0Logger = { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  let app: FastifyInstance | undefined;
  const ctx = createContext({
    store,
    auth: { tokenSecret: config.tokenSecret, tokenTtlSeconds: config.tokenTtlSeconds },
    log: (message, fields) => app?.log.info(fields, message),
    timeZone: config.timeZone,
    paymentSandbox: config.paymentSandbox ?? (options.demo ? 'instant' : 'off'),
  });
  app = await buildApp({
    ctx,
    logger: app0Logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    authRateLimitPerMinute: config.authRateLimitPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    metricsToken: config.metricsToken,
  });
  const log = app.log;
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const demo = options.demo ? await seedDemo(ctx) : undefined;
  const demoLoans = options.demo ? (options.demoLoans ?? 0) : 0;
  const stopDemo = new AbortController();
  const growBook = () =>
    seedDemoBook(ctx, {
      loans: demoLoans,
      seed: 2026,
      signal: stopDemo.signal,
      onDay: (date, day, days) => {
        if (day % 30 === 0 || day === days) log.info({ date, day, days }, 'demo loan book: day replayed');
      },
    });
  if (demoLoans > 0 && !options.demoInBackground) await growBook();

  const sink: EventSink = {
    async deliver(event) {
      log.info(
        { event: { id: event.id, type: event.type, subject: event.subject.replace(/\+\d+/, '+…') } },
        'event published',
      );
    },
  };
  let dispatching = false;
  const timer =
    config.outboxIntervalMs > 0
      ? setInterval(() => {
          if (dispatching) return;
          dispatching = true;
          dispatchOutbox(ctx, sink)
            .catch((error) => log.warn({ err: error }, 'outbox dispatch failed'))
            .finally(() => {
              dispatching = false;
            });
        }, config.outboxIntervalMs)
      : undefined;
  timer?.unref();

  // The scheduled end of day: a tick per check interval closes every business date that is due.
  // It waits for a demo book being grown (which runs its own end of day per simulated date).
  let eodTimer: NodeJS.Timeout | undefined;
  let eodRunning: Promise<void> | undefined;
  const eodSchedule = config.eodSchedule;
  const startEodSchedule = () => {
    if (!eodSchedule || config.eodCheckMs <= 0 || stopDemo.signal.aborted) return;
    const tick = () => {
      if (eodRunning) return;
      eodRunning = runScheduledEod(ctx, eodSchedule, { worker: `scheduler-${process.pid}` })
        .then((result) => {
          if (result) {
            const closed = result.days.filter((d) => !d.alreadyClosed);
            log.info(
              {
                dates: closed.map((d) => d.date),
                loans: closed.reduce((s, d) => s + d.loans, 0),
                openDate: result.openDate,
              },
              'scheduled end of day completed',
            );
          }
        })
        .catch((error) => log.error({ err: error }, 'scheduled end of day failed'))
        .finally(() => {
          eodRunning = undefined;
        });
    };
    tick();
    eodTimer = setInterval(tick, config.eodCheckMs);
    eodTimer.unref();
  };

  const address = await app.listen({ host: config.host, port: config.port });
  const url = `http://localhost:${new URL(address).port}`;
  const growing =
    demoLoans > 0 && options.demoInBackground
      ? growBook()
          .then((book) => {
            if (book.seeded && !book.stopped) log.info({ loans: book.loans }, 'demo loan book ready');
          })
          .catch((error) => {
            if (!stopDemo.signal.aborted) log.error({ err: error }, 'demo loan book failed');
          })
          .finally(startEodSchedule)
      : undefined;
  if (!growing) startEodSchedule();
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (timer) clearInterval(timer);
    stopDemo.abort();
    await growing;
    if (eodTimer) clearInterval(eodTimer);
    await eodRunning;
    await app.close();
    await store.close();
  };
  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  print(`Puhui is running at ${url}  (database: ${store.dialect} ${store.location})`);
  print(`  API document: ${url}/openapi.json   browse: ${url}/docs   health: ${url}/health`);
  if (options.demo) {
    if (demo?.seeded) print('  Demo data seeded.');
    if (growing)
      print(
        `  Growing a demo loan book of ${demoLoans} loans over a year of history in the background (progress in the log).`,
      );
    print(
      `  Sign in (staff): POST ${url}/api/v1/auth/sign-in with one of these users, password '${DEMO_PASSWORD}':`,
    );
    print(`    ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(',')})`).join(', ')}`);
    print(`  Borrowers sign in by phone (+8613800000001) and a one-time code printed in this log.`);
    print(`  Demo partner API key: ${DEMO_PARTNER.apiKey} (secret in docs/security.md).`);
  }
  return { app, url, close };
}
