import fs from 'fs';
import path from 'path';
import { validateManifestXml } from '../../scripts/validate-manifest';

const REPO = path.resolve(__dirname, '../..');
// The XSDs ship with the repository (schema/office-manifest/README.md names their source).
const XSD_DIR = path.join(REPO, 'schema', 'office-manifest');
const MANIFEST_PATH = path.join(REPO, 'manifest.xml');
const manifest = fs.readFileSync(MANIFEST_PATH, 'utf8');

const validate = (xml: string) => validateManifestXml(xml, { xsdDir: XSD_DIR, fileName: 'manifest.xml' });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml against the add-in manifest XSD (offline)', () => {
  test('the XSDs are in the repository', () => {
    expect(fs.existsSync(path.join(XSD_DIR, 'OfficeAppManifestV1_1.xsd'))).toBe(true);
    expect(fs.existsSync(path.join(XSD_DIR, 'TaskPaneAppVersionOverridesV1_0.xsd'))).toBe(true);
  });

  test('manifest.xml is valid', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a copy with an unknown element is rejected', async () => {
    const broken = manifest.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0.0</Version>\n  <Publisher>x</Publisher>');
    expect(broken).not.toBe(manifest);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Publisher.*not expected/);
  });

  test('a copy without the required Id is rejected', async () => {
    const broken = manifest.replace(/<Id>[^<]*<\/Id>\s*/, '');
    expect(broken).not.toBe(manifest);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Expected is .*Id/);
  });

  test('a copy with a bad ribbon (VersionOverrides) is rejected: the imported XSDs are in use', async () => {
    const broken = manifest.replace('<OfficeTab id="TabHome">', '<OfficeTab id="TabHome">\n<Ribbon/>');
    expect(broken).not.toBe(manifest);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/taskpaneappversionoverrides\}Ribbon/);
  });
});

describe('manifest.xml content', () => {
  test('identity and display name', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toMatch(/<Version>1\.0\.0\.0<\/Version>/);
    expect(manifest).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="示范平台审核助手">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  });

  test('Excel workbook host and ExcelApi 1.7 requirement', () => {
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Sets DefaultMinVersion="1\.1">\s*<Set Name="ExcelApi" MinVersion="1\.7"\/>\s*<\/Sets>/);
  });

  test('ribbon button on the Home tab opens the task pane', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  });

  test('every icon the manifest names exists with the right pixel size', () => {
    const named = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)].map((m) => ({
      file: m[1],
      size: Number(m[2]),
    }));
    expect(new Set(named.map((n) => n.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(REPO, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe('production manifest (webpack copy transform)', () => {
  const config = jest.requireActual<{
    productionManifest: (content: Buffer, baseUrl: string) => Buffer;
  }>('../../webpack.config.js');

  test('has no localhost, points at the production base URL, and is still valid', async () => {
    const out = config.productionManifest(Buffer.from(manifest), 'https://review.example.org/sme-platform-review/').toString('utf8');
    expect(out).not.toMatch(/localhost/i);
    expect(out).toMatch(/<SourceLocation DefaultValue="https:\/\/review\.example\.org\/sme-platform-review\/taskpane\.html"\/>/);
    expect(out).toMatch(/<AppDomain>https:\/\/review\.example\.org<\/AppDomain>/);
    const result = await validate(out);
    expect(result.errors).toEqual([]);
  });
});
