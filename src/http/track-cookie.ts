// The tracking view cookie: after a citizen types their number and code once, the pages that follow carry neither in the URL.
/**
 * Tracking codes used to travel in URLs (`/lacak/<n>?code=…`), where browser history, shared
 * screenshots, proxies and Referer headers keep them. Now the code is typed into a form that is
 * POSTed, and the answer redirects (post/redirect/get) to a code-free URL; the code travels from
 * that form to the next pages in this cookie:
 * - bound to one case (its number) and to its kind (applications under /lacak, complaints under
 *   /pengaduan, each with its own cookie and Path), signed with a server secret (HMAC-SHA256), so it
 *   cannot be edited to reach another case or live longer;
 * - short-lived: TRACK_VIEW_MINUTES from the moment the code was given (not renewed by looking, so
 *   a shared counter or kiosk PC forgets it soon), and a browser-session cookie besides;
 * - HttpOnly (no script reads it), SameSite=Strict (no other site's link or form sends it),
 *   Secure over HTTPS.
 * Chosen over a server-side one-time token because it needs no table and no sweep, and survives a
 * restart; the code inside is the citizen's own credential, which the printed receipt also shows.
 * Old links that carry `?code=` (receipts, SMS messages) still work once: they set this cookie and
 * redirect to the same page without the code. The request log redaction (log-redact.ts) stays as
 * the second line for such old links.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../usecases/context.js';
import { serverSecret } from '../usecases/server-secret.js';

export const TRACK_VIEW_MINUTES = 30;

export type TrackKind = 'application' | 'complaint';

const COOKIE: Record<TrackKind, { name: string; path: string }> = {
  application: { name: 'sigap_lacak', path: '/lacak' },
  complaint: { name: 'sigap_adu', path: '/pengaduan' },
};

async function mac(ctx: Ctx, payload: string): Promise<string> {
  return createHmac('sha256', await serverSecret(ctx, 'track-view')).update(payload).digest('base64url');
}

/** Remembers for TRACK_VIEW_MINUTES that this browser gave the code of case `number`. */
export async function rememberTracking(ctx: Ctx, req: FastifyRequest, reply: FastifyReply, kind: TrackKind, number: string, code: string): Promise<void> {
  const payload = Buffer.from(JSON.stringify({ k: kind, n: number.trim().toUpperCase(), c: code.trim().toUpperCase(), e: Date.now() + TRACK_VIEW_MINUTES * 60_000 })).toString('base64url');
  const c = COOKIE[kind];
  reply.setCookie(c.name, `${payload}.${await mac(ctx, payload)}`, { path: c.path, httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' });
}

/** The code this browser gave for case `number`, if it did within TRACK_VIEW_MINUTES; '' otherwise. */
export async function rememberedCode(ctx: Ctx, req: FastifyRequest, kind: TrackKind, number: string): Promise<string> {
  const raw = req.cookies?.[COOKIE[kind].name];
  const dot = raw?.indexOf('.') ?? -1;
  if (!raw || dot < 1 || raw.length > 600) return '';
  const payload = raw.slice(0, dot);
  const expected = Buffer.from(await mac(ctx, payload));
  const given = Buffer.from(raw.slice(dot + 1));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return '';
  try {
    const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k?: unknown; n?: unknown; c?: unknown; e?: unknown };
    if (v.k !== kind || v.n !== number.trim().toUpperCase() || typeof v.c !== 'string' || typeof v.e !== 'number' || v.e < Date.now()) return '';
    return v.c;
  } catch {
    return '';
  }
}
