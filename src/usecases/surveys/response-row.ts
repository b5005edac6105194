/** A checked questionnaire as a survey_responses row. */
import { randomUUID } from 'node:crypto';
import type { SurveyResponsesTable } from '../../db/schema-complaints.js';
import type { CheckedResponse } from './response-input.js';

export function responseRow(c: CheckedResponse, base: { office_id: string; service_id: string | null; application_id: string | null; source: string; responded_on: string; batch_id: string | null; entered_by: string | null; created_at: string }): SurveyResponsesTable {
  const a = c.answers;
  return {
    id: randomUUID(),
    ...base,
    u1: a.U1,
    u2: a.U2,
    u3: a.U3,
    u4: a.U4,
    u5: a.U5,
    u6: a.U6,
    u7: a.U7,
    u8: a.U8,
    u9: a.U9,
    age_group: c.profile.ageGroup,
    sex: c.profile.sex,
    education: c.profile.education,
    occupation: c.profile.occupation,
    suggestion: c.suggestion,
  };
}

