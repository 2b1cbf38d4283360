// What goes wrong with the settings file, said for people: one sentence, and what to do.
import type { z } from 'zod';
import { AppError } from './app-error';

export function settingsUnwritable(filePath: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new AppError({
    code: 'SettingsUnwritable',
    message: `Cannot read or write the settings file ${filePath}${code ? ` (${code})` : ''}.`,
    action:
      'Make sure its folder exists and is writable by you, or set EHPC_VNC_CONFIG_DIR to a ' +
      'writable folder.',
  });
}

export function settingsBusy(filePath: string): AppError {
  return new AppError({
    code: 'SettingsUnwritable',
    message: `The settings file ${filePath} stayed locked by another E-HPC VNC Tray or ehpc-vnc.`,
    action: 'Try again; if it keeps happening, delete settings.json.lock in that folder.',
  });
}

/**
 * A symbolic link where settings.json or cluster-cache.json should be. It is never followed:
 * whoever planted it could send our writes (the pending-stop journal among them) anywhere.
 */
export function settingsFileIsSymlink(filePath: string): AppError {
  return new AppError({
    code: 'SettingsFileIsSymlink',
    message: `${filePath} is a symbolic link, and E-HPC VNC Tray does not follow links for its settings files.`,
    action: 'Delete the link (or replace it with a regular file), then try again.',
  });
}

export function invalidSetting(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` \`${issue.path.join('.')}\`` : '';
  // The value itself is left out of the message: it may be anything a caller passed.
  return new AppError({
    code: 'InvalidInput',
    message: `The setting${where} is not valid.`,
    action: 'Correct the value and try again.',
  });
}

export function invalidClusterId(): AppError {
  return new AppError({
    code: 'InvalidInput',
    message: 'Not a valid E-HPC cluster ID.',
    action: 'Pick the cluster again.',
  });
}
