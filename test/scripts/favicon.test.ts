import { readFileSync } from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { drawIcon, encodeIco, FAVICON_SIZES } = require('../../scripts/draw-icons.js') as {
  drawIcon(size: number): Buffer;
  encodeIco(images: { size: number; png: Buffer }[]): Buffer;
  FAVICON_SIZES: number[];
};

const ASSETS = path.resolve(__dirname, '../../assets');

/** The images of an ICO file, read from its directory as the format defines it. */
function readIco(buf: Buffer): { width: number; height: number; png: Buffer }[] {
  expect(buf.readUInt16LE(0)).toBe(0);
  expect(buf.readUInt16LE(2)).toBe(1);
  const count = buf.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const size = buf.readUInt32LE(at + 8);
    const offset = buf.readUInt32LE(at + 12);
    return { width: buf[at] || 256, height: buf[at + 1] || 256, png: buf.subarray(offset, offset + size) };
  });
}

test('assets/favicon.ico holds the add-in icon at 16 and 32 px, as drawn by scripts/draw-icons.js', () => {
  const ico = readFileSync(path.join(ASSETS, 'favicon.ico'));
  const images = readIco(ico);
  expect(images.map((i) => [i.width, i.height])).toEqual([
    [16, 16],
    [32, 32],
  ]);
  expect(FAVICON_SIZES).toEqual([16, 32]);
  for (const image of images) {
    expect(image.png.equals(readFileSync(path.join(ASSETS, `icon-${image.width}.png`)))).toBe(true);
    expect(image.png.equals(drawIcon(image.width))).toBe(true);
  }
  expect(ico.equals(encodeIco(FAVICON_SIZES.map((size) => ({ size, png: drawIcon(size) }))))).toBe(true);
});

test.each(['taskpane.html', 'review.html'])('%s names the favicon, which the build copies to the site root', (page) => {
  const html = readFileSync(path.resolve(__dirname, '../../src/taskpane', page), 'utf8');
  expect(html).toMatch(/<link rel="icon" href="favicon\.ico"/);
  const webpack = readFileSync(path.resolve(__dirname, '../../webpack.config.js'), 'utf8');
  expect(webpack).toContain("{ from: 'assets/favicon.ico', to: 'favicon.ico' }");
});
