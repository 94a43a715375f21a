// Types for scripts/validate-manifest.js (CommonJS, runnable as a CLI).
export interface ManifestValidation {
  valid: boolean;
  /** xmllint's messages, one per error, with file name and line. */
  errors: string[];
}
export const MAIN_XSD: string;
/** MANIFEST_XSD_DIR if set, else schema/office-manifest/. */
export function defaultXsdDir(): string;
export function validateManifestXml(xml: string, options?: { xsdDir?: string; fileName?: string }): Promise<ManifestValidation>;
export function validateManifestFile(file: string, options?: { xsdDir?: string }): Promise<ManifestValidation>;
