#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Validates add-in manifests against the Office add-in manifest schemas in test/schemas/, offline,
// with xmllint compiled to WebAssembly (the xmllint-wasm package): nothing to install but npm's.
//   node scripts/validate-manifest.js [manifest.xml …]
// Without a file: manifest.xml, and dist-web/manifest.xml (the one `npm run build` wrote for an
// office's address) where there is one.
const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const SCHEMAS = path.join(__dirname, '..', 'test', 'schemas');
const MAIN = 'OfficeAppManifestV1_1.xsd';

/** The schema errors of the manifest at `file`, as xmllint words them; none when it is valid. */
async function manifestErrors(file) {
  const xsd = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.xsd'));
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMAS, f), 'utf8') });
  const result = await validateXML({
    xml: { fileName: path.basename(file), contents: fs.readFileSync(file, 'utf8') },
    schema: read(MAIN),
    preload: xsd.filter((f) => f !== MAIN).map(read),
  });
  return result.errors.map((e) => e.rawMessage);
}

module.exports = { manifestErrors };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const built = path.join(root, 'dist-web', 'manifest.xml');
  const files = process.argv.length > 2 ? process.argv.slice(2) : [path.join(root, 'manifest.xml'), ...(fs.existsSync(built) ? [built] : [])];
  (async () => {
    for (const file of files) {
      const errors = await manifestErrors(file);
      for (const e of errors) console.error(e);
      const name = path.relative(process.cwd(), file) || file;
      console.log(errors.length === 0 ? `${name} sah menurut skema manifest Office.` : `${name}: ${errors.length} galat skema.`);
      if (errors.length > 0) process.exitCode = 1;
    }
  })().catch((e) => {
    console.error(`Galat: ${e.message}`);
    process.exitCode = 2;
  });
}
