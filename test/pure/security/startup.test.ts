/** What a start says (demo accounts, LAN, PUBLIC_BASE_URL, proxy), TRUST_PROXY parsing, URL redaction for logs, and private folders. */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startupNotices, type StartFacts } from '../../../src/cli/startup-notices.js';
import { loadConfig, parseTrustProxy } from '../../../src/config.js';
import { redactUrl } from '../../../src/http/log-redact.js';
import { ensurePrivateDir } from '../../../src/io/private-files.js';

const facts = (f: Partial<StartFacts> = {}): StartFacts => ({
  demo: false,
  demoPassword: 'sigap-demo',
  demoAccountsCreated: 0,
  demoAccountsDisabled: 0,
  host: '0.0.0.0',
  port: 3000,
  publicBaseUrl: 'https://layanan.dinsos.jambikota.go.id',
  trustProxy: null,
  lanAddresses: ['192.168.1.20'],
  ...f,
});
const warnings = (f: Partial<StartFacts>) => startupNotices(facts(f)).filter((n) => n.level === 'warn').map((n) => n.text);

describe('start-up notices', () => {
  it('npm start warns, in both languages, that demo accounts with the published password exist and where the LAN reaches them', () => {
    const w = warnings({ demo: true, demoAccountsCreated: 72, publicBaseUrl: null });
    assert.equal(w.length, 2);
    assert.match(w[0]!, /MODE DEMO: .*"sigap-demo".*\(72 baru dibuat\).* \/ DEMO MODE: .*"sigap-demo".*\(72 newly created\)/);
    assert.match(w[1]!, /semua antarmuka \(0\.0\.0\.0:3000\).*http:\/\/192\.168\.1\.20:3000\/.*HOST=127\.0\.0\.1 npm start \/ Demo mode listens on every interface/);
    assert.ok(!w.some((x) => x.includes('PUBLIC_BASE_URL')), 'a demo on a laptop needs no public address');
  });

  it('a demo bound to loopback only has no LAN warning', () => {
    assert.equal(warnings({ demo: true, host: '127.0.0.1' }).length, 1);
  });

  it('a production start says how many demo accounts it switched off, and warns when PUBLIC_BASE_URL is missing', () => {
    const w = warnings({ demoAccountsDisabled: 72, publicBaseUrl: null });
    assert.match(w[0]!, /Mode produksi: 72 akun demo dinonaktifkan .* \/ Production mode: 72 demo accounts disabled/);
    assert.match(w[1]!, /PUBLIC_BASE_URL tidak diatur: .*http:\/\/localhost:3000.* \/ PUBLIC_BASE_URL is not set/);
    assert.deepEqual(warnings({}), [], 'a configured production start has nothing to warn about');
    assert.ok(startupNotices(facts()).some((n) => n.text.startsWith('Mode produksi: tidak ada akun demo aktif')));
  });

  it('says when server keys left the database, and warns about keys it had to leave there', () => {
    assert.ok(startupNotices(facts({ secretsMoved: 2 })).some((n) => n.level === 'info' && /2 kunci server dipindahkan .* \/ 2 server keys moved out of the database/.test(n.text)));
    assert.deepEqual(warnings({ secretsMoved: 2 }), []);
    assert.match(warnings({ secretsConflicting: ['tracking'] })[0]!, /berbeda dengan berkas kunci .*: tracking\. .* \/ Server keys in the database differ from the key file/);
  });
});

describe('upload bounds from the environment', () => {
  it('takes whole numbers within their bounds and refuses the rest, naming them', () => {
    assert.deepEqual(loadConfig({}).uploadLimits, { maxAgeHours: 24, perAddressMb: 64, totalMb: 1024 });
    assert.equal(loadConfig({ UPLOAD_UNATTACHED_HOURS: '72' }).uploadLimits.maxAgeHours, 72);
    assert.throws(() => loadConfig({ UPLOAD_UNATTACHED_HOURS: '720' }), /UPLOAD_UNATTACHED_HOURS must be a whole number from 1 to 168: 720/);
    assert.throws(() => loadConfig({ UPLOAD_UNATTACHED_MB_PER_ADDRESS: '1e3' }), /harus bilangan bulat 16–512/);
  });
});

describe('TRUST_PROXY', () => {
  it('takes addresses and CIDR ranges, IPv4 and IPv6; unset or empty trusts nobody', () => {
    assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8'), ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
    assert.equal(parseTrustProxy(undefined), null);
    assert.equal(parseTrustProxy(' '), null);
    assert.equal(loadConfig({}).trustProxy, null);
  });

  it('refuses anything that is not an address, in both languages (a "true" would trust the whole Internet)', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', '10.0.0.1/8/1', 'proxy.local'])
      assert.throws(() => parseTrustProxy(bad), /TRUST_PROXY harus alamat IP atau CIDR .* \/ TRUST_PROXY must be the proxy's IP addresses/, bad);
  });
});

describe('URLs in request logs', () => {
  it('keeps the path and the names of query fields, never their values', () => {
    assert.equal(redactUrl('/lacak/JMB-2026-000123?code=QX7KP2MZ&lang=en'), '/lacak/JMB-2026-000123?code=_&lang=_');
    assert.equal(redactUrl('/kantor/kota-jambi'), '/kantor/kota-jambi');
  });

  it('masks NIKs and KKs anywhere in the path, and verification and survey tokens', () => {
    assert.equal(redactUrl('/api/v1/registry/persons/1571024107900003'), '/api/v1/registry/persons/_');
    assert.equal(redactUrl('/petugas/registri/orang/1571020101150007/riwayat'), '/petugas/registri/orang/_/riwayat');
    assert.equal(redactUrl('/api/v1/verify/abc123/file'), '/api/v1/verify/_/file');
    assert.equal(redactUrl('/survei/JMB-2026-000123/tok3n'), '/survei/JMB-2026-000123/_');
  });
});

describe('private folders', () => {
  it('an existing data folder is tightened to 0700, but a shared sticky folder (DATA_DIR=/tmp by mistake) is left alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'sigap-private-'));
    try {
      const data = join(root, 'data');
      ensurePrivateDir(data);
      chmodSync(data, 0o755);
      ensurePrivateDir(data);
      assert.equal((statSync(data).mode & 0o7777).toString(8), '700');
      const shared = join(root, 'shared');
      ensurePrivateDir(shared);
      chmodSync(shared, 0o1777);
      ensurePrivateDir(shared);
      assert.equal((statSync(shared).mode & 0o7777).toString(8), '1777');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
