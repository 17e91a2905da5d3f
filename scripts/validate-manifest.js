#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Validates an add-in manifest against the Office add-in manifest schemas in test/schemas/, offline,
// with xmllint compiled to WebAssembly (the xmllint-wasm package): nothing to install but npm's.
//   node scripts/validate-manifest.js [manifest.xml]
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
  const file = process.argv[2] ?? path.join(__dirname, '..', 'manifest.xml');
  manifestErrors(file).then(
    (errors) => {
      for (const e of errors) console.error(e);
      console.log(errors.length === 0 ? `${path.basename(file)} sah menurut skema manifest Office.` : `${path.basename(file)}: ${errors.length} galat skema.`);
      process.exitCode = errors.length === 0 ? 0 : 1;
    },
    (e) => {
      console.error(`Galat: ${e.message}`);
      process.exitCode = 2;
    },
  );
}
