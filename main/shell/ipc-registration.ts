// Puts the handler table on ipcMain, one channel per contract operation, behind a sender check:
// a message is looked at only if it comes from the top frame of our own window showing our own
// app:// page. Refused messages get a typed error Result and a log line without their payload.
import {
  contract,
  operations,
  type AppErrorInfo,
  type HandlerTable,
  type Result,
} from '../../preload/shared/contract';
import { appError } from '../core/app-error';
import { isTrustedSender } from './security';

/** The part of an `IpcMainInvokeEvent` the check reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface SenderPolicy {
  /** `app://bundle`. */
  origin: string;
  /** The id of our window's webContents, or undefined while there is no window. */
  webContentsId(): number | undefined;
}

export const UNTRUSTED_SENDER: AppErrorInfo = Object.freeze(
  appError('Ipc.UntrustedSender').toInfo(),
);

const INTERNAL_ERROR: AppErrorInfo = Object.freeze(
  appError('Internal', { variant: 'ipc' }).toInfo(),
);

/** Why a sender is refused, or undefined when it is ours. Never reads the payload. */
export function senderRefusal(event: InvokeEventLike, policy: SenderPolicy): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  const expectedId = policy.webContentsId();
  if (expectedId === undefined || event.sender.id !== expectedId) return 'not the app window';
  if (!isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }, policy.origin)) {
    return frame.parent === null ? 'another origin' : 'a subframe';
  }
  return undefined;
}

function originForLog(url: string | undefined): string {
  if (!url) return '(none)';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}

export interface IpcRegistrationOptions {
  ipcMain: IpcMainLike;
  table: HandlerTable;
  policy: SenderPolicy;
  log?: (line: string) => void;
}

/** Registers every operation's channel; returns a function that removes them again. */
export function registerIpcHandlers({
  ipcMain,
  table,
  policy,
  log = console.warn,
}: IpcRegistrationOptions): () => void {
  for (const op of operations) {
    const channel = contract[op].channel;
    const handler = table[op] as (payload: unknown) => Promise<Result<unknown>>;
    ipcMain.handle(channel, async (event, payload): Promise<Result<unknown>> => {
      const refusal = senderRefusal(event, policy);
      if (refusal !== undefined) {
        log(`IPC ${channel} refused: ${refusal} (${originForLog(event.senderFrame?.url)})`);
        return { ok: false, error: { ...UNTRUSTED_SENDER } };
      }
      try {
        return await handler(payload);
      } catch {
        // The table promises never to throw; if it ever does, no stack crosses to the page.
        log(`IPC ${channel} failed unexpectedly`);
        return { ok: false, error: { ...INTERNAL_ERROR } };
      }
    });
  }
  return () => {
    for (const op of operations) ipcMain.removeHandler(contract[op].channel);
  };
}
