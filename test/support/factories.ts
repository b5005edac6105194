/**
 * Small factories for use-case tests, through the use cases rather than HTTP (for the tests whose
 * subject is not the web layer). Cases have theirs in test/letters/helpers.ts (`fileCase`).
 */
import { fileComplaint, type FileComplaintInput } from '../../src/usecases/complaints/file-complaint.js';
import { PUBLIC_ACTOR, type Ctx } from '../../src/usecases/context.js';

/** Files a complaint as the public does, on the web form's channel; anonymous unless the input says otherwise. */
export async function newComplaint(ctx: Ctx, input: FileComplaintInput & { office: string; text: string }) {
  const r = await fileComplaint(ctx, { mode: 'anonymous', ...input }, PUBLIC_ACTOR);
  if (!r.ok) throw new Error(`complaint not filed: ${JSON.stringify(r)}`);
  return r.value;
}
