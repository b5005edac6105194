/**
 * Roles that read and never act ("Auditor (baca saja)"): kept as an entry point for its callers;
 * the list and the rule live in the one permission table (permissions.ts).
 */
export { READ_ONLY_ROLES, readsOnly } from './permissions.js';
