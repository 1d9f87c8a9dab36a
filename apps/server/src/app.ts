import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { ServiceContext } from '@puhui/services';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { registerAccessControl } from './plugins/access.ts';
import { registerMetrics } from './plugins/metrics.ts';
import { registerProblemHandling } from './plugins/problem.ts';
import { registerWeb, WEB_DIST_DIR } from './plugins/web.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { borrowerRoutes } from './routes/borrowers.ts';
import { calculatorRoutes } from './routes/calculator.ts';
import { healthRoutes } from './routes/health.ts';
import { eodRoutes } from './routes/lending/eod.ts';
import { loanRoutes } from './routes/lending/loans.ts';
import { productRoutes } from './routes/lending/products.ts';
import { reportRoutes } from './routes/lending/reports.ts';
import { partnerRoutes } from './routes/partners.ts';
import { paymentRoutes } from './routes/payments.ts';
import { riskRoutes } from './routes/risk.ts';
import { sitingRoutes } from './routes/siting.ts';
import { userRoutes } from './routes/users.ts';

export const API_PREFIX = '/api/v1';
export const VERSION = '0.1.0';

/** What the app needs: the service context and the HTTP-level settings. */
export interface AppOptions {
  readonly ctx: ServiceContext;
  readonly rateLimitPerMinute?: number;
  readonly authRateLimitPerMinute?: number;
  readonly bodyLimitBytes?: number;
  readonly metricsToken?: string | undefined;
  /** pino options (level, destination); `false` silences logging (tests). */
  readonly logger?: FastifyServerOptions['logger'];
}

/** Log fields that may hold personal data or secrets; pino replaces them with `[redacted]`. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-puhui-signature"]',
  'req.headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.phone',
  '*.fullName',
  '*.idNumber',
  '*.secret',
  '*.accessToken',
];

/**
 * Builds the Puhui HTTP application (a Fastify instance with every plugin and route) without
 * listening, so tests drive it with `app.inject()` and `server.ts` owns the socket.
 *
 * @example const app = await buildApp({ ctx, logger: false }); const res = await app.inject({ url: '/health' });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { ctx } = options;
  const app = Fastify({
    logger: options.logger ?? { level: 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    requestIdHeader: 'x-request-id',
    genReqId: () => ctx.ids.next('req'),
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    ajv: undefined,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandling(app);

  // Keep the raw body: partner signatures cover the exact bytes sent.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    request.rawBody = text;
    if (text.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const err = error as Error & { statusCode?: number; code?: string };
      err.statusCode = 400;
      err.code = 'FST_ERR_CTP_INVALID_JSON_BODY';
      done(err, undefined);
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Browsers would rewrite every request to https: and show a blank page over plain HTTP on a
        // LAN address; a TLS-terminating proxy in front sets its own policy.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const key = request.headers['x-puhui-key'];
      if (typeof key === 'string') return `partner:${key}`;
      const auth = request.headers.authorization;
      if (typeof auth === 'string') return `token:${auth.slice(-24)}`;
      return `ip:${request.ip}`;
    },
  });
  const metrics = registerMetrics(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Puhui API',
        version: VERSION,
        description:
          'Scenario-embedded inclusive-finance platform. Errors are application/problem+json with a stable `code` (docs/errors.md).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          partnerKey: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Puhui-Key',
            description: 'Plus X-Puhui-Timestamp, X-Puhui-Nonce and X-Puhui-Signature (docs/security.md)',
          },
        },
      },
      security: [{ bearer: [] }, { partnerKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  registerAccessControl(app, ctx);

  await app.register(healthRoutes, { ctx, metrics, metricsToken: options.metricsToken, version: VERSION });
  app.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(
    async (api) => {
      await api.register(authRoutes, { ctx, authRateLimitPerMinute: options.authRateLimitPerMinute ?? 20 });
      await api.register(userRoutes, { ctx });
      await api.register(partnerRoutes, { ctx });
      await api.register(borrowerRoutes, { ctx });
      await api.register(auditRoutes, { ctx });
      await api.register(calculatorRoutes, { ctx });
      await api.register(productRoutes, { ctx });
      await api.register(loanRoutes, { ctx });
      await api.register(paymentRoutes, { ctx });
      await api.register(eodRoutes, { ctx });
      await api.register(reportRoutes, { ctx });
      await api.register(sitingRoutes, { ctx });
      await api.register(riskRoutes, { ctx });
    },
    { prefix: API_PREFIX },
  );
  await registerWeb(app, { distDir: WEB_DIST_DIR });
  return app;
}
