// What the error box says when the app cannot start (there is no window yet to say it in): the
// error's sentence and what to do about it, in the system's language when it is one of ours. A
// settings folder holding a symlink, say, must tell the user which file to delete.
import { localizeError } from '../../preload/shared/error-registry';
import { AppError } from '../core/app-error';

export const STARTUP_FAILURE_TITLE = {
  en: 'E-HPC VNC Tray could not start',
  'zh-CN': 'E-HPC VNC Tray 无法启动',
} as const;

export function startupFailure(
  error: unknown,
  systemLocale: string,
): { title: string; content: string } {
  const locale = systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const title = STARTUP_FAILURE_TITLE[locale];
  if (error instanceof AppError) {
    const { message, action } = localizeError(error.toInfo(), locale);
    return { title, content: `${message}\n\n${action}\n\n(${error.code})` };
  }
  return { title, content: error instanceof Error ? error.message : String(error) };
}
