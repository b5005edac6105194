/** Who may do a step: its role, or any of the further roles the standard names ("Kadis/Kabid"). */
import type { Service, Step } from '../standards/schema.js';

export function stepRoles(step: Step): string[] {
  return [step.role, ...(step.orRoles ?? [])];
}

export function mayDoStep(step: Step, roles: readonly string[]): boolean {
  return stepRoles(step).some((r) => roles.includes(r));
}

/**
 * The steps an officer may do only through `orRoles` (their tasks wait under the step's own
 * role): the task queue adds them to what the officer's roles select.
 */
export function stepsOpenedByOrRoles(services: readonly { id: string; service: Service }[], roles: readonly string[]): { serviceId: string; stepId: string }[] {
  const out: { serviceId: string; stepId: string }[] = [];
  for (const s of services)
    for (const step of s.service.procedure?.steps ?? [])
      if (!roles.includes(step.role) && step.orRoles?.some((r) => roles.includes(r))) out.push({ serviceId: s.id, stepId: step.id });
  return out;
}
