/** Table types of the satisfaction survey (SKM) capability, merged into DB in schema.ts. */

export interface SurveyResponsesTable {
  id: string;
  office_id: string;
  service_id: string | null;
  application_id: string | null;
  /** link | kiosk | paper | import */
  source: string;
  u1: number | null;
  u2: number | null;
  u3: number | null;
  u4: number | null;
  u5: number | null;
  u6: number | null;
  u7: number | null;
  u8: number | null;
  u9: number | null;
  age_group: string | null;
  sex: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
  /** Office-local date of the questionnaire: the period it counts in. */
  responded_on: string;
  batch_id: string | null;
  entered_by: string | null;
  created_at: string;
}

export interface SurveyKioskNoncesTable {
  nonce_hash: string;
  office_id: string;
  issued_at: string;
  used_at: string | null;
}

export interface SurveyFollowupsTable {
  office_id: string;
  scope: string;
  period_from: string;
  period_to: string;
  text: string;
  updated_by: string;
  updated_at: string;
}

export interface SurveysTables {
  survey_responses: SurveyResponsesTable;
  survey_kiosk_nonces: SurveyKioskNoncesTable;
  survey_followups: SurveyFollowupsTable;
}
