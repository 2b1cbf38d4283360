// The committed icons: the app icons that electron-builder packs (build/icons) and the tray
// images packed beside the app (build/tray), all made by `npm run icons` (scripts/icons.mjs)
// from build/icon.svg. The sizes each platform asks for are there, the macOS template images
// are black and alpha only, as the menu bar needs to tint them, and every file is exactly what
// the script makes from the SVG today, so the tray cannot drift from the app icon.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

const BUILD = fileURLToPath(new URL('../../build', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../scripts/icons.mjs', import.meta.url));
const TRAY_STATES = ['running', 'stopped', 'unknown', 'working', 'error'];
const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48, 64];

const read = (trayFile: string) => readFileSync(path.join(BUILD, 'tray', trayFile));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Premultiplied RGBA pixels of a PNG, decoded by drawing it into an SVG of the same size. */
function pixelsOf(png: Buffer): Buffer {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return Buffer.from(new Resvg(svg).render().pixels);
}

interface IcoImage {
  size: number;
  /** The entry's bytes: a PNG, or a BMP without its file header. */
  data: Buffer;
}

function icoImages(ico: Buffer): IcoImage[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + i * 16;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(ico.length);
    return { size: ico[entry] || 256, data: ico.subarray(offset, offset + length) };
  });
}

/** Premultiplied RGBA of a 32-bit BMP icon entry (bottom-up BGRA with straight alpha). */
function bmpPixels({ size, data }: IcoImage): Buffer {
  expect(data.readUInt32LE(0)).toBe(40);
  expect([data.readInt32LE(4), data.readInt32LE(8)]).toEqual([size, size * 2]); // + AND mask
  expect(data.readUInt16LE(14)).toBe(32);
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = 40 + ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      const alpha = data[from + 3] ?? 0;
      const premultiply = (value: number | undefined) => Math.round(((value ?? 0) * alpha) / 255);
      rgba[to] = premultiply(data[from + 2]);
      rgba[to + 1] = premultiply(data[from + 1]);
      rgba[to + 2] = premultiply(data[from]);
      rgba[to + 3] = alpha;
    }
  }
  return rgba;
}

function largestDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++)
    largest = Math.max(largest, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return largest;
}

/** Every file scripts/icons.mjs writes, by path under its --out folder. */
function generate(source: string): Map<string, Buffer> {
  const out = mkdtempSync(path.join(tmpdir(), 'icons-'));
  try {
    execFileSync(process.execPath, [SCRIPT, '--source', source, '--out', out], { stdio: 'pipe' });
    const files = new Map<string, Buffer>();
    for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      if (/\.(png|ico|icns)$/.test(file)) files.set(file, readFileSync(path.join(out, file)));
    }
    return files;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('application icons', () => {
  it('has every Linux icon-theme size, named as electron-builder expects', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(path.join(BUILD, 'icons', 'png', `${size}x${size}.png`));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
    expect(pngSize(readFileSync(path.join(BUILD, 'icons', 'icon.png')))).toEqual({
      width: 1024,
      height: 1024,
    });
  });

  it('has a Windows .ico with 16 to 256 px images', () => {
    const images = icoImages(readFileSync(path.join(BUILD, 'icons', 'icon.ico')));
    expect(images.map((image) => image.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns up to 1024 px (512 pt @2x)', () => {
    const icns = readFileSync(path.join(BUILD, 'icons', 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries = new Map<string, { width: number; height: number }>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const type = icns.toString('ascii', at, at + 4);
      entries.set(type, pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))));
    }
    expect(entries.get('ic10')).toEqual({ width: 1024, height: 1024 });
    expect(entries.get('ic07')).toEqual({ width: 128, height: 128 });
    expect(entries.get('ic11')).toEqual({ width: 32, height: 32 });
  });
});

describe('tray images', () => {
  const files = readdirSync(path.join(BUILD, 'tray'));

  it('come in every state: 16 and 32 px PNGs in colour and as macOS templates, and an .ico', () => {
    for (const state of TRAY_STATES) {
      for (const variant of ['', 'Template']) {
        expect(pngSize(read(`${state}${variant}.png`))).toEqual({ width: 16, height: 16 });
        expect(pngSize(read(`${state}${variant}@2x.png`))).toEqual({ width: 32, height: 32 });
      }
      const images = icoImages(read(`${state}.ico`));
      expect(images.map((image) => image.size)).toEqual(TRAY_ICO_SIZES);
      for (const image of images) bmpPixels(image); // each a 32-bit bitmap of its size
    }
    expect(files.filter((file) => file.endsWith('.ico'))).toHaveLength(TRAY_STATES.length);
  });

  it('draw the same image in the .ico as in the PNGs of the same size', () => {
    for (const state of TRAY_STATES) {
      const images = icoImages(read(`${state}.ico`));
      for (const [size, png] of [
        [16, `${state}.png`],
        [32, `${state}@2x.png`],
      ] as const) {
        const image = images.find((candidate) => candidate.size === size);
        if (!image) throw new Error(`${state}.ico has no ${size} px image`);
        // Both are the same render; only the rounding of (un)premultiplying alpha differs.
        expect(largestDifference(bmpPixels(image), pixelsOf(read(png))), png).toBeLessThanOrEqual(
          2,
        );
      }
    }
  });

  it('are black and alpha only when they are templates', () => {
    const templates = files.filter((f) => f.includes('Template'));
    expect(templates).toHaveLength(TRAY_STATES.length * 2);
    for (const file of templates) {
      const pixels = pixelsOf(read(file));
      let coloured = 0;
      let visible = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if ((pixels[i + 3] ?? 0) > 0) visible++;
        if (pixels[i] || pixels[i + 1] || pixels[i + 2]) coloured++;
      }
      expect(visible, file).toBeGreaterThan(0);
      expect(coloured, file).toBe(0);
    }
  });

  it('tell the states apart in the templates, where colour is gone', () => {
    const masks = TRAY_STATES.map((state) => pixelsOf(read(`${state}Template.png`)));
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        expect(masks[a]?.equals(masks[b] ?? Buffer.alloc(0)), `${a} vs ${b}`).toBe(false);
      }
    }
  });
});

describe('one source for every icon', () => {
  const source = path.join(BUILD, 'icon.svg');

  it('is build/icon.svg: scripts/icons.mjs reads that one file and nothing else', () => {
    const script = readFileSync(SCRIPT, 'utf8');
    expect(script.match(/\bread\w*\(/g)).toEqual(['readFileSync(']);
    expect(script).toMatch(/readFileSync\(options\.source\b/);
    expect(script).toMatch(/source: \{[^}]*default: path\.join\(root, 'build', 'icon\.svg'\)/);
  });

  it('made exactly the committed app icons and tray images (else: npm run icons)', () => {
    const generated = generate(source);
    const committed = [
      ...readdirSync(path.join(BUILD, 'icons'), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(png|ico|icns)$/.test(file))
        .map((file) => path.join('icons', file)),
      ...readdirSync(path.join(BUILD, 'tray')).map((file) => path.join('tray', file)),
    ];
    expect([...generated.keys()].sort()).toEqual(committed.sort());
    for (const file of committed) {
      expect(generated.get(file)?.equals(readFileSync(path.join(BUILD, file))), file).toBe(true);
    }
  });

  it('draws the tray from the SVG: repainting its screen and power mark repaints the tray', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icon-svg-'));
    try {
      const original = readFileSync(source, 'utf8');
      const repainted = original.replaceAll('#5ee08a', '#ff00ff').replaceAll('#0d2350', '#402000');
      expect(repainted).not.toBe(original);
      writeFileSync(path.join(dir, 'icon.svg'), repainted);
      const generated = generate(path.join(dir, 'icon.svg'));
      for (const state of TRAY_STATES) {
        for (const file of [`${state}.png`, `${state}@2x.png`, `${state}.ico`]) {
          const changed = !generated.get(path.join('tray', file))?.equals(read(file));
          expect(changed, file).toBe(true);
        }
      }
      // The running badge is the power mark's colour, wherever the SVG sets it.
      const running = pixelsOf(
        generated.get(path.join('tray', 'running@2x.png')) ?? Buffer.alloc(0),
      );
      const magenta = (i: number) =>
        running[i] === 255 && running[i + 1] === 0 && running[i + 2] === 255;
      expect(Array.from({ length: running.length / 4 }, (_, i) => i * 4).some(magenta)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
