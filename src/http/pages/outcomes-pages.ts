/**
 * The chain's outcome pages: /petugas/darurat/<nomor>/hasil and /petugas/rumah-singgah/klien/<id>/hasil
 * (a referral to a hospital, pemulangan, identity documents), errors beside their fields on a 422 page,
 * then back to the report or the stay. Forms are parsed by the API's schema.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OUTCOME_KINDS, OUTCOME_SERVICES, type OutcomeKind } from '../../domain/outcomes/index.js';
import { recordOutcome, type OutcomeTarget } from '../../usecases/outcomes/record-outcome.js';
import { BODY_LIMIT, outcomeBody, reportParams, stayParams } from '../api/outcomes-schemas.js';
import { officerOf } from '../auth.js';
import { L } from '../i18n.js';
import { formFields, parseForm, sendHtml, statusOf } from '../reply.js';
import { localInputToIso } from './complaints-forms.js';
import { withLang } from './layout.js';
import { outcomePage, outcomeName, type OutcomeTargetView } from './outcomes-views.js';
import { shellOf, staffPages } from './plugin.js';
import type { FormState } from './shelters-views.js';

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The outcome form → POST …/outcomes (a missing text becomes empty so that the use case names it beside its field). */
export function outcomeBodyOf(tz: string, f: Record<string, string>) {
  const note = opt(f.note);
  if (f.kind === 'hospital') return { kind: f.kind, hospital: f.hospital ?? '', reason: f.reason ?? '', escortedBy: f.escortedBy ?? '', at: localInputToIso(opt(f.at), tz), note };
  if (f.kind === 'pemulangan')
    return { kind: f.kind, origin: f.origin ?? '', fromOutsideRegion: f.fromOutsideRegion !== 'tidak', strandedByWork: f.strandedByWork === 'ya', documents: { policeLetter: !!f['documents.policeLetter'], identity: !!f['documents.identity'], forwardingLetter: !!f['documents.forwardingLetter'] }, note };
  return { kind: f.kind ?? '', documents: Object.keys(f).filter((k) => k.startsWith('documents.')).map((k) => k.slice('documents.'.length)), note };
}

export const outcomeStaffPages = staffPages((app, ctx) => {
  const view = (req: FastifyRequest, target: OutcomeTarget): OutcomeTargetView => {
    const { office } = officerOf(req);
    const lang = req.lang;
    const services: OutcomeTargetView['services'] = {};
    for (const k of OUTCOME_KINDS) {
      const s = OUTCOME_SERVICES[k].map((slug) => office.services.find((x) => x.service.slug === slug)).find(Boolean);
      if (s) services[k] = s.service.title;
    }
    return 'report' in target
      ? { path: `/petugas/darurat/${target.report}/hasil`, back: { href: `/petugas/darurat/${target.report}`, label: `${L(lang, 'Laporan darurat', 'Emergency report')} ${target.report}` }, services, fromReport: true }
      : { path: `/petugas/rumah-singgah/klien/${target.stay}/hasil`, back: { href: `/petugas/rumah-singgah/klien/${target.stay}`, label: L(lang, 'Klien rumah singgah', 'Shelter client') }, services, fromReport: false };
  };
  const show = (req: FastifyRequest, reply: FastifyReply, target: OutcomeTarget) => sendHtml(reply, outcomePage(shellOf(req), view(req, target), null));
  const record = async (req: FastifyRequest, reply: FastifyReply, target: OutcomeTarget) => {
    const { office, actor } = officerOf(req);
    const f = formFields(req.body);
    const body = parseForm(outcomeBody, outcomeBodyOf(office.office.timezone, f));
    const r = body.ok ? await recordOutcome(ctx, actor, target, body.value) : body;
    const t = view(req, target);
    if (!r.ok) {
      const kind = (OUTCOME_KINDS as readonly string[]).includes(f.kind ?? '') ? (f.kind as OutcomeKind) : 'hospital';
      const state: FormState = { values: f, problems: r.error.problems };
      return sendHtml(reply, outcomePage(shellOf(req), t, { kind, state }), statusOf(r.error.kind));
    }
    const lang = req.lang;
    const done = `${outcomeName(lang, r.value.kind)} ${L(lang, 'dicatat', 'recorded')}${r.value.case ? ` · ${L(lang, 'berkas', 'case')} ${r.value.case}` : ''}${r.value.reportClosed ? ` · ${L(lang, 'laporan ditutup, pelapor diberi tahu', 'report closed, reporter told')}` : ''}`;
    return reply.redirect(withLang(`${t.back.href}?ok=${encodeURIComponent(done)}`, lang), 303);
  };
  const config = { may: 'outcomes.record' as const };
  app.get('/petugas/darurat/:registrationNumber/hasil', { config, schema: { params: reportParams } }, async (req, reply) => show(req, reply, { report: req.params.registrationNumber }));
  app.post('/petugas/darurat/:registrationNumber/hasil', { config, bodyLimit: BODY_LIMIT, schema: { params: reportParams } }, async (req, reply) => record(req, reply, { report: req.params.registrationNumber }));
  app.get('/petugas/rumah-singgah/klien/:id/hasil', { config, schema: { params: stayParams } }, async (req, reply) => show(req, reply, { stay: req.params.id }));
  app.post('/petugas/rumah-singgah/klien/:id/hasil', { config, bodyLimit: BODY_LIMIT, schema: { params: stayParams } }, async (req, reply) => record(req, reply, { stay: req.params.id }));
});
