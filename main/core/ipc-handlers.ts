// The handler table: one function per contract operation. The Electron shell registers it on
// ipcMain (after checking the sender); the Chromium harness and the fuzz tests call it directly.
// Every payload is validated against the contract's schema before anything else looks at it, and
// every outcome is a Result: a handler never throws, and errors leave as AppErrorInfo. Tests also
// check every answer against the operation's response schema (`checkResponses`).
import type { z } from 'zod';
import {
  appErrorInfo,
  channelOf,
  contract,
  operations,
  type HandlerTable,
  type Operation,
  type Request,
  type Responses,
  type Result,
} from '../../preload/shared/contract';
import { appError, type AppError } from './app-error';
import type { AppService } from './app-service';
import { toAppError } from './errors';

/** What main does for each operation: the validated request in, the response out. */
export type Implementations = {
  [K in Operation]: (req: Request<K>) => Promise<Responses[K]> | Responses[K];
};

function implementations(service: AppService): Implementations {
  return {
    getSession: () => service.getSession(),
    signIn: (req) => service.signIn(req),
    signOut: (req) => service.signOut(req),
    listProfiles: () => service.listProfiles(),
    useProfile: (req) => service.useProfile(req),
    listRegions: () => service.listRegions(),
    getPreferences: () => service.getPreferences(),
    setPreferences: (req) => service.setPreferences(req),
    listClusters: (req) => service.listClusters(req),
    selectCluster: (req) => service.selectCluster(req),
    listUsers: (req) => service.listUsers(req),
    getVncStatus: (req) => service.getVncStatus(req),
    startVnc: (req) => service.startVnc(req),
    stopVnc: (req) => service.stopVnc(req),
    stopAllVnc: () => service.stopAllVnc(),
    getExposure: (req) => service.getExposure(req),
    setVncPassword: (req) => service.setVncPassword(req),
    hasRememberedRunasPassword: (req) => service.hasRememberedRunasPassword(req),
    forgetRunasPassword: (req) => service.forgetRunasPassword(req),
    copySecret: (req) => service.copySecret(req),
    getState: () => service.getState(),
    listPendingStops: () => service.listPendingStops(),
    retryPendingStops: () => service.retryPendingStops(),
    dismissPendingStop: (req) => service.dismissPendingStop(req),
    getAutoStop: () => service.getAutoStop(),
    setAutoStop: (req) => service.setAutoStop(req),
    getConnectTarget: (req) => service.getConnectTarget(req),
    connect: (req) => service.connect(req),
    detectAddress: () => service.detectAddress(),
    getConnectPrefs: () => service.getConnectPrefs(),
    setConnectPrefs: (req) => service.setConnectPrefs(req),
  };
}

/** The first problem zod found, phrased for people, naming the field but never its value. */
function invalidRequest(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return appError('InvalidInput', { variant: 'requestEmpty' });
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return appError('InvalidInput', { variant: 'unexpectedFields' });
  }
  return field
    ? appError('InvalidInput', { variant: 'field', params: { field, problem: issue.message } })
    : appError('InvalidInput', { variant: 'request', params: { problem: issue.message } });
}

export interface HandlerTableOptions {
  /**
   * Checks every answer against the operation's response schema (and every error against
   * AppErrorInfo's) and throws on a mismatch, so a test fails where a handler drifted from the
   * contract. Off in the app: the check would cost every call and could only turn an answer into
   * an error.
   */
  checkResponses?: boolean;
}

/** Throws when `value` does not match `schema`, naming the operation and the first problem. */
function assertShape(op: Operation, what: string, schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || '(root)';
  throw new Error(`${op}: the ${what} does not match the contract at ${where}: ${issue?.message}`);
}

export function createTableFrom(
  impl: Implementations,
  opts: HandlerTableOptions = {},
): HandlerTable {
  const table = {} as Record<Operation, (payload: unknown) => Promise<Result<unknown>>>;
  for (const op of operations) {
    const { request, response } = contract[op] as { request: z.ZodType; response: z.ZodType };
    const run = impl[op] as (req: unknown) => unknown;
    table[op] = async (payload: unknown): Promise<Result<unknown>> => {
      let result: Result<unknown>;
      try {
        const parsed = request.safeParse(payload);
        if (!parsed.success) throw invalidRequest(parsed.error);
        result = { ok: true, value: await run(parsed.data) };
      } catch (err) {
        result = { ok: false, error: toAppError(err).toInfo() };
      }
      if (opts.checkResponses) {
        if (result.ok) assertShape(op, 'response', response, result.value);
        else assertShape(op, 'error', appErrorInfo, result.error);
      }
      return result;
    };
  }
  return table as HandlerTable;
}

export function createHandlerTable(
  service: AppService,
  opts: HandlerTableOptions = {},
): HandlerTable {
  return createTableFrom(implementations(service), opts);
}

/** Looks an operation up by its IPC channel (for the shell's ipcMain registration). */
export function operationForChannel(channel: string): Operation | undefined {
  return operations.find((op) => channelOf(op) === channel);
}
