import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/app-error';
import {
  describeCode,
  isKnownCode,
  KNOWN_CODES,
  sanitizeServerText,
  toAppError,
} from '../../main/core/errors';
import { GATEWAY_ERROR_CODES, SEED_ERROR_CODES } from '../support/documented-codes';

/** What @alicloud/openapi-client 0.4.15 throws for a 4xx/5xx JSON answer (tea ResponseError). */
function sdkHttpError(status: number, code: string, message: string, requestId = 'REQ-1'): Error {
  const data = {
    RequestId: requestId,
    HostId: 'ehpc.cn-hangzhou.aliyuncs.com',
    Code: code,
    Message: message,
    statusCode: status,
  };
  return Object.assign(new Error(`${code}: code: ${status}, ${message} request id: ${requestId}`), {
    code,
    data,
    statusCode: status,
    description: 'undefined',
  });
}

function socketError(code: string): Error {
  // httpx appends the method and the full URL to the message.
  return Object.assign(
    new Error(`connect ${code} 127.0.0.1:1GET http://127.0.0.1:1/?ClusterId=x failed.`),
    { code },
  );
}

function expectCleanMessage(e: AppError): void {
  for (const text of [e.message, e.action]) {
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/\n|\[object|undefined|\bat \S+ \(|request id:|https?:\/\//);
  }
}

describe('toAppError: every documented code', () => {
  it.each([...SEED_ERROR_CODES, ...GATEWAY_ERROR_CODES])(
    '%i %s → its own sentence, keeping code, status and RequestId',
    (status, code) => {
      const e = toAppError(sdkHttpError(status, code, 'server words', 'RID-42'), {
        action: 'ListClusters',
      });
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe(code);
      expect(e.httpStatus).toBe(status);
      expect(e.requestId).toBe('RID-42');
      expect(isKnownCode(code)).toBe(true);
      // A known code speaks the app's words, not the generic fallback.
      expect(e.message).not.toMatch(/returned the error/);
      expect(e.message).toBe(
        code === 'InvalidParams' || code === 'ExecFail'
          ? `${describeCode(code).message.replace(/\.$/, '')}: server words.`
          : describeCode(code).message,
      );
      expect(e.action).toBe(describeCode(code).action);
      expectCleanMessage(e);
    },
  );

  it('gives every catalogued code a distinct, one-sentence message and an action', () => {
    for (const code of KNOWN_CODES) {
      const d = describeCode(code);
      expect(d.message, code).toMatch(/^[A-Z"'].*[.)]$/);
      expect(d.action, code).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('marks what may heal by itself as retryable and what needs the user as not', () => {
    for (const code of [
      'ServiceUnavailable',
      'ConflictOpt',
      'Throttling.User',
      'AgentError',
      'Network.Timeout',
    ]) {
      expect(describeCode(code).retryable, code).toBe(true);
    }
    for (const code of [
      'IncorrectCredential',
      'SignatureDoesNotMatch',
      'NotAuthorized',
      'InvalidParams',
      'InsecureEndpoint',
    ]) {
      expect(describeCode(code).retryable, code).toBe(false);
    }
  });

  it('maps members of a gateway family it does not name to the family', () => {
    expect(toAppError(sdkHttpError(400, 'Throttling.Tenant', 'x')).message).toBe(
      describeCode('Throttling').message,
    );
    expect(toAppError(sdkHttpError(400, 'InvalidSecurityToken.Whatever', 'x')).action).toMatch(
      /security token/,
    );
  });

  it('names the parameter for InvalidParams and redacts known secrets from it', () => {
    const e = toAppError(
      sdkHttpError(400, 'InvalidParams', 'The specified parameter Passwd is invalid: S3cret!pw'),
      {
        redact: ['S3cret!pw'],
      },
    );
    expect(e.message).toBe(
      'E-HPC rejected a parameter of the request: The specified parameter Passwd is invalid: ****.',
    );
    expect(e.message).not.toContain('S3cret');
  });

  it('reads {Msg} and lower-case fields in an error body too', () => {
    const err = Object.assign(new Error('x'), {
      code: 'Odd',
      data: { code: 'OddCode', message: { Msg: 'from msg' }, requestId: 'r1', statusCode: 418 },
      statusCode: 418,
    });
    const e = toAppError(err);
    expect(e.code).toBe('OddCode');
    expect(e.requestId).toBe('r1');
    expect(e.message).toContain('from msg');
  });
});

describe('toAppError: unknown codes', () => {
  it('still carries the code and the server message, on one bounded line', () => {
    const long = `first line\nsecond\tline ${'x'.repeat(500)} [object Object]`;
    const e = toAppError(sdkHttpError(400, 'Brand.NewCode', long, 'RID-7'), {
      action: 'StopVisualService',
    });
    expect(e.code).toBe('Brand.NewCode');
    expect(e.requestId).toBe('RID-7');
    expect(e.message).toMatch(
      /^E-HPC returned the error Brand\.NewCode \(StopVisualService\): first line second line x+…$/,
    );
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).not.toContain('[object');
    expect(e.retryable).toBe(false);
  });

  it('treats an unknown 5xx as retryable and an empty message as absent', () => {
    const e = toAppError(sdkHttpError(502, 'GatewayOops', '   '));
    expect(e.message).toBe('E-HPC returned the error GatewayOops.');
    expect(e.retryable).toBe(true);
  });

  it('names a JSON error without a code by its status', () => {
    const noCode = (status: number): Error =>
      Object.assign(new Error('undefined: code'), {
        code: 'undefined',
        data: { statusCode: status },
        statusCode: status,
      });
    expect(toAppError(noCode(429)).code).toBe('Throttling');
    expect(toAppError(noCode(503)).code).toBe('ServiceUnavailable');
    expect(toAppError(noCode(500)).code).toBe('BadResponse');
    expect(toAppError(noCode(500)).httpStatus).toBe(500);
    expect(toAppError(noCode(500)).message).toMatch(/answered with HTTP 500/);
  });

  it('describes an unknown code generically but with the code', () => {
    expect(describeCode('Zzz.Top').message).toBe('E-HPC returned the error Zzz.Top.');
  });
});

describe('toAppError: transport failures', () => {
  it.each([
    ['ECONNREFUSED', 'Network.Refused'],
    ['ECONNRESET', 'Network.Reset'],
    ['EPIPE', 'Network.Reset'],
    ['ENOTFOUND', 'Network.DNS'],
    ['EAI_AGAIN', 'Network.DNS'],
    ['ETIMEDOUT', 'Network.Timeout'],
    ['EHOSTUNREACH', 'Network.Unreachable'],
    ['CERT_HAS_EXPIRED', 'Network.TLS'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'Network.TLS'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'Network.TLS'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'Network.TLS'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'Network.TLS'],
    ['EPROTO', 'Network.TLS'],
  ])('%s → %s, without the URL the SDK put in the message', (nodeCode, code) => {
    const e = toAppError(socketError(nodeCode));
    expect(e.code).toBe(code);
    expect(e.message).toBe(describeCode(code).message);
    expect(e.httpStatus).toBeUndefined();
    expectCleanMessage(e);
  });

  it('maps the SDK timeouts (connect and read) to Network.Timeout', () => {
    const connect = Object.assign(
      new Error('ConnectTimeout: Connect http://127.0.0.1:1/?a=b failed.'),
      {
        name: 'RequestTimeoutError',
      },
    );
    const read = new Error('ReadTimeout(100). GET http://x/ failed.');
    read.name = 'RequestTimeoutError';
    expect(toAppError(connect).code).toBe('Network.Timeout');
    expect(toAppError(read).code).toBe('Network.Timeout');
    expect(toAppError(read).message).not.toContain('http');
  });

  it('maps a non-JSON body (a bare SyntaxError) and a non-object JSON body to BadResponse', () => {
    let syntax: unknown;
    try {
      JSON.parse('<html><body>502 Bad Gateway</body></html>');
    } catch (e) {
      syntax = e;
    }
    expect(toAppError(syntax).code).toBe('BadResponse');
    expect(toAppError(new Error('The value is not a object')).code).toBe('BadResponse');
  });

  it('maps anything else to Internal without echoing it', () => {
    const leaky = Object.assign(new Error('secret=abc123 in a message'), {
      data: { lastRequest: { body: 'Passwd=abc123' } },
    });
    for (const thing of [leaky, 'a string', 42, null, undefined, { toString: () => 'abc123' }]) {
      const e = toAppError(thing);
      expect(e.code).toBe('Internal');
      expect(e.message).not.toContain('abc123');
      expect(JSON.stringify(e.toInfo())).not.toContain('abc123');
    }
  });

  it('returns an AppError unchanged', () => {
    const original = new AppError({ code: 'InvalidInput', message: 'm', action: 'a' });
    expect(toAppError(original)).toBe(original);
  });
});

describe('sanitizeServerText', () => {
  it('keeps one line, bounded, with secrets masked', () => {
    expect(sanitizeServerText('a\r\nb\u0000c\u2028d')).toBe('a b c d');
    expect(sanitizeServerText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(sanitizeServerText('pw is hunter2!', 100, ['hunter2!', ''])).toBe('pw is ****');
    expect(sanitizeServerText({ a: 1 })).toBe('');
  });
});
