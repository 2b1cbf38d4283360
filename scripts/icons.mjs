// Renders every icon from the one vector source, build/icon.svg.
// App icons, into build/icons/:
//   icon.icns            macOS (32…1024, PNG entries)
//   icon.ico             Windows (16, 24, 32, 48, 64, 128, 256)
//   icon.png             1024 px, for anything that wants one large bitmap
//   png/<N>x<N>.png      the Linux icon theme sizes (electron-builder reads the size from the name)
// Tray images, one set per state (running, stopped, unknown, working, error), into build/tray/:
//   <state>.png, <state>@2x.png                   16 and 32 px in colour (Linux)
//   <state>Template.png, <state>Template@2x.png   black and alpha, tinted by the macOS menu bar,
//                                                  so the badge's shape tells the state
//   <state>.ico                                   Windows, 16 to 64 px (100 % to 400 % scaling)
// The tray images are the same drawing without its tile: the rects of #monitor are redrawn on
// each size's pixel grid (a 16 px tray glyph cannot keep the 1.6 px borders a plain scale would
// give it), and a state badge takes the place of #power. Every size is rendered from SVG rather
// than scaled down from a large bitmap, and the ICO and ICNS containers are written here (small,
// documented formats) so that no resampling library sits between the SVG and the pixels.
// The output is committed: packaging never needs this script.
// Run: npm run icons   (--source <svg> and --out <dir> exist so tests can rebuild elsewhere)
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({
  options: {
    source: { type: 'string', default: path.join(root, 'build', 'icon.svg') },
    out: { type: 'string', default: path.join(root, 'build') },
  },
});

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

const TRAY_STATES = ['running', 'stopped', 'unknown', 'working', 'error'];
// Windows picks the tray image for the display scaling: 16 px at 100 % up to 64 px at 400 %.
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48, 64];
// The app's white bezel would vanish on a light panel; this grey reads on light and dark ones.
const TRAY_BEZEL = '#8d99a8';
// Badge colours, chosen to stand out on the dark screen. Running borrows the power mark's green.
const TRAY_BADGE = {
  stopped: '#aab4c0',
  unknown: '#aab4c0',
  working: '#5aa8ff',
  error: '#ff5a4e',
};

// ---- Reading the source's named parts. The file is ours and flat, so a tag scan is enough.

function tagById(svg, id) {
  const tag = new RegExp(`<(\\w+)\\b[^>]*\\bid="${id}"[^>]*>`).exec(svg);
  if (!tag) throw new Error(`icon.svg has no element with id="${id}"`);
  const attributes = Object.fromEntries(
    [...tag[0].matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
  );
  return { name: tag[1], attributes, start: tag.index };
}

function rectById(svg, id) {
  const { name, attributes } = tagById(svg, id);
  if (name !== 'rect') throw new Error(`#${id} in icon.svg must be a rect to be used for the tray`);
  const [x, y, width, height, rx] = ['x', 'y', 'width', 'height', 'rx'].map((key) =>
    Number(attributes[key] ?? 0),
  );
  return { x, y, width, height, rx, fill: attributes.fill };
}

/** The whole element (e.g. a gradient) that `url(#id)` points at, to be copied as it is. */
function referencedElement(svg, paint) {
  const id = /^url\(#([\w-]+)\)$/.exec(paint ?? '')?.[1];
  if (!id) return { paint, definition: '' };
  const { name, start } = tagById(svg, id);
  const end = svg.indexOf(`</${name}>`, start);
  return { paint, definition: svg.slice(start, end + name.length + 3) };
}

function trayParts(svg) {
  // The tray leaves #tile out and puts its badge in #power's place: both must still be there
  // for that to mean anything.
  for (const id of ['tile', 'monitor', 'power']) tagById(svg, id);
  const screen = rectById(svg, 'screen');
  const runningColour = tagById(svg, 'power').attributes.stroke;
  if (!runningColour) throw new Error('#power in icon.svg must set its stroke colour');
  return {
    bezel: rectById(svg, 'bezel'),
    screen,
    neck: rectById(svg, 'neck'),
    foot: rectById(svg, 'foot'),
    screenFill: referencedElement(svg, screen.fill),
    runningColour,
  };
}

// ---- The tray glyph on an N px grid

const nearestEven = (value) => 2 * Math.round(value / 2);

/**
 * The monitor's rects in pixels at `size`: the bezel spans the width. Without the tile around
 * it the glyph reads as line art, so its borders and the stand's bars are drawn at three
 * quarters of the app icon's weight, rounded down to whole pixels (at least one) so that the
 * screen stays open at 16 px. Widths and the bezel's height round to even numbers, so that the
 * stand and the badge centre on pixel corners and their edges stay sharp.
 */
function trayLayout(parts, size) {
  const { bezel, screen, neck, foot } = parts;
  const scale = size / bezel.width;
  const bar = (units) => Math.max(1, Math.floor(units * scale * 0.75));
  const border = bar(screen.x - bezel.x);
  const bezelHeight = nearestEven(bezel.height * scale);
  const gap = bar(foot.y - (bezel.y + bezel.height));
  const footHeight = bar(foot.height);
  const top = Math.floor((size - bezelHeight - gap - footHeight) / 2);
  const centred = (units, y, height, rx) => {
    const width = Math.max(2, nearestEven(units * scale));
    return { x: (size - width) / 2, y, width, height, rx: rx * scale };
  };
  const bezelRect = { x: 0, y: top, width: size, height: bezelHeight, rx: bezel.rx * scale };
  const screenRect = {
    x: border,
    y: top + border,
    width: size - 2 * border,
    height: bezelHeight - 2 * border,
    rx: screen.rx * scale,
  };
  return {
    bezel: bezelRect,
    screen: screenRect,
    // One pixel into the bezel and the foot, so that no seam shows between them.
    neck: centred(neck.width, top + bezelHeight - 1, gap + 2, 0),
    foot: centred(foot.width, top + bezelHeight + gap, footHeight, foot.rx),
    // Where the power mark sits, and how big a badge fits there with air around it.
    badge: {
      cx: size / 2,
      cy: screenRect.y + screenRect.height / 2,
      d: nearestEven(screenRect.height * 0.8),
    },
  };
}

const rect = ({ x, y, width, height, rx }, attributes) =>
  `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${rx}" ${attributes}/>`;

/** The state badges, each drawn in a box of `d` × `d` px around (cx, cy). */
const BADGES = {
  // A lit dot: the power is on.
  running: ({ cx, cy, d }, paint) => `<circle cx="${cx}" cy="${cy}" r="${d / 2}" fill="${paint}"/>`,
  // The same dot, hollow.
  stopped: ({ cx, cy, d }, paint) =>
    `<circle cx="${cx}" cy="${cy}" r="${(d * 3) / 8}" fill="none" stroke="${paint}" stroke-width="${d / 4}"/>`,
  // A question mark on an 8 × 8 grid of d / 8 units: at 16 px each unit is one pixel.
  unknown: ({ cx, cy, d }, paint) => {
    const u = d / 8;
    const top = cy - d / 2;
    const hook =
      `M${cx - 2 * u} ${top + 3 * u}A${2 * u} ${2 * u} 0 0 1 ${cx + 2 * u} ${top + 3 * u}` +
      `C${cx + 2 * u} ${top + 4.2 * u} ${cx} ${top + 4 * u} ${cx} ${top + 5 * u}`;
    return (
      `<path d="${hook}" fill="none" stroke="${paint}" stroke-width="${2 * u}"/>` +
      rect({ x: cx - u, y: top + 6 * u, width: 2 * u, height: 2 * u, rx: 0 }, `fill="${paint}"`)
    );
  },
  // Three dots fading out, as a spinner's trail does.
  working: ({ cx, cy, d }, paint) => {
    const size = Math.max(2, nearestEven(d / 3.5));
    return [1, 0.75, 0.5]
      .map((opacity, i) => {
        const x = cx - size / 2 + (i - 1) * size * 1.5;
        const dot = { x, y: cy - size / 2, width: size, height: size, rx: size / 2 };
        return rect(dot, `fill="${paint}" fill-opacity="${opacity}"`);
      })
      .join('');
  },
  error: ({ cx, cy, d }, paint) => {
    const w = Math.max(2, nearestEven(d / 4));
    const top = cy - d / 2;
    const dotY = cy + d / 2 - w;
    return (
      rect(
        { x: cx - w / 2, y: top, width: w, height: dotY - w / 2 - top, rx: 0 },
        `fill="${paint}"`,
      ) + rect({ x: cx - w / 2, y: dotY, width: w, height: w, rx: 0 }, `fill="${paint}"`)
    );
  },
};

/** The tray SVG for one state at one size: colour, or a black-and-alpha macOS template. */
function traySvg(parts, state, size, template) {
  const layout = trayLayout(parts, size);
  const ink = template ? '#000000' : TRAY_BEZEL;
  const badgePaint = template ? '#000000' : (TRAY_BADGE[state] ?? parts.runningColour);
  // The template's screen is a hole, so the menu bar shows through; the colour one keeps the
  // app's dark screen, which gives the badge the same backdrop on light and dark panels.
  const monitor = template
    ? `<mask id="hole"><rect width="${size}" height="${size}" fill="#ffffff"/>${rect(layout.screen, 'fill="#000000"')}</mask>` +
      rect(layout.bezel, `fill="${ink}" mask="url(#hole)"`)
    : rect(layout.bezel, `fill="${ink}"`) + rect(layout.screen, `fill="${parts.screenFill.paint}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<defs>${template ? '' : parts.screenFill.definition}</defs>` +
    rect(layout.neck, `fill="${ink}"`) +
    rect(layout.foot, `fill="${ink}"`) +
    monitor +
    BADGES[state](layout.badge, badgePaint) +
    `</svg>`
  );
}

// ---- Rendering and containers

/** Renders an SVG at `size` × `size`: the PNG and its straight-alpha RGBA pixels. */
function render(svg, size) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`icon.svg must be square; rendered ${image.width}×${image.height}`);
  }
  return { size, png: image.asPng(), rgba: unpremultiply(image.pixels) };
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
// (NSIS's installer icon and the notification area among them) still expect bitmaps.
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

// ---- Writing

const svg = readFileSync(options.source, 'utf8');

const appIcons = path.join(options.out, 'icons');
const cache = new Map();
const app = (size) => {
  if (!cache.has(size)) cache.set(size, render(svg, size));
  return cache.get(size);
};
mkdirSync(path.join(appIcons, 'png'), { recursive: true });
for (const size of LINUX_SIZES) {
  writeFileSync(path.join(appIcons, 'png', `${size}x${size}.png`), app(size).png);
}
writeFileSync(path.join(appIcons, 'icon.png'), app(1024).png);
writeFileSync(path.join(appIcons, 'icon.ico'), ico(ICO_SIZES.map(app)));
writeFileSync(
  path.join(appIcons, 'icon.icns'),
  icns(ICNS_ENTRIES.map(([type, size]) => [type, app(size).png])),
);

const tray = path.join(options.out, 'tray');
const parts = trayParts(svg);
const trayImage = (state, size, template) => render(traySvg(parts, state, size, template), size);
mkdirSync(tray, { recursive: true });
for (const state of TRAY_STATES) {
  writeFileSync(path.join(tray, `${state}.png`), trayImage(state, 16, false).png);
  writeFileSync(path.join(tray, `${state}@2x.png`), trayImage(state, 32, false).png);
  writeFileSync(path.join(tray, `${state}Template.png`), trayImage(state, 16, true).png);
  writeFileSync(path.join(tray, `${state}Template@2x.png`), trayImage(state, 32, true).png);
  const icoImages = TRAY_ICO_SIZES.map((size) => trayImage(state, size, false));
  writeFileSync(path.join(tray, `${state}.ico`), ico(icoImages));
}
console.log(
  `icons written to ${path.relative(process.cwd(), appIcons)}/ and ${path.relative(process.cwd(), tray)}/`,
);
