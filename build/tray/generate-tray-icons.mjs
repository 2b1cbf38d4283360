// Draws the tray icons (a small monitor with a status badge) and writes them as PNGs next to
// this script: `<state>.png` / `<state>@2x.png` in colour for Windows and Linux, and
// `<state>Template.png` / `<state>Template@2x.png` in black-and-alpha for macOS, where the menu
// bar tints template images itself (so the state is told by the badge's shape, not its colour).
// Run: node build/tray/generate-tray-icons.mjs. No dependencies: a minimal PNG encoder on zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- PNG encoding (RGBA, 8 bit, no interlace)
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes in a 16-unit design space
const BADGE = { x: 12, y: 11.5, r: 3.6 };
const inRoundedRectStroke = (x, y) => {
  const [x0, y0, x1, y1, w] = [1.25, 2.25, 14.75, 11.25, 1.5];
  const outer = x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const inner = x >= x0 + w && x <= x1 - w && y >= y0 + w && y <= y1 - w;
  return outer && !inner;
};
const inStand = (x, y) =>
  (x >= 7.25 && x <= 8.75 && y >= 11 && y <= 13.5) ||
  (x >= 4.5 && x <= 11.5 && y >= 12.75 && y <= 14.25);
const dist = (x, y, c) => Math.hypot(x - c.x, y - c.y);

const BADGES = {
  running: (x, y) => dist(x, y, BADGE) <= BADGE.r, // filled dot
  stopped: (x, y) => {
    const d = dist(x, y, BADGE);
    return d <= BADGE.r && d >= BADGE.r - 1.4; // ring
  },
  unknown: () => false, // no badge
  working: (x, y) => [9.5, 12, 14.5].some((cx) => Math.hypot(x - cx, y - 12.5) <= 0.95), // three dots
  error: (x, y) => {
    // a cross
    const dx = x - BADGE.x;
    const dy = y - BADGE.y;
    const onDiagonal = Math.abs(dx - dy) <= 1 || Math.abs(dx + dy) <= 1;
    return onDiagonal && Math.abs(dx) <= 2.8 && Math.abs(dy) <= 2.8;
  },
};

const COLOURS = {
  monitor: [0x9a, 0xa0, 0xa6],
  running: [0x2e, 0xb8, 0x5c],
  stopped: [0x8a, 0x8f, 0x95],
  unknown: [0x8a, 0x8f, 0x95],
  working: [0x2f, 0x8c, 0xff],
  error: [0xe5, 0x48, 0x3f],
};

function render(state, size, template) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4; // supersampling per axis
  const scale = 16 / size;
  const badge = BADGES[state];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let monitorHits = 0;
      let badgeHits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) * scale;
          const y = (py + (sy + 0.5) / ss) * scale;
          const clearOfBadge = state === 'unknown' || dist(x, y, BADGE) > BADGE.r + 1;
          if (badge(x, y)) badgeHits++;
          else if (clearOfBadge && (inRoundedRectStroke(x, y) || inStand(x, y))) monitorHits++;
        }
      }
      const total = ss * ss;
      const i = (py * size + px) * 4;
      const alpha = (monitorHits + badgeHits) / total;
      if (alpha === 0) continue;
      const [r, g, b] = template
        ? [0, 0, 0]
        : badgeHits >= monitorHits
          ? COLOURS[state]
          : COLOURS.monitor;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

for (const state of Object.keys(BADGES)) {
  for (const template of [false, true]) {
    const base = template ? `${state}Template` : state;
    writeFileSync(path.join(here, `${base}.png`), render(state, 16, template));
    writeFileSync(path.join(here, `${base}@2x.png`), render(state, 32, template));
  }
}
console.log(`tray icons written to ${here}`);
