/** TRANSITIONAL (issue 10): old import path, deleted after the capability branches are merged. */
export { serviceOfCase } from './applications/service-of-case.js';
