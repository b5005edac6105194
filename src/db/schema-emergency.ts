/** Table types of emergency reports, their events and assignments, the duty roster and settings (migration 019). */

export interface EmergencyReportsTable {
  id: string;
  office_id: string;
  application_id: string;
  registration_number: string;
  service_slug: string;
  channel: string;
  reported_at: string;
  received_at: string;
  received_by: string | null;
  location_text: string;
  lat: number | null;
  lng: number | null;
  description: string;
  category: string;
  subject_name: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  first_response_due_at: string | null;
  first_response_at: string | null;
  /** open | responded | closed | merged */
  state: string;
  /** none | kepala-bidang | kepala-dinas */
  escalation: string;
  merged_into: string | null;
  version: number;
  /** Migration 039: when the current escalation level was reached, its last notice and repeats. */
  escalated_at?: string | null;
  notified_at?: string | null;
  reminders?: number;
  /** Migration 039: none | kepala-bidang | kepala-dinas, the highest level acknowledged, by whom and when. */
  acknowledged_level?: string;
  acknowledged_at?: string | null;
  acknowledged_by?: string | null;
  /** Migration 039: the device's key of the first response (offline queue). */
  first_response_key?: string | null;
}

export interface EmergencyEventsTable {
  id: string;
  report_id: string;
  office_id: string;
  type: string;
  actor_id: string | null;
  actor_name: string;
  data: string;
  at: string;
}

export interface EmergencyAssignmentsTable {
  id: string;
  report_id: string;
  office_id: string;
  user_id: string;
  task: string;
  assigned_by: string;
  at: string;
}

export interface DutyShiftsTable {
  id: string;
  office_id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
}

export interface DutyMembersTable {
  user_id: string;
  office_id: string;
  official_id: string | null;
  licence: string | null;
  licence_valid_until: string | null;
  updated_by: string;
  updated_at: string;
}

export interface EmergencySettingsTable {
  office_id: string;
  at_risk_share: number;
  review_hours: number;
  merge_window_minutes: number;
  /** Migration 031. */
  merge_radius_metres: number;
  /** 0 or 1 (migration 031). */
  auto_assign: number;
  /** Minutes an escalated head has to acknowledge before the next level is told (migration 039). */
  ack_minutes?: number;
  updated_by: string;
  updated_at: string;
}

export interface EmergencyTables {
  emergency_reports: EmergencyReportsTable;
  emergency_events: EmergencyEventsTable;
  emergency_assignments: EmergencyAssignmentsTable;
  duty_shifts: DutyShiftsTable;
  duty_members: DutyMembersTable;
  emergency_settings: EmergencySettingsTable;
}
