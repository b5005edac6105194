/** Step effects of the letters capability (see ../step-effects.ts). */
import type { StepEffect } from '../step-effects.js';

export const letterEffects: StepEffect[] = [];
