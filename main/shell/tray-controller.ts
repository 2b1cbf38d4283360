// The tray icon: its image, tooltip and menu follow the model; clicks follow the platform's
// habits (see trayBehaviour). Everything it shows is decided in tray-menu.ts.
import { Menu, Tray, nativeImage, type NativeImage, type Rectangle } from 'electron';
import type { TrayLabels } from './tray-labels';
import {
  buildTrayMenuTemplate,
  toMenuTemplate,
  trayBehaviour,
  trayPresentation,
  type TrayAction,
  type TrayIconName,
  type TrayMenuItem,
  type TrayModel,
} from './tray-menu';

export interface TrayControllerOptions {
  platform: NodeJS.Platform;
  iconPath(name: TrayIconName): string;
  dispatch(action: TrayAction): void;
  /** Left click where that toggles the popover; the icon's bounds place it. */
  onToggle(bounds: Rectangle): void;
}

export class TrayController {
  private readonly tray: Tray;
  private readonly behaviour;
  private menu: Menu;
  private items: TrayMenuItem[] = [];
  private iconName?: TrayIconName;

  constructor(
    private readonly opts: TrayControllerOptions,
    model: TrayModel,
    labels: TrayLabels,
  ) {
    this.behaviour = trayBehaviour(opts.platform);
    this.tray = new Tray(this.image('unknown'));
    this.menu = Menu.buildFromTemplate([]);
    if (this.behaviour.leftClickToggles) {
      this.tray.on('click', (_event, bounds) => opts.onToggle(bounds));
    }
    if (this.behaviour.rightClickPopsMenu) {
      this.tray.on('right-click', () => this.tray.popUpContextMenu(this.menu));
    }
    this.update(model, labels);
  }

  /** Rebuilt on every change: Electron menus cannot be edited in place reliably across OSes. */
  update(model: TrayModel, labels: TrayLabels): void {
    if (this.tray.isDestroyed()) return;
    this.items = buildTrayMenuTemplate(model, labels);
    this.menu = Menu.buildFromTemplate(toMenuTemplate(this.items, this.opts.dispatch));
    if (this.behaviour.attachContextMenu) this.tray.setContextMenu(this.menu);
    const { iconName, tooltip } = trayPresentation(model, labels);
    if (iconName !== this.iconName) {
      this.tray.setImage(this.image(iconName));
      this.iconName = iconName;
    }
    this.tray.setToolTip(tooltip);
  }

  /** The items as last built (the e2e hook clicks them by id). */
  currentItems(): TrayMenuItem[] {
    return this.items;
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private image(name: TrayIconName): NativeImage {
    const image = nativeImage.createFromPath(this.opts.iconPath(name));
    if (this.opts.platform === 'darwin') image.setTemplateImage(true);
    return image;
  }
}
