/**
 * The letter template language (docs/LETTERS.md). A template is a text file:
 *
 *   ---
 *   letterType: surat-rekomendasi          # YAML front matter: what the template is for
 *   services: [rekomendasi-jamkesda-bayi]  # which services use it
 *   title: SURAT REKOMENDASI
 *   subject: Rekomendasi {{service.title}}
 *   ---
 *   Yang bertanda tangan di bawah ini ... kepada:
 *
 *   | Nama | {{applicant.name}}
 *   | NIK  | {{applicant.nik}}
 *
 *   {{#if decision.reason}}Catatan: {{decision.reason}}{{/if}}
 *
 * Fields are `{{path}}` or `{{path | filter}}`; conditions `{{#if path}}`, `{{#if path == "x"}}`,
 * `{{#if path != "x"}}` with optional `{{else}}`, closed by `{{/if}}`. In the body, a blank line
 * separates paragraphs, `| label | value` is a row of a label/value table, `- ` a bullet item,
 * `1. ` a numbered item and `# ` a centred heading. Pure: the caller reads the file.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { maskNik } from '../identity/mask.js';
import type { Located } from '../standards/validate.js';
import { indonesianDate } from './dates.js';
import { ANSWER_PREFIX, closest, FIELD_CATALOGUE, FILTERS, type FieldSet, type Filter } from './fields.js';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'harus kebab-case / must be kebab-case' });

export const TemplateFront = z
  .object({
    /** Letter type: numbering code and counter scope; for product templates, the services' product.letterType. */
    letterType: id,
    /** product: the service's product letter; document: another document bound to steps; rejection: rejection letters. */
    kind: z.enum(['product', 'document', 'rejection']).default('product'),
    /** Services that use this template (a rejection template without services serves every service). */
    services: z.array(id).default([]),
    /** Steps whose completion drafts this document (required for kind: document). */
    steps: z.array(id).default([]),
    title: z.string().trim().min(1),
    subject: z.string().trim().min(1),
    addressee: z.string().optional(),
    /** Name shown as the letter's holder on the verification page (default: the applicant). */
    holder: z.string().optional(),
    paper: z.enum(['A4', 'F4']).default('A4'),
    /** official-letter: number/subject table and addressee; certificate: centred title and number. */
    layout: z.enum(['official-letter', 'certificate']).optional(),
    /** Who signs when no procedure step says (default kepala-dinas). */
    signerRole: id.optional(),
    description: z.string().optional(),
  })
  .strict();
export type TemplateFront = z.infer<typeof TemplateFront>;

export type Node =
  | { t: 'text'; s: string }
  | { t: 'field'; path: string; filters: Filter[] }
  | { t: 'if'; path: string; op: 'truthy' | '==' | '!='; value: string; then: Node[]; else: Node[] };

export interface LetterTemplate {
  /** File name without extension, unique per office. */
  id: string;
  file: string;
  front: TemplateFront & { layout: 'official-letter' | 'certificate' };
  title: Node[];
  subject: Node[];
  addressee: Node[];
  holder: Node[];
  body: Node[];
  /** The file's text, frozen into each letter drafted from it. */
  source: string;
  /** Every field path the template names, with where. */
  uses: { path: string; line: number; column: number }[];
  /** Where front-matter keys (and list items, as `services.0`) are, for cross-file problems. */
  at: Record<string, { line: number; column: number }>;
}

interface Pos {
  line: number;
  column: number;
}

type Problem = Omit<Located, 'file'>;

/** Parses `{{...}}` text starting at `origin` (for positions). */
function parseText(text: string, origin: Pos, problems: Problem[], uses: LetterTemplate['uses']): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node: Extract<Node, { t: 'if' }> | null; inElse: boolean; pos: Pos }[] = [{ nodes: root, node: null, inElse: false, pos: origin }];
  const posAt = (offset: number): Pos => {
    let line = origin.line;
    let column = origin.column;
    for (let i = 0; i < offset; i++)
      if (text[i] === '\n') {
        line++;
        column = 1;
      } else column++;
    return { line, column };
  };
  const push = (n: Node) => stack[stack.length - 1]!.nodes.push(n);
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) {
      push({ t: 'text', s: text.slice(i) });
      break;
    }
    if (open > i) push({ t: 'text', s: text.slice(i, open) });
    const close = text.indexOf('}}', open + 2);
    const pos = posAt(open);
    if (close < 0) {
      problems.push({ ...pos, code: 'template-unclosed', message: '"{{" tanpa penutup "}}"', messageEn: '"{{" without a closing "}}"' });
      break;
    }
    const inner = text.slice(open + 2, close).trim();
    i = close + 2;
    if (inner.startsWith('#if')) {
      const m = /^#if\s+([A-Za-z0-9_.-]+)\s*(?:(==|!=)\s*"([^"]*)")?$/.exec(inner);
      if (!m) {
        problems.push({ ...pos, code: 'template-if-syntax', message: `Syarat tidak sah: {{${inner}}}. Tulis {{#if kolom}} atau {{#if kolom == "nilai"}}`, messageEn: `Invalid condition {{${inner}}}. Write {{#if field}} or {{#if field == "value"}}` });
        continue;
      }
      checkField(m[1]!, pos, problems, uses);
      const node: Extract<Node, { t: 'if' }> = { t: 'if', path: m[1]!, op: (m[2] as '==' | '!=' | undefined) ?? 'truthy', value: m[3] ?? '', then: [], else: [] };
      push(node);
      stack.push({ nodes: node.then, node, inElse: false, pos });
    } else if (inner === 'else') {
      const top = stack[stack.length - 1]!;
      if (!top.node || top.inElse) {
        problems.push({ ...pos, code: 'template-else', message: '{{else}} di luar {{#if}}', messageEn: '{{else}} outside {{#if}}' });
        continue;
      }
      top.inElse = true;
      top.nodes = top.node.else;
    } else if (inner === '/if') {
      if (stack.length === 1) {
        problems.push({ ...pos, code: 'template-endif', message: '{{/if}} tanpa {{#if}}', messageEn: '{{/if}} without {{#if}}' });
        continue;
      }
      stack.pop();
    } else {
      const [path, ...rawFilters] = inner.split('|').map((s) => s.trim());
      if (!path || !/^[A-Za-z0-9_.-]+$/.test(path)) {
        problems.push({ ...pos, code: 'template-field-syntax', message: `Isian tidak sah: {{${inner}}}`, messageEn: `Invalid field {{${inner}}}` });
        continue;
      }
      checkField(path, pos, problems, uses);
      const filters: Filter[] = [];
      for (const fl of rawFilters) {
        if ((FILTERS as readonly string[]).includes(fl)) filters.push(fl as Filter);
        else problems.push({ ...pos, code: 'template-filter-unknown', message: `Penyaring tidak dikenal "${fl}". Yang dikenal: ${FILTERS.join(', ')}`, messageEn: `Unknown filter "${fl}". Known: ${FILTERS.join(', ')}` });
      }
      push({ t: 'field', path, filters });
    }
  }
  for (const open of stack.slice(1))
    problems.push({ ...open.pos, code: 'template-if-unclosed', message: '{{#if}} tanpa penutup {{/if}}', messageEn: '{{#if}} without a closing {{/if}}' });
  return root;
}

function checkField(path: string, pos: Pos, problems: Problem[], uses: LetterTemplate['uses']): void {
  uses.push({ path, ...pos });
  if (path.startsWith(ANSWER_PREFIX) && path.length > ANSWER_PREFIX.length) return; // checked per service
  if (FIELD_CATALOGUE[path]) return;
  const hint = closest(path, Object.keys(FIELD_CATALOGUE));
  problems.push({
    ...pos,
    code: 'template-field-unknown',
    message: `Kolom tidak dikenal: {{${path}}}${hint ? `. Maksud Anda {{${hint}}}?` : ''} Daftar kolom ada di docs/LETTERS.md.`,
    messageEn: `Unknown field {{${path}}}${hint ? `. Did you mean {{${hint}}}?` : ''} The field list is in docs/LETTERS.md.`,
  });
}

function locate(doc: Document.Parsed, lc: LineCounter, path: (string | number)[], base: number): Pos {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line + base, column: p.col };
    }
  }
  return { line: 1 + base, column: 1 };
}

/** Where a string value's text starts (block scalars start on the next line). */
function valuePos(doc: Document.Parsed, lc: LineCounter, key: string, base: number, src: string, yamlStart: number): Pos {
  const node = doc.get(key, true);
  if (!isNode(node) || !node.range) return { line: 1 + base, column: 1 };
  const p = lc.linePos(node.range[0]);
  const ch = src[yamlStart + node.range[0]];
  if (ch === '|' || ch === '>') return { line: p.line + base + 1, column: 3 };
  if (ch === '"' || ch === "'") return { line: p.line + base, column: p.col + 1 };
  return { line: p.line + base, column: p.col };
}

/** Parses one template file; every problem has a line and column in that file. */
export function parseTemplate(file: string, text: string): { template: LetterTemplate | null; problems: Located[] } {
  const problems: Problem[] = [];
  const uses: LetterTemplate['uses'] = [];
  const templateId = file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const located = () => problems.map((p) => ({ file, ...p }));
  const src = text.replace(/\r\n/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(src);
  if (!fm) {
    problems.push({ line: 1, column: 1, code: 'template-front-matter', message: 'Templat harus diawali bagian keterangan di antara baris "---" dan "---"', messageEn: 'A template must start with front matter between "---" lines' });
    return { template: null, problems: located() };
  }
  const yamlText = fm[1]!;
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  const base = 1; // the opening "---" line
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0]);
    problems.push({ line: p.line + base, column: p.col, code: 'yaml-syntax', message: `YAML tidak sah: ${e.message}`, messageEn: `Invalid YAML: ${e.message}` });
  }
  if (doc.errors.length) return { template: null, problems: located() };
  const parsed = TemplateFront.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const where = path.join('.') || '(keterangan)';
      const unknownKeys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
      problems.push({
        ...locate(doc, lc, unknownKeys.length ? [...path, unknownKeys[0]!] : path, base),
        code: 'template-front-invalid',
        message: unknownKeys.length ? `Kunci tidak dikenal: ${unknownKeys.join(', ')}` : `${where}: ${issue.message}`,
        messageEn: unknownKeys.length ? `Unknown key(s): ${unknownKeys.join(', ')}` : `${where}: ${issue.message}`,
      });
    }
    return { template: null, problems: located() };
  }
  const front = parsed.data;
  const yamlStart = 4; // after "---\n"
  if (front.kind === 'document' && front.steps.length === 0)
    problems.push({ ...locate(doc, lc, ['kind'], base), code: 'template-steps-required', message: 'Templat kind: document wajib menyebut steps (langkah yang menghasilkan dokumen ini)', messageEn: 'A kind: document template must list the steps that produce it' });
  if (front.kind !== 'rejection' && front.services.length === 0)
    problems.push({ ...locate(doc, lc, ['services'], base), code: 'template-services-required', message: 'Sebutkan layanan yang memakai templat ini (services)', messageEn: 'List the services that use this template (services)' });
  if (front.kind === 'product' && front.steps.length > 0)
    problems.push({ ...locate(doc, lc, ['steps'], base), code: 'template-steps-product', message: 'Templat produk tidak memakai steps; gunakan kind: document untuk dokumen yang terikat langkah', messageEn: 'A product template has no steps; use kind: document for step-bound documents' });
  const fieldText = (key: 'title' | 'subject' | 'addressee' | 'holder') => {
    const v = front[key];
    return v === undefined ? [] : parseText(v, valuePos(doc, lc, key, base, src, yamlStart), problems, uses);
  };
  const title = fieldText('title');
  const subject = fieldText('subject');
  const addressee = fieldText('addressee');
  const holder = front.holder === undefined ? parseText('{{applicant.name}}', { line: 1, column: 1 }, [], []) : fieldText('holder');
  const at: LetterTemplate['at'] = {};
  for (const key of ['letterType', 'kind', 'services', 'steps', 'signerRole', 'paper'] as const) {
    at[key] = locate(doc, lc, [key], base);
    const v = front[key];
    if (Array.isArray(v)) v.forEach((_, i) => (at[`${key}.${i}`] = locate(doc, lc, [key, i], base)));
  }
  const bodyLine = src.slice(0, fm[0].length).split('\n').length - (fm[0].endsWith('\n') ? 1 : 0);
  const body = parseText(src.slice(fm[0].length), { line: bodyLine + 1, column: 1 }, problems, uses);
  if (src.slice(fm[0].length).trim().length === 0)
    problems.push({ line: bodyLine + 1, column: 1, code: 'template-body-empty', message: 'Isi surat kosong', messageEn: 'The letter body is empty' });
  const template: LetterTemplate = {
    id: templateId,
    file,
    front: { ...front, layout: front.layout ?? (front.addressee ? 'official-letter' : 'certificate') },
    title,
    subject,
    addressee,
    holder,
    body,
    source: text,
    uses,
    at,
  };
  return { template: problems.length ? null : template, problems: located() };
}

/* ---------- rendering ---------- */

function applyFilter(value: string, raw: unknown, filter: Filter, path: string, fields: FieldSet): string {
  switch (filter) {
    case 'upper':
      return value.toLocaleUpperCase('id');
    case 'lower':
      return value.toLocaleLowerCase('id');
    case 'title':
      return value.toLocaleLowerCase('id').replace(/(^|[\s(/-])(\p{L})/gu, (_, a: string, b: string) => a + b.toLocaleUpperCase('id'));
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? indonesianDate(value.slice(0, 10)) : value;
    case 'label':
      return fields.labels[path] ?? value;
    case 'yesno':
      return raw === true ? 'Ya' : raw === false ? 'Tidak' : value;
    case 'masked':
      return value ? maskNik(value) : value;
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  return String(v);
}

/** Evaluates nodes against frozen field values. */
function renderNodes(nodes: Node[], fields: FieldSet): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.s;
    else if (n.t === 'field') {
      const raw = fields.values[n.path];
      let s = show(raw);
      for (const fl of n.filters) s = applyFilter(s, raw, fl, n.path, fields);
      out += s;
    } else {
      const raw = fields.values[n.path];
      const holds = n.op === 'truthy' ? raw !== null && raw !== undefined && raw !== false && raw !== '' && raw !== 0 : (show(raw) === n.value) === (n.op === '==');
      out += renderNodes(holds ? n.then : n.else, fields);
    }
  }
  return out;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'row'; label: string; value: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'numbered'; marker: string; text: string };

/** Splits rendered body text into blocks (see the header comment). */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', text: para.join(' ').replace(/\s+/g, ' ').trim() });
    para = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line) {
      flush();
      continue;
    }
    let m: RegExpExecArray | null;
    if (line.startsWith('|')) {
      flush();
      const cells = line.slice(1).replace(/\|\s*$/, '').split('|').map((c) => c.trim());
      const [label = '', ...rest] = cells;
      blocks.push({ kind: 'row', label, value: rest.join(' | ') });
    } else if (line.startsWith('# ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(2).trim() });
    } else if (line.startsWith('- ')) {
      flush();
      blocks.push({ kind: 'bullet', text: line.slice(2).trim() });
    } else if ((m = /^(\d{1,2}[.)]|[a-z][.)])\s+(.*)$/.exec(line))) {
      flush();
      blocks.push({ kind: 'numbered', marker: m[1]!, text: m[2]! });
    } else para.push(line);
  }
  flush();
  return blocks.filter((b) => b.kind !== 'paragraph' || b.text.length > 0);
}

export interface RenderedTemplate {
  title: string;
  subject: string;
  addressee: string[];
  holder: string;
  blocks: Block[];
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function renderTemplate(t: LetterTemplate, fields: FieldSet): RenderedTemplate {
  return {
    title: oneLine(renderNodes(t.title, fields)),
    subject: oneLine(renderNodes(t.subject, fields)),
    addressee: renderNodes(t.addressee, fields)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    holder: oneLine(renderNodes(t.holder, fields)),
    blocks: toBlocks(renderNodes(t.body, fields)),
  };
}
