/**
 * Group programmes, quota queues, filing windows and transparency (issue 14 §5–7) over HTTP on a
 * real database: a Semarang KUBE group of 9 or 11 members, or with a member aged 19 years 364 days
 * on the proposal date, refused 422 in the decree's own words beside the member; 10 KK aged 20–55
 * registered, the Lurah's SK recorded; an RST group without a bendahara refused, an individual
 * accepted, its report due 105 days after disbursement; Banjarmasin JKN-KIS proposals queued with
 * their position against the period's quota; santunan kematian filed on the 30th day after the
 * death and refused on the 31st, its stages on the clock with the wait for the funds as an outside
 * wait; the public list per period (masked NIK, only the SK's recipients) and the self-check by
 * NIK + KK, logged and rate-limited; every change audited, the routes in OpenAPI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { plausibleIntake } from '../../src/usecases/applications/simulate-case.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { queuePlacesOfCase } from '../../src/usecases/programmes/queue-proposal.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { actorFor, driveUntil } from '../letters/helpers.js';

const SEMARANG = 'kota-semarang';
const BANJARMASIN = 'kota-banjarmasin';
const KUKAR = 'kabupaten-kutai-kartanegara';

const NAMES = ['Sutrisno', 'Wahyuningsih', 'Bambang Riyadi', 'Sri Lestari', 'Agus Salim', 'Endang Purwati', 'Joko Susilo', 'Tri Handayani', 'Slamet Widodo', 'Nur Aini', 'Hadi Prasetyo'];
/** A Semarang NIK (33 74 01) for a birth date, women with day + 40; serial per member. */
const nikOf = (birth: string, female: boolean, serial: number) => {
  const [y, m, d] = birth.split('-');
  return `337401${String(Number(d) + (female ? 40 : 0)).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
};
/** One KK per member (issued 15 March 2009), as "10 KK" asks. */
const kkOf = (serial: number) => `337401150309${String(serial).padStart(4, '0')}`;
const member = (i: number, birth = `19${80 + (i % 10)}-0${1 + (i % 9)}-1${i % 9}`, role: string | null = null) => ({ nik: nikOf(birth, i % 2 === 1, i + 1), kk: kkOf(i + 1), name: NAMES[i]!, role });
const kubeBody = (members: ReturnType<typeof member>[]) => ({
  name: 'KUBE Sido Makmur',
  village: 'TANDANG',
  district: 'TEMBALANG',
  business: 'Usaha warung kelontong',
  proposalDate: '2026-03-02',
  account: { bank: 'Bank Jateng', number: '2-034-12345-6', holder: 'KUBE SIDO MAKMUR' },
  members,
  rab: [
    { item: 'Etalase dan rak barang', amount: 4_500_000 },
    { item: 'Stok barang dagangan awal', amount: 15_500_000 },
  ],
});

describe(`group programmes, quota queues, filing windows and transparency (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date('2026-07-01T02:00:00Z');
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());
  const { req, login } = apiClient(() => t);
  /** Files a case at the Banjarmasin counter with plausible answers (and the answers given). */
  const fileAt = async (service: string, applicant: { nik: string; name: string }, answers: Record<string, unknown> = {}, today = clock.toISOString().slice(0, 10)) => {
    const found = t.catalogue.service(BANJARMASIN, service)!;
    const intake = plausibleIntake(found.service.service, today);
    return submitApplication(
      t.ctx,
      {
        office: BANJARMASIN,
        service,
        channel: 'counter',
        applicant: { ...applicant, phone: '081251234567', address: 'Jl. Veteran No. 21, Banjarmasin', residentOfRegion: true },
        answers: { ...intake.answers, ...answers },
        attachments: found.service.service.requirements.filter((x) => x.kind === 'document').map((x) => ({ requirement: x.id, shown: true })),
      },
      await actorFor(t.ctx, `front-office@${BANJARMASIN}`),
    );
  };
  const audits = async (action: string) => (await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', action).execute()).length;

  it('refuses a KUBE of 9 or 11 members, and a member aged 19 years 364 days, in the decree’s words beside the field; registers 10 KK aged 20–55', async () => {
    const operator = await login(`operator@${SEMARANG}`);
    const ten = Array.from({ length: 10 }, (_, i) => member(i));
    for (const size of [9, 11]) {
      const r = await req('POST', '/api/v1/programmes/bantuan-kube/groups', kubeBody(Array.from({ length: size }, (_, i) => member(i))), operator);
      assert.equal(r.status, 422, r.body);
      const p = r.json().error.problems.find((x: { code: string }) => x.code === 'group-size');
      assert.equal(p.field, 'members');
      assert.equal(p.message, `Kelompok beranggotakan ${size}; ketentuan: "3. Satu kelompok beranggotakan 10 KK"`);
      assert.match(p.messageEn, /exactly 10/);
    }
    // Born 3 March 2006: on the proposal date, 2 March 2026, one day short of 20.
    const young = [...ten.slice(0, 9), member(9, '2006-03-03')];
    const r = await req('POST', '/api/v1/programmes/bantuan-kube/groups', kubeBody(young), operator);
    assert.equal(r.status, 422);
    assert.deepEqual(
      r.json().error.problems.map((x: { field: string; message: string }) => [x.field, x.message]),
      [['members.9.birthDate', 'NUR AINI: berusia 19 tahun pada 2026-03-02; ketentuan: "5. Batas usia anggota kelompok dengan minimal 20 tahun dan maksimal 55 tahun"']],
    );
    // 55 holds until the 56th birthday: born 3 March 1970 is 55 on 2 March 2026.
    const ok = await req('POST', '/api/v1/programmes/bantuan-kube/groups', kubeBody([...ten.slice(0, 9), member(9, '1970-03-03')]), await login(`pendamping@${SEMARANG}`));
    assert.equal(ok.status, 201, ok.body);
    assert.deepEqual({ members: ok.json().members, rabTotal: ok.json().rabTotal }, { members: 10, rabTotal: 20_000_000 });
    assert.equal(await audits('programme-group-registered'), 1);
    // A member already in this group cannot join another KUBE group.
    const again = await req('POST', '/api/v1/programmes/bantuan-kube/groups', { ...kubeBody(ten), name: 'KUBE Maju Jaya' }, operator);
    assert.equal(again.status, 422);
    assert.equal(again.json().error.problems[0].code, 'member-in-other-group');
    assert.equal(again.json().error.problems[0].field, 'members.0.nik');

    // The Lurah's SK is recorded (not signed here), with its issuer from the programme data.
    const id = ok.json().id as string;
    const rab = await req('POST', `/api/v1/programmes/groups/${id}/decree`, { number: '400.9/15/TDG/2026', date: '2026-03-09', version: 1 }, operator);
    assert.equal(rab.status, 200, rab.body);
    const shown = await req('GET', `/api/v1/programmes/groups/${id}`, undefined, await login(`verifikator@${SEMARANG}`));
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.json().decree, { number: '400.9/15/TDG/2026', date: '2026-03-09', issuer: 'lurah' });
    assert.equal(shown.json().members.length, 10);
    const logged = await t.database.db.selectFrom('data_access_log').select(['record_kind', 'purpose']).where('record_id', '=', id).execute();
    assert.equal(logged.length, 10, 'one logged read per member shown');
    assert.ok(logged.every((l) => l.record_kind === 'programme-group' && l.purpose === 'programme-groups'));
    // The auditor reads the members with NIK and KK masked.
    const audited = await req('GET', `/api/v1/programmes/groups/${id}`, undefined, await login(`auditor@${SEMARANG}`));
    assert.ok(audited.json().members.every((m: { nik: string; kk: string }) => m.nik.includes('••') && m.kk.includes('••')));
    // KUBE: the decree states no report deadline, so none is invented.
    const paid = await req('POST', `/api/v1/programmes/groups/${id}/disbursement`, { date: '2026-04-14', amount: 20_000_000, version: 2 }, operator);
    assert.deepEqual(paid.json(), { version: 3, reportDue: null });
    // The auditor reads, never writes.
    assert.equal((await req('POST', `/api/v1/programmes/groups/${id}/report`, { date: '2026-05-01', note: 'Laporan', version: 3 }, await login(`auditor@${SEMARANG}`))).status, 403);
  });

  it('refuses an RST group without a bendahara, accepts an individual, and sets the report due 105 days after disbursement', async () => {
    const operator = await login(`operator@${SEMARANG}`);
    const three = [member(0, '1975-05-05', 'ketua'), member(1, '1980-06-06', 'sekretaris'), member(2, '1978-07-07')];
    const body = { ...kubeBody(three), name: 'Kelompok RST Mugi Rahayu', business: 'Perbaikan rumah', rab: [{ item: 'Semen, pasir dan bata', amount: 12_000_000 }] };
    const refused = await req('POST', '/api/v1/programmes/bantuan-rst/groups', body, operator);
    assert.equal(refused.status, 422);
    assert.equal(refused.json().error.problems[0].message, 'Kelompok tanpa bendahara; ketentuan: "6. Dalam satu kelompok terdapat 3-15 KK, dibentuk ketua, sekretaris, bendahara"');
    // "Untuk yang tidak dapat membentuk kelompok, dapat diberikan perseorangan".
    const single = await req('POST', '/api/v1/programmes/bantuan-rst/groups', { ...body, name: 'Perseorangan: Sutrisno', individual: true, members: [member(0, '1975-05-05')] }, operator);
    assert.equal(single.status, 201, single.body);
    // KUBE knows no individual recipients.
    const kubeSingle = await req('POST', '/api/v1/programmes/bantuan-kube/groups', { ...kubeBody([member(3)]), individual: true }, operator);
    assert.equal(kubeSingle.status, 422);
    assert.equal(kubeSingle.json().error.problems.find((p: { field: string }) => p.field === 'individual').code, 'individual-not-allowed');

    const id = single.json().id as string;
    assert.equal((await req('POST', `/api/v1/programmes/groups/${id}/disbursement`, { date: '2026-03-10', amount: 1, version: 1 }, operator)).status, 409, 'no disbursement before the group decree');
    assert.equal((await req('POST', `/api/v1/programmes/groups/${id}/decree`, { number: '01/RST/2026', date: '2026-03-05', version: 1 }, operator)).status, 200);
    const paid = await req('POST', `/api/v1/programmes/groups/${id}/disbursement`, { date: '2026-03-10', amount: 17_500_000, version: 2 }, operator);
    assert.deepEqual(paid.json(), { version: 3, reportDue: '2026-06-23' }, '10 March + 105 days');
    const late = await req('POST', `/api/v1/programmes/groups/${id}/report`, { date: '2026-06-24', note: 'Rumah selesai diperbaiki; foto dan nota terlampir', version: 3 }, operator);
    assert.deepEqual(late.json(), { version: 4, late: true });
    const future = await req('POST', `/api/v1/programmes/groups/${id}/report`, { date: '2026-07-05', note: 'x', version: 4 }, operator);
    assert.equal(future.status, 409, 'already reported');
    const list = await req('GET', '/api/v1/programmes/bantuan-rst/groups', undefined, operator);
    assert.equal(list.json()[0].status, 'reported');
  });

  it('queues JKN-KIS proposals against the period’s quota and answers each applicant’s position', async () => {
    const operator = await login(`operator@${BANJARMASIN}`);
    assert.equal((await req('PUT', '/api/v1/programmes/pengusulan-jkn-kis/quotas/2026-07', { quota: 2, note: 'Kuota usulan PBI-APBN Juli 2026 dari Kementerian Sosial' }, operator)).status, 200);
    const people = [
      ['6371010101800001', 'Ahmad Yani'],
      ['6371014502850002', 'Siti Rahmah'],
      ['6371011003900003', 'Muhammad Arsyad'],
    ] as const;
    // Muhammad Arsyad applied at the counter; his proposal names his case, whose tracking page shows the place.
    const filed = await fileAt('pengusulan-jkn-kis', { nik: people[2][0], name: people[2][1] });
    assert.ok(filed.ok, JSON.stringify(filed));
    const number = filed.value.registrationNumber;
    const wrong = await req('POST', '/api/v1/programmes/pengusulan-jkn-kis/queue', { period: '2026-07', nik: people[0][0], name: 'Ahmad Yani', category: 'pbi-apbn', registrationNumber: number }, operator);
    assert.equal(wrong.status, 422, "another person's case");
    assert.equal((wrong.json().error.problems?.[0] ?? wrong.json().error).field, 'registrationNumber');
    const places = [];
    for (const [nik, name] of people) {
      const r = await req('POST', '/api/v1/programmes/pengusulan-jkn-kis/queue', { period: '2026-07', nik, name, category: 'pbi-apbn', registrationNumber: nik === people[2][0] ? number : null }, operator);
      assert.equal(r.status, 201, r.body);
      places.push([r.json().position, r.json().withinQuota]);
    }
    assert.deepEqual(places, [[1, true], [2, true], [3, false]]);
    assert.deepEqual(await queuePlacesOfCase(t.ctx, t.catalogue.office(BANJARMASIN)!.id, number), [{ programme: 'Pelayanan Pengusulan Jaminan Kesehatan Nasional (JKN-KIS)', period: '2026-07', position: 3, quota: 2, withinQuota: false }]);
    // The applicant's tracking page (number and code, the code in a cookie) shows the place.
    const track = await t.app.inject({ method: 'POST', url: '/lacak', payload: { nomor: number, code: filed.value.trackingCode } });
    assert.equal(track.statusCode, 303);
    const page = await t.app.inject({ method: 'GET', url: String(track.headers.location), headers: { cookie: String(track.headers['set-cookie']).split(';')[0]! } });
    assert.match(page.body.replace(/\s+/g, ' '), /Antrean kuota <span lang="id">Pelayanan Pengusulan Jaminan Kesehatan Nasional \(JKN-KIS\)<\/span>, periode 2026-07: nomor <strong>3<\/strong> \(menunggu: kuota 2\)/);
    const twice = await req('POST', '/api/v1/programmes/pengusulan-jkn-kis/queue', { period: '2026-07', nik: people[0][0], name: 'Ahmad Yani', category: 'pbi-apbn' }, operator);
    assert.equal(twice.status, 409);
    assert.match(twice.json().error.message, /nomor 1/);
    const list = await req('GET', '/api/v1/programmes/pengusulan-jkn-kis/queue?period=2026-07', undefined, operator);
    assert.equal(list.json().quota, 2);
    assert.deepEqual(list.json().entries.map((e: { position: number; nik: string }) => [e.position, e.nik.includes('••')]), [[1, true], [2, true], [3, true]]);
    // A programme whose decree names no quota has no queue.
    const kube = await req('POST', '/api/v1/programmes/santunan-kematian/queue', { period: '2026-07', nik: people[0][0], name: 'x', category: 'santunan-kematian' }, operator);
    assert.equal(kube.status, 422);
    assert.equal(kube.json().error.code, 'no-quota');
  });

  it('files santunan kematian on the 30th calendar day after the death and refuses the 31st with the decree’s sentence', async () => {
    const file = (died: string) => fileAt('santunan-kematian', { nik: '6371015507800004', name: 'Hj. Rusmini' }, { 'tanggal-meninggal': died }, died);
    // 14 February 2025, 10:00 WITA: the 30th day.
    clock = new Date('2025-02-14T02:00:00Z');
    const inTime = await file('2025-01-15');
    assert.ok(inTime.ok, JSON.stringify(inTime));
    clock = new Date('2025-02-15T02:00:00Z');
    const late = await file('2025-01-15');
    assert.ok(!late.ok);
    assert.deepEqual(late.error.problems.map((p) => [p.field, p.code]), [['answers.tanggal-meninggal', 'filing-window-closed']]);
    assert.equal(late.error.problems[0]!.message, 'Pengajuan ditolak: batas pengajuan 30 hari kalender sejak 2025-01-15 berakhir pada 2025-02-14; hari ini 2025-02-15. Ketentuan: "2. Pengajuan oleh Ahli Waris dan tidak lebih dari 30 hari kalender dari tanggal meninggal dunia."');
    assert.match(late.error.problems[0]!.messageEn, /ended on 2025-02-14/);

    // Its stages on the clock: while BPKPAD processes, the case waits on an outside body (clock
    // paused); the 2 working days of the transfer run from the funds' arrival.
    clock = new Date('2026-04-06T01:00:00Z');
    const c = await file('2026-04-02');
    assert.ok(c.ok, JSON.stringify(c));
    await driveUntil(t.ctx, c.value.id, (s) => s.id === 'proses-bpkpad', BANJARMASIN);
    const waiting = await t.database.db.selectFrom('applications').select(['status', 'stages']).where('id', '=', c.value.id).executeTakeFirstOrThrow();
    assert.equal(waiting.status, 'waiting-external');
    // The funds arrive on Monday 4 May 2026, 09:00 WITA: transfer due Wednesday 6 May, 16:00 WITA.
    clock = new Date('2026-05-04T01:00:00Z');
    await driveUntil(t.ctx, c.value.id, (s) => s.id === 'informasi-pencairan', BANJARMASIN);
    const stages = JSON.parse((await t.database.db.selectFrom('applications').select('stages').where('id', '=', c.value.id).executeTakeFirstOrThrow()).stages) as { id: string; startedAt: string; dueAt: string }[];
    const transfer = stages.find((s) => s.id === 'transfer-dana')!;
    assert.deepEqual([transfer.startedAt, transfer.dueAt], ['2026-05-04T01:00:00.000Z', '2026-05-06T08:00:00.000Z']);
    clock = new Date('2026-07-01T02:00:00Z');
  });

  it('lists a period’s decreed recipients publicly with NIK masked, and answers the self-check by NIK + KK only "terdaftar / tidak", logged and rate-limited', async () => {
    const operator = await login(`operator@${KUKAR}`);
    const opened = await req('POST', '/api/v1/programmes/bantuan-usaha-wrse/rounds', { period: '2026', stage: 'Tahap I', referenceDate: '2026-03-01' }, operator);
    const round = opened.json().id as string;
    const people = [
      { nik: '6403025203880002', kk: '6403021503090011', name: 'Wahyuni' },
      { nik: '6403026711790003', kk: '6403021503090012', name: 'Rusmini' },
    ];
    for (const p of people) assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/candidates`, { ...p, category: 'bantuan-usaha', source: 'village', village: 'LOA IPUH' }, operator)).status, 201);
    const verifier = await login(`verifikator@${KUKAR}`);
    const list = (await req('GET', `/api/v1/programmes/rounds/${round}/candidates`, undefined, verifier)).json().candidates as { id: string; name: string; version: number }[];
    for (const c of list) await req('POST', `/api/v1/programmes/rounds/${round}/candidates/${c.id}/verification`, c.name === 'WAHYUNI' ? { result: 'eligible', version: c.version } : { result: 'ineligible', reason: 'Tidak memiliki embrio usaha', version: c.version }, verifier);
    const url = `/api/v1/offices/${KUKAR}/programmes/bantuan-usaha-wrse/recipients?period=2026`;
    assert.equal((await req('GET', url)).status, 404, 'nothing public before the SK');
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/berita-acara`, undefined, verifier)).status, 201);
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/decree`, {}, await login(`kepala-dinas@${KUKAR}`))).status, 201);

    const pub = await req('GET', url);
    assert.equal(pub.status, 200, pub.body);
    assert.equal(pub.json().total, 1, 'only the SK’s recipient; the refused candidate is not public');
    assert.deepEqual(pub.json().recipients[0], { name: 'WAHYUNI', nik: '6403 02•• •••• 0002', village: 'LOA IPUH', category: 'bantuan-usaha', stage: 'Tahap I' });
    assert.ok(!pub.body.includes('6403025203880002') && !pub.body.includes('RUSMINI'));

    const check = (body: object) => req('POST', `/api/v1/offices/${KUKAR}/programmes/bantuan-usaha-wrse/self-check`, body);
    assert.deepEqual((await check(people[0]!)).json(), { registered: true, period: '2026', nextCycle: null });
    assert.deepEqual((await check({ nik: people[0]!.nik, kk: '6403021503090099' })).json(), { registered: false, period: '2026', nextCycle: null }, 'the NIK with another KK: no');
    assert.deepEqual((await check(people[1]!)).json(), { registered: false, period: '2026', nextCycle: null }, 'refused by the berita acara: no');
    const bad = await check({ nik: '12345', kk: people[0]!.kk });
    assert.equal(bad.status, 422);
    assert.equal((bad.json().error.problems?.[0] ?? bad.json().error).field, 'nik');
    const logged = await t.database.db.selectFrom('programme_self_checks').select(['nik', 'found']).orderBy('seq').execute();
    assert.deepEqual(logged.map((l) => [l.nik, Number(l.found)]), [[people[0]!.nik, 1], [people[0]!.nik, 0], [people[1]!.nik, 0]], 'each look-up logged; a malformed one never looked up');
  });

  it('rate-limits the self-check (10 a minute per client)', async () => {
    const limited = await testApp({ rateLimit: true, now: () => clock });
    try {
      const codes = [];
      for (let i = 0; i < 11; i++)
        codes.push((await limited.app.inject({ method: 'POST', url: `/api/v1/offices/${KUKAR}/programmes/bantuan-usaha-wrse/self-check`, payload: { nik: '6403025203880002', kk: '6403021503090011' } })).statusCode);
      assert.deepEqual(codes.slice(0, 10), Array(10).fill(200));
      assert.equal(codes[10], 429);
    } finally {
      await limited.close();
    }
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await req('GET', '/api/v1/docs/json')).json();
    for (const path of [
      '/api/v1/programmes/{slug}/groups',
      '/api/v1/programmes/groups/{id}',
      '/api/v1/programmes/groups/{id}/decree',
      '/api/v1/programmes/groups/{id}/disbursement',
      '/api/v1/programmes/groups/{id}/report',
      '/api/v1/programmes/{slug}/quotas/{period}',
      '/api/v1/programmes/{slug}/queue',
      '/api/v1/offices/{slug}/programmes/{programme}/recipients',
      '/api/v1/offices/{slug}/programmes/{programme}/self-check',
    ])
      assert.ok(doc.paths[path], path);
  });
});
