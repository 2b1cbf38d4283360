// The committed icons that electron-builder packs (build/icons, made by `npm run icons` from
// build/icon.svg) and the tray images packed beside the app (build/tray): the sizes each
// platform asks for are there, and the macOS template images are black and alpha only, as the
// menu bar needs to tint them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

const BUILD = fileURLToPath(new URL('../../build', import.meta.url));
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
    const ico = readFileSync(path.join(BUILD, 'icons', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (let i = 0; i < count; i++) {
      const length = ico.readUInt32LE(6 + i * 16 + 8);
      const offset = ico.readUInt32LE(6 + i * 16 + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
    }
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
  const files = readdirSync(path.join(BUILD, 'tray')).filter((f) => f.endsWith('.png'));

  it('come in every state, at 1x and 2x, in colour and as macOS templates', () => {
    for (const state of ['running', 'stopped', 'unknown', 'working', 'error']) {
      for (const variant of ['', 'Template']) {
        const one = pngSize(readFileSync(path.join(BUILD, 'tray', `${state}${variant}.png`)));
        const two = pngSize(readFileSync(path.join(BUILD, 'tray', `${state}${variant}@2x.png`)));
        expect(two).toEqual({ width: one.width * 2, height: one.height * 2 });
      }
    }
  });

  it('are black and alpha only when they are templates', () => {
    const templates = files.filter((f) => f.includes('Template'));
    expect(templates.length).toBeGreaterThan(0);
    for (const file of templates) {
      const pixels = pixelsOf(readFileSync(path.join(BUILD, 'tray', file)));
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
});
