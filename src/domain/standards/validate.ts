/**
 * Validates an office's standard from file texts (pure: the caller reads the files).
 * Every problem carries file, line and column, and a message in Bahasa Indonesia and English.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { Office, REQUIRED_ROLES, Service, type Rule } from './schema.js';

export interface SourceFile {
  path: string;
  text: string;
}

export interface Located {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
  messageEn: string;
}

export interface ValidatedOffice {
  office: Office;
  services: Service[];
  /** Which file each service came from, keyed by slug. */
  serviceFiles: Record<string, string>;
}

export interface Parsed {
  file: SourceFile;
  doc: Document.Parsed;
  lc: LineCounter;
}

export function formatProblem(p: Located): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message} / ${p.messageEn}`;
}

export function locate(parsed: Parsed, path: (string | number)[]): { line: number; column: number } {
  // Walk up the path until a node with a position is found (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? parsed.doc.contents : parsed.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      // For a key that exists, point at the key itself rather than its value when possible.
      const pos = parsed.lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(dokumen)';
}

function zodMessage(issue: z.core.$ZodIssue): { code: string; message: string; messageEn: string } {
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined)
        return { code: 'required', message: `${where}: wajib diisi`, messageEn: `${where}: is required` };
      return {
        code: 'invalid-type',
        message: `${where}: harus bertipe ${issue.expected}`,
        messageEn: `${where}: must be of type ${issue.expected}`,
      };
    }
    case 'unrecognized_keys':
      return {
        code: 'unknown-key',
        message: `${where}: kunci tidak dikenal: ${issue.keys.join(', ')}`,
        messageEn: `${where}: unknown key: ${issue.keys.join(', ')}`,
      };
    case 'invalid_value':
      return {
        code: 'invalid-value',
        message: `${where}: harus salah satu dari ${issue.values.map(String).join(', ')}`,
        messageEn: `${where}: must be one of ${issue.values.map(String).join(', ')}`,
      };
    case 'too_small':
      return {
        code: 'too-small',
        message: `${where}: minimal ${String(issue.minimum)}`,
        messageEn: `${where}: must be at least ${String(issue.minimum)}`,
      };
    case 'invalid_union':
      return {
        code: 'invalid-shape',
        message: `${where}: bentuk tidak sah (lihat docs/STANDARDS-FORMAT.md)`,
        messageEn: `${where}: invalid shape (see docs/STANDARDS-FORMAT.md)`,
      };
    default: {
      // Our own refinements carry "Indonesian / English" messages.
      const [id, en] = issue.message.split(' / ');
      return { code: issue.code.replace(/_/g, '-'), message: `${where}: ${id}`, messageEn: `${where}: ${en ?? id}` };
    }
  }
}

export function parse(file: SourceFile, problems: Located[]): Parsed | null {
  const lc = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lc.linePos(e.pos[0]);
      problems.push({
        file: file.path,
        line: pos.line,
        column: pos.col,
        code: 'yaml-syntax',
        message: `YAML tidak sah: ${e.message.split('\n')[0]}`,
        messageEn: `invalid YAML: ${e.message.split('\n')[0]}`,
      });
    }
    return null;
  }
  return { file, doc, lc };
}

export function check<T>(parsed: Parsed, schema: z.ZodType<T>, problems: Located[]): T | null {
  const result = schema.safeParse(parsed.doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const { line, column } = locate(parsed, issue.path as (string | number)[]);
    problems.push({ file: parsed.file.path, line, column, ...zodMessage(issue) });
  }
  return null;
}

export function ruleFacts(rule: Rule, out: string[] = []): string[] {
  if ('all' in rule) rule.all.forEach((r) => ruleFacts(r, out));
  else if ('any' in rule) rule.any.forEach((r) => ruleFacts(r, out));
  else if ('not' in rule) ruleFacts(rule.not, out);
  else out.push(rule.fact);
  return out;
}

/** Cross-field rules a schema cannot express: references, reachability, declared roles. */
function checkService(parsed: Parsed, service: Service, office: Office, problems: Located[]): void {
  const at = (path: (string | number)[], code: string, message: string, messageEn: string) => {
    const { line, column } = locate(parsed, path);
    problems.push({ file: parsed.file.path, line, column, code, message, messageEn });
  };
  const roles = new Set(office.roles.map((r) => r.id));

  if (!service.detailed) {
    if (service.openForApplications)
      at(['openForApplications'], 'undetailed-open', 'layanan tanpa rincian tidak boleh dibuka untuk permohonan', 'a service without detail cannot be open for applications');
    return;
  }
  for (const key of ['sla', 'fee', 'product', 'procedure'] as const) {
    if (service[key] === null) at([key], 'required', `${key}: wajib diisi untuk layanan yang dirinci`, `${key}: required for a detailed service`);
  }
  if (service.components.length === 0) at(['components'], 'required', 'components: wajib diisi', 'components: required');

  const inputIds = new Set(service.inputs.map((i) => i.id));
  const eligibilityIds = new Set(service.eligibility.map((e) => e.id));
  const seen = new Set<string>();
  service.requirements.forEach((r, i) => {
    if (seen.has(r.id)) at(['requirements', i, 'id'], 'duplicate-id', `id persyaratan ganda: ${r.id}`, `duplicate requirement id: ${r.id}`);
    seen.add(r.id);
    if (r.eligibility && !eligibilityIds.has(r.eligibility))
      at(['requirements', i, 'eligibility'], 'unknown-ref', `aturan kelayakan tidak dikenal: ${r.eligibility}`, `unknown eligibility rule: ${r.eligibility}`);
    if (r.appliesWhen)
      for (const f of ruleFacts(r.appliesWhen))
        if (f.startsWith('answers.') && !inputIds.has(f.slice(8)))
          at(['requirements', i, 'appliesWhen'], 'unknown-ref', `isian tidak dikenal: ${f}`, `unknown input: ${f}`);
  });
  service.eligibility.forEach((e, i) => {
    for (const f of ruleFacts(e.rule))
      if (f.startsWith('answers.') && !inputIds.has(f.slice(8)))
        at(['eligibility', i, 'rule'], 'unknown-ref', `isian tidak dikenal: ${f}`, `unknown input: ${f}`);
  });

  const proc = service.procedure;
  if (!proc) return;
  const stepIds = new Map(proc.steps.map((s, i) => [s.id, i]));
  const endIds = new Set(proc.ends.map((e) => e.id));
  const targets = new Set([...stepIds.keys(), ...endIds]);
  if (!stepIds.has(proc.start)) at(['procedure', 'start'], 'unknown-ref', `langkah awal tidak dikenal: ${proc.start}`, `unknown start step: ${proc.start}`);
  const dup = new Set<string>();
  proc.steps.forEach((s, i) => {
    if (dup.has(s.id) || endIds.has(s.id)) at(['procedure', 'steps', i, 'id'], 'duplicate-id', `id langkah ganda: ${s.id}`, `duplicate step id: ${s.id}`);
    dup.add(s.id);
    if (!roles.has(s.role))
      at(['procedure', 'steps', i, 'role'], 'unknown-role', `peran tidak dideklarasikan di office.yaml: ${s.role}`, `role not declared in office.yaml: ${s.role}`);
    s.orRoles?.forEach((r, j) => {
      if (!roles.has(r)) at(['procedure', 'steps', i, 'orRoles', j], 'unknown-role', `peran tidak dideklarasikan di office.yaml: ${r}`, `role not declared in office.yaml: ${r}`);
      else if (r === s.role || s.orRoles!.indexOf(r) !== j)
        at(['procedure', 'steps', i, 'orRoles', j], 'duplicate-id', `peran disebut dua kali pada langkah ${s.id}: ${r}`, `role named twice on step ${s.id}: ${r}`);
    });
    if (s.orRoles && s.kind === 'sign')
      at(['procedure', 'steps', i, 'orRoles'], 'sign-or-roles', 'langkah tanda tangan hanya punya satu peran penanda tangan; wewenang berpindah lewat delegasi', 'a sign step has one signing role; authority passes by delegation');
    if (s.kind === 'external' && !s.external)
      at(['procedure', 'steps', i], 'required', 'langkah external wajib menyebut instansi (external)', 'an external step must name the outside body (external)');
    const outs = new Set<string>();
    s.outcomes.forEach((o, j) => {
      if (outs.has(o.id)) at(['procedure', 'steps', i, 'outcomes', j, 'id'], 'duplicate-id', `id hasil ganda: ${o.id}`, `duplicate outcome id: ${o.id}`);
      outs.add(o.id);
      if (!targets.has(o.next))
        at(['procedure', 'steps', i, 'outcomes', j, 'next'], 'unknown-ref', `langkah tujuan tidak dikenal: ${o.next}`, `unknown next step: ${o.next}`);
      if (o.kind === 'reject' && !proc.ends.some((e) => e.id === o.next && e.kind !== 'completed'))
        at(['procedure', 'steps', i, 'outcomes', j, 'next'], 'reject-target', 'hasil reject harus menuju akhir ditolak/dibatalkan', 'a reject outcome must lead to a rejected or withdrawn end');
    });
  });
  // Reachability from the start step.
  const reached = new Set<string>();
  const queue = stepIds.has(proc.start) ? [proc.start] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const step = proc.steps[stepIds.get(id) ?? -1];
    step?.outcomes.forEach((o) => queue.push(o.next));
  }
  proc.steps.forEach((s, i) => {
    if (!reached.has(s.id)) at(['procedure', 'steps', i, 'id'], 'unreachable', `langkah tidak terjangkau dari awal: ${s.id}`, `step unreachable from start: ${s.id}`);
  });
  if (!proc.ends.some((e) => e.kind === 'completed' && reached.has(e.id)))
    at(['procedure', 'ends'], 'no-completion', 'tidak ada akhir selesai yang terjangkau', 'no reachable completed end');
  service.sla?.stages.forEach((st, i) => {
    for (const k of ['from', 'to'] as const)
      if (!stepIds.has(st[k]))
        at(['sla', 'stages', i, k], 'unknown-ref', `langkah tidak dikenal: ${st[k]}`, `unknown step: ${st[k]}`);
  });
  service.calls.forEach((c, i) => {
    if (!stepIds.has(c.atStep)) at(['calls', i, 'atStep'], 'unknown-ref', `langkah tidak dikenal: ${c.atStep}`, `unknown step: ${c.atStep}`);
    if (!roles.has(c.role)) at(['calls', i, 'role'], 'unknown-role', `peran tidak dideklarasikan di office.yaml: ${c.role}`, `role not declared in office.yaml: ${c.role}`);
    if (service.calls.findIndex((o) => o.id === c.id) !== i) at(['calls', i, 'id'], 'duplicate-id', `id panggilan ganda: ${c.id}`, `duplicate call id: ${c.id}`);
  });
  if (service.filingWindow) {
    const input = service.inputs.find((x) => x.id === service.filingWindow!.input);
    if (!input || input.type !== 'date')
      at(['filingWindow', 'input'], 'unknown-ref', `isian tanggal tidak dikenal: ${service.filingWindow.input} (harus isian bertipe date)`, `unknown date input: ${service.filingWindow.input} (must be an input of type date)`);
  }
  service.moments.forEach((m, i) => {
    if (!stepIds.has(m.atStep)) at(['moments', i, 'atStep'], 'unknown-ref', `langkah tidak dikenal: ${m.atStep}`, `unknown step: ${m.atStep}`);
  });
  const rp = service.registryProposal;
  if (rp) {
    /** A referenced step must exist, and the outcomes named must be that step's. */
    const stepRef = (path: (string | number)[], stepId: string, outcomes: string[] = [], outcomesPath: (string | number)[] = path) => {
      const i = stepIds.get(stepId);
      if (i === undefined) return at(path, 'unknown-ref', `langkah tidak dikenal: ${stepId}`, `unknown step: ${stepId}`);
      const known = new Set(proc.steps[i]!.outcomes.map((o) => o.id));
      for (const o of outcomes)
        if (!known.has(o)) at(outcomesPath, 'unknown-ref', `hasil tidak dikenal pada langkah ${stepId}: ${o}`, `unknown outcome of step ${stepId}: ${o}`);
    };
    stepRef(['registryProposal', 'opensAt', 'step'], rp.opensAt.step, rp.opensAt.outcomes, ['registryProposal', 'opensAt', 'outcomes']);
    rp.marks.forEach((m, i) => stepRef(['registryProposal', 'marks', i, 'step'], m.step, m.outcomes, ['registryProposal', 'marks', i, 'outcomes']));
    if (rp.siksngStep) stepRef(['registryProposal', 'siksngStep'], rp.siksngStep);
    if (rp.ministryStep) stepRef(['registryProposal', 'ministryStep', 'step'], rp.ministryStep.step, [rp.ministryStep.approved], ['registryProposal', 'ministryStep', 'approved']);
  }
}

/**
 * Rules across offices (a deployment serves several): the registration code must be unique, or
 * two offices would issue the same registration and receipt numbers.
 */
export function checkAcrossOffices(offices: { office: Office; file: SourceFile }[]): Located[] {
  const problems: Located[] = [];
  const first = new Map<string, string>();
  for (const { office, file } of offices) {
    const code = office.registrationCode;
    const other = first.get(code);
    if (other === undefined) {
      first.set(code, office.slug);
      continue;
    }
    const line = file.text.split('\n').findIndex((l) => /^registrationCode\s*:/.test(l)) + 1;
    problems.push({
      file: file.path,
      line: Math.max(line, 1),
      column: 1,
      code: 'duplicate-registration-code',
      message: `registrationCode ${code} sudah dipakai kantor ${other}: nomor registrasi akan kembar`,
      messageEn: `registrationCode ${code} is already used by office ${other}: registration numbers would collide`,
    });
  }
  return problems;
}

/**
 * Validates one office folder given as file texts. `officeFile.path` should end in office.yaml;
 * `folderName` is the folder's name, which must equal the office slug.
 */
export function validateOffice(
  folderName: string,
  officeFile: SourceFile,
  serviceFiles: SourceFile[],
): { result: ValidatedOffice | null; problems: Located[] } {
  const problems: Located[] = [];
  const op = parse(officeFile, problems);
  const office = op ? check(op, Office, problems) : null;
  if (op && office) {
    if (office.slug !== folderName)
      problems.push({ file: officeFile.path, ...locate(op, ['slug']), code: 'slug-mismatch', message: `slug harus sama dengan nama folder (${folderName})`, messageEn: `slug must equal the folder name (${folderName})` });
    const ids = new Set(office.roles.map((r) => r.id));
    for (const r of REQUIRED_ROLES)
      if (!ids.has(r))
        problems.push({ file: officeFile.path, ...locate(op, ['roles']), code: 'missing-role', message: `peran wajib tidak ada: ${r}`, messageEn: `required role missing: ${r}` });
  }
  const services: Service[] = [];
  const files: Record<string, string> = {};
  const bySlug = new Map<string, Parsed>();
  const byNo = new Map<number, string>();
  for (const file of serviceFiles) {
    const sp = parse(file, problems);
    const service = sp ? check(sp, Service, problems) : null;
    if (!sp || !service) continue;
    if (bySlug.has(service.slug))
      problems.push({ file: file.path, ...locate(sp, ['slug']), code: 'duplicate-slug', message: `slug layanan ganda: ${service.slug} (juga di ${bySlug.get(service.slug)!.file.path})`, messageEn: `duplicate service slug: ${service.slug} (also in ${bySlug.get(service.slug)!.file.path})` });
    if (byNo.has(service.no))
      problems.push({ file: file.path, ...locate(sp, ['no']), code: 'duplicate-no', message: `nomor layanan ganda: ${service.no} (juga di ${byNo.get(service.no)})`, messageEn: `duplicate service number: ${service.no} (also in ${byNo.get(service.no)})` });
    bySlug.set(service.slug, sp);
    byNo.set(service.no, file.path);
    if (office) checkService(sp, service, office, problems);
    services.push(service);
    files[service.slug] = file.path;
  }
  services.sort((a, b) => a.no - b.no);
  if (!office || problems.length > 0) return { result: null, problems };
  return { result: { office, services, serviceFiles: files }, problems };
}
