/** Reads a holiday calendar file (calendars/*.yaml) and validates it with the pure schema. */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { parseHolidayData, type HolidayYear } from '../domain/calendar/holidays.js';
import { err, ok, type Result } from '../domain/errors.js';
import { formatProblem, type Located } from '../domain/standards/validate.js';

/** The national calendar shipped with Sigap, relative to the project root. */
export const NATIONAL_CALENDAR_FILE = 'calendars/indonesia.yaml';

/** Parses and validates a calendar file's text; problems carry file, line and column. */
export function parseCalendarFile(file: string, text: string): Result<HolidayYear[], Located[]> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0)
    return err(
      doc.errors.map((e) => {
        const pos = lc.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, code: 'yaml-syntax', message: `YAML tidak sah: ${e.message}`, messageEn: `invalid YAML: ${e.message}` };
      }),
    );
  const r = parseHolidayData(doc.toJS());
  if (r.ok) return ok(r.value);
  return err(
    r.error.map((p) => {
      let where = { line: 1, column: 1 };
      for (let n = p.path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(p.path.slice(0, n), true);
        if (isNode(node) && node.range) {
          const pos = lc.linePos(node.range[0]);
          where = { line: pos.line, column: pos.col };
          break;
        }
      }
      return { file, ...where, code: p.code, message: p.message, messageEn: p.messageEn };
    }),
  );
}

/** Reads and validates a calendar file; throws an Error listing every problem. */
export function loadCalendarFile(path: string = NATIONAL_CALENDAR_FILE): HolidayYear[] {
  const r = parseCalendarFile(path, readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}
