/**
 * The board's acknowledgement and offline field capture in Chromium (issue 13 §1): the head of
 * division sees an escalation waiting on the board and acknowledges it with an order on a laptop;
 * the receiving officer takes a report on a 360 px phone without a signal (saved on the device, not
 * sent yet), the signal comes back and it is sent once; the TRC member records "respon awal"
 * offline and it is sent when back online. Every page passes axe, obeys the CSP and fits the phone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { assertSound, screenshotFor, signedInPage, suiteHarness } from '../support/browser.js';
import { reportEmergency } from '../../src/usecases/emergency/report-emergency.js';
import { recordMemberCredentials } from '../../src/usecases/emergency/record-member-credentials.js';
import { sweepEmergencies } from '../../src/usecases/emergency/sweep-emergencies.js';
import { actorFor } from '../letters/helpers.js';

const BJM = 'kota-banjarmasin';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`emergency board acknowledgement and offline capture (${TEST_DB})`, () => {
  let clock = new Date('2025-04-12T14:00:00Z'); // Sat 22:00 WITA
  const h = suiteHarness({ now: () => clock });
  // The contexts close with the browser, when the harness closes.
  const contexts: BrowserContext[] = [];
  const open = (viewport: { width: number; height: number }, username: string): Promise<Page> => signedInPage(h().browser, contexts, h().base, viewport, username);

  it('the head of division sees the escalation waiting on the board and acknowledges it with an order; it leaves the waiting list', async () => {
    const officer = await actorFor(h().t.ctx, `pengelola-pengaduan@${BJM}`);
    const kabid = await actorFor(h().t.ctx, `kepala-bidang@${BJM}`);
    const trc = await actorFor(h().t.ctx, `trc@${BJM}`);
    assert.ok((await recordMemberCredentials(h().t.ctx, kabid, trc.id!, { officialId: 'TRC-BJM-007' })).ok);
    const r = await reportEmergency(h().t.ctx, { office: BJM, service: 'kedaruratan-ppks', channel: 'call-center-112', location: { text: 'Kolong Jembatan Antasari' }, description: 'Anak laki-laki sekitar 8 tahun sendirian, menangis, tidak tahu alamat rumah', reporter: { name: 'Operator Call Center 112 Kota Banjarmasin' }, subject: { category: 'anak' }, answers: { 'lokasi-di-banjarmasin': true } }, officer);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    clock = new Date('2025-04-12T14:33:45Z');
    await sweepEmergencies(h().t.ctx, h().t.catalogue.office(BJM)!.id);
    clock = new Date('2025-04-12T14:37:00Z');
    const phone = await open(PHONE, `kepala-bidang@${BJM}`);
    await phone.goto(`${h().base}/petugas/darurat?lang=en`);
    assert.match((await phone.getByTestId('ack-item').textContent())!, /waiting 3 min/);
    await assertSound(phone, 'board with a waiting escalation (phone, English)');
    await screenshotFor(phone, 'emergency-ack-board-phone-en');
    const page = await open(LAPTOP, `kepala-bidang@${BJM}`);
    await page.goto(`${h().base}/petugas/darurat`);
    const item = page.getByTestId('ack-item').filter({ hasText: r.value.registrationNumber });
    assert.match((await item.textContent())!, /menunggu 3 menit/);
    assert.match((await page.locator(`[data-number="${r.value.registrationNumber}"]`).getByTestId('ack-waiting').textContent())!, /Belum diterima · menunggu 3 menit/);
    await assertSound(page, 'board with a waiting escalation (laptop)');
    await screenshotFor(page, 'emergency-ack-board-laptop');
    await item.getByLabel('Catatan').fill('TRC segera ke lokasi, koordinasi dengan Polsek');
    await item.getByLabel('Perintah: tugaskan petugas (opsional)').selectOption({ label: trc.name });
    await item.getByRole('button', { name: 'Terima' }).click();
    await page.getByText(`Eskalasi ${r.value.registrationNumber} diterima; ${trc.name} ditugaskan`).waitFor();
    assert.equal(await page.getByTestId('ack-item').count(), 0);
    assert.match((await page.locator(`[data-number="${r.value.registrationNumber}"]`).getByTestId('ack-by').textContent())!, /Diterima Kepala Bidang/);
    await assertSound(page, 'board after the acknowledgement (laptop)');
    await screenshotFor(page, 'emergency-ack-done-laptop');
  });

  let number = '';
  it('on a phone without a signal the report is saved on the device, not sent; back online it is sent once and is on the board', async () => {
    clock = new Date('2025-04-12T14:50:00Z');
    const page = await open(PHONE, `pengelola-pengaduan@${BJM}`);
    await page.goto(`${h().base}/petugas/darurat/baru`);
    // The service worker takes the emergency pages under its wing; the form is then kept on the device.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is controlled by the service worker');
    await page.context().setOffline(true);
    await page.reload(); // from the device, without a signal
    await page.getByLabel('Saluran').selectOption('whatsapp');
    await page.getByLabel('Lokasi (alamat, patokan)').fill('Halte Jl. Lambung Mangkurat depan Kantor Pos');
    await page.getByLabel('Kategori').selectOption('disabilitas');
    await page.getByLabel('Keadaan (apa yang terjadi, sejak kapan)').fill('Bapak pengguna kursi roda terlantar di halte sejak siang, tampak lemas');
    await page.getByLabel('Kondisi kedaruratan terjadi di wilayah Kota Banjarmasin').selectOption('ya');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const line = page.getByTestId('offline-item');
    await line.filter({ hasText: 'tersimpan di perangkat, belum terkirim' }).waitFor();
    assert.match((await line.textContent())!, /Laporan darurat baru: Halte Jl. Lambung Mangkurat/);
    await assertSound(page, 'report saved on the device (phone)');
    await screenshotFor(page, 'emergency-offline-saved-phone');
    await page.context().setOffline(false);
    await line.filter({ hasText: 'terkirim' }).and(page.locator('[data-state="sent"]')).waitFor({ timeout: 15_000 });
    number = (await line.getByRole('link').textContent())!.trim();
    assert.match(number, /^[A-Z]{2,5}-2025-\d{6}$/);
    await screenshotFor(page, 'emergency-offline-sent-phone');
    await page.goto(`${h().base}/petugas/darurat`);
    assert.equal(await page.locator(`[data-number="${number}"]`).count(), 1);
    const rows = await h().t.database.db.selectFrom('emergency_reports').select('reported_at').where('location_text', '=', 'Halte Jl. Lambung Mangkurat depan Kantor Pos').execute();
    assert.equal(rows.length, 1, 'sent once');
    assert.ok(rows[0]!.reported_at <= '2025-04-12T14:50:00.000Z' && rows[0]!.reported_at > '2025-04-12T14:48:00.000Z', rows[0]!.reported_at);
  });

  it('the TRC member records "respon awal" offline on his phone in English; it is sent when the signal returns', async () => {
    clock = new Date('2025-04-12T15:05:00Z');
    const page = await open(PHONE, `trc@${BJM}`);
    await page.goto(`${h().base}/petugas/darurat/${number}?lang=en`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.context().setOffline(true);
    await page.getByLabel('Note (what was found and done)').fill('Found at the bus stop, given water and food; family in Kelayan contacted');
    await page.getByRole('button', { name: 'Save first response' }).click();
    const line = page.getByTestId('offline-item');
    await line.filter({ hasText: 'saved on this device, not sent yet' }).waitFor();
    await assertSound(page, 'first response saved on the device (phone, English)');
    await screenshotFor(page, 'emergency-offline-response-saved-phone-en');
    await page.context().setOffline(false);
    await page.locator('[data-testid="offline-item"][data-state="sent"]').waitFor({ timeout: 15_000 });
    // The report page renews itself: the first response is in its history, the form gone, the line still there.
    await page.getByRole('button', { name: 'Save first response' }).waitFor({ state: 'detached' });
    assert.match((await page.getByTestId('events').textContent())!, /First response \(\d+ min\): Found at the bus stop/);
    assert.equal(await page.locator('[data-testid="offline-item"][data-state="sent"]').count(), 1);
    await assertSound(page, 'report page after the queued first response (phone, English)');
    await screenshotFor(page, 'emergency-offline-response-sent-phone-en');
    const row = await h().t.database.db.selectFrom('emergency_reports').select(['first_response_at', 'state']).where('registration_number', '=', number).executeTakeFirstOrThrow();
    assert.equal(row.state, 'responded');
    const events = await h().t.database.db.selectFrom('emergency_events').innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_events.report_id').select('emergency_events.id').where('emergency_reports.registration_number', '=', number).where('emergency_events.type', '=', 'first-response').execute();
    assert.equal(events.length, 1);
  });
});
