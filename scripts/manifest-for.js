/* eslint-disable @typescript-eslint/no-require-imports */
// The add-in's manifest for the address it is served from: `npm run build` writes dist-web/manifest.xml
// with it (webpack.config.js), from the address given as HITUNG_CAPAIAN_URL or `-- --env url=…`.

/** Where manifest.xml points during development. */
const DEV_URL = 'https://localhost:3000/';

/**
 * The address the add-in's pages are served from, checked: https (Office loads add-ins over https
 * only), no query or fragment, ending with `/` (added where missing). Throws one Indonesian sentence.
 */
function addinUrl(raw) {
  const text = String(raw).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Alamat add-in “${text}” bukan alamat web; tulis lengkap, misalnya https://intranet.pemda.go.id/hitung-capaian/.`);
  }
  if (url.protocol !== 'https:') throw new Error(`Alamat add-in “${text}” harus https://: Office hanya memuat add-in lewat https.`);
  if (url.search || url.hash) throw new Error(`Alamat add-in “${text}” tidak boleh berisi ? atau #: tulis alamat foldernya saja.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** manifest.xml with every address of the development server moved to `url`, its domain the one the add-in trusts. */
function manifestFor(xml, url) {
  const target = addinUrl(url);
  return xml.replaceAll(DEV_URL, target).replaceAll(DEV_URL.slice(0, -1), new URL(target).origin);
}

module.exports = { DEV_URL, addinUrl, manifestFor };
