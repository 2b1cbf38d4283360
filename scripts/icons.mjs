// Renders every application icon from the one vector source, build/icon.svg, into build/icons/:
//   icon.icns            macOS (32…1024, PNG entries)
//   icon.ico             Windows (16, 24, 32, 48, 64, 128, 256)
//   icon.png             1024 px, for anything that wants one large bitmap
//   png/<N>x<N>.png      the Linux icon theme sizes (electron-builder reads the size from the name)
// Each size is rendered from the SVG itself rather than scaled down from a large bitmap, so the
// small ones keep the crisp edges the drawing was laid out for. The ICO and ICNS containers are
// written here (they are small, documented formats) so that no resampling library sits between
// the SVG and the pixels. The output is committed: packaging never needs this script.
// The tray images are not made here: they are build/tray/ (see build/tray/generate-tray-icons.mjs).
// Run: npm run icons
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'build', 'icon.svg');
const out = path.join(root, 'build', 'icons');

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types with PNG payloads: [type, pixel size]. The older icp4/icp5/icp6 PNG types
// are left out: not every macOS release reads PNG data in them, and Retina screens use ic11/ic12.
const ICNS_ENTRIES = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** Renders the SVG at `size` × `size`: the PNG and its straight-alpha RGBA pixels. */
function render(svg, size) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`icon.svg must be square; rendered ${image.width}×${image.height}`);
  }
  return { png: image.asPng(), rgba: unpremultiply(image.pixels) };
}

// resvg hands out premultiplied pixels; a BMP inside an ICO wants straight alpha.
function unpremultiply(pixels) {
  const rgba = Buffer.from(pixels);
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3];
    if (a === 0 || a === 255) continue;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.min(255, Math.round((rgba[i + c] * 255) / a));
  }
  return rgba;
}

// A 32-bit BMP without file header, as ICO entries hold it: bottom-up BGRA, then a 1-bit AND mask
// (all zeros: the alpha channel decides). Used below 256 px, where some Windows code paths
// (NSIS's installer icon among them) still expect bitmaps rather than PNG entries.
function icoBitmap(size, rgba) {
  const header = Buffer.alloc(40);
  const maskRow = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const payloads = images.map(({ size, png, rgba }) => (size >= 256 ? png : icoBitmap(size, rgba)));
  let offset = 6 + 16 * images.length;
  const directory = images.map(({ size }, i) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(payloads[i].length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += payloads[i].length;
    return entry;
  });
  return Buffer.concat([header, ...directory, ...payloads]);
}

function icns(entries) {
  const chunks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const svg = readFileSync(source);
const cache = new Map();
const at = (size) => {
  if (!cache.has(size)) cache.set(size, { size, ...render(svg, size) });
  return cache.get(size);
};

mkdirSync(path.join(out, 'png'), { recursive: true });
for (const size of LINUX_SIZES) {
  writeFileSync(path.join(out, 'png', `${size}x${size}.png`), at(size).png);
}
writeFileSync(path.join(out, 'icon.png'), at(1024).png);
writeFileSync(path.join(out, 'icon.ico'), ico(ICO_SIZES.map(at)));
writeFileSync(
  path.join(out, 'icon.icns'),
  icns(ICNS_ENTRIES.map(([type, size]) => [type, at(size).png])),
);
console.log(`icons written to ${path.relative(root, out)}/`);
