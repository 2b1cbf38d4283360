// The error-code registry is the one place error words live: every code and wording in both
// languages, every documented code in it, and every code or wording the source names resolvable.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  ERROR_CODES,
  localizeError,
  lookupCode,
  shortReason,
  type Text,
} from '../../preload/shared/error-registry';
import { appError } from '../../main/core/app-error';
import { toAppError } from '../../main/core/errors';
import { failureNotice } from '../../main/shell/tray-labels';
import { GATEWAY_ERROR_CODES, SEED_ERROR_CODES } from '../support/documented-codes';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
const CJK = /[\u4e00-\u9fff]/;

function* wordings(): Generator<[string, Text, Text]> {
  for (const [code, entry] of Object.entries(ERROR_CODES)) {
    yield [code, entry.en, entry.zh];
    for (const [name, v] of Object.entries(entry.variants ?? {}))
      yield [`${code}/${name}`, v.en, v.zh];
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('error registry', () => {
  it.each([...wordings()])('%s has a message and an action in en and zh-CN', (_, en, zh) => {
    for (const text of [...en, ...zh]) expect(text.trim().length).toBeGreaterThan(3);
    for (const text of zh) expect(text).toMatch(CJK);
    // The same placeholders in both languages (zh may leave out English-only detail).
    for (const i of [0, 1] as const) {
      expect(placeholders(en[i]), 'zh-CN uses a placeholder English does not').toEqual(
        expect.arrayContaining(placeholders(zh[i])),
      );
    }
  });

  it('has a meaning for every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.meaning.length, code).toBeGreaterThan(10);
    }
  });

  it.each([...SEED_ERROR_CODES, ...GATEWAY_ERROR_CODES])(
    'names the documented code %s %s itself',
    (_, code) => {
      expect(Object.hasOwn(ERROR_CODES, code)).toBe(true);
    },
  );

  it('knows every code and wording that main and the window name', () => {
    const root = join(import.meta.dirname, '../..');
    const files = [...sourceFiles(join(root, 'main')), ...sourceFiles(join(root, 'renderer/src'))];
    const named = new Set<string>();
    const variants: [string, string][] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bcode: '([A-Z][\w.]+)'/g)) named.add(m[1] ?? '');
      for (const m of text.matchAll(
        /appError\(\s*'([A-Z][\w.]+)'(?:,\s*\{\s*variant: '(\w+)')?/g,
      )) {
        named.add(m[1] ?? '');
        if (m[2]) variants.push([m[1] ?? '', m[2]]);
      }
      for (const m of text.matchAll(/export const [A-Z_]+ = '([A-Z][a-z][\w.]+)';/g))
        named.add(m[1] ?? '');
    }
    expect(named.size).toBeGreaterThan(5);
    for (const code of named) expect(lookupCode(code), code).toBeDefined();
    for (const [code, variant] of variants) {
      expect(ERROR_CODES[code]?.variants?.[variant], `${code}/${variant}`).toBeDefined();
    }
  });

  it('fills params, appends detail, and keeps English as main wrote it', () => {
    const e = appError('InvalidInput', {
      variant: 'runasPasswordNeeded',
      params: { user: 'alice' },
    });
    expect(e.message).toBe('Enter the password of alice on the cluster.');
    const info = e.toInfo();
    expect(localizeError(info, 'en')).toEqual({ message: e.message, action: e.action });
    expect(localizeError(info, 'zh-CN').message).toBe('请输入 alice 在集群上的密码。');

    const detailed = toAppError(
      Object.assign(new Error('x'), {
        data: { Code: 'ExecFail', Message: 'command vncpasswd', RequestId: 'R', statusCode: 403 },
      }),
    ).toInfo();
    expect(detailed.message).toBe('A command failed on the cluster: command vncpasswd.');
    expect(localizeError(detailed, 'zh-CN').message).toBe(
      '集群上的命令执行失败：command vncpasswd。',
    );
  });

  it('says an unknown code in Chinese too, with its name', () => {
    const info = toAppError(
      Object.assign(new Error('x'), { data: { Code: 'Brand.New', statusCode: 400 } }),
      { action: 'StopVisualService' },
    ).toInfo();
    expect(info.message).toBe('E-HPC returned the error Brand.New (StopVisualService).');
    expect(localizeError(info, 'zh-CN').message).toBe(
      'E-HPC 返回了错误 Brand.New（StopVisualService）。',
    );
  });

  it('keeps the retry class of a variant and of the entry', () => {
    expect(describeError({ code: 'Internal' }).retryable).toBe(false);
    expect(describeError({ code: 'Internal', variant: 'ipc' }).retryable).toBe(true);
    expect(appError('ConflictOpt').retryable).toBe(true);
  });

  it('gives a few words for lists, falling back to the message', () => {
    expect(shortReason('Throttling.User', 'zh-CN')).toBe('请求过多');
    expect(shortReason('Network.Timeout', 'en')).toBe('E‑HPC did not answer in time');
    expect(shortReason('InDebt', 'en')).toBe('The Alibaba Cloud account has overdue payments');
  });

  it('says what happens to a stop kept pending, in Chinese too', () => {
    const info = { ...appError('Network.Timeout').toInfo(), pendingStop: true as const };
    expect(localizeError(info, 'zh-CN')).toEqual({
      message: 'E-HPC 未能及时响应。',
      action: describeError({ code: 'PendingStop' }, 'zh-CN').action,
    });
  });

  it('tells a Chinese user in the tray in Chinese', () => {
    const notice = failureNotice(
      '无法停止 c1 的 VNC',
      appError('Network.Timeout').toInfo(),
      'zh-CN',
    );
    expect(notice.body).toBe('E-HPC 未能及时响应。 请检查网络连接，然后刷新以确认操作是否已生效。');
  });
});
