export * from './types.js';
export * from './stages.js';
export * from './receipt.js';
export * from './sla.js';
export * from './text.js';
export * from './intake.js';
export * from './identifies.js';
