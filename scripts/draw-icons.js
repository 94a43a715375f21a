#!/usr/bin/env node
// Draws the add-in's icons: a rounded teal square holding a small spreadsheet grid with a white
// checkmark over it (a reviewed spreadsheet). Pure Node: shapes are rasterised with 8×8
// supersampling and written as RGBA PNG with zlib; no canvas or image library.
//
// Usage: node scripts/draw-icons.js [outDir]   (default: assets/)
// Writes icon-16.png, icon-32.png, icon-64.png, icon-80.png and icon-128.png.
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 8;

const TEAL_TOP = [0x13, 0x94, 0x8f];
const TEAL_BOTTOM = [0x0a, 0x6b, 0x6b];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes width×height RGBA pixels (Uint8Array, row-major) as a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- geometry

function insideRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToPolyline(px, py, points) {
  let d = Infinity;
  for (let i = 0; i + 1 < points.length; i++) {
    d = Math.min(d, distanceToSegment(px, py, points[i][0], points[i][1], points[i + 1][0], points[i + 1][1]));
  }
  return d;
}

function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * Describes the icon at one pixel size. Grid lines are snapped to whole pixels so that they
 * stay crisp at 16 and 32 px; the checkmark is a round-capped polyline.
 */
function layout(size) {
  const s = size;
  const gridLeft = Math.round(s * 0.19);
  const gridRight = Math.round(s * 0.81);
  const gridTop = Math.round(s * 0.2);
  const gridBottom = Math.round(s * 0.8);
  const lineWidth = Math.max(1, Math.round(s * 0.028));
  const cols = 3;
  const rows = 3;
  const vertical = [];
  for (let i = 0; i <= cols; i++) vertical.push(Math.round(gridLeft + ((gridRight - gridLeft - lineWidth) * i) / cols));
  const horizontal = [];
  for (let i = 0; i <= rows; i++) horizontal.push(Math.round(gridTop + ((gridBottom - gridTop - lineWidth) * i) / rows));
  return {
    radius: s * 0.22,
    grid: { left: gridLeft, right: gridRight, top: gridTop, bottom: gridBottom, lineWidth, vertical, horizontal },
    check: {
      points: [
        [s * 0.27, s * 0.53],
        [s * 0.44, s * 0.7],
        [s * 0.76, s * 0.33],
      ],
      halfWidth: Math.max(1.1, s * 0.062),
      // The gap cut into the grid around the checkmark so that it reads clearly.
      halo: Math.max(0.9, s * 0.045),
    },
  };
}

/** Colour and alpha of one sample point (pixel coordinates, y down). */
function sample(x, y, size, L) {
  if (!insideRoundedRect(x, y, 0, 0, size, size, L.radius)) return null;
  let color = mix(TEAL_TOP, TEAL_BOTTOM, y / size);

  const d = distanceToPolyline(x, y, L.check.points);
  if (d <= L.check.halfWidth) return [...WHITE, 1];

  const g = L.grid;
  const inGrid = x >= g.left && x < g.right && y >= g.top && y < g.bottom;
  if (inGrid && d > L.check.halfWidth + L.check.halo) {
    // Header row slightly brighter, like a spreadsheet's column headers.
    if (y >= g.horizontal[0] && y < g.horizontal[1]) color = mix(color, WHITE, 0.16);
    const onVertical = g.vertical.some((v) => x >= v && x < v + g.lineWidth);
    const onHorizontal = g.horizontal.some((h) => y >= h && y < h + g.lineWidth);
    if (onVertical || onHorizontal) color = mix(color, WHITE, 0.55);
  }
  return [...color, 1];
}

function drawIcon(size) {
  const L = layout(size);
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let gr = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample(px + (sx + 0.5) / n, py + (sy + 0.5) / n, size, L);
          if (!c) continue;
          r += c[0] * c[3];
          gr += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(gr / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** The sizes in favicon.ico: what browser tabs and bookmarks show. */
const FAVICON_SIZES = [16, 32];

/**
 * An ICO file holding PNG images (allowed since Windows Vista and read by every current browser):
 * a 6-byte header, one 16-byte directory entry per image, then the PNGs.
 * @param {{ size: number, png: Buffer }[]} images
 */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
  const ico = path.join(outDir, 'favicon.ico');
  fs.writeFileSync(ico, encodeIco(FAVICON_SIZES.map((size) => ({ size, png: drawIcon(size) }))));
  console.log(`wrote ${path.relative(process.cwd(), ico)} (${FAVICON_SIZES.join(', ')})`);
}

module.exports = { drawIcon, encodePng, encodeIco, SIZES, FAVICON_SIZES };

if (require.main === module) main();
