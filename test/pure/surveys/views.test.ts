// The survey views without a database: they render, escape what people typed, and speak both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredOffice } from '../../../src/db/standards-repo.js';
import { namedPeriod } from '../../../src/domain/surveys/periods.js';
import { publicIkmPage } from '../../../src/http/pages/surveys-ikm-views.js';
import { staffSurveyMessage, staffSurveyPage } from '../../../src/http/pages/surveys-staff-views.js';
import { kioskSurveyPage, linkNoticePage, linkRefusedPage, linkSurveyPage } from '../../../src/http/pages/surveys-views.js';
import { emptyAggregate, ikmBase, ikmFromAggregate } from '../../../src/usecases/surveys/ikm-dto.js';

/** Just what the views read of an office: its name, slug and services. */
const office = {
  id: 'o1',
  office: { slug: 'kota-uji', name: 'Dinas Sosial <Kota> Uji' },
  services: [{ id: 's1', service: { slug: 'layanan-a', no: 1, title: 'Layanan "A" & B' } }],
} as unknown as StoredOffice;

const march = namedPeriod('2026-03')!;
/** The reference case of REFERENCE §2: 29 questionnaires, element totals 105 … 115 → IKM 91.48, grade A. */
const reference = { n: 29, totals: [105, 101, 100, 116, 102, 105, 106, 105, 115], counts: Array(9).fill(29) };
const ikm = ikmFromAggregate(reference, 40, ikmBase(office, undefined, march));
const serviceIkm = ikmFromAggregate(reference, 40, ikmBase(office, office.services[0], march));
const problem = { field: 'answers.U3', code: 'answer-invalid', message: 'Jawaban U3 <tidak> sah', messageEn: 'Answer U3 <not> valid' };

describe('survey views', () => {
  it('render the kiosk form with its nonce, nine questions and the problems beside their fields, escaped, in both languages', () => {
    const id = kioskSurveyPage('id', office, 'NONCE-1234567890', { values: { suggestion: '<script>alert(1)</script>', U1: '4' }, problems: [problem] });
    assert.match(id, /^<!doctype html><html lang="id">/);
    assert.ok(id.includes('name="kioskNonce" value="NONCE-1234567890"'));
    for (let i = 1; i <= 9; i++) assert.ok(id.includes(`name="U${i}"`), `U${i}`);
    assert.ok(id.includes('id="f-U1-4" name="U1" value="4" required checked'), 'an answer sent is checked again');
    assert.ok(id.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && !id.includes('<script>'), 'the suggestion is escaped');
    assert.ok(id.includes('Dinas Sosial &lt;Kota&gt; Uji') && !id.includes('<Kota>'), 'the office name is escaped');
    assert.ok(id.includes('Layanan &quot;A&quot; &amp; B'));
    assert.ok(id.includes('<p class="field-error">Jawaban U3 &lt;tidak&gt; sah</p>'));
    assert.ok(id.includes('Periksa kembali isian berikut') && id.includes('Kirim survei'));
    const en = kioskSurveyPage('en', office, 'NONCE-1234567890', { values: {}, problems: [{ ...problem, row: 3 }] });
    assert.match(en, /<html lang="en">/);
    assert.ok(en.includes('Row 3: Answer U3 &lt;not&gt; valid') && en.includes('Send survey') && en.includes('action="/kantor/kota-uji/survei?lang=en"'));
  });

  it('render the one-time link pages: the form naming the application, and each notice', () => {
    const page = linkSurveyPage('id', '/survei/UJI-2026-000001/TOKEN', { officeName: office.office.name, serviceTitle: '<i>Layanan</i>', registrationNumber: 'UJI-2026-000001' });
    assert.ok(page.includes('&lt;i&gt;Layanan&lt;/i&gt; · UJI-2026-000001') && page.includes('PermenPANRB 14/2017'));
    assert.ok(page.includes('<form method="post" action="/survei/UJI-2026-000001/TOKEN" class="intake">'));
    assert.ok(linkNoticePage('id', '/x', 'answered').includes('data-testid="survey-done"'));
    assert.ok(linkNoticePage('en', '/x', 'saved').includes('data-testid="survey-thanks">Your answers are saved.'));
    assert.ok(linkNoticePage('en', '/x', 'invalid').includes('Invalid survey link'));
    assert.ok(linkNoticePage('id', '/x', 'not-yet').includes('Survei belum dibuka'));
    assert.ok(linkRefusedPage('en', '/x', { code: 'c', message: 'm', messageEn: '<already> answered' }).includes('&lt;already&gt; answered'));
  });

  it('render the public IKM with a decimal comma in Indonesian and a point in English, the grade, the services and the 1/9 note', () => {
    const id = publicIkmPage('id', office, march, { office: ikm, services: [serviceIkm] });
    assert.ok(id.includes('data-testid="ikm">91,48<') && id.includes('data-testid="grade">A<') && id.includes('(Sangat baik)'));
    assert.ok(id.includes('bobot tepat 1/9') && id.includes('<svg'));
    assert.ok(id.includes('<td>Layanan &quot;A&quot; &amp; B</td><td>29</td><td>91,48 (A, Sangat baik)</td>'));
    assert.ok(id.includes('href="/kantor/kota-uji/ikm?periode=2026-Q1">Triwulan I 2026</a>'));
    const en = publicIkmPage('en', office, march, { office: ikm, services: [] });
    assert.ok(en.includes('data-testid="ikm">91.48<') && en.includes('(Very good)') && en.includes('exact weight 1/9'));
    assert.ok(en.includes('No service has respondents in this period yet.') && en.includes('?periode=2026-Q1&amp;lang=en">Quarter 1 2026</a>'));
    const empty = publicIkmPage('en', office, march, { office: ikmFromAggregate(emptyAggregate(), 0, ikmBase(office, undefined, march)), services: [] });
    assert.ok(empty.includes('data-testid="ikm-no-data">No SKM questionnaire for this period (March 2026) yet'));
  });

  it('render the staff page by role: figures and follow-up for readers, entry forms for surveyors, each form with the CSRF token', () => {
    const shell = { lang: 'id' as const, csrf: 'CSRF-TOKEN', displayName: 'Petugas <Uji>' };
    const full = staffSurveyPage(shell, { office, period: march, ikm: { office: ikm, services: [serviceIkm] }, trend: [], canRead: true, canEnter: true }, { message: 'Kuesioner <tersimpan>.' });
    assert.ok(full.includes('data-testid="staff-ikm">91,48<') && full.includes('Petugas &lt;Uji&gt;'));
    assert.ok(full.includes('<div class="notice" role="status">Kuesioner &lt;tersimpan&gt;.</div>'));
    assert.equal(full.split('name="_csrf" value="CSRF-TOKEN"').length - 1, 4, 'sign-out, follow-up, paper entry and import each carry the token');
    assert.ok(full.includes('href="/api/v1/surveys/report.pdf?from=2026-03-01&amp;to=2026-03-31"'));
    const none = staffSurveyPage({ ...shell, lang: 'en' }, { office, period: march, ikm: null, trend: [], canRead: false, canEnter: false });
    assert.ok(none.includes('Your role cannot open SKM data.') && !none.includes('h-paper') && !none.includes('h-fu'));
    assert.equal(staffSurveyMessage('en', 'imported', { n: '12' }), '12 questionnaires imported.');
    assert.equal(staffSurveyMessage('id', 'saved', { date: '2026-03-02' }), 'Kuesioner tersimpan (tanggal 2026-03-02).');
    assert.equal(staffSurveyMessage('id', undefined, {}), undefined);
  });
});
