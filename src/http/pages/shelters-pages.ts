/**
 * Rumah singgah pages: the occupancy board /petugas/rumah-singgah, a new shelter, check-in (direct
 * or from a decided intake) with errors beside the fields, the stays past the limit, one client's
 * stay (decision, services, termination and its berita acara), the referral from an emergency
 * report; and the public check of a berita acara's QR code. Forms are parsed by the API's schemas.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Outcome, Problem } from '../../domain/errors.js';
import { checkInClient } from '../../usecases/shelters/check-in-client.js';
import { createShelter } from '../../usecases/shelters/create-shelter.js';
import { decideIntake } from '../../usecases/shelters/decide-intake.js';
import { listOverLimit } from '../../usecases/shelters/list-over-limit.js';
import { logBasicService } from '../../usecases/shelters/log-basic-service.js';
import { recordIntake } from '../../usecases/shelters/record-intake.js';
import { referToPanti } from '../../usecases/shelters/refer-to-panti.js';
import { showOccupancy } from '../../usecases/shelters/show-occupancy.js';
import { downloadHandover, showStay } from '../../usecases/shelters/show-stay.js';
import { terminateStay } from '../../usecases/shelters/terminate-stay.js';
import { verifyHandover } from '../../usecases/shelters/verify-handover.js';
import { idParams } from '../api/schemas.js';
import { BODY_LIMIT, consentBody, decisionBody, intakeBody, pantiReferralBody, serviceBody, shelterBody, stayBody, terminationBody } from '../api/shelters-schemas.js';
import { allowedIn, csrfValid, officerOf, refuseCsrf } from '../auth.js';
import type { Lang } from '../i18n.js';
import { formFields, parseForm, readFieldsAndFile, sendFile, sendHtml, statusOf } from '../reply.js';
import { failWith } from '../../domain/errors.js';
import { localInputToIso } from './complaints-forms.js';
import { addClientMedia, MAX_MEDIA_MB } from '../../usecases/shelters/add-client-media.js';
import { recordGuardianConsent } from '../../usecases/shelters/record-guardian-consent.js';
import { showClientMedia } from '../../usecases/shelters/show-client-media.js';
import { say } from './components.js';
import { html } from './html.js';
import { staffPage, withLang } from './layout.js';
import { publicPages, shellOf, staffPages } from './plugin.js';
import { decisionBodyOf, intakeBodyOf, pantiReferralBodyOf, shelterBodyOf, stayBodyOf, terminationBodyOf } from './shelters-forms.js';
import { referralPage, stayPage } from './shelters-stay-views.js';
import { checkInPage, handoverCheckPage, newShelterPage, occupancyPage, overLimitPage, roomCategoryName, sexName, type FormState } from './shelters-views.js';

const flashQuery = z.object({ ok: z.string().max(500).optional(), error: z.string().max(2000).optional(), shelter: z.string().max(100).optional(), intake: z.string().max(100).optional(), laporan: z.string().max(40).optional() });
const EMPTY: FormState = { values: {}, problems: [] };

/** Back to a page after an action: with what was done, or why it was refused. */
const back = (reply: FastifyReply, lang: Lang, path: string, r: Outcome<unknown>, done: string) => {
  const q = r.ok ? `ok=${encodeURIComponent(done)}` : `error=${encodeURIComponent(r.error.problems.map((p) => say(lang, p)).join(' '))}`;
  return reply.redirect(withLang(`${path}${path.includes('?') ? '&' : '?'}${q}`, lang), 303);
};

export const shelterStaffPages = staffPages((app, ctx) => {
  const notFound = (req: FastifyRequest, reply: FastifyReply, problems: readonly Problem[]) =>
    sendHtml(reply, staffPage(shellOf(req), { title: '404', path: '/petugas/rumah-singgah', body: html`<h1>${problems.map((p) => say(req.lang, p)).join(' ')}</h1>` }), problems.some((p) => p.code === 'child-data-restricted') ? 403 : 404);

  app.get('/petugas/rumah-singgah', { config: { may: 'shelters.read' }, schema: { querystring: flashQuery } }, async (req, reply) => {
    const o = officerOf(req);
    const r = await showOccupancy(ctx, o.actor, req.query.shelter);
    if (!r.ok) return notFound(req, reply, r.error.problems);
    const allowed = allowedIn(o);
    return sendHtml(reply, occupancyPage(shellOf(req), r.value, { mayAdmit: allowed.includes('shelters.admit'), mayManage: allowed.includes('shelters.manage'), ok: req.query.ok, error: req.query.error }));
  });

  app.get('/petugas/rumah-singgah/baru', { config: { may: 'shelters.manage' } }, async (req, reply) => sendHtml(reply, newShelterPage(shellOf(req), { values: { 'rooms.0.beds': '2' }, problems: [] })));
  app.post('/petugas/rumah-singgah/baru', { config: { may: 'shelters.manage' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(shelterBody, shelterBodyOf(f));
    const r = body.ok ? await createShelter(ctx, officerOf(req).actor, body.value) : body;
    if (!r.ok) return sendHtml(reply, newShelterPage(shellOf(req), { values: f, problems: r.error.problems }), statusOf(r.error.kind));
    return reply.redirect(withLang(`/petugas/rumah-singgah?shelter=${r.value.id}`, req.lang), 303);
  });

  app.get('/petugas/rumah-singgah/melewati-batas', { config: { may: 'shelters.read' } }, async (req, reply) => {
    const r = await listOverLimit(ctx, officerOf(req).actor);
    if (!r.ok) return notFound(req, reply, r.error.problems);
    return sendHtml(reply, overLimitPage(shellOf(req), r.value));
  });

  const checkInForm = async (req: FastifyRequest, reply: FastifyReply, shelterId: string, intakeId: string | undefined, s: FormState, status = 200) => {
    const o = await showOccupancy(ctx, officerOf(req).actor, shelterId);
    if (!o.ok || !o.value) return notFound(req, reply, o.ok ? [] : o.error.problems);
    const lang = req.lang;
    const beds = o.value.rooms.flatMap((r) => r.beds.filter((b) => !b.stay).map((b) => ({ id: b.id, text: `${r.name} no. ${b.label} (${sexName(lang, r.sex)}, ${roomCategoryName(lang, r.category)})` })));
    const i = intakeId ? o.value.intakes.find((x) => x.id === intakeId) : undefined;
    const intake = i ? { id: i.id, text: `${roomCategoryName(lang, i.category)}, ${sexName(lang, i.sex)}` } : undefined;
    return sendHtml(reply, checkInPage(shellOf(req), { shelterId, shelterName: o.value.shelter.name, beds, intake }, s), status);
  };
  app.get('/petugas/rumah-singgah/:id/masuk', { config: { may: 'shelters.admit' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) =>
    checkInForm(req, reply, req.params.id, req.query.intake, { values: req.query.intake ? { intake: req.query.intake } : {}, problems: [] }),
  );
  app.post('/petugas/rumah-singgah/:id/masuk', { config: { may: 'shelters.admit' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(stayBody, stayBodyOf(office.office.timezone, f));
    const r = body.ok ? await checkInClient(ctx, actor, req.params.id, body.value) : body;
    if (!r.ok) return checkInForm(req, reply, req.params.id, f.intake, { values: f, problems: r.error.problems }, statusOf(r.error.kind));
    const done = r.value.bed ? (req.lang === 'id' ? `Klien ditempatkan di ${r.value.bed.room} no. ${r.value.bed.label}` : `Client checked in to ${r.value.bed.room} bed ${r.value.bed.label}`) : req.lang === 'id' ? 'Klien ditempatkan tanpa tempat tidur (alasan dicatat)' : 'Client checked in without a bed (reason recorded)';
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${r.value.id}`, r, done);
  });

  const stayView = async (req: FastifyRequest, reply: FastifyReply, id: string, q: { ok?: string; error?: string }, termination: FormState = EMPTY, status = 200, referral: FormState = EMPTY, consent: FormState = EMPTY) => {
    const o = officerOf(req);
    const d = await showStay(ctx, o.actor, id);
    if (!d.ok) return notFound(req, reply, d.error.problems);
    const allowed = allowedIn(o);
    return sendHtml(reply, stayPage(shellOf(req), d.value, { mayDecide: allowed.includes('shelters.decide'), mayAdmit: allowed.includes('shelters.admit'), mayTerminate: allowed.includes('shelters.terminate'), ok: q.ok, error: q.error, termination, referral, consent }), status);
  };
  app.get('/petugas/rumah-singgah/klien/:id', { config: { may: 'shelters.read' }, schema: { params: idParams, querystring: flashQuery } }, async (req, reply) => stayView(req, reply, req.params.id, req.query));

  app.post('/petugas/rumah-singgah/klien/:id/keputusan', { config: { may: 'shelters.decide' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const body = parseForm(decisionBody, decisionBodyOf(formFields(req.body)));
    const r = body.ok ? await decideIntake(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${req.params.id}`, r, req.lang === 'id' ? 'Keputusan disimpan' : 'Decision saved');
  });
  app.post('/petugas/rumah-singgah/klien/:id/layanan', { config: { may: 'shelters.admit' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(serviceBody, { kind: f.kind ?? '', note: f.note?.trim() || undefined });
    const r = body.ok ? await logBasicService(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${req.params.id}`, r, req.lang === 'id' ? 'Pelayanan dicatat' : 'Service logged');
  });
  app.post('/petugas/rumah-singgah/klien/:id/terminasi', { config: { may: 'shelters.terminate' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(terminationBody, terminationBodyOf(f));
    const r = body.ok ? await terminateStay(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    if (!r.ok) return stayView(req, reply, req.params.id, {}, { values: f, problems: r.error.problems }, statusOf(r.error.kind));
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${req.params.id}`, r, req.lang === 'id' ? `Berita acara ${r.value.number} terbit` : `Handover record ${r.value.number} issued`);
  });
  app.post('/petugas/rumah-singgah/klien/:id/rujuk-panti', { config: { may: 'shelters.terminate' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(pantiReferralBody, pantiReferralBodyOf(f));
    const r = body.ok ? await referToPanti(ctx, officerOf(req).actor, req.params.id, body.value) : body;
    if (!r.ok) return stayView(req, reply, req.params.id, {}, EMPTY, statusOf(r.error.kind), { values: f, problems: r.error.problems });
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${req.params.id}`, r, req.lang === 'id' ? `Berkas rujukan ke panti ${r.value.case ?? ''} terdaftar` : `Referral to the panti ${r.value.case ?? ''} filed`);
  });
  // Multipart (one photo or video): the CSRF token is one of the fields, checked once they are read.
  app.post('/petugas/rumah-singgah/klien/:id/media', { config: { may: 'shelters.admit' }, schema: { params: idParams } }, async (req, reply) => {
    const form = await readFieldsAndFile(req, MAX_MEDIA_MB * 1024 * 1024);
    if (!csrfValid(req, form.fields._csrf)) return refuseCsrf(req, reply);
    const path = `/petugas/rumah-singgah/klien/${req.params.id}`;
    const missing = failWith('invalid', 'file-required', 'Pilih foto atau video', 'Choose a photo or video');
    const r = form.tooLarge ? failWith('too-large', 'file-too-large', `Berkas terlalu besar (maksimal ${MAX_MEDIA_MB} MB)`, `File too large (at most ${MAX_MEDIA_MB} MB)`) : form.file ? await addClientMedia(ctx, officerOf(req).actor, req.params.id, form.file, form.fields.caption) : missing;
    return back(reply, req.lang, path, r, req.lang === 'id' ? 'Foto/video klien disimpan' : 'Client photo/video saved');
  });
  app.get('/petugas/rumah-singgah/klien/:id/media/:mediaId', { config: { may: 'shelters.sensitive' }, schema: { params: z.object({ id: z.string().max(100), mediaId: z.string().max(100) }) } }, async (req, reply) => {
    const r = await showClientMedia(ctx, officerOf(req).actor, req.params.id, req.params.mediaId);
    if (!r.ok) return notFound(req, reply, r.error.problems);
    return sendFile(reply.header('cache-control', 'no-store'), r.value.bytes, { type: r.value.mime, fileName: `klien-${req.params.mediaId}.${r.value.mime.split('/')[1]}`, inline: true });
  });
  app.post('/petugas/rumah-singgah/klien/:id/persetujuan-wali', { config: { may: 'shelters.terminate' }, bodyLimit: BODY_LIMIT, schema: { params: idParams } }, async (req, reply) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(consentBody, { guardianName: f.guardianName ?? '', relation: f.relation ?? '', givenAt: localInputToIso(f.givenAt?.trim() || undefined, office.office.timezone) });
    const r = body.ok ? await recordGuardianConsent(ctx, actor, req.params.id, body.value) : body;
    if (!r.ok) return stayView(req, reply, req.params.id, {}, EMPTY, statusOf(r.error.kind), EMPTY, { values: f, problems: r.error.problems });
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${req.params.id}`, r, req.lang === 'id' ? 'Persetujuan orang tua/wali dicatat' : "Guardian's consent recorded");
  });
  app.get('/petugas/rumah-singgah/klien/:id/berita-acara.pdf', { config: { may: 'shelters.read' }, schema: { params: idParams } }, async (req, reply) => {
    const r = await downloadHandover(ctx, officerOf(req).actor, req.params.id);
    if (!r.ok) return notFound(req, reply, r.error.problems);
    return sendFile(reply, r.value.pdf, { type: 'application/pdf', fileName: r.value.fileName, inline: true });
  });

  const referralForm = async (req: FastifyRequest, reply: FastifyReply, report: string, s: FormState, status = 200) => {
    const o = await showOccupancy(ctx, officerOf(req).actor);
    const shelters = o.ok && o.value ? o.value.shelters : [];
    return sendHtml(reply, referralPage(shellOf(req), { report, shelters }, s), status);
  };
  app.get('/petugas/rumah-singgah/rujuk', { config: { may: 'shelters.admit' }, schema: { querystring: flashQuery } }, async (req, reply) => referralForm(req, reply, req.query.laporan ?? '', { values: { healthy: 'ya' }, problems: [] }));
  app.post('/petugas/rumah-singgah/rujuk', { config: { may: 'shelters.admit' }, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const f = formFields(req.body);
    const body = parseForm(intakeBody, intakeBodyOf(f));
    const r = body.ok ? await recordIntake(ctx, officerOf(req).actor, body.value) : body;
    if (!r.ok) return referralForm(req, reply, f.emergencyReport ?? '', { values: f, problems: r.error.problems }, statusOf(r.error.kind));
    return back(reply, req.lang, `/petugas/rumah-singgah/klien/${r.value.id}`, r, req.lang === 'id' ? 'Dirujuk ke rumah singgah: menunggu keputusan Kepala Bidang bersama pekerja sosial' : 'Referred to the shelter: awaiting the decision of the head of division with the social worker');
  });
});

export const shelterPublicPages = publicPages((app, ctx) => {
  app.get('/rumah-singgah/berita-acara/:token', { schema: { params: z.object({ token: z.string().max(60) }) } }, async (req, reply) => {
    const r = await verifyHandover(ctx, req.params.token);
    return sendHtml(reply, handoverCheckPage(req.lang, r.ok ? r.value : null), r.ok ? 200 : 404);
  });
});
