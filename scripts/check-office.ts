// Developer aid while encoding a decree: validate one office folder and check that every line of
// every component text is found verbatim in its decree.txt. Usage: npx tsx scripts/check-office.ts <slug>
import { loadStandardsDir } from '../src/io/standards-dir.js';
import { formatProblem } from '../src/domain/standards/validate.js';
import { linesNotInDecree, normalizeMarkup } from '../src/domain/standards/verbatim.js';

const slug = process.argv[2];
if (!slug) throw new Error('usage: check-office <slug>');
const { offices, problems } = loadStandardsDir(`standards/${slug}`);
for (const p of problems) console.log(formatProblem(p));
let missing = 0;
for (const o of offices) {
  const decree = normalizeMarkup(o.decreeText ?? '');
  for (const s of o.services)
    for (const c of s.components)
      for (const l of linesNotInDecree(c.text, decree)) {
        missing++;
        console.log(`${o.serviceFiles[s.slug]}: [${c.key}] not verbatim: ${l.slice(0, 160)}`);
      }
  console.log(`${o.office.slug}: ${o.services.length} services`);
}
console.log(`${problems.length} problems, ${missing} non-verbatim lines`);
process.exit(problems.length + missing > 0 ? 1 : 0);
