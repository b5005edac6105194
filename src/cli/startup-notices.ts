/** What `sigap serve` says at start about demo accounts, where it listens and the public address. Pure. */
import { networkInterfaces } from 'node:os';

export interface StartFacts {
  demo: boolean;
  demoPassword: string;
  demoAccountsCreated: number;
  demoAccountsDisabled: number;
  host: string;
  port: number;
  publicBaseUrl: string | null;
  trustProxy: string[] | null;
  /** The machine's non-loopback IPv4 addresses (where a LAN reaches a 0.0.0.0 listener). */
  lanAddresses: string[];
  /** Server secrets moved out of the database into the key file at this start, and names left there because the key file holds another value. */
  secretsMoved?: number;
  secretsConflicting?: string[];
}

export interface Notice {
  level: 'info' | 'warn';
  text: string;
}

const wildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

/** Every line in both languages; warnings are what an operator must act on before going live. */
export function startupNotices(f: StartFacts): Notice[] {
  const out: Notice[] = [];
  if (f.demo) {
    out.push({
      level: 'warn',
      text: `MODE DEMO: akun <peran>@<kantor> dengan kata sandi "${f.demoPassword}" yang diumumkan dapat masuk (${f.demoAccountsCreated} baru dibuat). Jangan dipakai untuk data warga yang sebenarnya. / DEMO MODE: accounts <role>@<office> with the published password "${f.demoPassword}" can sign in (${f.demoAccountsCreated} newly created). Do not use it for real residents' data.`,
    });
    if (wildcard(f.host))
      out.push({
        level: 'warn',
        text: `Mode demo mendengarkan di semua antarmuka (${f.host || '0.0.0.0'}:${f.port}): siapa pun di jaringan ini dapat membuka ${f.lanAddresses.length ? f.lanAddresses.map((a) => `http://${a}:${f.port}/`).join(', ') : 'server ini'} dan masuk dengan akun demo. Hanya di komputer ini: HOST=127.0.0.1 npm start / Demo mode listens on every interface (${f.host || '0.0.0.0'}:${f.port}): anyone on this network can open ${f.lanAddresses.length ? f.lanAddresses.map((a) => `http://${a}:${f.port}/`).join(', ') : 'this server'} and sign in with a demo account. This computer only: HOST=127.0.0.1 npm start`,
      });
  } else {
    if (f.demoAccountsDisabled > 0)
      out.push({
        level: 'warn',
        text: `Mode produksi: ${f.demoAccountsDisabled} akun demo dinonaktifkan dan sesinya dicabut (aktif lagi hanya dengan npm start / SIGAP_DEMO=1). / Production mode: ${f.demoAccountsDisabled} demo accounts disabled and their sessions revoked (enabled again only by npm start / SIGAP_DEMO=1).`,
      });
    else out.push({ level: 'info', text: 'Mode produksi: tidak ada akun demo aktif. / Production mode: no demo account is active.' });
    if (!f.publicBaseUrl)
      out.push({
        level: 'warn',
        text: `PUBLIC_BASE_URL tidak diatur: tanda terima, surat dan kode QR akan memuat http://localhost:${f.port}, yang tidak dapat dibuka warga. Atur PUBLIC_BASE_URL=https://alamat-publik-dinas. / PUBLIC_BASE_URL is not set: receipts, letters and QR codes will carry http://localhost:${f.port}, which residents cannot open. Set PUBLIC_BASE_URL=https://the-office-public-address.`,
      });
  }
  if (f.secretsMoved)
    out.push({
      level: 'info',
      text: `${f.secretsMoved} kunci server dipindahkan dari basis data ke DATA_DIR/keys/server-secrets.json; sertakan berkas itu dalam cadangan (sigap backup melakukannya). / ${f.secretsMoved} server keys moved out of the database into DATA_DIR/keys/server-secrets.json; keep that file in backups (sigap backup does).`,
    });
  if (f.secretsConflicting?.length)
    out.push({
      level: 'warn',
      text: `Kunci server di basis data berbeda dengan berkas kunci dan dibiarkan di tabel settings: ${f.secretsConflicting.join(', ')}. Berkas kunci yang dipakai; periksa apakah basis data dipulihkan dari instalasi lain (docs/PRODUCTION.md). / Server keys in the database differ from the key file and were left in the settings table: ${f.secretsConflicting.join(', ')}. The key file's are used; check whether the database was restored from another installation (docs/PRODUCTION.md).`,
    });
  out.push(
    f.trustProxy
      ? { level: 'info', text: `Proksi tepercaya / trusted proxy (X-Forwarded-For, X-Forwarded-Proto): ${f.trustProxy.join(', ')}` }
      : { level: 'info', text: 'Tanpa proksi tepercaya: alamat klien = alamat soket (TRUST_PROXY tidak diatur). / No trusted proxy: client address = socket address (TRUST_PROXY not set).' },
  );
  return out;
}

/** A warning framed so it stands out among JSON log lines in a terminal. */
export function banner(text: string): string {
  const bar = '!'.repeat(78);
  return `\n${bar}\n!! ${text}\n${bar}\n\n`;
}

/** Non-loopback IPv4 addresses of this machine. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}
