import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `vite build` writes the web app (apps/web/dist), relative to this file. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the web app never answers: they belong to the API and the platform routes. */
const RESERVED = ['/api', '/health', '/metrics', '/openapi.json', '/docs'];

/** Hashed build output: the name changes with the content, so browsers may keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function isReserved(path: string): boolean {
  return RESERVED.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Serves the production build of apps/web: the staff console at `/` and the borrower portal at
 * `/portal`, each a single-page app whose client routes (`/users`, `/portal/learn/rate`) get the
 * app's `index.html`. Hashed assets under `/assets/` are cached for a year; HTML is revalidated
 * on every load; `.br`/`.gz` files written by the build are sent to browsers that accept them.
 * API, health, metrics and documentation paths are never answered with HTML: unknown ones stay
 * `404` problem documents. When the app is not built, pages answer 503 with how to build it.
 *
 * @example await registerWeb(app, { distDir: WEB_DIST_DIR });
 */
export async function registerWeb(app: FastifyInstance, options: { distDir?: string } = {}): Promise<void> {
  const distDir = resolve(options.distDir ?? WEB_DIST_DIR);
  await app.register(fastifyStatic, {
    root: distDir,
    serve: false,
    preCompressed: true,
    // The build is not there yet in a fresh clone; `npm start` builds it before serving.
    suppressWarning: !existsSync(distDir),
  });

  const sendPage = (reply: FastifyReply, page: string) => {
    if (!existsSync(join(distDir, page))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          'The web app is not built yet: run `node apps/web/scripts/ensure-build.mjs` (npm start does).\n',
        );
    }
    return reply.header('cache-control', 'no-cache').sendFile(page, { cacheControl: false });
  };

  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (isReserved(path)) return reply.callNotFound();
    const file = path.replace(/^\/+/, '');
    const last = file.split('/').pop() ?? '';
    if (last.includes('.')) {
      // A file: served when the build has it, otherwise a 404 (never an HTML page for a script).
      const full = resolve(distDir, file);
      if (!full.startsWith(`${distDir}/`) || !existsSync(full) || !statSync(full).isFile())
        return reply.callNotFound();
      if (file.startsWith('assets/'))
        return reply.header('cache-control', IMMUTABLE).sendFile(file, { cacheControl: false });
      if (file.endsWith('.html')) return sendPage(reply, file);
      return reply.sendFile(file, { maxAge: 3_600_000 });
    }
    return sendPage(
      reply,
      path === '/portal' || path.startsWith('/portal/') ? 'portal/index.html' : 'index.html',
    );
  });
}
