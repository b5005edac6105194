/** Table types of shelters, their beds, the clients' stays and the stays' events (migration 025). */

export interface SheltersTable {
  id: string;
  office_id: string;
  name: string;
  address: string | null;
  created_by: string;
  created_at: string;
}

export interface ShelterBedsTable {
  id: string;
  shelter_id: string;
  office_id: string;
  room: string;
  label: string;
  /** female | male | any */
  sex: string;
  /** a client category, or umum (any) */
  category: string;
  position: number;
}

export interface ShelterStaysTable {
  id: string;
  office_id: string;
  shelter_id: string;
  /** intake | referred | in-residence | terminated */
  state: string;
  source: string;
  emergency_report_id: string | null;
  requester: string | null;
  client_name: string;
  client_sex: string;
  client_category: string;
  client_nik: string | null;
  client_birth_date: string | null;
  intake_at: string;
  decision: string | null;
  referred_to: string | null;
  bed_id: string | null;
  checked_in_at: string | null;
  override_reason: string | null;
  belongings: string;
  terminated_at: string | null;
  termination: string | null;
  handover_number: string | null;
  handover_token: string | null;
  handover_sha256: string | null;
  version: number;
}

export interface ShelterEventsTable {
  id: string;
  stay_id: string;
  office_id: string;
  type: string;
  actor_id: string | null;
  actor_name: string;
  data: string;
  at: string;
}

/** A decreed case a stay filed (Banjarmasin 9, 10, 11), linked both ways. */
export interface ShelterStayCasesTable {
  stay_id: string;
  application_id: string;
  office_id: string;
  /** intake | termination | referral */
  kind: string;
  registration_number: string;
  service_slug: string;
  at: string;
}

/** Client photos and videos in the file store, viewable only with shelters.sensitive (migration 037). */
export interface ShelterMediaTable {
  id: string;
  office_id: string;
  stay_id: string;
  sha256: string;
  mime: string;
  size: number;
  caption: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

/** A parent's or guardian's consent to process a child's data (UU 27/2022 Pasal 25; migration 037). */
export interface ShelterConsentsTable {
  id: string;
  office_id: string;
  stay_id: string;
  guardian_name: string;
  relation: string;
  given_at: string;
  recorded_by: string;
  recorded_at: string;
}

/** An outcome of the chain (hospital, pemulangan, identity documents) from a report or a stay (migration 037). */
export interface ChainOutcomesTable {
  id: string;
  office_id: string;
  report_id: string | null;
  stay_id: string | null;
  kind: string;
  data: string;
  application_id: string | null;
  registration_number: string | null;
  recorded_by: string;
  recorded_by_name: string;
  at: string;
}

export interface SheltersTables {
  shelter_media: ShelterMediaTable;
  shelter_consents: ShelterConsentsTable;
  chain_outcomes: ChainOutcomesTable;
  shelters: SheltersTable;
  shelter_beds: ShelterBedsTable;
  shelter_stays: ShelterStaysTable;
  shelter_events: ShelterEventsTable;
  shelter_stay_cases: ShelterStayCasesTable;
}
