/**
 * Roles that read and never act. The decrees and the office files call the auditor a reader
 * ("Auditor (baca saja)"): whoever holds only such roles may not file, complete or change a case.
 * One list, until the per-capability permission table (issue 12, deliverable 1) replaces it.
 */
export const READ_ONLY_ROLES: readonly string[] = ['auditor'];

/** True when every role the officer holds is read-only (an officer with no role acts on nothing either). */
export const readsOnly = (roles: readonly string[]): boolean => roles.every((r) => READ_ONLY_ROLES.includes(r));
