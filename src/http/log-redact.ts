/** Request logs without personal data: no query values, NIKs, tokens or client addresses. */
import type { Writable } from 'node:stream';

/**
 * Path segments that follow these names are secrets or personal data: a registry person's NIK,
 * a letter's verification token. A survey link's token is the segment after its number.
 */
const SECRET_AFTER = new Set(['persons', 'v', 'verify']);

/**
 * The URL as it may be logged: every query value replaced by `_` (names kept: they say which
 * form was used), and every segment that is a NIK/KK (16 digits) or a secret token masked.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const segments = path.split('/');
  const masked = segments.map((s, i) => {
    const before = segments[i - 1] ?? '';
    if (/^\d{16}$/.test(s) || SECRET_AFTER.has(before) || (i === 3 && segments[1] === 'survei')) return s === '' ? s : '_';
    return s;
  });
  if (q < 0) return masked.join('/');
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((kv) => `${kv.split('=')[0]!.replace(/[^\w.[\]-]/g, '').slice(0, 40)}=_`);
  return `${masked.join('/')}?${names.join('&')}`;
}

/** What a request line in the log says: no client address (it links an anonymous complainant to a complaint). */
export function requestLogLine(req: { method: string; url: string }): { method: string; url: string } {
  return { method: req.method, url: redactUrl(req.url) };
}

/** Fastify logger options: off, on (stdout), or into a stream (tests read what would be logged). */
export function loggerOptions(logger: boolean | { stream: Writable } | undefined) {
  if (!logger) return false;
  return {
    level: 'info',
    serializers: { req: requestLogLine },
    ...(typeof logger === 'object' ? { stream: logger.stream } : {}),
  };
}
