/**
 * Client photos and videos in a restricted store, and a guardian's consent for a child (issue 13 §3,
 * DOMAIN.md §2(d)9): the pramu sosial saves a client's photo (checked by content), only the social
 * worker and the heads open it, each opening logged with its purpose; the file store keeps it from the
 * upload sweep; a child's photo waits for the parent's or guardian's consent (who, relation, when).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { PNG_1X1 } from '../support/fixtures.js';
import { actorFor } from '../letters/helpers.js';
import type { Actor } from '../../src/usecases/context.js';
import { createShelter } from '../../src/usecases/shelters/create-shelter.js';
import { checkInClient } from '../../src/usecases/shelters/check-in-client.js';
import { showStay } from '../../src/usecases/shelters/show-stay.js';
import { addClientMedia } from '../../src/usecases/shelters/add-client-media.js';
import { showClientMedia } from '../../src/usecases/shelters/show-client-media.js';
import { recordGuardianConsent } from '../../src/usecases/shelters/record-guardian-consent.js';
import { contentsInUse } from '../../src/db/applications-repo.js';

const BJM = 'kota-banjarmasin';
/** The first bytes of an MP4 (a phone's video): its type is read from the content. */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(64)]);

describe(`client photos and videos, a child's guardian consent (${TEST_DB})`, () => {
  let t: TestCtx;
  let clock = new Date('2025-03-03T02:00:00Z'); // Mon 3 Mar 2025 10:00 WITA
  let pramu: Actor;
  let peksos: Actor;
  let adult = '';
  let child = '';
  before(async () => {
    t = await testCtx({ now: () => clock });
    const kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    pramu = await actorFor(t.ctx, `pramu-sosial@${BJM}`);
    peksos = await actorFor(t.ctx, `pekerja-sosial@${BJM}`);
    const s = await createShelter(t.ctx, kabid, { name: 'Rumah Singgah Dinsos Banjarmasin', rooms: [{ name: 'Kamar Umum', sex: 'any', category: 'umum', beds: 4 }] });
    assert.ok(s.ok);
    const a = await checkInClient(t.ctx, pramu, s.value.id, { client: { name: 'Mulyadi', sex: 'male', category: 'disabilitas' }, source: 'masyarakat', requester: 'Ketua RT 12 Kel. Sungai Miai' });
    const c = await checkInClient(t.ctx, pramu, s.value.id, { client: { name: 'Muhammad Rizky', sex: 'male', category: 'anak', birthDate: '2012-06-02' }, source: 'razia', requester: 'Satpol PP Kota Banjarmasin' });
    assert.ok(a.ok && c.ok);
    adult = a.value.id;
    child = c.value.id;
  });
  after(async () => t.close());

  it("the pramu sosial saves a photo and a video (a text file refused by its content); only the social worker opens them, each opening logged 'shelter-care'", async () => {
    const notMedia = await addClientMedia(t.ctx, pramu, adult, { buf: Buffer.from('bukan foto, hanya teks') });
    assert.equal(!notMedia.ok && notMedia.error.problems[0]!.code, 'file-type');
    const photo = await addClientMedia(t.ctx, pramu, adult, { buf: PNG_1X1 }, 'Foto saat masuk');
    assert.ok(photo.ok, JSON.stringify(!photo.ok && photo.error));
    assert.equal(photo.value.mime, 'image/png');
    clock = new Date('2025-03-03T02:05:00Z');
    const video = await addClientMedia(t.ctx, pramu, adult, { buf: MP4 });
    assert.ok(video.ok);
    assert.equal(video.value.mime, 'video/mp4');
    const denied = await showClientMedia(t.ctx, pramu, adult, photo.value.id);
    assert.equal(!denied.ok && denied.error.kind, 'forbidden');
    const asPramu = await showStay(t.ctx, pramu, adult);
    assert.ok(asPramu.ok);
    assert.equal(asPramu.value.media, null, 'the pramu sosial sees only how many');
    assert.equal(asPramu.value.mediaCount, 2);
    const before = await t.ctx.database.db.selectFrom('data_access_log').selectAll().where('record_id', '=', adult).where('action', '=', 'download').execute();
    const seen = await showClientMedia(t.ctx, peksos, adult, photo.value.id);
    assert.ok(seen.ok);
    assert.ok(seen.value.bytes.equals(PNG_1X1));
    assert.equal(seen.value.mime, 'image/png');
    const logged = await t.ctx.database.db.selectFrom('data_access_log').selectAll().where('record_id', '=', adult).where('action', '=', 'download').execute();
    assert.equal(logged.length, before.length + 1);
    const entry = logged.at(-1)!;
    assert.equal(entry.purpose, 'shelter-care');
    assert.equal(entry.record_kind, 'shelter-client');
    assert.match(entry.detail, /"photo"/, 'the log names what was opened');
    const asPeksos = await showStay(t.ctx, peksos, adult);
    assert.ok(asPeksos.ok && asPeksos.value.media);
    assert.deepEqual(asPeksos.value.media.map((m) => [m.mime, m.caption]), [['image/png', 'Foto saat masuk'], ['video/mp4', null]]);
    const other = await showClientMedia(t.ctx, peksos, child, photo.value.id);
    assert.equal(!other.ok && other.error.kind, 'not-found', "one stay's photo is not reachable through another stay");
    // The upload sweep deletes a file only when nothing names its content: the photo's row does.
    const row = await t.ctx.database.db.selectFrom('shelter_media').select('sha256').where('id', '=', photo.value.id).executeTakeFirstOrThrow();
    assert.ok((await contentsInUse(t.ctx.database.db, [row.sha256])).has(row.sha256));
    const audit = await t.ctx.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'shelter.media-added').where('subject', '=', `shelter-stay:${adult}`).execute();
    assert.equal(audit.length, 2);
  });

  it("a child's photo waits for the guardian's consent; the consent names who, their relation and when, refused beside its fields and for an adult", async () => {
    const early = await addClientMedia(t.ctx, peksos, child, { buf: PNG_1X1 });
    assert.ok(!early.ok);
    assert.equal(early.error.problems[0]!.code, 'guardian-consent-required');
    assert.match(early.error.problems[0]!.message, /UU 27\/2022 Pasal 25/);
    const adultConsent = await recordGuardianConsent(t.ctx, peksos, adult, { guardianName: 'Siti Rahmah', relation: 'ibu' });
    assert.equal(!adultConsent.ok && adultConsent.error.problems[0]!.code, 'not-a-child');
    const empty = await recordGuardianConsent(t.ctx, peksos, child, { guardianName: '', relation: '' });
    assert.ok(!empty.ok);
    assert.deepEqual(empty.error.problems.map((p) => p.field), ['guardianName', 'relation']);
    const byPramu = await recordGuardianConsent(t.ctx, pramu, child, { guardianName: 'Siti Rahmah', relation: 'ibu' });
    assert.equal(!byPramu.ok && byPramu.error.kind, 'forbidden');
    clock = new Date('2025-03-03T05:00:00Z');
    const given = await recordGuardianConsent(t.ctx, peksos, child, { guardianName: 'Siti Rahmah', relation: 'ibu kandung', givenAt: '2025-03-03T04:30:00Z' });
    assert.ok(given.ok, JSON.stringify(!given.ok && given.error));
    const d = await showStay(t.ctx, peksos, child);
    assert.ok(d.ok);
    assert.deepEqual(d.value.consents, [{ guardianName: 'Siti Rahmah', relation: 'ibu kandung', givenAtLocal: d.value.consents[0]!.givenAtLocal }]);
    assert.match(d.value.consents[0]!.givenAtLocal, /12[.:]30/);
    const photo = await addClientMedia(t.ctx, peksos, child, { buf: PNG_1X1 });
    assert.ok(photo.ok);
    const audit = await t.ctx.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'shelter.guardian-consent').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.detail).relation, 'ibu kandung');
  });
});
