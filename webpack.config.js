/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Where the add-in is served in production: the one place to change it. */
const URL_PROD = 'https://hitung-capaian.example.id/';
const URL_DEV = 'https://localhost:3000/';

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

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  // Office only loads add-ins over https: the dev server uses the certificate office-addin-dev-certs installs.
  const https = env.WEBPACK_SERVE ? await devCertificates() : undefined;
  // Every page comes from one template: the same CSP, office.js only where Office is needed.
  const page = (name, chunk, officeJs, officeClient) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: './src/page.html', title: 'Hitung Capaian', chunks: [chunk], csp: CSP, officeJs, officeClient });
  return {
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      pesan: './src/commands/pesan.ts',
      // The demo runs the pane on a fake Excel: for development only, never in a release.
      ...(production ? {} : { demo: './src/demo/demo.tsx' }),
    },
    output: { path: path.resolve(__dirname, 'dist-web'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, loader: 'ts-loader', options: { configFile: 'tsconfig.web.json' } }],
    },
    performance: { hints: false },
    // No `new Function("return this")` from webpack's runtime: the pane runs without eval under its CSP.
    node: { global: false },
    plugins: [
      page('taskpane', 'taskpane', true),
      page('commands', 'commands', true),
      page('pesan', 'pesan', true),
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
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? content.toString().replaceAll(URL_DEV, URL_PROD).replaceAll(URL_DEV.slice(0, -1), URL_PROD.slice(0, -1)) : content),
          },
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
