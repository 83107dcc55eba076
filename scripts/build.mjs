// Bundles the CLI (and, when present, the language server and the VS Code client) with esbuild.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Minified, without source maps, for the .vsix (--production) and for the npm package (`npm pack` / `npm publish`
// run `prepare`, which runs this script).
const production = process.argv.includes('--production') || ['pack', 'publish'].includes(process.env.npm_command ?? '');

const entries = [
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/worker.ts', out: 'worker' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  // Some ESM dependencies read import.meta.url; give the CommonJS bundle a real one.
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { PMM_LINT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
});

if (existsSync('client/src/extension.ts')) {
  // The VS Code client (vscode is provided by the editor).
  await build({
    entryPoints: [{ in: 'client/src/extension.ts', out: 'extension' }],
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The preview page's script and style, loaded by the webview from dist/.
  await build({
    entryPoints: [
      { in: 'client/preview/main.ts', out: 'preview' },
      { in: 'client/preview/preview.css', out: 'preview' },
    ],
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: false,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
  });
}
