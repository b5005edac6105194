/**
 * A certified-signature provider behind one interface (docs/SIGNING.md, "Provider adapter"): the
 * PDF's hash goes out with the signer's provider account (NIK) and passphrase, a CMS signature
 * comes back, made with the signer's certificate from the provider. `httpSigningProvider` speaks
 * the documented BSrE-style JSON shape; another provider is another adapter with the same interface.
 */

export interface ProviderSignRequest {
  /** SHA-256 of the PDF's signed byte ranges. */
  digest: Buffer;
  at: Date;
  /** The signer's account at the provider (NIK) and the passphrase only they know; neither is stored. */
  nik: string;
  passphrase: string;
  /** What is signed, for the provider's own log (the letter number). */
  documentName: string;
}

/** Why a provider did not sign, in words for the signer; `account` refusals stop a batch (retrying would only lock the account). */
export interface ProviderRefusal {
  code: 'provider-passphrase-wrong' | 'provider-certificate-expired' | 'provider-certificate-revoked' | 'provider-account-unknown' | 'provider-timeout' | 'provider-unavailable' | 'provider-bad-answer';
  message: string;
  messageEn: string;
  account: boolean;
}

export type ProviderAnswer = { ok: true; cms: Buffer } | { ok: false; refusal: ProviderRefusal };

export interface SigningProvider {
  /** Printed on the letter and the verification page ("Balai Sertifikasi Elektronik (BSrE)"). */
  name: string;
  /** Bytes reserved in the PDF for the provider's CMS (its chain may be long). */
  reserve: number;
  sign(req: ProviderSignRequest): Promise<ProviderAnswer>;
}

const refusal = (code: ProviderRefusal['code'], message: string, messageEn: string, account: boolean): { ok: false; refusal: ProviderRefusal } => ({ ok: false, refusal: { code, message, messageEn, account } });

/** The provider's error codes (docs/SIGNING.md) → what the signer reads. */
function refusalOf(provider: string, status: number, code: string | undefined): { ok: false; refusal: ProviderRefusal } {
  switch (code) {
    case 'passphrase-wrong':
      return refusal('provider-passphrase-wrong', `Passphrase ditolak oleh ${provider}. Surat tidak ditandatangani.`, `${provider} refused the passphrase. The letter is not signed.`, true);
    case 'certificate-expired':
      return refusal('provider-certificate-expired', `Sertifikat elektronik Anda di ${provider} telah habis masa berlakunya; perpanjang di ${provider}. Surat tidak ditandatangani.`, `Your electronic certificate at ${provider} has expired; renew it with ${provider}. The letter is not signed.`, true);
    case 'certificate-revoked':
      return refusal('provider-certificate-revoked', `Sertifikat elektronik Anda di ${provider} telah dicabut. Surat tidak ditandatangani.`, `Your electronic certificate at ${provider} was revoked. The letter is not signed.`, true);
    case 'nik-unknown':
      return refusal('provider-account-unknown', `NIK ini tidak terdaftar sebagai pemilik sertifikat di ${provider}. Surat tidak ditandatangani.`, `This NIK holds no certificate at ${provider}. The letter is not signed.`, true);
    default:
      return refusal('provider-unavailable', `${provider} menolak permintaan (HTTP ${status}${code ? `, ${code}` : ''}). Surat tidak ditandatangani; coba lagi nanti.`, `${provider} refused the request (HTTP ${status}${code ? `, ${code}` : ''}). The letter is not signed; try again later.`, false);
  }
}

/**
 * The HTTP adapter: POST `<url>/sign/hash` with a JSON body, answered with the CMS (base64) or an
 * error code. A provider that does not answer within `timeoutMs` is a refusal too, never a hang.
 */
export function httpSigningProvider(o: { name: string; url: string; clientToken?: string; timeoutMs?: number; reserve?: number }): SigningProvider {
  const timeoutMs = o.timeoutMs ?? 15_000;
  return {
    name: o.name,
    reserve: o.reserve ?? 32_768,
    async sign(req) {
      let res: Response;
      try {
        res = await fetch(`${o.url.replace(/\/+$/, '')}/sign/hash`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(o.clientToken ? { authorization: `Bearer ${o.clientToken}` } : {}) },
          body: JSON.stringify({ nik: req.nik, passphrase: req.passphrase, hashAlgorithm: 'SHA-256', hash: req.digest.toString('base64'), signingTime: req.at.toISOString(), documentName: req.documentName }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const timedOut = (e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError';
        const secs = timeoutMs / 1000;
        return timedOut
          ? refusal('provider-timeout', `${o.name} tidak menjawab dalam ${String(secs).replace('.', ',')} detik. Surat tidak ditandatangani dan nomornya tetap; coba lagi.`, `${o.name} did not answer within ${secs} seconds. The letter is not signed and keeps its number; try again.`, false)
          : refusal('provider-unavailable', `${o.name} tidak dapat dihubungi. Surat tidak ditandatangani dan nomornya tetap; coba lagi nanti.`, `${o.name} cannot be reached. The letter is not signed and keeps its number; try again later.`, false);
      }
      const body = (await res.json().catch(() => null)) as { cms?: unknown; error?: { code?: unknown } } | null;
      if (!res.ok) return refusalOf(o.name, res.status, typeof body?.error?.code === 'string' ? body.error.code : undefined);
      if (typeof body?.cms !== 'string' || !/^[A-Za-z0-9+/=]+$/.test(body.cms))
        return refusal('provider-bad-answer', `Jawaban ${o.name} tidak dapat dibaca. Surat tidak ditandatangani.`, `The answer of ${o.name} cannot be read. The letter is not signed.`, false);
      return { ok: true, cms: Buffer.from(body.cms, 'base64') };
    },
  };
}
