import { AppError, type Permission, permissionsOf } from '@puhui/core';
import {
  authenticatePartner,
  authenticateToken,
  PARTNER_HEADERS,
  type Principal,
  type ServiceContext,
} from '@puhui/services';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Who may call a route. Every route declares one in `config.access`; a route without it fails at
 * start-up (deny by default). Fields combine with "or": `{ staff: 'borrowers:read', borrower: true }`
 * lets staff with that permission and any signed-in borrower in (the use case then limits a borrower
 * to its own records).
 */
export interface Access {
  /** Open to anyone (sign-in, health, the API document). */
  readonly public?: true;
  /** Staff holding this permission. */
  readonly staff?: Permission;
  /** Any signed-in borrower. */
  readonly borrower?: true;
  /** Any partner presenting a valid signature. */
  readonly partner?: true;
  /** Any signed-in staff user, whatever the role (sign-out, password change). */
  readonly anyStaff?: true;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    rawBody: string | undefined;
  }
  interface FastifyInstance {
    /** Every guarded route and who may call it, in registration order (docs and the role-matrix test). */
    routeAccess: Array<{ method: string; url: string; access: Access }>;
  }
}

/** Routes outside the API that the access check leaves alone (served by plugins). */
const UNGUARDED_PREFIXES = ['/docs'];

/** The caller's principal; throws when the route ran without one (a programming error). */
export function principalOf(request: FastifyRequest): Principal {
  const p = request.principal;
  if (!p) throw new AppError('unauthenticated');
  return p;
}

async function authenticate(
  ctx: ServiceContext,
  request: FastifyRequest,
  access: Access,
): Promise<Principal | undefined> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(auth);
    if (!match?.[1]) throw new AppError('token_invalid', 'Authorization must be "Bearer <token>"');
    return authenticateToken(ctx, match[1]);
  }
  if (request.headers[PARTNER_HEADERS.apiKey] !== undefined || (access.partner && !access.public)) {
    const header = (name: string) => {
      const v = request.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    return authenticatePartner(ctx, {
      apiKey: header(PARTNER_HEADERS.apiKey),
      signature: header(PARTNER_HEADERS.signature),
      timestamp: header(PARTNER_HEADERS.timestamp) ?? '',
      nonce: header(PARTNER_HEADERS.nonce) ?? '',
      method: request.method,
      path: request.url,
      body: request.rawBody ?? '',
    });
  }
  return undefined;
}

/** Decides whether `principal` may use a route with `access`. */
export function allows(access: Access, principal: Principal | undefined): boolean {
  if (access.public) return true;
  if (!principal) return false;
  switch (principal.kind) {
    case 'user':
      if (access.anyStaff) return true;
      return access.staff !== undefined && permissionsOf(principal.roles).has(access.staff);
    case 'borrower':
      return access.borrower === true;
    case 'partner':
      return access.partner === true;
    default:
      return false;
  }
}

/**
 * Registers authentication and authorisation: every request to a declared route is authenticated
 * (bearer token or partner signature) and checked against the route's `access` before validation
 * and the handler run.
 */
export function registerAccessControl(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('principal', undefined);
  app.decorateRequest('rawBody', undefined);
  const table: FastifyInstance['routeAccess'] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    if (UNGUARDED_PREFIXES.some((p) => route.url.startsWith(p))) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (deny by default)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
    }
  });
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    // Only the not-found handler and the /docs plugin lack a rule: onRoute refuses any other route.
    if (!access) return;
    const principal = await authenticate(ctx, request, access);
    request.principal = principal;
    if (allows(access, principal)) return;
    throw new AppError(principal ? 'forbidden' : 'unauthenticated');
  });
}
