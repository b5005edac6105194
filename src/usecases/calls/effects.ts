/**
 * The step effect that keeps the decrees' phone promises: when a completed step moves the case into
 * a step a service's `calls` names, a call task for the promise's role is opened in the same
 * transaction (so a rolled-back step opens nothing), and the step's event says so.
 */
import { openCallTask } from '../../db/calls-repo.js';
import type { StepEffect } from '../step-effects.js';

export const callEffects: StepEffect[] = [
  {
    name: 'calls',
    async apply({ trx, service, move, app, now }) {
      if (move.kind !== 'step') return;
      const opened: string[] = [];
      for (const p of service.calls.filter((c) => c.atStep === move.step.id)) {
        const id = await openCallTask(trx, { office_id: app.office_id, application_id: app.id, service_id: app.service_id, promise_id: p.id, role: p.role, due_from: now });
        if (id) opened.push(p.id);
      }
      return opened.length ? { callsOpened: opened } : undefined;
    },
  },
];
