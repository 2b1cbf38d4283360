import { describe, expect, it } from 'vitest';
import { PLACEMENT_MARGIN, placeWindow } from '../../main/shell/window-placement';

const windowSize = { width: 380, height: 600 };
// A 1920×1080 screen: menu bar or top panel of 25 px, or a Windows taskbar of 40 px.
const topPanelArea = { x: 0, y: 25, width: 1920, height: 1055 };
const taskbarArea = { x: 0, y: 0, width: 1920, height: 1040 };

describe('placeWindow', () => {
  it('hangs below a macOS menu-bar icon, centred on it', () => {
    const trayBounds = { x: 1500, y: 0, width: 22, height: 24 };
    const { x, y } = placeWindow({
      trayBounds,
      workArea: topPanelArea,
      windowSize,
      platform: 'darwin',
    });
    expect(x).toBe(Math.round(1511 - 190));
    expect(y).toBe(24 + PLACEMENT_MARGIN);
  });

  it('sits above a Windows taskbar icon', () => {
    const trayBounds = { x: 1700, y: 1044, width: 24, height: 32 };
    const { x, y } = placeWindow({
      trayBounds,
      workArea: taskbarArea,
      windowSize,
      platform: 'win32',
    });
    expect(x).toBe(1712 - 190);
    expect(y).toBe(1044 - 600 - PLACEMENT_MARGIN);
  });

  it('is clamped into the work area when the icon is near the edge', () => {
    const trayBounds = { x: 1905, y: 1044, width: 15, height: 32 };
    const { x, y } = placeWindow({
      trayBounds,
      workArea: taskbarArea,
      windowSize,
      platform: 'win32',
    });
    expect(x).toBe(1920 - 380);
    expect(y + 600).toBeLessThanOrEqual(1040);
  });

  it('uses the top-right corner on Linux when the tray gives no bounds', () => {
    const trayBounds = { x: 0, y: 0, width: 0, height: 0 };
    const { x, y } = placeWindow({
      trayBounds,
      workArea: topPanelArea,
      windowSize,
      platform: 'linux',
    });
    expect(x).toBe(1920 - 380 - PLACEMENT_MARGIN);
    expect(y).toBe(25 + PLACEMENT_MARGIN);
  });

  it('uses the top-right corner on macOS and the bottom-right on Windows without bounds', () => {
    expect(placeWindow({ workArea: topPanelArea, windowSize, platform: 'darwin' })).toEqual({
      x: 1920 - 380 - PLACEMENT_MARGIN,
      y: 25 + PLACEMENT_MARGIN,
    });
    expect(placeWindow({ workArea: taskbarArea, windowSize, platform: 'win32' })).toEqual({
      x: 1920 - 380 - PLACEMENT_MARGIN,
      y: 1040 - 600 - PLACEMENT_MARGIN,
    });
  });

  it('respects a work area that does not start at the origin (second monitor, left taskbar)', () => {
    const workArea = { x: -1280 + 48, y: 0, width: 1280 - 48, height: 1024 };
    const trayBounds = { x: -1280, y: 990, width: 48, height: 30 };
    const { x, y } = placeWindow({ trayBounds, workArea, windowSize, platform: 'win32' });
    expect(x).toBe(workArea.x);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y + 600).toBeLessThanOrEqual(1024);
  });

  it('keeps the top-left corner visible when the screen is smaller than the window', () => {
    const workArea = { x: 0, y: 0, width: 300, height: 500 };
    expect(placeWindow({ workArea, windowSize, platform: 'linux' })).toEqual({ x: 0, y: 0 });
  });
});
