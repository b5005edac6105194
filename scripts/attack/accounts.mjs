// Accounts under attack: bursts of wrong passwords at sign-in and at the signing check, and
// forged X-Forwarded-For headers against every per-address limit.
import { randomInt } from 'node:crypto';
import { freshAddress, http, sigap, sleep } from './lib.mjs';
import { PNG_1X1, signIn } from './seed.mjs';

/** Fresh accounts for the lock-out, made with `sigap user add` (the demo accounts stay usable). */
async function accounts(run, office, list) {
  await Promise.all(list.map((u) => sigap(run, run.place, ['user', 'add', '--office', office, '--username', u.username, '--name', u.name, '--roles', u.roles, '--password', u.password])));
}

const login = (run, username, password, from) => http(run.server.base, 'POST', '/api/v1/auth/login', { body: { username, password }, from });
const tally = (rs) => rs.reduce((m, r) => ((m[r.status] = (m[r.status] ?? 0) + 1), m), {});

export async function lockOut(run) {
  const office = run.shared.offices?.[0] ?? 'kota-jambi';
  const U = [
    { username: `rina.marlina@${office}`, name: 'Rina Marlina, S.Sos', password: 'Kopi-Pagi-Batanghari-71', roles: 'front-office' },
    { username: `agus.salim@${office}`, name: 'Agus Salim', password: 'Sepeda-Hujan-Angso-Duo-9', roles: 'front-office' },
    { username: `dewi.lestari@${office}`, name: 'Dewi Lestari', password: 'Lampu-Merah-Talang-Banjar-4', roles: 'front-office' },
    { username: `budi.hartono@${office}`, name: 'Budi Hartono', password: 'Perahu-Ketek-Seberang-88', roles: 'front-office' },
    { username: `hendra@${office}`, name: 'Drs. Hendra Saputra, M.Si', password: 'Kadis-Tanggo-Rajo-Pagi-26', roles: 'kepala-dinas' },
  ];
  await accounts(run, office, U);
  const failures = [];
  const figures = {};
  // 1. 100 wrong passwords at once from one address: at most five are checked (401), and the right one then gets nothing.
  {
    const from = freshAddress();
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login(run, U[0].username, `tebakan-${i}`, from)));
    const right = await login(run, U[0].username, U[0].password, from);
    figures.burst100OneAddress = { answers: tally(burst), rightPasswordAfter: right.status };
    if ((figures.burst100OneAddress.answers[401] ?? 0) > 5) failures.push(`100 wrong at once from one address: ${figures.burst100OneAddress.answers[401]} were checked (at most 5)`);
    if (right.json?.token) failures.push('the right password after the burst got a token');
  }
  // 2. 100 wrong passwords at once from 100 addresses: the account-wide ceiling holds, then nobody signs in.
  {
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login(run, U[1].username, `salah-${i}`, freshAddress())));
    const right = await login(run, U[1].username, U[1].password, freshAddress());
    figures.burst100ManyAddresses = { answers: tally(burst), rightPasswordFromNewAddress: right.status };
    if ((figures.burst100ManyAddresses.answers[401] ?? 0) > 50) failures.push(`100 wrong from 100 addresses: ${figures.burst100ManyAddresses.answers[401]} checked (ceiling 50)`);
    if (right.json?.token) failures.push('after 100 wrong from 100 addresses the right password got a token');
  }
  // 3. 40 wrong + 1 right in one burst from one address (the right one last on the wire): no token.
  //    And 19 wrong + 1 right, inside the sign-in rate limit (20 a minute), so the lock itself decides.
  for (const [n, u, key] of [
    [40, U[2], 'burst40plus1'],
    [19, U[3], 'burst19plus1'],
  ]) {
    const from = freshAddress();
    const wrong = Array.from({ length: n }, (_, i) => login(run, u.username, `keliru-${i}`, from));
    await sleep(30);
    const right = login(run, u.username, u.password, from);
    const answers = await Promise.all(wrong);
    const r = await right;
    figures[key] = { wrong: tally(answers), right: r.status };
    if (r.json?.token) failures.push(`${n} wrong + 1 right: the right one got a token`);
    if ((figures[key].wrong[401] ?? 0) > 5) failures.push(`${n} wrong + 1 right: ${figures[key].wrong[401]} checked`);
  }
  // 4. The signing password, a second oracle: 30 guesses at once from a signed-in head of office.
  {
    const token = await signIn(run.server.base, U[4].username, U[4].password);
    const from = freshAddress();
    const sign = (password) => http(run.server.base, 'POST', '/api/v1/letters/sign', { token, from, body: { ids: ['6c5b4a39-2817-4f6e-8d5c-4b3a29180f7e'], password } });
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => sign(`ttd-${i}`)));
    const checked = burst.filter((r) => r.json?.error?.code === 'password-wrong').length;
    // From another address: the route's own rate limit (30 a minute per address) is not what is tested.
    const right = await http(run.server.base, 'POST', '/api/v1/letters/sign', { token, from: freshAddress(), body: { ids: ['6c5b4a39-2817-4f6e-8d5c-4b3a29180f7e'], password: U[4].password } });
    const signInAfter = await login(run, U[4].username, U[4].password, freshAddress());
    figures.signing30 = { answers: tally(burst), checked, rightPasswordAfter: right.status, signInAfter: signInAfter.status };
    if (checked > 5) failures.push(`signing: ${checked} of 30 concurrent guesses were checked (at most 5)`);
    if (right.status !== 423) failures.push(`signing: the right password after the burst answered ${right.status}, not 423`);
    if (signInAfter.json?.token) failures.push('signing guesses did not lock sign-in');
  }
  return { pass: failures.length === 0, failures, figures };
}

/** A random public address, as a forger would put in X-Forwarded-For. */
const forged = () => `${randomInt(1, 223)}.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

/**
 * Each per-address limit from one socket address with a new forged X-Forwarded-For on every
 * request: the limit (read from the first answer's x-ratelimit-limit) must still hold.
 */
export async function spoofedForwarding(run) {
  const base = run.server.base;
  const office = run.shared.offices?.[0] ?? 'kota-jambi';
  const targets = [
    { name: 'tracking-code guesses', method: 'GET', path: (i) => `/api/v1/applications/JMB-2026-000001/status?code=ABCD${String(i).padStart(4, '0')}` },
    { name: 'sign-in', method: 'POST', path: () => '/api/v1/auth/login', body: (i) => ({ username: `tamu${i}@${office}`, password: 'tebakan-acak' }) },
    { name: 'anonymous uploads', method: 'POST', path: () => '/api/v1/uploads', body: (i) => ({ multipart: [{ name: 'file', filename: `kk-${i}.png`, type: 'image/png', data: PNG_1X1 }] }) },
    { name: 'complaints', method: 'POST', path: () => '/api/v1/complaints', body: (i) => ({ office, mode: 'anonymous', type: 'aspirasi', text: `Mohon jam layanan loket diperpanjang (${i}).` }) },
    { name: 'kiosk IKM answers', method: 'POST', path: () => '/api/v1/surveys', body: (i) => ({ office, channel: 'kiosk', nonce: `n${i}`, answers: Array(9).fill(1) }) },
    { name: 'kiosk sessions', method: 'POST', path: () => `/api/v1/offices/${office}/kiosk-sessions`, body: () => ({}) },
  ];
  const failures = [];
  const figures = {};
  for (const t of targets) {
    const from = freshAddress();
    const send = (i) => http(base, t.method, t.path(i), { from, headers: { 'x-forwarded-for': forged(), 'x-real-ip': forged() }, body: t.body?.(i) });
    const first = await send(0);
    const limit = Number(first.headers['x-ratelimit-limit'] ?? 0);
    if (!limit) {
      figures[t.name] = { limit: null, firstStatus: first.status };
      failures.push(`${t.name}: no per-address limit announced (x-ratelimit-limit), status ${first.status}`);
      continue;
    }
    const rest = [];
    for (let i = 1; i < limit + 10; i++) rest.push(await send(i));
    const through = [first, ...rest].filter((r) => r.status !== 429).length;
    figures[t.name] = { limit, sent: limit + 10, through, refused429: limit + 10 - through };
    if (through > limit) failures.push(`${t.name}: ${through} of ${limit + 10} got through a limit of ${limit} with forged X-Forwarded-For`);
  }
  return { pass: failures.length === 0, failures, figures };
}
