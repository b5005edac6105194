/** The complete example from docs/STANDARDS-FORMAT.md, extracted so tests keep the doc true. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOC = new URL('../../docs/STANDARDS-FORMAT.md', import.meta.url);

function blockAfter(doc: string, marker: string): string {
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`marker not in doc: ${marker}`);
  const m = /```yaml\n([\s\S]*?)```/.exec(doc.slice(at));
  if (!m) throw new Error(`no yaml block after ${marker}`);
  return m[1]!;
}

export function formatExample(): { office: string; service: string } {
  const doc = readFileSync(DOC, 'utf8');
  return {
    office: blockAfter(doc, '`standards/kota-contoh/office.yaml`:'),
    service: blockAfter(doc, '`standards/kota-contoh/services/01-rekomendasi-sktm.yaml`:'),
  };
}

/** Writes the example as a standards folder; returns the root holding `kota-contoh/`. */
export function writeExampleStandards(edit: (s: { office: string; service: string }) => { office: string; service: string } = (s) => s): string {
  const root = mkdtempSync(join(tmpdir(), 'sigap-std-'));
  rewriteExample(root, edit);
  return root;
}

export function rewriteExample(root: string, edit: (s: { office: string; service: string }) => { office: string; service: string }): void {
  const { office, service } = edit(formatExample());
  mkdirSync(join(root, 'kota-contoh', 'services'), { recursive: true });
  writeFileSync(join(root, 'kota-contoh', 'office.yaml'), office);
  writeFileSync(join(root, 'kota-contoh', 'services', '01-rekomendasi-sktm.yaml'), service);
}
