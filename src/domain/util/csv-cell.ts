/**
 * One CSV cell for a file people open in a spreadsheet: quoted when it holds a separator, quote or
 * line break, and neutralised (a leading apostrophe, as OWASP advises) when it starts with = + - @,
 * a tab or a carriage return, so a registry value like `=HYPERLINK(...)` is shown, never run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The neutralising alone, for a spreadsheet cell written as text (XLSX exports). */
export const formulaSafe = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export function csvCell(value: string, quoteSemicolons = true): string {
  const s = formulaSafe(value);
  // A spreadsheet in an Indonesian locale splits on ';' too: data exports quote it.
  return (quoteSemicolons ? /[",\n\r;]/ : /[",\n\r]/).test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
