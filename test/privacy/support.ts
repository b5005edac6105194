/** Files cases for a named person at the counter, so that a test knows their NIK and tracking codes. */
import { demoNik, plausibleIntake } from '../../src/usecases/applications/simulate-case.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import type { Ctx } from '../../src/usecases/context.js';
import { actorFor } from '../letters/helpers.js';

export const OFFICE = 'kota-jambi';
export const SERVICE = 'rekomendasi-sktm-berobat';

/** A case of the SKTM recommendation at Jambi for `name`; the NIK carries a plausible birth date and sex, `serial` tells people apart. */
export async function fileCaseFor(ctx: Ctx, name: string, serial: number): Promise<{ nik: string; id: string; registrationNumber: string; trackingCode: string }> {
  const found = ctx.catalogue.service(OFFICE, SERVICE)!;
  const intake = plausibleIntake(found.service.service, '2025-05-30');
  const nik = demoNik('15', intake.birth, intake.sex, serial);
  const r = await submitApplication(
    ctx,
    {
      office: OFFICE,
      service: SERVICE,
      initiator: 'citizen',
      channel: 'counter',
      applicant: { nik, name, phone: '081266782747', address: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi', residentOfRegion: intake.resident },
      answers: intake.answers,
      attachments: found.service.service.requirements.filter((x) => x.kind === 'document').map((x) => ({ requirement: x.id, shown: true })),
    },
    await actorFor(ctx, `front-office@${OFFICE}`),
  );
  if (!r.ok) throw new Error(r.error.problems.map((p) => p.messageEn).join('; '));
  return { nik, ...r.value };
}
