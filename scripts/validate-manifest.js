#!/usr/bin/env node
// Validates an Office add-in XML manifest against Microsoft's XSDs, fully offline, with
// xmllint-wasm (libxml2 compiled to WebAssembly; no native xmllint needed).
//
// The XSDs are in the repository, in schema/office-manifest/ (their source and licence are in its
// README). MANIFEST_XSD_DIR overrides that location.
//
// Usage: node scripts/validate-manifest.js [manifest.xml ...]
//   Exit code 0 when every file is valid, 1 when one is not, 2 on a usage or setup error.
'use strict';

const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_XSD_DIR = path.join(REPO_ROOT, 'schema', 'office-manifest');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

/** The folder holding the manifest XSDs: MANIFEST_XSD_DIR if set, else schema/office-manifest/. */
function defaultXsdDir() {
  return process.env.MANIFEST_XSD_DIR ? path.resolve(process.env.MANIFEST_XSD_DIR) : DEFAULT_XSD_DIR;
}

/**
 * Loads the main XSD and every other .xsd in the folder (the imported VersionOverrides and
 * basic-types schemas), keyed by file name so that the schemaLocation imports resolve.
 * @param {string} xsdDir
 * @returns {{ main: {fileName: string, contents: string}, preload: {fileName: string, contents: string}[] }}
 */
function loadSchemas(xsdDir) {
  const mainPath = path.join(xsdDir, MAIN_XSD);
  if (!fs.existsSync(mainPath)) {
    throw new Error(`Manifest XSD not found: ${mainPath} (set MANIFEST_XSD_DIR to the folder holding ${MAIN_XSD})`);
  }
  const main = { fileName: MAIN_XSD, contents: fs.readFileSync(mainPath, 'utf8') };
  const preload = fs
    .readdirSync(xsdDir)
    .filter((name) => name.endsWith('.xsd') && name !== MAIN_XSD)
    .sort()
    .map((name) => ({ fileName: name, contents: fs.readFileSync(path.join(xsdDir, name), 'utf8') }));
  return { main, preload };
}

/**
 * Validates manifest XML text against the add-in manifest schema.
 * @param {string} xml the manifest's text
 * @param {{ xsdDir?: string, fileName?: string }} [options]
 * @returns {Promise<{ valid: boolean, errors: string[] }>}
 */
async function validateManifestXml(xml, options = {}) {
  const xsdDir = options.xsdDir ?? defaultXsdDir();
  const fileName = path.basename(options.fileName ?? 'manifest.xml');
  const { main, preload } = loadSchemas(xsdDir);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [main],
    preload,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/**
 * Validates a manifest file on disk.
 * @param {string} file path to the manifest
 * @param {{ xsdDir?: string }} [options]
 */
async function validateManifestFile(file, options = {}) {
  const xml = fs.readFileSync(file, 'utf8');
  return validateManifestXml(xml, { ...options, fileName: file });
}

async function main(argv) {
  const files = argv.length > 0 ? argv : [path.join(REPO_ROOT, 'manifest.xml')];
  let allValid = true;
  for (const file of files) {
    const { valid, errors } = await validateManifestFile(file);
    if (valid) {
      console.log(`${file}: 有效 (valid against ${MAIN_XSD})`);
    } else {
      allValid = false;
      console.error(`${file}: 无效 (invalid)`);
      for (const e of errors) console.error(`  ${e}`);
    }
  }
  return allValid ? 0 : 1;
}

module.exports = { validateManifestXml, validateManifestFile, defaultXsdDir, MAIN_XSD };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 2;
    },
  );
}
