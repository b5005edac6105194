/** The views of finding cases render from plain data: counts and filters kept across pages, statuses in words, errors beside their field, both languages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredService } from '../../../src/db/standards-repo.js';
import { caseSearchPage, duplicateWarning, linkTo, queuePage } from '../../../src/http/pages/applications-search-views.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import type { CaseListItem, CaseSearchResult } from '../../../src/usecases/applications/search-cases.js';
import type { QueueItem, QueueView } from '../../../src/usecases/applications/task-queue.js';
import { STANDARDS_DIR } from '../../support/paths.js';

const jambi = loadStandardsDir(STANDARDS_DIR).offices.find((o) => o.office.slug === 'kota-jambi')!;
const services: StoredService[] = jambi.services.map((s, i) => ({ id: `svc-${i}`, versionId: `sv-${i}`, version: 1, service: s }));
const bayi = services.find((s) => s.service.slug === 'rekomendasi-jamkesda-bayi')!;
const shell = (lang: 'id' | 'en') => ({ lang, displayName: 'Rina Marlina', csrf: 'token-csrf-123' });
const XSS = '<script>alert(1)</script>';

const item = (n: number, over: Partial<QueueItem> = {}): QueueItem => ({
  id: `t${n}`,
  applicationId: `a${n}`,
  registrationNumber: `JMB-2026-${String(n).padStart(6, '0')}`,
  service: { id: bayi.id, slug: bayi.service.slug, no: bayi.service.no, title: bayi.service.title },
  step: { id: 'verifikasi', label: 'Verifikasi berkas', kind: 'check' },
  outcomes: [],
  dueAt: '2026-04-06T01:15:00.000Z',
  dueAtLocal: 'Senin, 6 April 2026 08.15 WIB',
  slaState: 'late',
  applicantName: 'Siti Aminah',
  claimedBy: null,
  version: 1,
  ...over,
});

const view = (over: Partial<QueueView> = {}): QueueView => ({
  items: [item(1), item(2, { slaState: 'at-risk', applicantName: XSS })],
  total: 120,
  offset: 50,
  limit: 50,
  counts: {
    sla: { late: 7, 'at-risk': 13, 'on-time': 100, paused: 0, 'not-started': 0 },
    services: [{ id: bayi.id, no: bayi.service.no, title: bayi.service.title, count: 120 }],
    steps: [{ id: 'verifikasi', label: 'Verifikasi berkas', count: 120 }],
    holders: { all: 120, mine: 4, unclaimed: 110 },
  },
  ...over,
});

const found = (n: number, over: Partial<CaseListItem> = {}): CaseListItem => ({
  id: `a${n}`,
  registrationNumber: `JMB-2026-${String(n).padStart(6, '0')}`,
  applicantName: 'Budi Santoso',
  nikMasked: '3374 03•• •••• 0002',
  service: { id: bayi.id, no: bayi.service.no, title: bayi.service.title },
  status: 'waiting-applicant',
  submittedAt: '2026-04-05T17:30:00.000Z',
  submittedDate: '2026-04-06',
  submittedLocal: 'Senin, 6 April 2026 00.30 WIB',
  ...over,
});

describe('views of finding cases (no database)', () => {
  it('links keep exactly the filters in force', () => {
    assert.equal(linkTo('/petugas', { serviceId: 'svc-1', stepId: undefined, slaState: '', page: 2 }), '/petugas?serviceId=svc-1&page=2');
    assert.equal(linkTo('/petugas/cari', {}), '/petugas/cari');
    assert.equal(linkTo('/petugas/cari', { q: 'Siti Aminah & co' }), '/petugas/cari?q=Siti+Aminah+%26+co');
  });

  it('the queue shows its counts per clock state and holder, keeps the filters, and pages with them', () => {
    const d = { officeName: jambi.office.name, roles: ['verifikator'], notifications: [], filter: { serviceId: bayi.id, slaState: 'late' }, page: 2, services, queue: view() };
    const id = queuePage(shell('id'), d);
    assert.match(id, /<span class="badge sla-late">Terlambat<\/span> <strong>7<\/strong>/);
    assert.match(id, /<span class="badge sla-at-risk">Hampir terlambat<\/span> <strong>13<\/strong>/);
    assert.match(id, /Yang saya ambil <strong>4<\/strong>/);
    assert.match(id, /Belum diambil siapa pun <strong>110<\/strong>/);
    assert.match(id, new RegExp(`<option value="${bayi.id}" selected>${bayi.service.no}\\. [^<]+ \\(120\\)</option>`), 'the chosen service, with its count');
    assert.match(id, /<select id="f-step" name="stepId">.*Verifikasi berkas \(120\)/s, 'a chosen service offers its steps');
    assert.match(id, /<option value="late" selected>Terlambat \(7\)<\/option>/);
    assert.match(id, /120 tugas terbuka · halaman 2 dari 3/);
    assert.match(id, new RegExp(`<a rel="prev" href="/petugas\\?serviceId=${bayi.id}&amp;slaState=late">‹ Sebelumnya</a>`), 'page 1 has no page number');
    assert.match(id, new RegExp(`<a rel="next" href="/petugas\\?serviceId=${bayi.id}&amp;slaState=late&amp;page=3">Berikutnya ›</a>`));
    assert.ok(id.includes('&lt;script&gt;') && !id.includes(XSS), 'names are escaped');
    assert.match(id, /<a href="\/petugas\/berkas\/a1">JMB-2026-000001<\/a>/);

    const en = queuePage(shell('en'), { ...d, filter: {}, page: 1 });
    assert.match(en, /<span class="badge sla-late">Late<\/span> <strong>7<\/strong>/);
    assert.match(en, /Claimed by me <strong>4<\/strong>/);
    assert.doesNotMatch(en, /id="f-step"/, 'no step choice before a service is chosen');
    assert.match(en, /<a rel="next" href="\/petugas\?page=2&amp;lang=en">Next ›<\/a>/);
    assert.doesNotMatch(en, /rel="prev"/, 'no previous page on page 1');
    assert.match(en, /<input type="hidden" name="lang" value="en">/, 'filtering keeps the language');

    const empty = queuePage(shell('id'), { ...d, filter: {}, page: 1, queue: view({ items: [], total: 0 }) });
    assert.match(empty, /Tidak ada tugas dengan saringan ini\./);
    assert.doesNotMatch(empty, /class="pager"/);
  });

  it('the search lists cases with statuses in words, NIKs masked, dates in the office\'s zone, and pages with the search kept', () => {
    const result: CaseSearchResult = { by: 'name', items: [found(1), found(2, { status: 'withdrawn', applicantName: XSS })], total: 60, page: 1, pageSize: 50, pages: 2 };
    const id = caseSearchPage(shell('id'), { values: { q: 'budi', status: 'waiting-applicant' }, services, result, problems: [] });
    assert.match(id, /<h2 id="h-results">60 berkas ditemukan · halaman 1 dari 2<\/h2>/);
    assert.match(id, /<td data-label="Status">Menunggu kelengkapan dari pemohon<\/td>/);
    assert.match(id, /<td data-label="Status">Dibatalkan oleh pemohon<\/td>/);
    assert.doesNotMatch(id, />(waiting-applicant|withdrawn)</, 'never the stored code');
    assert.match(id, /NIK 3374 03•• •••• 0002/);
    assert.match(id, /<time datetime="2026-04-05T17:30:00.000Z">6 April 2026<\/time>/, 'the day in the office\'s zone, not UTC\'s 5 April');
    assert.match(id, /<a rel="next" href="\/petugas\/cari\?q=budi&amp;status=waiting-applicant&amp;page=2">/);
    assert.match(id, /<option value="waiting-applicant" selected>Menunggu kelengkapan dari pemohon<\/option>/);
    assert.match(id, /<details class="more" open>/, 'the filters in force are shown');
    assert.ok(id.includes('&lt;script&gt;') && !id.includes(XSS));
    for (const [status, words] of [['completed', 'Selesai'], ['withdrawn', 'Dibatalkan'], ['rejected', 'Ditolak']])
      assert.match(id, new RegExp(`<a href="/petugas/cari\\?status=${status}">${words}</a>`), `quick list ${words}`);

    const en = caseSearchPage(shell('en'), { values: {}, services, result: { ...result, items: [found(3, { status: 'completed' })], total: 1, pages: 1 }, problems: [] });
    assert.match(en, /Latest cases \(1\)/, 'without a search: the latest cases');
    assert.match(en, /<td data-label="Status">Completed<\/td>/);
    assert.match(en, /<a href="\/petugas\/cari\?status=withdrawn&amp;lang=en">Withdrawn<\/a>/);
    assert.doesNotMatch(en, /<details class="more" open>/);
    assert.doesNotMatch(en, /class="pager"/);

    const none = caseSearchPage(shell('id'), { values: { q: 'Zulkarnain' }, services, result: { ...result, items: [], total: 0, pages: 1 }, problems: [] });
    assert.match(none, /Tidak ada berkas yang cocok\./);
  });

  it('a refused search says why beside the field, in the page\'s language', () => {
    const problems = [{ code: 'nik-length', message: 'NIK terdiri dari 16 angka; yang tertulis 12 angka', messageEn: 'A NIK has 16 digits; 12 were given', field: 'q' }];
    const id = caseSearchPage(shell('id'), { values: { q: '157102410790' }, services, problems });
    assert.match(id, /<div class="error-summary" role="alert"/);
    assert.match(id, /<p class="field-error" id="err-q">NIK terdiri dari 16 angka; yang tertulis 12 angka<\/p><input id="s-q" name="q" type="search" value="157102410790"[^>]* aria-invalid="true" aria-describedby="err-q">/);
    assert.doesNotMatch(id, /id="h-results"/, 'no results for a refused search');
    const dates = [{ code: 'date-range-reversed', message: 'Tanggal akhir harus sama dengan atau sesudah tanggal awal', messageEn: 'The end date must be on or after the start date', field: 'to' }];
    const en = caseSearchPage(shell('en'), { values: { from: '2026-04-10', to: '2026-04-01' }, services, problems: dates });
    assert.match(en, /<p class="field-error" id="err-to">The end date must be on or after the start date<\/p><input id="s-to"/);
    assert.match(en, /<details class="more" open>/, 'the field in error is not hidden');
  });

  it('the duplicate warning lists the open cases with links, or is nothing at all', () => {
    assert.equal(duplicateWarning('id', []), '');
    const id = duplicateWarning('id', [found(7, { status: 'open' }), found(8)]);
    assert.ok(id);
    assert.match(id.html, /Perhatian: NIK ini sudah memiliki 2 berkas terbuka untuk layanan yang sama\./);
    assert.match(id.html, /<li><a href="\/petugas\/berkas\/a7">JMB-2026-000007<\/a> · Budi Santoso · Sedang diproses · diajukan 6 April 2026<\/li>/);
    assert.match(id.html, /Menunggu kelengkapan dari pemohon/);
    const en = duplicateWarning('en', [found(7, { status: 'open' })]);
    assert.ok(en);
    assert.match(en.html, /this NIK already has 1 open case for the same service/);
    assert.match(en.html, /<a href="\/petugas\/berkas\/a7\?lang=en">JMB-2026-000007<\/a> · Budi Santoso · In progress · submitted 6 April 2026/);
  });
});
