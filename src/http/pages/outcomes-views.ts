/** The outcome page of a report or a stay (hospital, pemulangan, identity documents): three forms, errors beside their fields; pure. */
import { IDENTITY_DOCUMENTS, IDENTITY_DOCUMENT_NAMES, OUTCOME_KINDS, OUTCOME_NAMES, type OutcomeKind } from '../../domain/outcomes/index.js';
import { L, type Lang } from '../i18n.js';
import { errorSummary, fieldError, invalidAttrs } from './components.js';
import { html, type Raw } from './html.js';
import { csrfField, staffPage, withLang, type StaffShell } from './layout.js';
import { choice, field, type FormState } from './shelters-views.js';

const pick = (names: Record<string, [string, string]>, lang: Lang, k: string) => names[k]?.[lang === 'id' ? 0 : 1] ?? k;
export const outcomeName = (lang: Lang, kind: string) => pick(OUTCOME_NAMES, lang, kind);

export interface OutcomeTargetView {
  /** Where the forms post and where the officer goes back to. */
  path: string;
  back: { href: string; label: string };
  /** The decreed service each kind files at this office, if any (its title). */
  services: Partial<Record<OutcomeKind, string>>;
  fromReport: boolean;
}

const checkbox = (lang: Lang, s: FormState, name: string, label: string): Raw =>
  html`<div class="field check">${fieldError(lang, s.problems, name)}<input type="checkbox" id="f-${name}" name="${name}" value="1"${s.values[name] ? ' checked' : ''}${invalidAttrs(s.problems, name)}> <label for="f-${name}">${label}</label></div>`;
const noteField = (lang: Lang, s: FormState, kind: string) =>
  html`<div class="field"><label for="f-${kind}-note">${L(lang, 'Catatan (opsional)', 'Note (optional)')}</label><textarea id="f-${kind}-note" name="note" rows="2" maxlength="2000">${s.values.note ?? ''}</textarea></div>`;

/** One outcome's form: the form the officer sent keeps its values and shows its problems; the others are empty. */
function kindForm(shell: StaffShell, t: OutcomeTargetView, kind: OutcomeKind, s: FormState): Raw {
  const { lang } = shell;
  const yesNo: [string, string][] = [['tidak', L(lang, 'Tidak', 'No')], ['ya', L(lang, 'Ya', 'Yes')]];
  const body =
    kind === 'hospital'
      ? html`${field(lang, s, 'hospital', L(lang, 'Rumah sakit tujuan', 'Hospital'), ' maxlength="300"')}
<div class="field"><label for="f-reason">${L(lang, 'Alasan rujukan', 'Reason for the referral')}</label>${fieldError(lang, s.problems, 'reason')}<textarea id="f-reason" name="reason" rows="2" maxlength="2000"${invalidAttrs(s.problems, 'reason')}>${s.values.reason ?? ''}</textarea></div>
${field(lang, s, 'escortedBy', L(lang, 'Diantar oleh', 'Escorted by'), ' maxlength="200"')}
${field(lang, s, 'at', L(lang, 'Waktu pengantaran (kosongkan bila sekarang)', 'When (leave empty for now)'), ' type="datetime-local"')}`
      : kind === 'pemulangan'
        ? html`${field(lang, s, 'origin', L(lang, 'Daerah asal tujuan pemulangan', 'Home region to return to'), ' maxlength="300"')}
${choice(lang, s, 'fromOutsideRegion', L(lang, 'Berasal dari luar daerah?', 'From outside the region?'), [['ya', L(lang, 'Ya', 'Yes')], ['tidak', L(lang, 'Tidak', 'No')]])}
${choice(lang, s, 'strandedByWork', L(lang, 'Terlantar karena pekerjaan?', 'Stranded because of work?'), yesNo)}
<fieldset><legend>${L(lang, 'Persyaratan administrasi yang diperlihatkan', 'Documents shown')}</legend>
${checkbox(lang, s, 'documents.policeLetter', L(lang, 'Surat Keterangan Terlantar dari Kepolisian', "The police's certificate of being stranded"))}
${checkbox(lang, s, 'documents.identity', L(lang, 'KTP atau bukti identitas diri lainnya', 'KTP or another proof of identity'))}
${checkbox(lang, s, 'documents.forwardingLetter', L(lang, 'Surat Terusan Orang Terlantar dari Dinas Sosial lain (jika ada)', 'Forwarding letter from another social office (if any)'))}</fieldset>`
        : html`<fieldset><legend>${L(lang, 'Dokumen yang diurus ke Dukcapil', 'Documents to apply for at the civil registry')}</legend>${fieldError(lang, s.problems, 'documents')}
${IDENTITY_DOCUMENTS.map((d) => html`<div class="field check"><input type="checkbox" id="f-doc-${d}" name="documents.${d}" value="1"${s.values[`documents.${d}`] ? ' checked' : ''}> <label for="f-doc-${d}">${pick(IDENTITY_DOCUMENT_NAMES, lang, d)}</label></div>`)}</fieldset>`;
  const files = t.services[kind];
  return html`<section aria-labelledby="h-${kind}" id="${kind}"><h2 id="h-${kind}">${outcomeName(lang, kind)}</h2>
<p class="meta">${files ? L(lang, `Mengajukan berkas layanan "${files}" dengan waktu layanannya sendiri.`, `Files the decreed service "${files}" with its own clock.`) : L(lang, 'Dicatat dalam rantai penanganan (tidak ada layanan SK yang sesuai di kantor ini).', 'Recorded in the chain (no decreed service of this office fits).')}</p>
${errorSummary(lang, s.problems)}<form method="post" action="${withLang(t.path, lang)}" class="intake" novalidate>${csrfField(shell)}<input type="hidden" name="kind" value="${kind}">
${body}${noteField(lang, s, kind)}
<button type="submit">${L(lang, `Simpan: ${outcomeName('id', kind)}`, `Save: ${outcomeName('en', kind)}`)}</button></form></section>`;
}

export function outcomePage(shell: StaffShell, t: OutcomeTargetView, sent: { kind: OutcomeKind; state: FormState } | null): string {
  const { lang } = shell;
  const title = L(lang, 'Hasil penanganan', 'Outcome');
  const empty: FormState = { values: {}, problems: [] };
  return staffPage(shell, {
    title,
    path: t.path,
    breadcrumbs: [{ href: t.back.href, label: t.back.label }],
    body: html`<h1>${title}</h1><p>${t.back.label}. ${L(lang, 'Hasil dicatat di riwayat laporan dan klien; laporan darurat ditutup dan pelapor diberi tahu melalui saluran yang dipilihnya.', "The outcome goes into the report's and the client's history; the emergency report is closed and the reporter told through the channels they chose.")}</p>
<nav aria-label="${L(lang, 'Jenis hasil', 'Kinds of outcome')}"><ul>${OUTCOME_KINDS.map((k) => html`<li><a href="#${k}">${outcomeName(lang, k)}</a></li>`)}</ul></nav>
${OUTCOME_KINDS.map((k) => kindForm(shell, t, k, sent?.kind === k ? sent.state : empty))}`,
  });
}

/** An outcome in a history (the report's or the stay's), without the person's name. */
export function outcomeEventText(lang: Lang, d: Record<string, unknown>): string {
  const k = String(d.kind);
  const what = k === 'hospital' ? `: ${String(d.hospital ?? '')}` : k === 'pemulangan' ? `: ${String(d.origin ?? '')}` : '';
  return `${outcomeName(lang, k)}${what}${d.case ? ` (${String(d.case)})` : ''}`;
}
