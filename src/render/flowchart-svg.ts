/**
 * Draws a service's executable procedure as an SVG flowchart. Layout is done by ELK (layered
 * algorithm); this module only turns the laid-out boxes and edges into accessible SVG, so what the
 * public sees is drawn from the very data the workflow engine runs.
 */
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { readingOrder, stepKindName } from '../domain/procedure/reading-order.js';
import type { Procedure, Step } from '../domain/standards/schema.js';

// Loaded with the first flowchart drawn, not with every process that imports this module.
let elk: ElkApi | undefined;

export type FlowLang = 'id' | 'en';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

// Sizes are estimated from character counts (no font metrics on the server), so they err wide:
// a box or label drawn larger than ELK was told overlaps its neighbours or is clipped at the edge.
const CHARS = 24;
const LINE = 15;
const NODE_W = 224;
const LABEL_CHARS = 22;
const LABEL_CHAR_W = 6.8;
const LABEL_LINE = 13;

interface Box {
  id: string;
  lines: string[];
  meta: string;
  shape: 'step' | 'decision' | 'external' | 'end-ok' | 'end-bad';
}

function stepBox(step: Step, roleName: (id: string) => string, lang: FlowLang): Box {
  const kind = stepKindName(step.kind, lang);
  const meta = step.kind === 'external' && step.external ? `${kind}: ${step.external}` : `${kind} · ${roleName(step.role)}`;
  return {
    id: step.id,
    lines: wrap(step.label, CHARS),
    meta,
    shape: step.kind === 'decision' || step.outcomes.length > 1 ? 'decision' : step.kind === 'external' ? 'external' : 'step',
  };
}

/** An edge label wrapped to short lines, sized so that ELK keeps the whole of it clear of everything else. */
function labelBox(text: string): { text: string; width: number; height: number } {
  const lines = wrap(text, LABEL_CHARS);
  return { text, width: Math.ceil(10 + Math.max(...lines.map((l) => l.length)) * LABEL_CHAR_W), height: 4 + lines.length * LABEL_LINE };
}

export interface FlowchartOptions {
  title: string;
  lang: FlowLang;
  roleName?: (roleId: string) => string;
}

/** Renders the procedure as a standalone SVG document (UTF-8 string). */
export async function renderFlowchartSvg(proc: Procedure, opts: FlowchartOptions): Promise<string> {
  const roleName = opts.roleName ?? ((r: string) => r);
  const boxes: Box[] = [
    ...proc.steps.map((s) => stepBox(s, roleName, opts.lang)),
    ...proc.ends.map((e): Box => ({ id: e.id, lines: wrap(e.label, CHARS), meta: '', shape: e.kind === 'completed' ? 'end-ok' : 'end-bad' })),
  ];
  const size = (b: Box) => ({ width: NODE_W, height: 16 + b.lines.length * LINE + (b.meta ? wrap(b.meta, CHARS + 8).length * 12 + 4 : 0) });
  const edges: (ElkExtendedEdge & { kind: string; label: string })[] = [];
  for (const s of proc.steps)
    for (const o of s.outcomes) {
      const showLabel = s.outcomes.length > 1;
      edges.push({
        id: `${s.id}__${o.id}`,
        sources: [s.id],
        targets: [o.next],
        kind: o.kind,
        label: o.label,
        labels: showLabel ? [labelBox(o.label)] : [],
      });
    }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.edgeLabel': '6',
      'elk.spacing.edgeEdge': '14',
      'elk.layered.spacing.edgeNodeBetweenLayers': '18',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=40,left=20,bottom=20,right=20]',
    },
    children: [{ id: '__start', width: 18, height: 18 }, ...boxes.map((b) => ({ id: b.id, ...size(b) }))],
    edges: [{ id: '__start_edge', sources: ['__start'], targets: [proc.start] }, ...edges],
  };
  // elkjs ships CommonJS; its default export is the constructor.
  elk ??= new ((await import('elkjs/lib/elk.bundled.js')).default as unknown as new () => ElkApi)();
  const laid = await elk.layout(graph);
  const W = Math.ceil(laid.width ?? 400);
  const H = Math.ceil(laid.height ?? 300);
  const pos = new Map<string, ElkNode>((laid.children ?? []).map((n: ElkNode) => [n.id, n]));
  const out: string[] = [];
  const titleId = 'fc-title';
  const descId = 'fc-desc';
  // The description names where each answer leads by step number or end, never by internal id.
  const order = readingOrder(proc);
  const num = new Map(order.map((s, i) => [s.id, i + 1]));
  const endLabel = new Map(proc.ends.map((e) => [e.id, e.label]));
  const target = (id: string) => endLabel.get(id) ?? `${opts.lang === 'id' ? 'langkah' : 'step'} ${num.get(id) ?? '?'}`;
  const desc = order
    .map((s, i) => `${i + 1}. ${s.label} (${roleName(s.role)}) → ${s.outcomes.map((o) => (s.outcomes.length > 1 ? `${o.label}: ${target(o.next)}` : target(o.next))).join('; ')}.`)
    .join(' ');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${titleId} ${descId}" class="flowchart" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${titleId}">${esc(opts.title)}</title>`,
    `<desc id="${descId}">${esc(desc)}</desc>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f2933"/></marker></defs>',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
  );
  for (const e of [...((laid.edges ?? []) as (ElkExtendedEdge & { kind?: string })[])]) {
    for (const sec of e.sections ?? []) {
      const pts = [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint];
      const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      const kind = (edges.find((x) => x.id === e.id)?.kind ?? 'forward') as string;
      const style = kind === 'return' ? ' stroke-dasharray="6 4"' : kind === 'reject' ? ' stroke-dasharray="2 3"' : '';
      out.push(`<path d="${d}" fill="none" stroke="#1f2933" stroke-width="1.4"${style} marker-end="url(#arrow)" data-edge="${esc(e.id)}"/>`);
    }
    for (const l of e.labels ?? []) {
      if (!l.text) continue;
      const cx = ((l.x ?? 0) + (l.width ?? 0) / 2).toFixed(1);
      const lines = wrap(l.text, LABEL_CHARS)
        .map((t, i) => `<tspan x="${cx}" dy="${i === 0 ? 0 : LABEL_LINE}">${esc(t)}</tspan>`)
        .join('');
      out.push(
        `<g class="edge-label"><rect x="${(l.x ?? 0).toFixed(1)}" y="${(l.y ?? 0).toFixed(1)}" width="${l.width}" height="${l.height}" fill="#ffffff" opacity="0.9"/>` +
          `<text x="${cx}" y="${((l.y ?? 0) + 12).toFixed(1)}" font-size="11" text-anchor="middle" fill="#111">${lines}</text></g>`,
      );
    }
  }
  const start = pos.get('__start');
  if (start) out.push(`<circle cx="${(start.x ?? 0) + 9}" cy="${(start.y ?? 0) + 9}" r="8" fill="#1f2933"><title>${opts.lang === 'id' ? 'Mulai' : 'Start'}</title></circle>`);
  for (const b of boxes) {
    const n = pos.get(b.id);
    if (!n) continue;
    const x = n.x ?? 0;
    const y = n.y ?? 0;
    const w = n.width ?? NODE_W;
    const h = n.height ?? 40;
    const shape =
      b.shape === 'decision'
        ? `<path d="M${x + 12},${y} L${x + w - 12},${y} L${x + w},${y + h / 2} L${x + w - 12},${y + h} L${x + 12},${y + h} L${x},${y + h / 2} Z" fill="#fff8e1" stroke="#7a5b00" stroke-width="1.5"/>`
        : b.shape === 'external'
          ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#eef4ff" stroke="#1d4ed8" stroke-width="1.5" stroke-dasharray="5 3"/>`
          : b.shape === 'end-ok'
            ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="#e7f6ec" stroke="#146c2e" stroke-width="2"/>`
            : b.shape === 'end-bad'
              ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="#fdecec" stroke="#9b1c1c" stroke-width="2"/>`
              : `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#ffffff" stroke="#1f2933" stroke-width="1.5"/>`;
    const text = b.lines
      .map((l, i) => `<tspan x="${x + w / 2}" dy="${i === 0 ? 0 : LINE}">${esc(l)}</tspan>`)
      .join('');
    const metaLines = b.meta ? wrap(b.meta, CHARS + 8) : [];
    const meta = metaLines.length
      ? `<text x="${x + w / 2}" y="${y + 14 + b.lines.length * LINE + 10}" font-size="10" text-anchor="middle" fill="#374151">${metaLines
          .map((l, i) => `<tspan x="${x + w / 2}" dy="${i === 0 ? 0 : 12}">${esc(l)}</tspan>`)
          .join('')}</text>`
      : '';
    out.push(
      `<g class="node node-${b.shape}" data-node="${esc(b.id)}">${shape}<text x="${x + w / 2}" y="${y + 20}" font-size="12.5" font-weight="600" text-anchor="middle" fill="#111">${text}</text>${meta}</g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
