/**
 * Complaints and the satisfaction survey: IKM of one office-year with 100,000 stored responses
 * (beside computing the same IKM in memory from an array of the same responses, and beside the
 * bare SQL aggregate alone), and complaint intake per second over HTTP (beside a bare Fastify POST
 * route parsing the same body), all in the same run.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { aggregateResponses, insertSurveyResponses } from '../src/db/surveys-repo.js';
import type { SurveyResponsesTable } from '../src/db/schema-surveys.js';
import { computeIkm, type Score, type SurveyResponse } from '../src/domain/surveys/index.js';
import { renderIkmReportPdf } from '../src/render/ikm-report-pdf.js';
import { namedPeriod } from '../src/domain/surveys/periods.js';
import { ikmFor } from '../src/usecases/surveys/compute-ikm.js';
import { ikmByService } from '../src/usecases/surveys/compute-ikm-by-service.js';
import { ikmReportData } from '../src/usecases/surveys/report-data.js';
import { report, type BenchContext } from './report.js';
import { startServerChild } from './server-child.js';

const startServer = (args: string[], env: NodeJS.ProcessEnv = {}) => startServerChild('bench/server.ts', args, env);

async function post(url: string, body: string, seconds: number, connections: number) {
  const r = await autocannon({ url, method: 'POST', connections, duration: seconds, headers: { 'content-type': 'application/json' }, body });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total };
}

export async function time<T>(f: () => Promise<T> | T, reps: number): Promise<{ median: number; max: number; value: T }> {
  let value = await f();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    value = await f();
    xs.push(performance.now() - a);
  }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)]!, max: xs[xs.length - 1]!, value };
}

/** A deterministic, realistic spread of answers (mostly 3 and 4, some 2, rare 1). */
function answersFor(i: number): Score[] {
  return Array.from({ length: 9 }, (_, j) => {
    const x = (i * 2654435761 + j * 40503) % 100;
    return (x < 2 ? 1 : x < 12 ? 2 : x < 55 ? 3 : 4) as Score;
  });
}

export async function complaintsBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 20_000 : 100_000;
  const year = '2025';
  const period = namedPeriod(year)!;

  // 1. IKM of one office-year.
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-skm-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards' });
    if (!b.ok) throw new Error('boot');
    const c = b.ctx;
    const office = c.catalogue.office('kota-jambi')!;
    const services = office.services;
    await c.database.db.deleteFrom('survey_responses').where('office_id', '=', office.id).execute();
    const t0 = performance.now();
    const inMemory: SurveyResponse[] = [];
    for (let start = 0; start < n; start += 10_000) {
      const rows: SurveyResponsesTable[] = [];
      for (let i = start; i < Math.min(n, start + 10_000); i++) {
        const a = answersFor(i);
        const day = new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
        // One paper questionnaire in 50 leaves U8 blank (complaint handling unknown to the respondent).
        const u8 = i % 50 === 0 ? null : a[7]!;
        rows.push({ id: randomUUID(), office_id: office.id, service_id: services[i % services.length]!.id, application_id: null, source: i % 3 ? 'paper' : 'kiosk', u1: a[0]!, u2: a[1]!, u3: a[2]!, u4: a[3]!, u5: a[4]!, u6: a[5]!, u7: a[6]!, u8, u9: a[8]!, age_group: '30-39', sex: i % 2 ? 'L' : 'P', education: 'sma', occupation: 'wirausaha', suggestion: i % 97 === 0 ? `Saran ${i}: antrean perlu nomor.` : null, responded_on: day, batch_id: null, entered_by: null, created_at: new Date().toISOString() });
        inMemory.push({ answers: { U1: a[0], U2: a[1], U3: a[2], U4: a[3], U5: a[4], U6: a[5], U7: a[6], ...(u8 === null ? {} : { U8: u8 as Score }), U9: a[8] } });
      }
      await c.database.write((trx) => insertSurveyResponses(trx, rows));
    }
    const loadMs = performance.now() - t0;
    const reps = ctx.quick ? 5 : 15;
    const full = await time(() => ikmFor(c, office, period), reps);
    const memory = await time(() => computeIkm(inMemory), reps);
    const bare = await time(() => aggregateResponses(c.database.db, { officeId: office.id, from: period.from, to: period.to }), reps);
    const mem = memory.value;
    if (!mem.ok || full.value.ikm !== mem.ikm) throw new Error(`IKM mismatch: ${full.value.ikm} vs ${mem.ok ? mem.ikm : mem.error.code}`);
    report(ctx, {
      name: `IKM of one office-year with ${n.toLocaleString('en')} responses (${dbc.name}; aggregate query + population + exact 1/9 arithmetic)`,
      value: full.median,
      unit: 'ms median',
      baseline: { name: `computeIkm in memory over an array of the same ${n.toLocaleString('en')} responses (no database)`, value: memory.median, unit: 'ms' },
      higherIsBetter: false,
      note: `IKM ${full.value.ikm} (${full.value.grade}); max ${full.max.toFixed(1)} ms; the bare SQL aggregate alone: ${bare.median.toFixed(1)} ms median; loading the rows (set-up) ${(loadMs / 1000).toFixed(1)} s`,
    });
    const perService = await time(() => ikmByService(c, office, period), ctx.quick ? 3 : 7);
    report(ctx, {
      name: `IKM of the office and each of its ${services.length} services for that year (${dbc.name})`,
      value: perService.median,
      unit: 'ms median',
      baseline: { name: 'bare SQL aggregate of the office-year (one row)', value: bare.median, unit: 'ms' },
      higherIsBetter: false,
    });
    const pdf = await time(async () => renderIkmReportPdf(await ikmReportData(c, office, period)), ctx.quick ? 2 : 4);
    report(ctx, {
      name: `printable IKM report (PDF with two ECharts charts) for that office-year (${dbc.name})`,
      value: pdf.median,
      unit: 'ms median',
      baseline: { name: 'IKM of the office-year alone', value: full.median, unit: 'ms' },
      higherIsBetter: false,
      note: `${(pdf.value.length / 1024).toFixed(0)} KiB`,
    });
    await c.database.db.deleteFrom('survey_responses').where('office_id', '=', office.id).execute();
    await c.database.close();
    rmSync(dir, { recursive: true, force: true });
  }

  // 2. Complaint intake over HTTP on SQLite (each acknowledged complaint committed, synchronous=FULL).
  const seconds = ctx.quick ? 4 : 10;
  const body = JSON.stringify({
    office: 'kota-banjarmasin',
    type: 'pengaduan',
    mode: 'named',
    text: 'Bantuan santunan kematian untuk almarhum ayah saya belum cair sejak tiga bulan lalu, padahal berkas sudah lengkap.',
    service: 'santunan-kematian',
    complainant: { name: 'Rahmat Hidayat', phone: '081351234567' },
  });
  const real = await startServer(['complaints']);
  try {
    const bare = await startServer(['bare', '{"receiptNumber":"BNJ-ADU-2026-000001","trackingCode":"ABCDEFGH","dueAt":"2026-04-13T08:00:00.000Z","dueAtLocal":"Senin, 13 April 2026 16.00 WITA"}']);
    try {
      await post(`http://127.0.0.1:${bare.port}/bare`, body, 1, 10);
      const base = await post(`http://127.0.0.1:${bare.port}/bare`, body, seconds, 20);
      await post(`http://127.0.0.1:${real.port}/api/v1/complaints`, body, 1, 10);
      const r = await post(`http://127.0.0.1:${real.port}/api/v1/complaints`, body, seconds, 20);
      report(ctx, {
        name: `POST /api/v1/complaints sustained ${seconds}s, 20 connections (SQLite, WAL, synchronous=FULL; receipt number, due time on the working calendar, event)`,
        value: r.rps,
        unit: 'complaints/s',
        baseline: { name: 'bare Fastify POST route parsing the same JSON body', value: base.rps, unit: 'req/s' },
        note: `p99 ${r.p99} ms; ${r.total} accepted; errors ${r.errors}`,
      });
    } finally {
      bare.child.kill();
    }
  } finally {
    real.child.kill();
  }
}
