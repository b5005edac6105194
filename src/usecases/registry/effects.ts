/** Step effects of the registry capability (see ../step-effects.ts). */
import type { StepEffect } from '../step-effects.js';

export const registryEffects: StepEffect[] = [];
