/** Complaint receipt numbers: `<OFFICE>-ADU-<YEAR>-<SEQ>`, e.g. `BJM-ADU-2026-000042`. Pure. */

const RECEIPT_RE = /^[A-Z]{2,5}-ADU-\d{4}-\d{6}$/;

export function receiptNumber(officeCode: string, year: string, seq: number): string {
  return `${officeCode}-ADU-${year}-${String(seq).padStart(6, '0')}`;
}

export function isReceiptNumber(s: string): boolean {
  return RECEIPT_RE.test(s);
}
