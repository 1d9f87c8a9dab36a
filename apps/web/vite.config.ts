import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(root, 'dist');
/** Where `npm run dev` sends API calls: a server started with `npx puhui serve --demo --port 3100`. */
const apiTarget = process.env.PUHUI_API_URL ?? 'http://localhost:3100';

/** Writes `.br` and `.gz` beside every text asset, so the server sends them precompressed. */
function precompress(): Plugin {
  return {
    name: 'puhui-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file) || file.includes(`${join('dist', '.vite')}`)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/** In development, deep links under /portal/ get the portal's page (the server does this in production). */
function portalFallback(): Plugin {
  return {
    name: 'puhui-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        if (/^\/portal(\/[^.]*)?(\?.*)?$/.test(url)) req.url = '/portal/index.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress(), portalFallback()],
  appType: 'spa',
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { console: join(root, 'index.html'), portal: join(root, 'portal/index.html') },
      output: {
        // Name the libraries both apps share, so their chunks stay cached across releases of
        // either app; everything else splits automatically (a chunk per lazy page).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'i18n',
              test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
            },
            { name: 'query', test: /node_modules[\\/](@tanstack|openapi-fetch)[\\/]/ },
            // The app's shared code and the exact decimals it takes from @puhui/money.
            { name: 'shared', test: /(src[\\/](api|i18n|shared)|packages[\\/]money[\\/]src)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/health': apiTarget, '/openapi.json': apiTarget },
  },
});
