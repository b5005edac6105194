/**
 * Letters: PDF letters rendered per second on one core (the product's letter: letterhead,
 * table, paragraphs, validity, signer block, QR), beside a minimal pdfkit page with one line of
 * text measured in the same run; and batch signing of 1,000 ready letters (render, store the
 * file with fsync, commit each signature in its own transaction), beside rendering the same
 * letters without the database; and what the PAdES signature adds (docs/SIGNING.md): one letter
 * rendered and signed beside rendered only, the batch's letters rendered and signed without
 * the database beside rendered only, and the signing action itself (1,000 letters, and one
 * letter) with PAdES beside the same action without it, all in the same run. The baseline
 * without a signature exists only here: the bench replaces Ctx.signPdf, which the product never sets.
 */
import { createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { boot } from '../src/boot.js';
import { insertLetter, lettersOfApplication, type Letter } from '../src/db/letters-repo.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import { formatLetterNumber } from '../src/domain/letters/numbering.js';
import { localCmsSigner, signPdf, type CmsSigner } from '../src/io/pades.js';
import { issueCertificate } from '../src/io/x509.js';
import { renderLetterPdf, type LetterPdfInput } from '../src/render/letter-pdf.js';
import { pdfInputFor } from '../src/usecases/letters/render-letter.js';
import { signerBlock } from '../src/usecases/letters/signer-block.js';
import { signLetters } from '../src/usecases/letters/sign-letters.js';
import { simulateCase } from '../src/usecases/applications/simulate-case.js';
import type { Actor } from '../src/usecases/context.js';
import { report, type BenchContext } from './report.js';

function minimalPage(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Surat Rekomendasi 400.9/0001/Dinsos/2026');
    doc.end();
  });
}

async function perSecond(seconds: number, fn: () => Promise<unknown>): Promise<number> {
  const w = performance.now();
  while (performance.now() - w < 1000) await fn(); // warm-up (fonts, JIT, caches)
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    await fn();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

export const letterInput = (i: number): LetterPdfInput => ({
  paper: 'F4',
  layout: 'certificate',
  office: {
    government: 'Pemerintah Kota Jambi',
    name: 'Dinas Sosial Kota Jambi',
    address: 'Jln. Jend. Sudirman No. 156 – Jambi Selatan, Jambi',
    postalCode: '36138',
    contacts: [
      { kind: 'phone', label: 'Telepon', value: '(0741) 24193' },
      { kind: 'email', label: 'E-mail', value: 'dinsos@jambikota.go.id' },
    ],
  },
  logo: null,
  title: 'SURAT REKOMENDASI',
  number: `400.9/${String(i).padStart(4, '0')}/Dinsos/2026`,
  place: 'Jambi',
  dateText: '23 November 2026',
  subject: 'Rekomendasi Pelayanan Rekomendasi Jamkesda Bayi',
  addressee: [],
  blocks: [
    { kind: 'paragraph', text: 'Yang bertanda tangan di bawah ini, Kepala Dinas Sosial Kota Jambi, dengan ini memberikan rekomendasi kepada:' },
    { kind: 'row', label: 'Nama', value: `Siti Aminah ${i}` },
    { kind: 'row', label: 'NIK', value: '1571024107900003' },
    { kind: 'row', label: 'Jenis kelamin', value: 'Perempuan' },
    { kind: 'row', label: 'Alamat', value: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi' },
    { kind: 'row', label: 'Nomor registrasi', value: `JMB-2026-${String(i).padStart(6, '0')}` },
    { kind: 'paragraph', text: 'Berdasarkan hasil verifikasi Dinas Sosial, yang bersangkutan memenuhi persyaratan untuk memperoleh pelayanan jaminan kesehatan sebagaimana dimaksud dalam Surat Rekomendasi Jamkesda Bayi, sesuai Standar Pelayanan Dinas Sosial Kota Jambi.' },
    { kind: 'paragraph', text: 'Demikian surat rekomendasi ini dibuat untuk dapat dipergunakan sebagaimana mestinya.' },
  ],
  validUntilText: '23 Desember 2026',
  signer: { position: ['Kepala Dinas Sosial Kota Jambi,'], name: 'Drs. H. Ahmad Zulkifli, M.Si', rank: 'Pembina Utama Muda (IV/c)', nip: '196805121994031006' },
  verifyUrl: `http://localhost:3000/v/${randomBytes(12).toString('base64url')}`,
  draft: false,
  at: new Date('2026-11-23T03:00:00Z'),
});

/** A database of its own on the benchmark cluster, dropped afterwards (the oversight section uses it too). */
export async function freshPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sigap_letters_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const d = new pg.Client({ connectionString: adminUrl });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** A signer certificate from a throwaway office authority, as sigap makes them (RSA 2048). */
async function benchSigner(): Promise<CmsSigner> {
  const ca = await issueCertificate({ commonName: 'Otoritas Sertifikat Sigap Dinas Sosial Kota Jambi', organization: 'Dinas Sosial Kota Jambi' }, { from: new Date(), years: 10 });
  const leaf = await issueCertificate({ commonName: 'Drs. H. Ahmad Zulkifli, M.Si', organization: 'Dinas Sosial Kota Jambi' }, { from: new Date(), years: 2 }, ca);
  return localCmsSigner([leaf.certPem, ca.certPem], createPrivateKey(leaf.keyPem));
}

const signed = async (pdf: Buffer, cms: CmsSigner) =>
  signPdf(pdf, { name: 'Drs. H. Ahmad Zulkifli, M.Si', reason: 'SURAT REKOMENDASI: tanda tangan elektronik tidak tersertifikasi', location: 'Jambi', contactInfo: 'http://localhost:3000/v/x', at: new Date() }, cms);

export async function lettersBench(ctx: BenchContext): Promise<void> {
  // 1. Rendering on one core (this process is single-threaded).
  const seconds = ctx.quick ? 2 : 6;
  const bare = await perSecond(seconds, minimalPage);
  let i = 0;
  const letters = await perSecond(seconds, () => renderLetterPdf(letterInput(++i)));
  const cms = await benchSigner();
  // Alternating rounds, so a busy machine slows both sides alike.
  let [plainMs, padesMs] = [0, 0];
  for (let round = 0; round < (ctx.quick ? 5 : 20); round++) {
    const a = performance.now();
    for (let k = 0; k < 10; k++) await renderLetterPdf(letterInput(++i));
    const b = performance.now();
    for (let k = 0; k < 10; k++) await signed(await renderLetterPdf(letterInput(++i)), cms);
    plainMs += b - a;
    padesMs += performance.now() - b;
  }
  const rounds = (ctx.quick ? 5 : 20) * 10;
  report(ctx, {
    name: 'one letter rendered and PAdES-signed (ETSI.CAdES.detached, RSA 2048, SHA-256), one core',
    value: padesMs / rounds,
    unit: 'ms/letter',
    baseline: { name: 'the same letters rendered without a signature (alternating rounds)', value: plainMs / rounds, unit: 'ms/letter' },
    higherIsBetter: false,
    note: `the signature adds ${((padesMs - plainMs) / rounds).toFixed(1)} ms per letter`,
  });
  report(ctx, {
    name: 'PDF letters rendered per second, one core (F4, letterhead, table, validity, signer, QR, embedded DejaVu subset)',
    value: letters,
    unit: 'letters/s',
    baseline: { name: 'minimal pdfkit page with one line of text (Helvetica, no embedding)', value: bare, unit: 'pages/s' },
    note: `target ≥ 100 letters/s per core: ${letters >= 100 ? 'met' : 'NOT met'}`,
  });

  // 2. Batch signing of 1,000 ready letters, per database.
  const count = ctx.quick ? 200 : 1000;
  for (const db of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-letters-'));
    const pgdb = db.url ? await freshPgDatabase(db.url) : null;
    const b = await boot({ databaseUrl: pgdb?.url ?? null, dataDir: dir, standardsDir: 'standards', demo: true, actor: 'bench' });
    if (!b.ok) throw new Error('boot failed');
    const c = b.ctx;
    try {
      // One real case gives a ready, numbered letter; the batch is copies of it, each with its own
      // number (as if `count` cases had completed) and token.
      const run = await simulateCase(c, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'main');
      const [base] = await lettersOfApplication(c.database.db, run.applicationId);
      if (!base) throw new Error('no letter');
      const office = c.catalogue.officeById(base.office_id).office;
      const year = c.clock.localDate(office, new Date().toISOString());
      // The simulated case signed its letter: the copies are ready letters, as a completed case leaves them.
      const unsigned = { status: 'ready' as const, issued_on: null, valid_until: null, signed_at: null, signed_by: null, signer: null, sha256: null, size: null, signature_kind: null, signature_provider: null, signing_cert_serial: null, version: 1 };
      // Each copy belongs to a case of its own (a copy of the simulated case), as when 1,000 cases
      // completed: a signature looks at its case's other letters, which must not be the whole batch.
      const caseRow = await c.database.db.selectFrom('applications').selectAll().where('id', '=', base.application_id).executeTakeFirstOrThrow();
      const copies = (from: number, n: number): Letter[] =>
        Array.from({ length: n }, (_, k) => ({
          ...base,
          ...unsigned,
          application_id: `${base.application_id}-${from + k}`,
          id: randomUUID(),
          token: randomBytes(12).toString('base64url'),
          number: formatLetterNumber({ ...office.letterNumbering }, base.letter_type, from + k, year),
          number_seq: from + k,
        }));
      // The PAdES batch, the same batch without the signature, and single-letter actions of each kind.
      const singles = ctx.quick ? 10 : 30;
      // Four batches signed in the order with, without, without, with: a machine or database that
      // slows down (or speeds up) during the run weighs on both kinds alike.
      const [rows, plainRows, plainRows2, rows2] = [0, 1, 2, 3].map((b) => copies(2 + b * count, count));
      const singleRows = copies(2 + 4 * count, 2 * singles);
      await c.database.write(async (trx) => {
        for (const row of [...rows!, ...plainRows!, ...plainRows2!, ...rows2!, ...singleRows]) {
          await trx.insertInto('applications').values({ ...caseRow, id: row.application_id, registration_number: `${caseRow.registration_number}-${row.number_seq}`, idempotency_key: null }).execute();
          await insertLetter(trx, row);
        }
      });
      const user = toStaff((await findUserByUsername(c.database.db, 'kepala-dinas@kota-jambi'))!);
      const actor: Actor = { id: user.id, name: user.displayName, roles: user.roles, officeId: user.officeId };
      // Baseline: the same letters rendered, no database, no files; each letter also rendered and
      // signed right after, so both sides meet the same warm caches and the same busy machine.
      const signer = await signerBlock(c.database.db, office, user.id, 'kepala-dinas', null);
      let [renderMs, signedMs] = [0, 0];
      for (const row of rows!) {
        const input = () => pdfInputFor(c, row, { signer, issuedOn: year, validUntil: null, at: new Date() });
        const a = performance.now();
        await renderLetterPdf(input());
        const b = performance.now();
        await signed(await renderLetterPdf(input()), cms);
        renderMs += b - a;
        signedMs += performance.now() - b;
      }
      const renderOnly = count / (renderMs / 1000);
      const renderSigned = count / (signedMs / 1000);
      report(ctx, {
        name: `the batch's ${count} letters rendered and PAdES-signed, no database (${db.name} run)`,
        value: renderSigned,
        unit: 'letters/s',
        baseline: { name: 'the same letters rendered only, without the signature', value: renderOnly, unit: 'letters/s' },
      });
      /** One signing action over `batch`, in ms; `plain`: the bench-only seam (Ctx.signPdf) leaves the PDF without its signature. */
      const signAction = async (batch: Letter[], plain: boolean): Promise<number> => {
        if (plain) c.signPdf = async (pdf) => pdf;
        try {
          const t0 = performance.now();
          const r = await signLetters(c, { ids: batch.map((x) => x.id), password: 'sigap-demo' }, actor);
          const ms = performance.now() - t0;
          if (!r.ok || r.value.signed !== batch.length) throw new Error(`batch signing failed: ${JSON.stringify(r).slice(0, 300)}`);
          return ms;
        } finally {
          delete c.signPdf;
        }
      };
      const first = await signAction(rows!, false);
      const plainFirst = await signAction(plainRows!, true);
      const plainSecond = await signAction(plainRows2!, true);
      const second = await signAction(rows2!, false);
      const [ms, plainMs] = [(first + second) / 2, (plainFirst + plainSecond) / 2];
      const secs = (x: number) => (x / 1000).toFixed(1);
      report(ctx, {
        name: `batch signing of ${count} ready letters in one action (${db.name}): render, PAdES signature, store with fsync, one transaction and audit row per letter`,
        value: count / (ms / 1000),
        unit: 'letters/s',
        baseline: { name: 'the same action without the PAdES signature (bench-only seam; everything else identical)', value: count / (plainMs / 1000), unit: 'letters/s' },
        note: `per action of ${count} letters (one password confirmation each), in the order with/without/without/with: ${secs(first)} s, ${secs(plainFirst)} s, ${secs(plainSecond)} s, ${secs(second)} s; rendering only (no database, no files): ${renderOnly.toFixed(0)} letters/s`,
      });
      // Single-letter signing (the letter page's button): alternating actions with and without the signature.
      let [oneMs, onePlainMs] = [0, 0];
      for (let k = 0; k < singles; k++) {
        oneMs += await signAction([singleRows[2 * k]!], false);
        onePlainMs += await signAction([singleRows[2 * k + 1]!], true);
      }
      report(ctx, {
        name: `signing one letter in one action (${db.name}): password confirmation, render, PAdES signature, store with fsync, transaction`,
        value: oneMs / singles,
        unit: 'ms/action',
        baseline: { name: 'the same action without the PAdES signature (alternating)', value: onePlainMs / singles, unit: 'ms/action' },
        higherIsBetter: false,
        note: `the signature adds ${((oneMs - onePlainMs) / singles).toFixed(1)} ms to signing one letter (mean of ${singles})`,
      });
    } finally {
      await c.database.close();
      await pgdb?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
