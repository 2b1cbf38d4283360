// Secrets out of text that came from elsewhere (a server's message, a keychain's error). A server
// may echo what it was sent in another spelling: percent-encoded (as in the signed form body or a
// URL), form-encoded (space as `+`), or escaped inside a JSON string. Each of those spellings of
// each secret is replaced, not only the exact text.

export const REDACTED = '****';

/** RFC 3986 percent-encoding, as Alibaba Cloud's signature canonicalisation spells it. */
const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** `application/x-www-form-urlencoded`, as URLSearchParams writes it. */
const formEncoded = (s: string): string => new URLSearchParams({ v: s }).toString().slice(2);

/** Inside a JSON string, with the escapes a serializer may add: `\/` and `\uXXXX` for non-ASCII. */
function jsonForms(s: string): string[] {
  const plain = JSON.stringify(s).slice(1, -1);
  const ascii = plain.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const asciiUpper = ascii.replace(/\\u[0-9a-f]{4}/g, (e) => `\\u${e.slice(2).toUpperCase()}`);
  return [plain, plain.replace(/\//g, '\\/'), ascii, asciiUpper];
}

/** Percent escapes are case-insensitive (`%2f` = `%2F`): both spellings. */
const hexCases = (s: string): string[] => [
  s,
  s.replace(/%[0-9A-F]{2}/gi, (h) => h.toUpperCase()),
  s.replace(/%[0-9A-F]{2}/gi, (h) => h.toLowerCase()),
];

/** Every spelling of `secret` that must not survive in a message. */
export function secretForms(secret: string): string[] {
  const encoded = [encodeURIComponent(secret), rfc3986(secret), formEncoded(secret)];
  const withPlus = encoded.map((e) => e.replace(/%20/g, '+'));
  const forms = [secret, ...jsonForms(secret), ...[...encoded, ...withPlus].flatMap(hexCases)];
  return [...new Set(forms)];
}

/** `text` with every spelling of every non-empty secret replaced by `****`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first: a form that contains another (`a%2Fb` holds `a`) goes as a whole.
  const forms = [...new Set(secrets.filter((s) => s.length > 0).flatMap(secretForms))].sort(
    (a, b) => b.length - a.length,
  );
  let out = text;
  for (const form of forms) out = out.split(form).join(REDACTED);
  return out;
}
