// The shell's ConfirmPort (main/core/confirmations.ts): native message boxes raised by main, which
// the page cannot see, click or answer. Cancel is the default and the answer to Esc or closing the
// box, so only a deliberate click on the named button says yes. No Electron import: index.ts
// passes `dialog` in (the tests their double).
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { ConfirmPort } from '../core/confirmations';
import type { ConfirmLabels, ConfirmText } from './confirm-labels';

export interface ConfirmDialogDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  /**
   * Runs `ask` with the window to parent the box to (the popover, kept open while it shows), or
   * none when there is no window to show it on.
   */
  withWindow<T>(ask: (parent: BrowserWindow | undefined) => Promise<T>): Promise<T>;
  labels(): ConfirmLabels;
  log?(line: string): void;
}

const CONFIRM = 0;
const CANCEL = 1;

/** The message box for one question: the confirm button first, Cancel the default. */
export function messageBoxOptions(text: ConfirmText): MessageBoxOptions {
  return {
    type: 'warning',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.confirm, text.cancel],
    defaultId: CANCEL,
    cancelId: CANCEL,
    noLink: true,
    normalizeAccessKeys: false,
  };
}

export function dialogConfirmations(deps: ConfirmDialogDeps): ConfirmPort {
  const ask = (text: ConfirmText): Promise<boolean> =>
    deps.withWindow(async (parent) => {
      const options = messageBoxOptions(text);
      const { response } = parent
        ? await deps.dialog.showMessageBox(parent, options)
        : await deps.dialog.showMessageBox(options);
      deps.log?.(`confirmation "${text.confirm}": ${response === CONFIRM ? 'yes' : 'no'}`);
      return response === CONFIRM;
    });
  return {
    confirmStart: (start) => ask(deps.labels().start(start)),
    confirmPasswordWithRemembered: (change) => ask(deps.labels().password(change)),
  };
}
