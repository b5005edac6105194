/**
 * Raw responses of a period as an XLSX stream, in the import's columns plus source and id. Streamed,
 * so a year of 100,000 responses never sits in memory whole. No identities: the survey never
 * stores any.
 */
import type ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import type { StoredOffice } from '../../db/standards-repo.js';
import { registrationNumbers, responsesForExport } from '../../db/surveys-repo.js';
import type { Period } from '../../domain/surveys/periods.js';
import { AGE_GROUPS, EDUCATIONS, OCCUPATIONS, SEXES, optionLabel } from '../../domain/surveys/questionnaire.js';
import type { Ctx } from '../context.js';
import { headerRow, instructions } from './survey-sheet.js';

const EXPORT_EXTRA = ['Sumber', 'ID'];

export function exportResponsesXlsx(ctx: Ctx, office: StoredOffice, period: Period, serviceId: string | null): Readable {
  const out = new PassThrough();
  const slugOf = new Map(office.services.map((s) => [s.id, s.service.slug]));
  (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Kuesioner');
    const head = ws.addRow([...headerRow(), ...EXPORT_EXTRA]);
    head.font = { bold: true };
    head.commit();
    const appNumbers = new Map<string, string>();
    for (let offset = 0; ; offset += 5000) {
      const rows = await responsesForExport(ctx.database.db, { officeId: office.id, from: period.from, to: period.to, serviceId }, 5000, offset);
      const ids = rows.map((r) => r.application_id).filter((x): x is string => !!x && !appNumbers.has(x));
      for (const [id, number] of await registrationNumbers(ctx.database.db, ids)) appNumbers.set(id, number);
      for (const r of rows) {
        ws.addRow([
          r.responded_on,
          r.service_id ? (slugOf.get(r.service_id) ?? '') : '',
          r.application_id ? (appNumbers.get(r.application_id) ?? '') : '',
          r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9,
          null,
          r.age_group ? optionLabel(AGE_GROUPS, r.age_group) : null,
          r.sex ? optionLabel(SEXES, r.sex) : null,
          r.education ? optionLabel(EDUCATIONS, r.education) : null,
          r.occupation ? optionLabel(OCCUPATIONS, r.occupation) : null,
          r.suggestion,
          r.source,
          r.id,
        ]).commit();
      }
      if (rows.length < 5000) break;
    }
    ws.commit();
    instructions(wb as unknown as ExcelJS.Workbook);
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
