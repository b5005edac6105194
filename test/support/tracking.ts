/**
 * Opens a citizen's tracking pages as a browser does now that codes left URLs: an old `?code=` link
 * answers 303 to the code-free URL and sets the tracking view cookie, which the next request sends.
 */
import type { FastifyInstance } from 'fastify';

export interface TrackedPage {
  status: number;
  body: string;
  /** The tracking view cookie (`name=value`) to send with the next code-free request. */
  cookie: string;
  /** Where the old link redirected (code-free). */
  location: string | undefined;
}

export const cookieOf = (setCookie: unknown) => String((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0] ?? '';

/** Follows an old `?code=` link: its 303, then the code-free page with the cookie it set. */
export async function openTracked(app: FastifyInstance, url: string): Promise<TrackedPage> {
  const first = await app.inject({ method: 'GET', url });
  if (first.statusCode !== 303) return { status: first.statusCode, body: first.body, cookie: '', location: undefined };
  const cookie = cookieOf(first.headers['set-cookie']);
  const location = String(first.headers.location);
  const page = await app.inject({ method: 'GET', url: location, headers: { cookie } });
  return { status: page.statusCode, body: page.body, cookie, location };
}
