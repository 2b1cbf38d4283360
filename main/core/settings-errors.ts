// What goes wrong with the settings file, said for people: the texts live in the error registry.
import type { z } from 'zod';
import { appError, type AppError } from './app-error';

export function settingsUnwritable(filePath: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return appError('SettingsUnwritable', {
    params: code ? { file: filePath, detail: code } : { file: filePath },
  });
}

export function settingsBusy(filePath: string): AppError {
  return appError('SettingsUnwritable', { variant: 'busy', params: { file: filePath } });
}

/**
 * A symbolic link where settings.json or cluster-cache.json should be. It is never followed:
 * whoever planted it could send our writes (the pending-stop journal among them) anywhere.
 */
export function settingsFileIsSymlink(filePath: string): AppError {
  return appError('SettingsFileIsSymlink', { params: { file: filePath } });
}

export function invalidSetting(error: z.ZodError): AppError {
  const issue = error.issues[0];
  // The value itself is left out of the message: it may be anything a caller passed.
  return issue && issue.path.length > 0
    ? appError('InvalidInput', { variant: 'settingField', params: { field: issue.path.join('.') } })
    : appError('InvalidInput', { variant: 'setting' });
}

export function invalidClusterId(): AppError {
  return appError('InvalidInput', { variant: 'clusterId' });
}
