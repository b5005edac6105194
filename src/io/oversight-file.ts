/** Reads an office's evaluation reminders (standards/<office>/oversight.yaml) and hands it to the pure validator; no file, no reminders. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateReminderFile, type Reminder } from '../domain/oversight/reminders.js';
import type { Located } from '../domain/standards/validate.js';

export function loadOfficeReminders(officeDir: string, declaredRoles: readonly string[], cwd = process.cwd()): { reminders: Reminder[]; problems: Located[] } {
  const path = join(officeDir, 'oversight.yaml');
  if (!existsSync(path)) return { reminders: [], problems: [] };
  return validateReminderFile({ path: relative(cwd, path) || path, text: readFileSync(path, 'utf8') }, declaredRoles);
}
