// Where the popover opens: next to the tray icon when the OS tells us where that is, otherwise
// in the corner of the work area where trays live (top-right on macOS and most Linux panels,
// bottom-right above the Windows taskbar). Always fully inside the work area.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface PlacementInput {
  /** Electron's `tray.getBounds()`; Linux usually reports zeros, which count as "unknown". */
  trayBounds?: Rect;
  workArea: Rect;
  windowSize: Size;
  platform: NodeJS.Platform;
}

/** Gap between the popover and the tray icon or the screen edge. */
export const PLACEMENT_MARGIN = 8;

function clamp(value: number, min: number, max: number): number {
  // A window larger than the work area keeps its top-left corner visible.
  return Math.max(min, Math.min(value, max));
}

function hasArea(rect: Rect | undefined): rect is Rect {
  return rect !== undefined && rect.width > 0 && rect.height > 0;
}

export function placeWindow({ trayBounds, workArea, windowSize, platform }: PlacementInput): {
  x: number;
  y: number;
} {
  const { width, height } = windowSize;
  let x: number;
  let y: number;

  if (hasArea(trayBounds)) {
    x = trayBounds.x + trayBounds.width / 2 - width / 2;
    const trayCenterY = trayBounds.y + trayBounds.height / 2;
    const trayOnTop = trayCenterY < workArea.y + workArea.height / 2;
    y = trayOnTop
      ? trayBounds.y + trayBounds.height + PLACEMENT_MARGIN
      : trayBounds.y - height - PLACEMENT_MARGIN;
  } else {
    x = workArea.x + workArea.width - width - PLACEMENT_MARGIN;
    y =
      platform === 'win32'
        ? workArea.y + workArea.height - height - PLACEMENT_MARGIN
        : workArea.y + PLACEMENT_MARGIN;
  }

  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - height)),
  };
}
