/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, addinUrl, manifestFor } = require('./scripts/manifest-for');

/**
 * The oldest engines React 19 and Fluent UI v9 support (Fluent's browser support matrix: Chrome and
 * Edge 84, Firefox 75, Safari 14.1, Safari on iOS 14.5): the pages, their dependencies included, are
 * compiled down to them, with core-js for what they lack. test/web-build.test.ts parses the bundles as
 * ES2020, what these engines all read.
 */
const ENGINES = 'chrome >= 84, edge >= 84, firefox >= 75, safari >= 14.1, ios_saf >= 14.5';

/**
 * The task pane may load its own files and Office's script, nothing else. Styles are inline
 * because Fluent UI injects them at run time.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The page without the add-in (peramban.html) loads only its own script and starts its worker from a
 * blob; it may connect nowhere, not even to where it came from: the workbook never leaves the computer.
 */
const CSP_PERAMBAN = [
  "default-src 'none'",
  "script-src 'self'",
  'worker-src blob:',
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The page's worker is built first and its bundle goes into the page's script as text: a page opened
 * from a disk or a shared drive (file://) cannot start a worker from a file, only from a blob.
 */
const WORKER_BUILD = path.resolve(__dirname, 'node_modules', '.cache', 'hitung-capaian', 'peramban-worker');

/** Office's dev certificate; where it cannot be installed as trusted (Linux without sudo), served as is. */
async function devCertificates() {
  const certs = require('office-addin-dev-certs');
  try {
    return await certs.getHttpsServerOptions();
  } catch (e) {
    console.warn(`Sertifikat pengembang tidak dapat dipasang sebagai tepercaya (${e.message.split('\n')[0]}); server tetap memakai sertifikat yang dibuat.`);
    const dir = require('path').join(require('os').homedir(), '.office-addin-dev-certs');
    return { key: fs.readFileSync(path.join(dir, 'localhost.key')), cert: fs.readFileSync(path.join(dir, 'localhost.crt')), ca: fs.readFileSync(path.join(dir, 'ca.crt')) };
  }
}

const typescript = { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json' } };

const babel = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    cacheDirectory: path.resolve(__dirname, 'node_modules', '.cache', 'hitung-capaian', 'babel'),
    // A dependency may be CommonJS: polyfills are then required, not imported.
    sourceType: 'unambiguous',
    // Numeric separators (ES2021) are read by all these engines but written out all the same, so that
    // the bundles are plain ES2020, the level every one of them reads whole.
    presets: [
      ['@babel/preset-env', { targets: ENGINES, bugfixes: true, useBuiltIns: 'usage', corejs: require('core-js/package.json').version, include: ['transform-numeric-separator'] }],
    ],
  },
};

const worker = {
  name: 'peramban-worker',
  target: 'webworker',
  devtool: false,
  entry: { 'peramban-worker': './src/peramban/worker.ts' },
  output: { path: WORKER_BUILD, filename: '[name].js', clean: true },
  resolve: {
    extensions: ['.ts', '.tsx', '.js'],
  },
  module: { rules: [{ test: /\.tsx?$/, use: [typescript] }] },
  performance: { hints: false },
  node: { global: false },
};

/** Where the add-in is served: `npm run build -- --env url=…` or HITUNG_CAPAIAN_URL; the development server's otherwise. */
function servedFrom(env, production) {
  const given = env.url ?? process.env.HITUNG_CAPAIAN_URL;
  if (given) return addinUrl(given);
  if (production) {
    console.warn(
      `Alamat add-in tidak diberikan, jadi dist-web/manifest.xml menunjuk ${DEV_URL}. Untuk server kantor: HITUNG_CAPAIAN_URL=https://server/hitung-capaian/ npm run build (atau npm run build -- --env url=https://server/hitung-capaian/).`,
    );
  }
  return DEV_URL;
}

const web = async (env, argv) => {
  const production = argv.mode === 'production';
  const url = servedFrom(env, production);
  // Office only loads add-ins over https: the dev server uses the certificate office-addin-dev-certs installs.
  const https = env.WEBPACK_SERVE ? await devCertificates() : undefined;
  // Every page comes from one template: the same CSP, office.js only where Office is needed.
  const page = (name, chunk, officeJs, officeClient) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: './src/page.html', title: 'Hitung Capaian', chunks: [chunk], csp: CSP, officeJs, officeClient });
  // A page of the add-in whose script is an ES5 file of its own (src/adapters/office): the pane's
  // loader, which loads the pane's bundle itself, and the ribbon's dialog.
  const es5Page = (name, script, loading) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: './src/page.html', title: 'Hitung Capaian', inject: false, csp: CSP, officeJs: true, script, loading });
  return {
    name: 'web',
    dependencies: ['peramban-worker'],
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      peramban: './src/peramban/index.tsx',
      // The demo runs the pane on a fake Excel: for development only, never in a release.
      ...(production ? {} : { demo: './src/demo/demo.tsx' }),
    },
    // `--env out=dist-peramban` (npm run peramban) builds elsewhere, so that the demo's dist-web stays whole beside it.
    output: { path: path.resolve(__dirname, env.out ?? 'dist-web'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'], alias: { 'peramban-worker-source$': path.join(WORKER_BUILD, 'peramban-worker.js') } },
    module: {
      rules: [
        { test: /\.tsx?$/, use: [babel, typescript] },
        // Dependencies too: React, Fluent UI and tabster ship syntax these engines do not read.
        { test: /\.m?js$/, exclude: [WORKER_BUILD, /node_modules[\\/](core-js|webpack)[\\/]/], use: [babel] },
        { include: WORKER_BUILD, type: 'asset/source' },
      ],
    },
    performance: { hints: false },
    // No `new Function("return this")` from webpack's runtime: the pane runs without eval under its CSP.
    node: { global: false },
    plugins: [
      es5Page('taskpane', 'loader.js', true),
      es5Page('pesan', 'pesan.js', false),
      new HtmlWebpackPlugin({
        filename: 'peramban.html',
        template: './src/page.html',
        title: 'Hitung Capaian tanpa add-in',
        chunks: ['peramban'],
        csp: CSP_PERAMBAN,
        // An empty icon, so that the browser asks no server for one once the page has loaded.
        noFavicon: true,
      }),
      // The demo's Excel client is the @microsoft/office-js package's, served by scripts/demo-server.js.
      ...(production ? [] : [page('demo', 'demo', false, 'demo/office-client.js')]),
      // The help page of the manifest's SupportUrl and LearnMoreUrl: no script at all.
      new HtmlWebpackPlugin({
        filename: 'bantuan.html',
        template: './src/page.html',
        title: 'Bantuan Hitung Capaian',
        inject: false,
        csp: CSP,
        body: fs.readFileSync(path.join(__dirname, 'src', 'help', 'bantuan.html'), 'utf8'),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/adapters/office/loader.js', to: 'loader.js' },
          { from: 'src/adapters/office/pesan.js', to: 'pesan.js' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifestFor(content.toString(), url) },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: https },
    },
  };
};

module.exports = [worker, web];
module.exports.ENGINES = ENGINES;
