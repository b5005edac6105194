/** TRANSITIONAL (issue 10): old import path, deleted after the capability branches are merged. */
export { officeCode, trackingCodeFor, trackingCodeHash } from '../domain/applications/codes.js';
