// Language resolution and the `useI18n` hook. 'system' follows navigator.language; anything
// Chinese resolves to Simplified Chinese, everything else to English.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AppErrorInfo, Language } from '../../../preload/shared/contract';
import { localizeError, shortReason } from '../../../preload/shared/error-registry';
import { en, zhCN, type MessageKey, type Messages } from './messages';

export type Locale = 'en' | 'zh-CN';

export function systemLocale(languages: readonly string[] = navigator.languages): Locale {
  const first = languages[0] ?? navigator.language ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function resolveLocale(language: Language): Locale {
  return language === 'system' ? systemLocale() : language;
}

const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type Vars = Record<string, string | number>;

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export interface I18n {
  locale: Locale;
  t(key: MessageKey, vars?: Vars): string;
  /** The error in the user's language, from the error registry (main's English as it is). */
  errorText(error: AppErrorInfo): { message: string; action: string };
  /** A few words for an error code, for lists ("Last error: …"). */
  reason(code: string): string;
  time(iso: string): string;
}

export function createI18n(locale: Locale): I18n {
  const messages = catalogues[locale];
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return {
    locale,
    t: (key, vars) => format(messages[key], vars),
    errorText: (error) => localizeError(error, locale),
    reason: (code) => shortReason(code, locale),
    time: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
    },
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
