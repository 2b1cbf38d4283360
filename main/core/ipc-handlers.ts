// The handler table: one function per contract operation. The Electron shell registers it on
// ipcMain (after checking the sender); the Chromium harness and the fuzz tests call it directly.
// Every payload is validated against the contract's schema before anything else looks at it, and
// every outcome is a Result: a handler never throws, and errors leave as AppErrorInfo.
import type { z } from 'zod';
import {
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

type Implementations = {
  [K in Operation]: (req: Request<K>) => Promise<Responses[K]> | Responses[K];
};

function implementations(service: AppService): Implementations {
  return {
    getSession: () => service.getSession(),
    signIn: (req) => service.signIn(req),
    signOut: () => service.signOut(),
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

export function createHandlerTable(service: AppService): HandlerTable {
  const impl = implementations(service);
  const table = {} as Record<Operation, (payload: unknown) => Promise<Result<unknown>>>;
  for (const op of operations) {
    const schema = contract[op].request as z.ZodType;
    const run = impl[op] as (req: unknown) => unknown;
    table[op] = async (payload: unknown): Promise<Result<unknown>> => {
      try {
        const parsed = schema.safeParse(payload);
        if (!parsed.success) throw invalidRequest(parsed.error);
        return { ok: true, value: await run(parsed.data) };
      } catch (err) {
        return { ok: false, error: toAppError(err).toInfo() };
      }
    };
  }
  return table as HandlerTable;
}

/** Looks an operation up by its IPC channel (for the shell's ipcMain registration). */
export function operationForChannel(channel: string): Operation | undefined {
  return operations.find((op) => contract[op].channel === channel);
}
