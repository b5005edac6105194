/** Why a WhatsApp or SMS provider refused or could not be reached, and whether trying again can help. */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** A refusal that will not change on a retry (an invalid number, no template): the next channel is tried at once. */
    readonly permanent: boolean,
    /** The provider may have taken the message although we got no answer (a timeout): wait for its callback before resending. */
    readonly ambiguous = false,
  ) {
    super(message);
  }
}

/**
 * An HTTP status's meaning for a retry: 429 and 5xx are passing; 401/403 are our configuration
 * (a token to fix, then every waiting message goes), so passing too; any other 4xx is the message's
 * own fault and will not change.
 */
export const permanentStatus = (status: number) => status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);

/** One JSON-or-form POST with a deadline; a timeout or a dropped connection is ambiguous (the provider may have the message). */
export async function postTo(url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number }): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(init.timeoutMs), redirect: 'error' });
  } catch (e) {
    const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    const refused = e instanceof Error && /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/.test(String((e as { cause?: unknown }).cause ?? e.message));
    throw new ProviderError(timeout ? `no answer within ${init.timeoutMs} ms` : `unreachable: ${e instanceof Error ? e.message : String(e)}`, false, !refused);
  }
  // Bounded: a provider's answer is small; anything larger is not one.
  const text = (await res.text()).slice(0, 64 * 1024);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json };
}
