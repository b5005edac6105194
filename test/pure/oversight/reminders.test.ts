/**
 * Evaluation reminders as office data (standards/<office>/oversight.yaml): every office's file loads
 * with the cadence its decree states (Semarang 3 months, Jambi's SKM a semester, Pekanbaru's SKM a
 * year, none for Banjarmasin and Kutai Kartanegara beyond Sigap's yearly review); a mistake is
 * reported at its line and column; the cycle due on a date follows the calendar year.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dueCycle, validateReminderFile } from '../../../src/domain/oversight/reminders.js';
import { loadOfficeReminders } from '../../../src/io/oversight-file.js';
import { SEED_STANDARDS_DIR } from '../../support/paths.js';

const ROLES = ['kepala-dinas', 'kepala-bidang', 'auditor'];

describe('evaluation reminders (office data)', () => {
  it("each office's cadence is the one its decree states, and every office has the yearly review", () => {
    const cadence = (slug: string) => loadOfficeReminders(join(SEED_STANDARDS_DIR, slug), ['kepala-dinas', 'kepala-bidang']);
    const of = (slug: string) => cadence(slug).reminders.map((r) => [r.id, r.every_months]);
    assert.deepEqual(of('kota-semarang'), [['evaluasi-internal', 3], ['tinjauan-tahunan', 12]]);
    assert.deepEqual(of('kota-jambi'), [['evaluasi-skm-semester', 6], ['tinjauan-tahunan', 12]]);
    assert.deepEqual(of('kota-pekanbaru'), [['penilaian-skm-tahunan', 12], ['tinjauan-tahunan', 12]]);
    assert.deepEqual(of('kota-banjarmasin'), [['tinjauan-tahunan', 12]]);
    assert.deepEqual(of('kabupaten-kutai-kartanegara'), [['tinjauan-tahunan', 12]]);
    const decree = readFileSync(join(SEED_STANDARDS_DIR, 'kota-semarang', 'decree.txt'), 'utf8');
    assert.ok(decree.includes('Evaluasi internal dipimpin oleh Kepala Dinas minimal 3 (tiga) bulan sekali'), "Semarang's words are the decree's");
  });

  it('a wrong cadence and an undeclared role are reported at their line and column, in both languages', () => {
    const text = ['reminders:', '  - id: evaluasi-internal', '    every_months: 5', '    what: Evaluasi internal', '    what_en: Internal evaluation', '    roles: [sekretaris]', '    source: "kata keputusan di sini"', ''].join('\n');
    const r = validateReminderFile({ path: 'standards/x/oversight.yaml', text }, ROLES);
    assert.deepEqual(r.reminders, []);
    assert.deepEqual(r.problems.map((p) => [p.line, p.column]), [[3, 19]]);
    const role = validateReminderFile({ path: 'standards/x/oversight.yaml', text: text.replace('every_months: 5', 'every_months: 3') }, ROLES);
    assert.deepEqual(role.problems.map((p) => [p.code, p.line, p.column, p.message, p.messageEn]), [['unknown-role', 6, 13, 'peran tidak dinyatakan di office.yaml: sekretaris', 'role not declared in office.yaml: sekretaris']]);
  });

  it('the cycle due on a date: the one just ended, aligned to the calendar year', () => {
    assert.deepEqual(dueCycle(3, '2026-07-01'), { key: '2026-Q2', from: '2026-04-01', to: '2026-06-30', dueOn: '2026-07-01' });
    assert.deepEqual(dueCycle(3, '2026-06-30'), { key: '2026-Q1', from: '2026-01-01', to: '2026-03-31', dueOn: '2026-04-01' });
    assert.deepEqual(dueCycle(3, '2026-02-10'), { key: '2025-Q4', from: '2025-10-01', to: '2025-12-31', dueOn: '2026-01-01' });
    assert.deepEqual(dueCycle(6, '2026-07-01'), { key: '2026-S1', from: '2026-01-01', to: '2026-06-30', dueOn: '2026-07-01' });
    assert.deepEqual(dueCycle(12, '2026-12-31'), { key: '2025', from: '2025-01-01', to: '2025-12-31', dueOn: '2026-01-01' });
    assert.deepEqual(dueCycle(1, '2024-03-01'), { key: '2024-02', from: '2024-02-01', to: '2024-02-29', dueOn: '2024-03-01' });
  });
});
