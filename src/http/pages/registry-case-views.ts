/**
 * The registry on the staff case page: what the re-check at a decision step found (recorded in the
 * step's event as `registry`, see usecases/registry/effects.ts) and the SIKS-NG reference field at
 * a proposal's finalisation step. Registry facts (desil, programme flags) are shown only to roles
 * that may read the registry; everyone handling the case sees the verdicts.
 */
import { maskingFor } from '../../domain/registry/access.js';
import { profileOf } from '../../domain/registry/proposals.js';
import type { Service } from '../../domain/standards/schema.js';
import type { RegistryRecheck } from '../../usecases/registry/effects.js';
import { L, type Lang } from '../i18n.js';
import { html, type Raw } from './html.js';

const VERDICT: Record<string, [string, string, string]> = {
  pass: ['✓', 'memenuhi', 'met'],
  fail: ['✗', 'tidak memenuhi', 'not met'],
  unknown: ['?', 'tidak diketahui', 'unknown'],
};

const FACT_LABEL: Record<string, [string, string]> = {
  'registry.dtks': ['Terdaftar DTKS/DTSEN', 'Listed in DTKS/DTSEN'],
  'registry.desil': ['Desil', 'Decile'],
  'registry.pkh': ['Penerima PKH', 'PKH recipient'],
  'registry.bpnt': ['Penerima BPNT', 'BPNT recipient'],
  'registry.pbi': ['Peserta PBI-JK', 'PBI-JK member'],
};

function verdictText(lang: Lang, v: string | null): string {
  const x = v ? VERDICT[v] : undefined;
  return x ? `${x[0]} ${lang === 'id' ? x[1] : x[2]}` : '—';
}

function factValue(lang: Lang, v: unknown): string {
  if (v === true) return L(lang, 'ya', 'yes');
  if (v === false) return L(lang, 'tidak', 'no');
  return v === null || v === undefined ? '—' : String(v);
}

/** Whether event data holds a re-check record (event data is stored JSON, so checked, not trusted). */
export function recheckOf(data: Record<string, unknown>): RegistryRecheck | null {
  const r = data.registry as Partial<RegistryRecheck> | undefined;
  return r && typeof r === 'object' && Array.isArray(r.rules) && typeof r.checkedAt === 'string' ? (r as RegistryRecheck) : null;
}

export function registryRecheckView(lang: Lang, r: RegistryRecheck, viewerRoles: readonly string[]): Raw {
  const mayReadFacts = maskingFor(viewerRoles) !== null;
  const source = r.snapshot
    ? L(lang, `snapshot periode ${r.snapshot.period} (SHA-256 ${r.snapshot.sha256.slice(0, 12)}…)`, `snapshot of period ${r.snapshot.period} (SHA-256 ${r.snapshot.sha256.slice(0, 12)}…)`)
    : L(lang, 'belum ada snapshot registri yang diimpor', 'no registry snapshot imported yet');
  const facts = mayReadFacts && r.facts ? Object.entries(r.facts) : [];
  return html`<div class="registry-recheck"><p><strong>${L(lang, 'Pemeriksaan ulang registri', 'Registry re-check')}</strong> · ${source}</p>
${r.failing.length ? html`<p class="notice">${L(lang, 'Tidak memenuhi menurut registri saat ini — keputusan tetap pada petugas.', 'Not met according to the registry now — the decision stays with the officer.')}</p>` : ''}
${r.changed.length ? html`<p class="notice">${L(lang, 'Hasil berubah sejak pengajuan (registri berubah atau diimpor sejak itu).', 'The result changed since submission (the registry changed or was imported since).')}</p>` : ''}
<table><caption class="meta">${L(lang, 'Syarat yang memakai data registri', 'Rules that use registry data')}</caption><thead><tr><th scope="col">${L(lang, 'Syarat', 'Rule')}</th><th scope="col">${L(lang, 'Saat pengajuan', 'At submission')}</th><th scope="col">${L(lang, 'Sekarang', 'Now')}</th></tr></thead>
<tbody>${r.rules.map((x) => html`<tr><td>${x.message}</td><td>${verdictText(lang, x.atSubmission)}</td><td>${verdictText(lang, x.verdict)}</td></tr>`)}</tbody></table>
${facts.length ? html`<dl class="facts">${facts.map(([k, v]) => html`<div><dt>${FACT_LABEL[k] ? L(lang, FACT_LABEL[k]![0], FACT_LABEL[k]![1]) : k.replace(/^registry\./, '')}</dt><dd>${factValue(lang, v)}</dd></div>`)}</dl>` : ''}</div>`;
}

/** The SIKS-NG reference input, at the step where a proposal service records it. */
export function siksngField(lang: Lang, service: Service, stepId: string): Raw | '' {
  if (profileOf(service)?.siksngStep !== stepId) return '';
  return html`<div class="field"><label for="f-siksng">${L(lang, 'Nomor/ID usulan di SIKS-NG', 'SIKS-NG proposal reference')}</label><input id="f-siksng" name="data.siksngReference" maxlength="100" aria-describedby="f-siksng-help"><p id="f-siksng-help" class="meta">${L(lang, 'Diisi operator setelah usulan difinalisasi di SIKS-NG (2–100 karakter).', 'Entered by the operator once the proposal is finalised in SIKS-NG (2–100 characters).')}</p></div>`;
}

/**
 * What the registry said when the case was filed (the facts recorded with its eligibility): the
 * officer at a DTKS check sees whether the person was listed, in which snapshot, and, for roles
 * that may read the registry, the desil and programme flags.
 */
export function registryAtSubmissionView(lang: Lang, registry: Record<string, unknown> | null, viewerRoles: readonly string[]): Raw | '' {
  if (!registry || registry['registry.dtks'] === undefined) return '';
  const listed = registry['registry.dtks'] === true;
  const mayReadFacts = maskingFor(viewerRoles) !== null;
  const facts = mayReadFacts ? Object.entries(registry).filter(([k]) => k.startsWith('registry.') && !['registry.dtks', 'registry.snapshot', 'registry.period'].includes(k)) : [];
  return html`<div class="registry-recheck" data-testid="registry-at-submission"><h3>${L(lang, 'Pemeriksaan DTKS saat pengajuan', 'Registry (DTKS) check at submission')}</h3>
<p><strong>${listed ? L(lang, '✓ Terdaftar di DTKS/DTSEN', '✓ Listed in DTKS/DTSEN') : L(lang, '✗ Tidak terdaftar di DTKS/DTSEN', '✗ Not listed in DTKS/DTSEN')}</strong>${typeof registry['registry.period'] === 'string' ? html` · ${L(lang, 'periode', 'period')} ${registry['registry.period']}` : ''}</p>
${facts.length ? html`<dl class="facts">${facts.map(([k, v]) => html`<div><dt>${FACT_LABEL[k] ? L(lang, FACT_LABEL[k]![0], FACT_LABEL[k]![1]) : k.replace(/^registry\./, '')}</dt><dd>${factValue(lang, v)}</dd></div>`)}</dl>` : ''}</div>`;
}
