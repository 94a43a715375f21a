// Which certificate `npm start` (webpack-dev-server) serves https://localhost:3000 with.
//
// `npm run certs` (office-addin-dev-certs install) writes a localhost certificate, its key and the
// CA that issued it to ~/.office-addin-dev-certs/ and asks the system to trust that CA, so desktop
// Excel on Windows and Mac opens the pane without a certificate error. When those files are there
// (and the certificate has not expired) the dev server uses them; otherwise it falls back to
// webpack-dev-server's own self-signed certificate, as before. The files are only read here: the
// installer is never called, so `npm start` never asks for a password or changes the system.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

/** office-addin-dev-certs' default folder and file names (lib/defaults.js of that package). */
const CERT_DIR_NAME = '.office-addin-dev-certs';
const FILES = { cert: 'localhost.crt', key: 'localhost.key', ca: 'ca.crt' };

/** Where office-addin-dev-certs keeps its files for the user whose home folder is `home`. */
function devCertPaths(home = os.homedir()) {
  const dir = path.join(home, CERT_DIR_NAME);
  return { dir, cert: path.join(dir, FILES.cert), key: path.join(dir, FILES.key), ca: path.join(dir, FILES.ca) };
}

/**
 * The dev server's `server` option and a line (in Chinese) saying which certificate it is.
 * @param {{ home?: string, now?: Date }} [options] home folder (default: the user's), clock for expiry
 * @returns {{ server: 'https' | { type: 'https', options: { cert: Buffer, key: Buffer, ca: Buffer } }, source: 'office-addin-dev-certs' | 'self-signed', note: string }}
 */
function devServerHttps({ home = os.homedir(), now = new Date() } = {}) {
  const paths = devCertPaths(home);
  const fallback = (why) => ({
    server: 'https',
    source: 'self-signed',
    note: `${why}使用 webpack-dev-server 自带的自签名证书（首次使用需在浏览器中接受；桌面版 Excel 要信任证书请运行 npm run certs）。`,
  });
  const missing = Object.values(FILES).filter((name) => !fs.existsSync(path.join(paths.dir, name)));
  if (missing.length === Object.keys(FILES).length) return fallback('');
  if (missing.length) return fallback(`${paths.dir} 中缺少 ${missing.join('、')}，`);
  let files;
  try {
    files = { cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key), ca: fs.readFileSync(paths.ca) };
  } catch (error) {
    return fallback(`无法读取 ${paths.dir} 中的证书（${error.code || error.message}），`);
  }
  let validTo;
  try {
    const cert = new crypto.X509Certificate(files.cert);
    if (!cert.checkPrivateKey(crypto.createPrivateKey(files.key))) return fallback(`${paths.cert} 与 ${FILES.key} 不匹配，`);
    validTo = new Date(cert.validTo);
  } catch {
    return fallback(`${paths.cert} 或 ${FILES.key} 不是有效的证书文件，`);
  }
  if (!(validTo.getTime() > now.getTime())) {
    return fallback(`${paths.cert} 已于 ${validTo.toISOString().slice(0, 10)} 过期（请重新运行 npm run certs），`);
  }
  return {
    server: { type: 'https', options: files },
    source: 'office-addin-dev-certs',
    note: `使用 npm run certs 安装的受信任证书 ${paths.cert}（有效期至 ${validTo.toISOString().slice(0, 10)}）。`,
  };
}

module.exports = { devServerHttps, devCertPaths, CERT_DIR_NAME };
