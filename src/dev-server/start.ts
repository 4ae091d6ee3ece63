/**
 * `npm start`: builds the add-in and the workbench, serves both from the development server
 * (https://localhost:3000, or http with a warning when no certificate can be had), and prints
 * the URLs and how to load the add-in into Excel. It needs no Excel: the same server feeds Excel
 * on Windows, macOS and the web, and /workbench.html runs the task pane in any browser.
 * Stop it with Ctrl+C.
 */
import * as path from 'path';
import webpack from 'webpack';
import type { Configuration } from 'webpack';
import WebpackDevServer from 'webpack-dev-server';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';

const ROOT = path.resolve(__dirname, '../..');

type AddinConfiguration = Configuration & { devServer: DevServerConfiguration };

/**
 * Where a browser opens the workbench: on the add-in's base URL, or on 127.0.0.1 when it is
 * served over plain http (no certificate), where a browser needs no exception for it.
 *
 * @example
 *   workbenchUrl('https://localhost:3000/'); // 'https://localhost:3000/workbench.html'
 *   workbenchUrl('http://localhost:3000/');  // 'http://127.0.0.1:3000/workbench.html'
 */
export function workbenchUrl(base: string): string {
  const url = new URL('workbench.html', base);
  if (url.protocol === 'http:') url.hostname = '127.0.0.1';
  return url.href;
}

/**
 * The lines printed once the add-in is served from `base` (such as "https://localhost:3000/").
 *
 * @example
 *   servedMessage('https://localhost:3000/', ['VALUE'])[0]; // "Pilot Gate is served at https://localhost:3000/"
 */
export function servedMessage(base: string, functionIds: string[]): string[] {
  const lines = [
    `Pilot Gate is served at ${base}`,
    '',
    `Try it without Excel:  ${workbenchUrl(base)}`,
    '  (the workbench: the task pane beside a workbook in the browser, preloaded with the sample)',
    '',
    `  task pane         ${base}taskpane.html`,
    `  custom functions  ${base}functions.json (${functionIds.map((id) => `PILOT.${id}`).join(', ') || 'none'})`,
    `  help              ${base}help.html (the user guide and the PILOT function reference)`,
    `  manifest          ${path.join(ROOT, 'manifest.xml')} (also ${base}manifest.xml)`,
    '',
    'Load it into Excel:',
    '  Windows or macOS:  npx office-addin-debugging start manifest.xml   (in a second terminal; opens Excel with the add-in)',
    '  Excel on the web:  Home > Add-ins > More Add-ins > Upload My Add-in, then choose manifest.xml',
    'The ribbon then shows Home > Pilot Gate, and =PILOT.VALUE("2 h","min") returns 120.',
  ];
  if (base.startsWith('http:')) {
    lines.push('', 'Served over http: Excel only loads add-ins over https. Run `npx office-addin-dev-certs install`, then `npm start` again.');
  }
  lines.push('', 'Stop with Ctrl+C.');
  return lines;
}

/** Keeps the custom function ids of each build's functions.json, read before it is emitted. */
function watchFunctionIds(compiler: webpack.Compiler, found: (ids: string[]) => void): void {
  compiler.hooks.thisCompilation.tap('pilot-gate-start', (compilation) => {
    compilation.hooks.processAssets.tap({ name: 'pilot-gate-start', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
      const metadata = assets['functions.json'];
      if (!metadata) return;
      const json = JSON.parse(metadata.source().toString()) as { functions?: { id: string }[] };
      found((json.functions ?? []).map((f) => f.id));
    });
  });
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<AddinConfiguration>;
  const config = await configure({ WEBPACK_SERVE: true }, { mode: 'development' });
  const { devServer, ...bundling } = config;
  // The workbench minified, as it opens fastest (webpack.config.js, workbenchConfig); the add-in as Excel's developers load it.
  const workbench = (await configure({ WEBPACK_SERVE: true, workbench: true }, { mode: 'production' })) as Configuration;
  const secure = typeof devServer.server === 'object' && devServer.server.type === 'https';
  const base = `${secure ? 'https' : 'http'}://localhost:${devServer.port}/`;

  console.log('Building Pilot Gate (development) and its workbench (minified) ...');
  // Quiet: the summary below says what matters; errors and warnings still show.
  const quiet = { stats: 'errors-warnings', infrastructureLogging: { level: 'warn' } } as const;
  const compiler = webpack([
    { ...bundling, ...quiet },
    { ...workbench, ...quiet },
  ]);
  let ids: string[] = [];
  watchFunctionIds(compiler.compilers[0], (found) => (ids = found));
  let first = true;
  compiler.hooks.done.tap('pilot-gate-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: true }));
      console.error('The build has errors (above); the server keeps running and rebuilds when files change.');
      return;
    }
    if (!first) return;
    first = false;
    console.log(['', ...servedMessage(base, ids)].join('\n'));
  });

  const server = new WebpackDevServer({ ...devServer, client: { logging: 'warn' } }, compiler);
  try {
    await server.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new Error(`Port ${devServer.port} is in use: is another \`npm start\` or \`npm run dev-server\` running?`, { cause: error });
    }
    throw error;
  }
  const stop = (): void => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
