/**
 * Checks a client in to a bed that fits (sex and category), from an intake the Kepala Bidang and the
 * social worker decided "dapat ditampung" or directly (razia at night); belongings are listed. No
 * fitting free bed: refused, unless an override with a written reason (audited) takes a bed that does
 * not fit or no bed at all (an extra mattress). The stay clock starts at check-in.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { bedsWithOccupants, findShelter, findStay, insertShelterEvent, insertStay, updateStayIfVersion, type StayRow } from '../../db/shelters-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { bedFits, firstFittingBed, stayClock, toSecond, type Category, type Sex, type Source } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bad, officeFor, shelterNotFound, StayChangedError, stayLimitOf, withDecreedCase, withStayCase, type FiledCase } from './shelters-common.js';
import { CASE_FIELDS, intakeCaseOf } from './record-intake.js';

export interface ClientInput {
  name: string;
  sex: Sex;
  category: Category;
  nik?: string;
  birthDate?: string;
}

export interface CheckInInput {
  client?: ClientInput;
  /** A stay in intake, decided "dapat ditampung". */
  intake?: string;
  checkedInAt?: string;
  bed?: string;
  overrideReason?: string;
  belongings?: { item: string; quantity: number }[];
  source?: Source;
  requester?: string;
}

export interface CheckedIn {
  id: string;
  checkedInAt: string;
  limitDays: number | null;
  eligibleForTerminationAt: string | null;
  bed: { id: string; room: string; label: string } | null;
  override: boolean;
  /** Banjarmasin 9's case a direct check-in filed (none from an intake, which filed its own, or where the office has no such service). */
  case: string | null;
}

/** How far back a check-in may be written down (the night's paper log, not a rewrite of history): a choice, as for emergency reports. */
export const MAX_BACKDATE_HOURS = 72;
export const MIN_OVERRIDE_REASON = 10;

export async function checkInClient(ctx: Ctx, actor: Actor, shelterId: string, input: CheckInInput): Promise<Outcome<CheckedIn>> {
  const office = officeFor(actor, 'shelters.admit');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const shelter = await findShelter(db, office.value, shelterId);
  if (!shelter) return shelterNotFound();
  const now = nowOf(ctx);
  const problems: FieldProblem[] = [];
  let at = toSecond(now.toISOString());
  if (input.checkedInAt !== undefined) {
    const t = Date.parse(input.checkedInAt);
    if (t > now.getTime()) problems.push(bad('checkedInAt', 'checked-in-future', 'Waktu masuk tidak boleh di masa depan', 'The check-in time cannot be in the future'));
    else if (t < now.getTime() - MAX_BACKDATE_HOURS * 3600_000) problems.push(bad('checkedInAt', 'checked-in-too-early', `Waktu masuk paling lama ${MAX_BACKDATE_HOURS} jam yang lalu`, `The check-in time can be at most ${MAX_BACKDATE_HOURS} hours ago`));
    else at = toSecond(new Date(t).toISOString());
  }
  let intake: StayRow | undefined;
  if (input.intake) {
    intake = await findStay(db, office.value, input.intake);
    if (!intake || intake.shelter_id !== shelter.id) problems.push(bad('intake', 'intake-not-found', 'Calon klien tidak ditemukan di rumah singgah ini', 'No such intake in this shelter'));
    else if (intake.state !== 'intake' || intake.decision !== 'dapat-ditampung')
      problems.push(bad('intake', 'intake-not-accepted', 'Calon klien belum ditentukan "dapat ditampung" oleh Kepala Bidang bersama pekerja sosial', 'The intake has not been decided "can be housed" by the head of division with the social worker'));
    else if (at < intake.intake_at) problems.push(bad('checkedInAt', 'checked-in-before-intake', 'Waktu masuk tidak boleh sebelum pencatatan calon klien', 'The check-in cannot precede the intake'));
  } else if (!input.client) problems.push(bad('client.name', 'client-required', 'Isi identitas klien', "Give the client's details"));
  const client = intake ? { sex: intake.client_sex as Sex, category: intake.client_category as Category } : input.client;
  const reason = input.overrideReason?.trim() ?? '';
  if (reason && reason.length < MIN_OVERRIDE_REASON) problems.push(bad('overrideReason', 'override-reason-short', `Alasan penempatan di luar aturan minimal ${MIN_OVERRIDE_REASON} huruf`, `An override reason needs at least ${MIN_OVERRIDE_REASON} characters`));
  if (problems.length || !client) return fail('invalid', ...problems);

  const beds = (await bedsWithOccupants(db, shelter.id)).map((b) => ({ ...b, occupied: b.stay_id !== null }));
  let bed: (typeof beds)[number] | null = null;
  if (input.bed) {
    bed = beds.find((b) => b.id === input.bed) ?? null;
    if (!bed) return fail('invalid', bad('bed', 'bed-not-found', 'Tempat tidur tidak ada di rumah singgah ini', 'No such bed in this shelter'));
    if (bed.occupied) return fail('conflict', bad('bed', 'bed-occupied', `Tempat tidur ${bed.room} no. ${bed.label} sedang terisi`, `Bed ${bed.label} in ${bed.room} is occupied`));
    if (!bedFits(bed, client) && !reason)
      return fail('invalid', bad('bed', 'bed-does-not-fit', `Tempat tidur ${bed.room} no. ${bed.label} bukan untuk klien ${client.sex === 'female' ? 'perempuan' : 'laki-laki'} kategori ini; isi alasan penempatan di luar aturan`, `Bed ${bed.label} in ${bed.room} is not for a ${client.sex} client of this category; give an override reason`));
  } else {
    bed = firstFittingBed(beds, client);
    if (!bed && !reason)
      return fail('conflict', bad('bed', 'no-fitting-bed', 'Tidak ada tempat tidur kosong yang sesuai jenis kelamin dan kategori klien; penempatan hanya dengan alasan tertulis', "No free bed fits the client's sex and category; a placement needs a written override reason"));
  }
  const override = !!reason && (!bed || !bedFits(bed, client));
  const limit = stayLimitOf(ctx, office.value);
  const clock = stayClock(at, limit?.limit ?? null, at);
  const nowIso = now.toISOString();
  const id = intake?.id ?? randomUUID();
  const belongings = (input.belongings ?? []).filter((b) => b.item.trim()).map((b) => ({ item: b.item.trim(), quantity: b.quantity }));
  const fields = { state: 'in-residence', bed_id: bed?.id ?? null, checked_in_at: at, override_reason: override ? reason : null, belongings: JSON.stringify(belongings) };
  const source: Source = input.source ?? 'razia';
  const requester = input.requester?.trim() || null;
  const write = async (trx: Transaction<DB>, c: FiledCase | null) => {
    if (intake) {
      if (!(await updateStayIfVersion(trx, intake.id, intake.version, fields))) throw new StayChangedError();
    } else {
      const cl = input.client!;
      await insertStay(trx, {
        id, office_id: office.value, shelter_id: shelter.id, source, emergency_report_id: null, requester,
        client_name: cl.name.trim(), client_sex: cl.sex, client_category: cl.category, client_nik: cl.nik?.trim() || null, client_birth_date: cl.birthDate ?? null,
        intake_at: at, decision: null, referred_to: null, terminated_at: null, termination: null, handover_number: null, handover_token: null, handover_sha256: null, version: 1, ...fields,
      });
    }
    const data = { bed: bed ? { id: bed.id, room: bed.room, label: bed.label } : null, checkedInAt: at, override, overrideReason: override ? reason : null, belongings, ...(c ? { case: c.registrationNumber } : {}) };
    await insertShelterEvent(trx, { stay_id: id, office_id: office.value, type: 'checked-in', actor_id: actor.id, actor_name: actor.name, data, at: nowIso });
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: override ? 'shelter.check-in-override' : 'shelter.check-in', subject: `shelter-stay:${id}`, detail: { shelter: shelter.id, ...data, belongings: belongings.length, actorId: actor.id }, at: nowIso });
  };
  let filed: Outcome<{ value: void; case: FiledCase | null }>;
  try {
    // A direct check-in (a razia at night, no intake recorded first) files Banjarmasin 9's case as the
    // intake does, in the same transaction; a check-in from an intake already has it.
    filed = intake
      ? await withDecreedCase(ctx, actor, 'shelters.admit', { officeId: office.value, slugs: [], intake: {} }, write)
      : await withStayCase(ctx, actor, 'shelters.admit', { officeId: office.value, stayId: id, kind: 'intake', at: nowIso, intake: intakeCaseOf(source, requester, input.client!, false) }, write);
  } catch (e) {
    // The one-stay-per-bed index: another officer took this bed a moment ago.
    if (bed && /unique|duplicate/i.test(String((e as Error).message))) return fail('conflict', bad('bed', 'bed-taken', 'Tempat tidur ini baru saja diisi petugas lain; pilih yang lain', 'Another officer has just filled this bed; choose another'));
    throw e;
  }
  if (!filed.ok) return { ok: false, error: { ...filed.error, problems: filed.error.problems.map((p) => ({ ...p, field: CASE_FIELDS[p.field ?? ''] ?? p.field })) } };
  return { ok: true, value: { id, checkedInAt: at, limitDays: clock.limitDays, eligibleForTerminationAt: clock.eligibleAt, bed: bed ? { id: bed.id, room: bed.room, label: bed.label } : null, override, case: filed.value.case?.registrationNumber ?? null } };
}
