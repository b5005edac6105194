/** TRANSITIONAL (issue 10): old import path, deleted once the letters pages are moved. */
export { findTrackedCase as findTracked } from './applications/find-tracked-case.js';
