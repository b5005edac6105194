-- emergency-repo.insertReport
insert into "emergency_reports" ("id", "office_id", "application_id", "registration_number", "service_slug", "channel", "reported_at", "received_at", "received_by", "location_text", "lat", "lng", "description", "category", "subject_name", "reporter_name", "reporter_phone", "first_response_due_at", "first_response_at", "state", "escalation", "merged_into", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- emergency-repo.insertEmergencyEvent
insert into "emergency_events" ("report_id", "office_id", "type", "actor_id", "actor_name", "data", "at", "id") values (?, ?, ?, ?, ?, ?, ?, ?);

-- emergency-repo.reportEvents
select * from "emergency_events" where "report_id" = ? order by "at", "id" limit ?;

-- emergency-repo.findReportByNumber
select * from "emergency_reports" where "office_id" = ? and "registration_number" = ?;

-- emergency-repo.findReportByApplication
select * from "emergency_reports" where "application_id" = ?;

-- emergency-repo.findReportById
select * from "emergency_reports" where "id" = ?;

-- emergency-repo.openReports
select * from "emergency_reports" where "office_id" = ? and "state" = ? order by case when ("escalation" != ? and "acknowledged_level" != "escalation") then 0 else 1 end, "escalated_at", case when "first_response_due_at" is null then 1 else 0 end, "first_response_due_at", "reported_at" limit ?;

-- emergency-repo.respondedSince
select * from "emergency_reports" where "office_id" = ? and "state" = ? and "first_response_at" >= ? order by "first_response_at" desc limit ?;

-- emergency-repo.setFirstResponse
update "emergency_reports" set "first_response_at" = ?, "state" = ?, "version" = ?, "first_response_key" = ? where "id" = ? and "version" = ? and "first_response_at" is null;

-- emergency-repo.setEscalation
update "emergency_reports" set "escalation" = ?, "escalated_at" = ?, "notified_at" = ?, "reminders" = ? where "id" = ? and "escalation" = ? and "state" = ?;

-- emergency-repo.setReminded
update "emergency_reports" set "notified_at" = ?, "reminders" = ? where "id" = ? and "escalation" = ? and "acknowledged_level" != ? and "reminders" = ? and "state" = ?;

-- emergency-repo.setAcknowledged
update "emergency_reports" set "acknowledged_level" = ?, "acknowledged_at" = ?, "acknowledged_by" = ? where "id" = ? and "escalation" = ? and "acknowledged_level" != ? and "state" = ?;

-- emergency-repo.escalationCandidates
select * from "emergency_reports" where "office_id" = ? and "state" = ? and "first_response_due_at" is not null and ("escalation" != ? or ("acknowledged_level" != ? and "reminders" < ? and "notified_at" <= ?)) order by "first_response_due_at" limit ?;

-- emergency-repo.reportsNear
select * from "emergency_reports" where "office_id" = ? and "service_slug" = ? and "state" != ? and "reported_at" >= ? and "reported_at" <= ? order by "reported_at" limit ?;

-- emergency-repo.reportsOfEndedCases
select "emergency_reports"."id", "emergency_reports"."application_id", "emergency_reports"."state", "applications"."status", "applications"."closed_at" from "emergency_reports" inner join "applications" on "applications"."id" = "emergency_reports"."application_id" where "emergency_reports"."office_id" = ? and "emergency_reports"."state" = ? and "applications"."closed_at" is not null limit ?;

-- emergency-repo.setClosed
update "emergency_reports" set "state" = ?, "version" = "version" + ? where "id" = ? and "state" = ?;

-- emergency-repo.setMerged
update "emergency_reports" set "state" = ?, "merged_into" = ?, "version" = ? where "id" = ? and "version" = ? and "state" = ?;

-- emergency-repo.insertAssignment
insert into "emergency_assignments" ("report_id", "office_id", "user_id", "task", "assigned_by", "at", "id") values (?, ?, ?, ?, ?, ?, ?);

-- emergency-repo.assignmentsOf
select "emergency_assignments"."report_id", "emergency_assignments"."user_id", "emergency_assignments"."task", "emergency_assignments"."at", "staff_users"."display_name" from "emergency_assignments" inner join "staff_users" on "staff_users"."id" = "emergency_assignments"."user_id" where "emergency_assignments"."report_id" in (?) order by "emergency_assignments"."at";

-- emergency-repo.insertShift
insert into "duty_shifts" ("office_id", "user_id", "starts_at", "ends_at", "created_by", "created_at", "id") values (?, ?, ?, ?, ?, ?, ?);

-- emergency-repo.shiftsFrom
select "duty_shifts"."id", "duty_shifts"."user_id", "duty_shifts"."starts_at", "duty_shifts"."ends_at", "staff_users"."display_name" from "duty_shifts" inner join "staff_users" on "staff_users"."id" = "duty_shifts"."user_id" where "duty_shifts"."office_id" = ? and "duty_shifts"."ends_at" > ? order by "duty_shifts"."starts_at" limit ?;

-- emergency-repo.upsertMember
insert into "duty_members" ("user_id", "office_id", "official_id", "licence", "licence_valid_until", "updated_by", "updated_at") values (?, ?, ?, ?, ?, ?, ?) on conflict ("user_id") do update set "official_id" = ?, "licence" = ?, "licence_valid_until" = ?, "updated_by" = ?, "updated_at" = ?;

-- emergency-repo.membersOf
select * from "duty_members" where "office_id" = ? limit ?;

-- emergency-repo.memberOf
select * from "duty_members" where "user_id" = ?;

-- emergency-repo.settingsRow
select * from "emergency_settings" where "office_id" = ?;

-- emergency-repo.membersOnDuty
select "duty_shifts"."user_id", "staff_users"."display_name", min("duty_shifts"."starts_at") as "on_shift_since", "duty_members"."official_id", "duty_members"."licence", "duty_members"."licence_valid_until", (select count(*) as "n" from "emergency_assignments" inner join "emergency_reports" on "emergency_reports"."id" = "emergency_assignments"."report_id" where "emergency_assignments"."user_id" = "duty_shifts"."user_id" and "emergency_reports"."state" = ?) as "open_assignments" from "duty_shifts" inner join "staff_users" on "staff_users"."id" = "duty_shifts"."user_id" left join "duty_members" on "duty_members"."user_id" = "duty_shifts"."user_id" where "duty_shifts"."office_id" = ? and "duty_shifts"."starts_at" <= ? and "duty_shifts"."ends_at" > ? and "staff_users"."active" = ? group by "duty_shifts"."user_id", "staff_users"."display_name", "duty_members"."official_id", "duty_members"."licence", "duty_members"."licence_valid_until" limit ?;

-- emergency-repo.firstResponseTally
select count(*) as "reports", sum(case when ("first_response_at" is not null and "first_response_at" <= "first_response_due_at") then 1 else 0 end) as "met", sum(case when ("first_response_at" > "first_response_due_at" or ("first_response_at" is null and "state" = ? and "first_response_due_at" < ?)) then 1 else 0 end) as "late" from "emergency_reports" where "office_id" = ? and "reported_at" >= ? and "reported_at" < ? and "first_response_due_at" is not null and "state" != ?;

-- emergency-repo.upsertSettings
insert into "emergency_settings" ("office_id", "at_risk_share", "review_hours", "merge_window_minutes", "merge_radius_metres", "auto_assign", "updated_by", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("office_id") do update set "at_risk_share" = ?, "review_hours" = ?, "merge_window_minutes" = ?, "merge_radius_metres" = ?, "auto_assign" = ?, "updated_by" = ?, "updated_at" = ?;

-- shelters-repo.insertShelter
insert into "shelters" ("id", "office_id", "name", "address", "created_by", "created_at") values (?, ?, ?, ?, ?, ?);
insert into "shelter_beds" ("id", "shelter_id", "office_id", "room", "label", "sex", "category", "position") values (?, ?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.sheltersOf
select * from "shelters" where "office_id" = ? order by "name" limit ?;

-- shelters-repo.findShelter
select * from "shelters" where "office_id" = ? and "id" = ?;

-- shelters-repo.bedsWithOccupants
select "b"."id", "b"."room", "b"."label", "b"."sex", "b"."category", "b"."position", "s"."id" as "stay_id", "s"."checked_in_at", "s"."client_sex", "s"."client_category" from "shelter_beds" as "b" left join "shelter_stays" as "s" on "s"."bed_id" = "b"."id" and "s"."state" = ? where "b"."shelter_id" = ? order by "b"."position" limit ?;

-- shelters-repo.insertStay
insert into "shelter_stays" ("id", "office_id", "shelter_id", "state", "source", "emergency_report_id", "requester", "client_name", "client_sex", "client_category", "client_nik", "client_birth_date", "intake_at", "decision", "referred_to", "bed_id", "checked_in_at", "override_reason", "belongings", "terminated_at", "termination", "handover_number", "handover_token", "handover_sha256", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.findStay
select * from "shelter_stays" where "office_id" = ? and "id" = ?;

-- shelters-repo.updateStayIfVersion
update "shelter_stays" set "state" = ?, "terminated_at" = ?, "version" = ? where "id" = ? and "version" = ?;

-- shelters-repo.staysOfShelter
select * from "shelter_stays" where "shelter_id" = ? and "state" = ? order by "intake_at" limit ?;

-- shelters-repo.overflowOfShelter
select * from "shelter_stays" where "shelter_id" = ? and "state" = ? and "bed_id" is null order by "intake_at" limit ?;

-- shelters-repo.staysCheckedInBy
select * from "shelter_stays" where "office_id" = ? and "state" = ? and "checked_in_at" <= ? order by "checked_in_at" limit ?;

-- shelters-repo.insertShelterEvent
insert into "shelter_events" ("stay_id", "office_id", "type", "actor_id", "actor_name", "data", "at", "id") values (?, ?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.eventsOfStay
select * from "shelter_events" where "stay_id" = ? order by "at", "id" limit ?;

-- shelters-repo.stayByHandoverToken
select * from "shelter_stays" where "handover_token" = ?;

-- shelters-repo.insertStayCase
insert into "shelter_stay_cases" ("stay_id", "application_id", "office_id", "kind", "registration_number", "service_slug", "at") values (?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.casesOfStay
select "l"."application_id", "l"."kind", "l"."registration_number", "l"."service_slug", "l"."at", "a"."status", "a"."due_at" from "shelter_stay_cases" as "l" inner join "applications" as "a" on "a"."id" = "l"."application_id" where "l"."stay_id" = ? order by "l"."at", "l"."kind" limit ?;

-- shelters-repo.insertMedia
insert into "shelter_media" ("id", "office_id", "stay_id", "sha256", "mime", "size", "caption", "uploaded_by", "uploaded_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.mediaOfStay
select "id", "mime", "size", "caption", "uploaded_at" from "shelter_media" where "stay_id" = ? order by "uploaded_at", "id" limit ?;

-- shelters-repo.findMedia
select * from "shelter_media" where "office_id" = ? and "stay_id" = ? and "id" = ?;

-- shelters-repo.insertConsent
insert into "shelter_consents" ("id", "office_id", "stay_id", "guardian_name", "relation", "given_at", "recorded_by", "recorded_at") values (?, ?, ?, ?, ?, ?, ?, ?);

-- shelters-repo.consentsOfStay
select "guardian_name", "relation", "given_at", "recorded_at" from "shelter_consents" where "stay_id" = ? order by "recorded_at" limit ?;

-- shelters-repo.stayOfCase
select "s".* from "shelter_stay_cases" as "l" inner join "shelter_stays" as "s" on "s"."id" = "l"."stay_id" where "l"."application_id" = ? and "l"."kind" = ?;

-- shelters-repo.endStayInResidence
update "shelter_stays" set "state" = ?, "referred_to" = ?, "terminated_at" = ?, "termination" = ?, "version" = "version" + ? where "id" = ? and "state" = ?;

-- outcomes-repo.insertOutcome
insert into "chain_outcomes" ("id", "office_id", "report_id", "stay_id", "kind", "data", "application_id", "registration_number", "recorded_by", "recorded_by_name", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- applications-repo.nextCounter
insert into "counters" ("office_id", "name", "value") values (?, ?, ?) on conflict ("office_id", "name") do update set "value" = counters.value + 1 returning "value";

-- applications-repo.insertApplication
insert into "applications" ("id", "office_id", "service_id", "service_version_id", "registration_number", "tracking_code_hash", "idempotency_key", "idempotency_body", "initiator", "channel", "applicant_nik", "applicant_name", "applicant", "answers", "eligibility", "status", "current_step", "end_id", "outcome_reason", "submitted_at", "clock_started_at", "paused_since", "pauses", "due_at", "expected_at", "stages", "sla_state", "closed_at", "created_by", "version", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- applications-repo.updateCaseIfVersion
update "applications" set "status" = ?, "updated_at" = ?, "pauses" = ?, "version" = ? where "id" = ? and "version" = ?;

-- applications-repo.findCase
select * from "applications" where "office_id" = ? and "id" = ?;

-- applications-repo.findCaseAnyOffice
select * from "applications" where "id" = ?;

-- applications-repo.findApplicationAnyOffice
select * from "applications" where "id" = ?;

-- applications-repo.findApplication
select * from "applications" where "office_id" = ? and "id" = ?;

-- applications-repo.findByIdempotencyKey
select * from "applications" where "office_id" = ? and "idempotency_key" = ?;

-- applications-repo.findByRegistrationNumber
select * from "applications" where "registration_number" = ?;

-- applications-repo.insertEvent
insert into "application_events" ("id", "application_id", "office_id", "type", "step_id", "outcome", "actor_id", "actor_name", "note", "data", "sla_effect", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- applications-repo.eventsOf
select * from "application_events" where "application_id" = ? order by "seq";

-- applications-repo.completedSteps
select "step_id" from "application_events" where "application_id" = ? and "type" = ?;

-- applications-repo.insertTask
insert into "tasks" ("id", "status", "claimed_by", "completed_at", "completed_by", "office_id", "application_id", "service_id", "step_id", "role", "sla_state", "due_at", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- applications-repo.closeOpenTasks
update "tasks" set "status" = ?, "completed_at" = ?, "completed_by" = ? where "application_id" = ? and "status" in (?, ?);

-- applications-repo.reopenWaitingTask
update "tasks" set "status" = ?, "due_at" = ?, "sla_state" = ? where "application_id" = ? and "status" = ?;

-- applications-repo.findTask
select * from "tasks" where "office_id" = ? and "id" = ?;

-- applications-repo.openTaskFor
select * from "tasks" where "application_id" = ? and "status" in (?, ?);

-- applications-repo.setTaskClaim
update "tasks" set "claimed_by" = ? where "id" = ? and "status" = ? and ("claimed_by" is null or "claimed_by" = ?);
update "tasks" set "claimed_by" = ? where "id" = ? and "status" = ? and "claimed_by" = ?;

-- applications-repo.queue
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?, ?) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit ? offset ?;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?) and "applications"."service_id" = ? and "tasks"."step_id" = ? and case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end = ? and "tasks"."claimed_by" = ? order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit ? offset ?;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?) and "tasks"."claimed_by" is null order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit ? offset ?;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and ("tasks"."role" in (?) or ("tasks"."service_id" = ? and "tasks"."step_id" = ?)) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit ? offset ?;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and (("tasks"."service_id" = ? and "tasks"."step_id" = ?) or ("tasks"."service_id" = ? and "tasks"."step_id" = ?)) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit ? offset ?;

-- applications-repo.openCasesByStep
select "service_id", "step_id", "role", "claimed_by", "sla_state", count(*) as "n", min("due_at") as "oldest_due" from "tasks" where "office_id" = ? and "status" in (?, ?) group by "service_id", "step_id", "role", "claimed_by", "sla_state";

-- oversight-repo.addClosedCount
insert into "oversight_counts" ("office_id", "service_id", "month", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "month", "service_id", "status", "on_time", "duration") do update set "n" = oversight_counts.n + excluded.n, "applicant_paused" = oversight_counts.applicant_paused + excluded.applicant_paused, "applicant_pauses" = oversight_counts.applicant_pauses + excluded.applicant_pauses, "external_paused" = oversight_counts.external_paused + excluded.external_paused, "external_pauses" = oversight_counts.external_pauses + excluded.external_pauses;
insert into "oversight_year_counts" ("office_id", "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses", "year") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "year", "service_id", "status", "on_time", "duration") do update set "n" = oversight_year_counts.n + excluded.n, "applicant_paused" = oversight_year_counts.applicant_paused + excluded.applicant_paused, "applicant_pauses" = oversight_year_counts.applicant_pauses + excluded.applicant_pauses, "external_paused" = oversight_year_counts.external_paused + excluded.external_paused, "external_pauses" = oversight_year_counts.external_pauses + excluded.external_pauses;

-- oversight-repo.insertCounts
insert into "oversight_counts" ("office_id", "service_id", "month", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
insert into "oversight_year_counts" ("office_id", "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses", "year") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- oversight-repo.addStageCounts
insert into "oversight_stage_counts" ("office_id", "service_id", "month", "stage_id", "started", "finished", "on_time") values (?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "month", "service_id", "stage_id") do update set "started" = oversight_stage_counts.started + excluded.started, "finished" = oversight_stage_counts.finished + excluded.finished, "on_time" = oversight_stage_counts.on_time + excluded.on_time;

-- oversight-repo.closedCounts
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = ? and "month" >= ? and "month" < ?;
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_year_counts" where "office_id" = ? and "year" in (?);
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = ? and "month" >= ? and "month" < ?;
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = ? and "month" >= ? and "month" < ?;

-- oversight-repo.closedStageCounts
select "service_id", "stage_id", sum("started") as "started", sum("finished") as "finished", sum("on_time") as "on_time" from "oversight_stage_counts" where "office_id" = ? and "month" >= ? and "month" < ? group by "service_id", "stage_id";

-- oversight-repo.openCounts
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = ? and "utc_day" >= ? and "utc_day" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";

-- oversight-repo.openCountsLive
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";

-- oversight-repo.openStagedCases
select "service_id", "stages" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? and "service_id" in (?) and "stages" <> ? limit ?;

-- oversight-repo.approvalOf
select * from "oversight_approvals" where "office_id" = ? and "period" = ?;

-- oversight-repo.setApproval
update "oversight_approvals" set "step" = ?, "locked" = ?, "updated_by" = ?, "updated_at" = ? where "office_id" = ? and "period" = ? and "step" = ?;
insert into "oversight_approvals" ("office_id", "period", "step", "locked", "updated_by", "updated_at") values (?, ?, ?, ?, ?, ?) on conflict ("office_id", "period") do nothing;

-- oversight-repo.anyLocked
select "period" from "oversight_approvals" where "office_id" = ? and "period" in (?, ?) and "locked" = ?;

-- oversight-repo.submissionSpan
select min("submitted_at") as "first", max("submitted_at") as "last" from "applications" where "office_id" = ?;

-- oversight-repo.closedCasesSubmitted
select "service_id", "status", "submitted_at", "clock_started_at", "closed_at", "due_at", "sla_state", "pauses", "stages" from "applications" where "office_id" = ? and "submitted_at" >= ? and "submitted_at" < ? and "status" in (?, ?, ?);

-- figures-repo.insertSnapshot
insert into "oversight_snapshots" ("id", "office_id", "period", "approved_by", "approved_at", "figures", "reopened_by", "reopened_at", "reopen_reason") values (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- figures-repo.closeSnapshot
update "oversight_snapshots" set "reopened_by" = ?, "reopened_at" = ?, "reopen_reason" = ? where "office_id" = ? and "period" = ? and "reopened_at" is null;

-- figures-repo.snapshotsOf
select * from "oversight_snapshots" where "office_id" = ? and "period" = ? order by "approved_at" desc, "id" limit ?;

-- figures-repo.claimRun
insert into "oversight_runs" ("office_id", "job", "period", "claimed_at", "notices") values (?, ?, ?, ?, ?) on conflict ("office_id", "job", "period") do nothing;

-- figures-repo.finishRun
update "oversight_runs" set "notices" = ? where "office_id" = ? and "job" = ? and "period" = ?;

-- figures-repo.recordNotice
insert into "oversight_notices" ("id", "office_id", "kind", "rule", "period", "subject", "detail", "roles", "found_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "rule", "period", "subject") do nothing;

-- figures-repo.recentNotices
select * from "oversight_notices" where "office_id" = ? order by "found_at" desc, "id" limit ?;

-- figures-repo.overfullShelters
select "s"."id", "s"."name", "r"."n" as "residents", coalesce(b.n, 0) as "beds" from "shelters" as "s" inner join (select "shelter_id", count(*) as "n" from "shelter_stays" where "office_id" = ? and "state" = ? group by "shelter_id") as "r" on "r"."shelter_id" = "s"."id" left join (select "shelter_id", count(*) as "n" from "shelter_beds" where "office_id" = ? group by "shelter_id") as "b" on "b"."shelter_id" = "s"."id" where "s"."office_id" = ? and r.n > coalesce(b.n, 0) order by "s"."name" limit ?;

-- figures-repo.negativeStock
select "m"."lot_id", "l"."lot_code", "i"."name" as "item", "i"."unit", "w"."name" as "warehouse", sum("m"."quantity") as "balance" from "logistics_movements" as "m" inner join "logistics_lots" as "l" on "l"."id" = "m"."lot_id" inner join "logistics_items" as "i" on "i"."id" = "m"."item_id" inner join "logistics_warehouses" as "w" on "w"."id" = "m"."warehouse_id" where "m"."office_id" = ? group by "m"."lot_id", "l"."lot_code", "i"."name", "i"."unit", "w"."name" having sum("m"."quantity") < ? order by "m"."lot_id" limit ?;

-- figures-repo.recordSippnExport
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- spm-repo.insertSpmNeed
insert into "spm_needs" ("id", "office_id", "year", "indicator", "nik", "name", "assessed_on", "note", "recorded_by", "recorded_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "year", "indicator", "nik") do nothing;

-- spm-repo.spmNeedCounts
select "indicator", count(*) as "n" from "spm_needs" where "office_id" = ? and "year" = ? group by "indicator";

-- spm-repo.spmServedCount
select count(distinct coalesce(applicant_nik, 'case:' || id)) as "n" from "applications" where "office_id" = ? and "status" = ? and "closed_at" >= ? and "closed_at" < ? and (("service_id" = ? and "end_id" in (?)) or ("service_id" = ? and "end_id" in (?, ?)));

-- oversight-repo.clearCounts
delete from "oversight_counts" where "office_id" = ?;
delete from "oversight_year_counts" where "office_id" = ?;
delete from "oversight_stage_counts" where "office_id" = ?;

-- oversight-repo.countsState
select "value" from "oversight_counts_state" where "key" = ?;

-- oversight-repo.setCountsState
insert into "oversight_counts_state" ("key", "value") values (?, ?) on conflict ("key") do update set "value" = ?;

-- oversight-repo.casesAtRiskOrLate
select "id", "registration_number", "service_id", "current_step", "status", "sla_state", "due_at", "submitted_at" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and sla_state in ('late', 'at-risk') order by "due_at", "registration_number" limit ?;

-- oversight-repo.recordOversightExport
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- oversight-repo.openCasesByAge
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = ? and "utc_day" >= ? and "utc_day" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = ? and "utc_day" >= ? and "utc_day" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = ? and "utc_day" >= ? and "utc_day" < ? group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = ? and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= ? and "submitted_at" < ? group by "service_id", "status", "sla_state";

-- applications-repo.staffNames
select "id", "display_name" from "staff_users" where "office_id" = ?;

-- applications-repo.slaCandidates
select "applications"."id", "applications"."registration_number", "applications"."service_id", "applications"."clock_started_at", "applications"."due_at", "applications"."sla_state", "tasks"."role" from "applications" inner join "tasks" on "tasks"."application_id" = "applications"."id" and "tasks"."status" = ? where "applications"."office_id" = ? and "applications"."status" = ? and "applications"."sla_state" in (?, ?) and "applications"."due_at" is not null;

-- applications-repo.heldForSignature
select "id", "registration_number", "service_id", "clock_started_at", "due_at", "sla_state" from "applications" where "office_id" = ? and "status" = ? and "sla_state" in (?, ?) and "due_at" is not null;

-- applications-repo.setSlaState
update "applications" set "sla_state" = ? where "id" = ? and "sla_state" = ?;

-- applications-repo.notifyOnce
insert into "notifications" ("id", "office_id", "application_id", "role", "kind", "message", "created_at", "read_at") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("application_id", "role", "kind") do nothing;

-- applications-repo.unreadNotifications
select * from "notifications" where "office_id" = ? and "role" in (?) and "read_at" is null order by "created_at" desc limit ?;

-- applications-repo.attachmentsOf
select "attachments"."requirement_id", "attachments"."shown_to", "uploads"."id" as "upload_id", "uploads"."mime", "uploads"."size", "uploads"."original_name", "uploads"."sha256" from "attachments" left join "uploads" on "uploads"."id" = "attachments"."upload_id" where "attachments"."application_id" = ?;

-- applications-repo.insertAttachments
insert into "attachments" ("id", "application_id", "requirement_id", "upload_id", "shown_to", "created_at") values (?, ?, ?, ?, ?, ?);

-- applications-repo.insertUpload
insert into "uploads" ("id", "sha256", "size", "mime", "original_name", "uploaded_at") values (?, ?, ?, ?, ?, ?);

-- applications-repo.lockUploadQuota
insert into "upload_quota_lock" ("id") values (?) on conflict ("id") do update set "id" = ?;

-- applications-repo.unattachedBytes
select coalesce(sum("uploads"."size"), 0) as "bytes" from "uploads" where "uploads"."uploaded_at" >= ? and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and "uploads"."uploader" = ?;

-- applications-repo.unattachedBytes (every anonymous sender)
select coalesce(sum("uploads"."size"), 0) as "bytes" from "uploads" where "uploads"."uploaded_at" >= ? and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and "uploads"."uploader" is not null;

-- applications-repo.staleUnattachedUploads
select "uploads"."id", "uploads"."sha256", "uploads"."size" from "uploads" where "uploads"."uploaded_at" < ? and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and not exists (select "programme_deliveries"."id" from "programme_deliveries" where "programme_deliveries"."photo_upload_id" = "uploads"."id") order by "uploads"."uploaded_at" limit ?;

-- applications-repo.deleteUploads
delete from "uploads" where "id" in (?, ?);

-- applications-repo.contentsInUse
select "sha256" from "uploads" where "sha256" in (?) union select "sha256" from "shelter_media" where "sha256" in (?);

-- applications-repo.knownUploads
select "id" from "uploads" where "id" in (?, ?);

-- applications-repo.uploadOfOfficeCase
select "uploads"."sha256", "uploads"."mime", "applications"."id" as "application_id", "applications"."applicant_nik", "attachments"."requirement_id", "applications"."service_version_id" from "uploads" inner join "attachments" on "attachments"."upload_id" = "uploads"."id" inner join "applications" on "applications"."id" = "attachments"."application_id" where "uploads"."id" = ? and "applications"."office_id" = ?;

-- applications-repo.queueCounts
select "applications"."service_id", "tasks"."step_id", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < ? then 'late' else applications.sla_state end as "live_state", case when tasks.claimed_by is null then 'unclaimed' when tasks.claimed_by = ? then 'mine' else 'other' end as "holder_class", count(*) as "n" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?, ?) group by "applications"."service_id", "tasks"."step_id", live_state, holder_class;

-- applications-repo.searchCases
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = ? and "applications"."registration_number" = ? order by "applications"."submitted_at" desc, "applications"."id" desc limit ? offset ?;
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = ? and "applications"."applicant_nik" = ? and "applications"."status" in (?, ?) order by "applications"."submitted_at" desc, "applications"."id" desc limit ? offset ?;
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = ? and lower(applications.applicant_name) like ? escape '!' and "applications"."status" in (?) and "applications"."service_id" = ? and "applications"."submitted_at" >= ? and "applications"."submitted_at" < ? order by "applications"."submitted_at" desc, "applications"."id" desc limit ? offset ?;

-- applications-repo.countCases
select count(*) as "n" from "applications" where "applications"."office_id" = ? and lower(applications.applicant_name) like ? escape '!' and "applications"."status" in (?);

-- applications-repo.openCasesOfNik
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = ? and "applications"."applicant_nik" = ? and "applications"."status" in (?, ?, ?, ?) and "applications"."service_id" = ? order by "applications"."submitted_at" asc;

-- applications-repo.runningCases
select * from "applications" where "office_id" = ? and "status" = ? and "clock_started_at" is not null and "paused_since" is null;

-- applications-repo.setOpenTaskDue
update "tasks" set "due_at" = ?, "sla_state" = ? where "application_id" = ? and "status" = ?;

-- calendar-repo.closuresBySlug
select "offices"."slug", "office_closures"."date", "office_closures"."reason", "office_closures"."kind" from "office_closures" inner join "offices" on "offices"."id" = "office_closures"."office_id";

-- calendar-repo.closuresOf
select "id", "date", "reason", "kind", "group_id", "created_by", "created_at" from "office_closures" where "office_id" = ? order by "date";

-- calendar-repo.closedDates
select "date" from "office_closures" where "office_id" = ? and "date" in (?, ?) order by "date";

-- calendar-repo.insertClosures
insert into "office_closures" ("id", "office_id", "date", "reason", "kind", "group_id", "created_by", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.deleteClosureGroup
delete from "office_closures" where "office_id" = ? and "id" in (?);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.hoursBySlug
select "offices"."slug", "office_hours"."scope", "office_hours"."hours", "office_hours"."reason", "office_hours"."set_by", "office_hours"."set_at" from "office_hours" inner join "offices" on "offices"."id" = "office_hours"."office_id";

-- calendar-repo.hoursOf
select "scope", "hours", "reason", "set_by", "set_at" from "office_hours" where "office_id" = ? order by "scope";

-- calendar-repo.upsertHours
insert into "office_hours" ("id", "office_id", "scope", "hours", "reason", "set_by", "set_at") values (?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "scope") do update set "hours" = ?, "reason" = ?, "set_by" = ?, "set_at" = ?;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.deleteHours
delete from "office_hours" where "office_id" = ? and "scope" = ?;

-- calendar-repo.calendarAudit
select "actor", "action", "detail", "at" from "audit_events" where "office_id" = ? and "action" like ? order by "seq" desc limit ?;

-- settings-repo.storedSecrets
select "key", "value" from "settings" order by "key";

-- settings-repo.deleteStoredSecret
delete from "settings" where "key" = ?;

-- staff-repo.findUserByUsername
select * from "staff_users" where "username" = ?;

-- staff-repo.insertUser
insert into "staff_users" ("id", "office_id", "username", "display_name", "password_hash", "roles", "title", "nip", "rank", "active", "failed_attempts", "locked_until", "demo", "created_at", "email") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- staff-repo.reserveAttempt
update "staff_users" set "failed_attempts" = "failed_attempts" + ? where "id" = ? and "failed_attempts" < ?;

-- staff-repo.clearFailures
update "staff_users" set "failed_attempts" = ? where "id" = ?;
delete from "sign_in_failures" where "user_id" = ? and "address" = ?;

-- staff-repo.unlockUser
update "staff_users" set "failed_attempts" = ?, "locked_until" = ? where "id" = ?;
delete from "sign_in_failures" where "user_id" = ?;

-- staff-repo.lockedAddresses
select "sign_in_failures"."user_id", count(*) as "n" from "sign_in_failures" inner join "staff_users" on "staff_users"."id" = "sign_in_failures"."user_id" where "staff_users"."office_id" = ? and "sign_in_failures"."locked_until" > ? group by "sign_in_failures"."user_id";

-- staff-repo.officeUsers
select * from "staff_users" where "office_id" = ? order by "username";

-- staff-repo.findUserById
select * from "staff_users" where "id" = ?;

-- staff-repo.setUserActive
update "staff_users" set "active" = ? where "id" = ?;

-- staff-repo.setUserRoles
update "staff_users" set "roles" = ? where "id" = ?;

-- staff-repo.setUserEmail
update "staff_users" set "email" = ? where "id" = ?;

-- staff-repo.setPasswordHash
update "staff_users" set "password_hash" = ? where "id" = ?;

-- staff-repo.deleteSessionsOfUser
delete from "sessions" where "user_id" = ?;

-- staff-repo.deleteOtherSessionsOfUser
delete from "sessions" where "user_id" = ? and "token_hash" <> ?;

-- staff-repo.recordAccountAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- staff-repo.insertSession
insert into "sessions" ("token_hash", "user_id", "kind", "csrf_token", "created_at", "expires_at") values (?, ?, ?, ?, ?, ?);

-- staff-repo.findSession
select "staff_users".*, "sessions"."csrf_token", "sessions"."kind", "sessions"."expires_at" from "sessions" inner join "staff_users" on "staff_users"."id" = "sessions"."user_id" where "sessions"."token_hash" = ? and "sessions"."expires_at" > ? and "staff_users"."active" = ?;

-- staff-repo.deleteSession
delete from "sessions" where "token_hash" = ?;

-- staff-repo.deactivateDemoAccounts
select "id", "office_id" from "staff_users" where "demo" = ? and "active" = ?;
delete from "sessions" where "user_id" in (?, ?);
update "staff_users" set "active" = ? where "id" in (?, ?);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- staff-repo.reactivateDemoAccounts
select "id", "office_id" from "staff_users" where "demo" = ? and "active" = ?;
update "staff_users" set "active" = ?, "failed_attempts" = ?, "locked_until" = ? where "id" in (?);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- standards-repo.storeOfficeStandard
select * from "offices" where "slug" = ?;
insert into "offices" ("id", "slug", "current_version_id", "created_at") values (?, ?, ?, ?);
insert into "office_versions" ("id", "office_id", "version", "content_hash", "content", "decree_number", "decree_date", "loaded_at") values (?, ?, ?, ?, ?, ?, ?, ?);
update "offices" set "current_version_id" = ? where "id" = ?;
select * from "services" where "office_id" = ?;
insert into "services" ("id", "office_id", "slug", "no", "current_version_id", "active", "created_at") values (?, ?, ?, ?, ?, ?, ?);
insert into "service_versions" ("id", "service_id", "office_version_id", "version", "content_hash", "content", "loaded_at") values (?, ?, ?, ?, ?, ?, ?);
update "services" set "current_version_id" = ?, "no" = ?, "active" = ? where "id" = ?;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- standards-repo.readCurrentStandards
select "offices"."id", "office_versions"."id" as "versionId", "office_versions"."version", "office_versions"."content" from "offices" inner join "office_versions" on "office_versions"."id" = "offices"."current_version_id" order by "offices"."slug";
select "services"."id", "services"."office_id", "service_versions"."id" as "versionId", "service_versions"."version", "service_versions"."content" from "services" inner join "service_versions" on "service_versions"."id" = "services"."current_version_id" where "services"."active" = ? order by "services"."no";

-- standards-repo.readServiceVersion
select "content" from "service_versions" where "id" = ?;

-- standards-repo.countVersions
select count(*) as "n" from "office_versions";

-- versioned.updateIfVersion
update "letters" set "status" = ?, "version" = ? where "id" = ? and "version" = ?;

-- letters-repo.insertLetter
insert into "letters" ("id", "office_id", "application_id", "service_id", "kind", "letter_type", "template_id", "template_source", "step_id", "status", "token", "number", "number_seq", "counter", "numbered_at", "title", "subject", "holder_name", "holder_nik", "search_text", "fields", "paper", "signer_role", "validity", "issued_on", "valid_until", "signed_at", "signed_by", "signer", "sha256", "size", "signature_kind", "signature_provider", "signing_cert_serial", "revoked_at", "revoked_by", "revocation_reason", "replaced_by", "created_at", "updated_at", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- letters-repo.updateLetterIfVersion
update "letters" set "number" = ?, "number_seq" = ?, "counter" = ?, "numbered_at" = ?, "updated_at" = ?, "version" = ? where "id" = ? and "version" = ?;
update "letters" set "status" = ?, "issued_on" = ?, "valid_until" = ?, "signed_at" = ?, "signed_by" = ?, "sha256" = ?, "size" = ?, "updated_at" = ?, "signer" = ?, "version" = ? where "id" = ? and "version" = ?;

-- letters-repo.lettersOfApplication
select * from "letters" where "application_id" = ? order by "created_at" asc, "id" asc;

-- letters-repo.findLetter
select * from "letters" where "office_id" = ? and "id" = ?;

-- letters-repo.findLetterByNumber
select * from "letters" where "office_id" = ? and "number" = ?;

-- letters-repo.findLettersByIds
select * from "letters" where "office_id" = ? and "id" in (?, ?);

-- letters-repo.findLetterByToken
select * from "letters" where "token" = ?;

-- letters-repo.insertLetterEvent
insert into "letter_events" ("id", "letter_id", "office_id", "type", "actor_id", "actor_name", "data", "at") values (?, ?, ?, ?, ?, ?, ?, ?);

-- letters-repo.letterEvents
select "type", "actor_name", "at", "data" from "letter_events" where "letter_id" = ? order by "seq" asc;

-- letters-repo.insertAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- letters-repo.searchLetters
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? order by "letters"."created_at" desc, "letters"."id" desc limit ? offset ?;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? and lower("letters"."number") like ? and "letters"."search_text" like ? and "letters"."service_id" = ? and "letters"."status" = ? and ("letters"."issued_on" >= ? or ("letters"."issued_on" is null and "letters"."created_at" >= ?)) and ("letters"."issued_on" <= ? or ("letters"."issued_on" is null and "letters"."created_at" < ?)) order by "letters"."created_at" desc, "letters"."id" desc limit ? offset ?;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? and "letters"."status" = ? and "letters"."signer_role" in (?) order by "letters"."created_at" desc, "letters"."id" desc limit ? offset ?;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? and "letters"."id" in (?) order by "letters"."created_at" desc, "letters"."id" desc limit ? offset ?;

-- letters-repo.draftsAtOpenTasks
select "letters"."id", "tasks"."step_id", "applications"."service_version_id" from "letters" inner join "tasks" on "tasks"."application_id" = "letters"."application_id" and "tasks"."status" = ? inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? and "letters"."status" = ? and "tasks"."role" in (?) limit ?;

-- letters-repo.registerRows
select "letters"."id", "letters"."number", "letters"."numbered_at", "letters"."issued_on", "letters"."letter_type", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."service_id", "letters"."status", "letters"."signer", "letters"."sha256", "letters"."valid_until", "letters"."revocation_reason", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = ? and "letters"."number" is not null and "letters"."numbered_at" >= ? and "letters"."numbered_at" < ? order by "letters"."numbered_at" asc, "letters"."number_seq" asc;

-- letters-repo.insertDelegation
insert into "letter_delegations" ("id", "office_id", "role", "from_user", "to_user", "kind", "starts_on", "ends_on", "reason", "created_at", "revoked_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- letters-repo.activeDelegationsTo
select * from "letter_delegations" where "office_id" = ? and "to_user" = ? and "revoked_at" is null and "starts_on" <= ? and "ends_on" >= ? order by "created_at" desc;

-- letters-repo.findDelegation
select * from "letter_delegations" where "id" = ? and "office_id" = ?;

-- letters-repo.delegationsOf
select "letter_delegations".*, "f"."display_name" as "from_name", "t"."display_name" as "to_name", "t"."username" as "to_username" from "letter_delegations" inner join "staff_users" as "f" on "f"."id" = "letter_delegations"."from_user" inner join "staff_users" as "t" on "t"."id" = "letter_delegations"."to_user" where "letter_delegations"."office_id" = ? order by "letter_delegations"."created_at" desc limit ?;

-- letters-repo.revokeDelegation
update "letter_delegations" set "revoked_at" = ? where "office_id" = ? and "id" = ? and "revoked_at" is null;

-- letters-repo.staffById
select * from "staff_users" where "id" = ?;

-- letters-repo.staffByIdOrUsername
select * from "staff_users" where "id" = ?;
select * from "staff_users" where "username" = ?;

-- letters-repo.activeStaffOfOffice
select * from "staff_users" where "office_id" = ? and "active" = ? order by "username";

-- letters-repo.decisionEvents
select "step_id", "outcome", "note", "actor_name", "data", "at" from "application_events" where "application_id" = ? and "type" in (?, ?, ?, ?) order by "seq" desc limit ?;

-- notifications-repo.queueMessage
insert into "outbox" ("chain", "facts", "fallback_from", "segments", "urgent", "next_attempt_at", "office_id", "application_id", "event_id", "channel", "kind", "recipient", "subject", "body", "created_at", "id", "status", "attempts", "attempt_id", "lease_until", "last_error", "sent_at", "provider_id", "delivery", "delivery_at", "fallen_back_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("event_id", "channel") do nothing;

-- notifications-repo.claimDue
select * from "outbox" where "channel" = ? and (("status" = ? and "next_attempt_at" <= ?) or ("status" = ? and "lease_until" <= ?)) order by "next_attempt_at", "id" limit ?;
update "outbox" set "status" = ?, "attempt_id" = ?, "attempts" = ?, "lease_until" = ? where "id" = ?;

-- notifications-repo.markSent
update "outbox" set "status" = ?, "sent_at" = ?, "lease_until" = ?, "last_error" = ? where "id" = ? and "attempt_id" = ? and "status" = ?;

-- notifications-repo.markFailed
update "outbox" set "status" = ?, "next_attempt_at" = ?, "lease_until" = ?, "last_error" = ? where "id" = ? and "attempt_id" = ? and "status" = ?;

-- notifications-repo.messagesOf
select "outbox".* from "outbox" inner join "application_events" as "e" on "e"."id" = "outbox"."event_id" where "outbox"."application_id" = ? order by "e"."seq", "outbox"."created_at", case when outbox.fallback_from is null then 0 else 1 end, "outbox"."channel";

-- notifications-repo.officersToTell
select "id", "email", "roles" from "staff_users" where "office_id" = ? and "active" = ? and "email" is not null order by "username" limit ?;

-- notifications-repo.officerToTell
select "id", "email" from "staff_users" where "office_id" = ? and "id" = ? and "active" = ? and "email" is not null;

-- notifications-repo.complaintMessagesOf
select "outbox".* from "outbox" inner join "complaint_events" as "e" on "e"."id" = "outbox"."event_id" where "outbox"."complaint_id" = ? order by "e"."seq", "outbox"."created_at", case when outbox.fallback_from is null then 0 else 1 end, "outbox"."channel";

-- notifications-repo.waitingByChannel
select "channel", count(*) as "n" from "outbox" where "status" in (?, ?) group by "channel";

-- changes-repo.noteChange
insert into "change_feed" ("key", "generation", "changed_at") values (?, ?, ?) on conflict ("key") do update set "generation" = change_feed.generation + 1, "changed_at" = ?;

-- changes-repo.generations
select "key", "generation" from "change_feed";

-- rate-limits-repo.countHit
insert into "rate_limits" ("key", "started_ms", "hits") values (?, ?, ?) on conflict ("key") do update set "started_ms" = case when rate_limits.started_ms + ? <= ? then ? else rate_limits.started_ms end, "hits" = case when rate_limits.started_ms + ? <= ? then 1 else rate_limits.hits + 1 end returning "hits", "started_ms";

-- rate-limits-repo.readHits
select "hits", "started_ms" from "rate_limits" where "key" = ?;

-- rate-limits-repo.forgetOldWindows
delete from "rate_limits" where "started_ms" < ?;

-- notifications-repo.findMessage
select * from "outbox" where "id" = ?;

-- notifications-repo.findByProviderRef
select * from "outbox" where "channel" = ? and "provider_id" = ?;
select * from "outbox" where "channel" = ? and "attempt_id" = ?;

-- notifications-repo.recordDelivery
update "outbox" set "delivery" = ?, "delivery_at" = ?, "provider_id" = coalesce("provider_id", ?), "status" = ?, "sent_at" = coalesce("sent_at", ?), "lease_until" = ? where "id" = ?;

-- notifications-repo.markFallenBack
update "outbox" set "fallen_back_at" = ? where "id" = ? and "fallen_back_at" is null;

-- notifications-repo.unconfirmed
select * from "outbox" where "channel" in (?, ?) and "status" = ? and "fallen_back_at" is null and "chain" <> ? and ("delivery" is null or "delivery" = ?) and "sent_at" <= ? order by "sent_at" limit ?;

-- notifications-repo.findNotifySettings
select "settings", "secrets", "updated_at" from "notify_settings" where "office_id" = ?;

-- notifications-repo.allNotifySettings
select "office_id", "settings", "secrets" from "notify_settings" order by "office_id";

-- notifications-repo.saveNotifySettings
insert into "notify_settings" ("office_id", "settings", "secrets", "updated_at", "updated_by") values (?, ?, ?, ?, ?) on conflict ("office_id") do update set "settings" = ?, "secrets" = ?, "updated_at" = ?, "updated_by" = ?;

-- notifications-repo.recordInbound
insert into "notify_inbound" ("office_id", "phone", "last_at") values (?, ?, ?) on conflict ("office_id", "phone") do update set "last_at" = "excluded"."last_at" where "notify_inbound"."last_at" < "excluded"."last_at";

-- notifications-repo.lastInbound
select "last_at" from "notify_inbound" where "office_id" = ? and "phone" = ?;

-- notifications-repo.claimDue:offices
select * from "outbox" where "channel" = ? and (("status" = ? and "next_attempt_at" <= ?) or ("status" = ? and "lease_until" <= ?)) and "office_id" in (?) order by "next_attempt_at", "id" limit ?;
update "outbox" set "status" = ?, "attempt_id" = ?, "attempts" = ?, "lease_until" = ? where "id" = ?;

-- calls-repo.openCallTask
insert into "call_tasks" ("office_id", "application_id", "service_id", "promise_id", "role", "due_from", "id", "status", "attempts", "last_outcome", "last_at", "first_attempt_at", "done_at", "done_by") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("application_id", "promise_id") do nothing;

-- calls-repo.callTasksOf
select * from "call_tasks" where "application_id" = ? order by "due_from", "id";

-- calls-repo.findCallTask
select * from "call_tasks" where "office_id" = ? and "id" = ?;

-- calls-repo.recordCallAttempt
update "call_tasks" set "attempts" = ?, "last_outcome" = ?, "last_at" = ?, "first_attempt_at" = ?, "status" = ?, "done_at" = ?, "done_by" = ? where "id" = ? and "status" = ? and "attempts" = ?;

-- calls-repo.openCallsFor
select "c"."id", "c"."application_id", "c"."service_id", "c"."promise_id", "c"."role", "c"."due_from", "c"."attempts", "c"."last_outcome", "c"."last_at", "a"."registration_number" from "call_tasks" as "c" inner join "applications" as "a" on "a"."id" = "c"."application_id" where "c"."office_id" = ? and "c"."status" = ? and "c"."role" in (?, ?) order by "c"."due_from", "c"."id" limit ?;

-- calls-repo.callTimes
select "due_from", "first_attempt_at", "done_at" from "call_tasks" where "office_id" = ? and "due_from" >= ? and "due_from" < ? order by "due_from" limit ?;

-- notifications-repo.applicantOf
select "applicant" from "applications" where "id" = ?;

-- notifications-repo.writeNotifyChoice
update "applications" set "applicant" = ? where "id" = ?;

-- notifications-repo.cancelQueued
update "outbox" set "status" = ?, "last_error" = ? where "application_id" = ? and "staff_user_id" is null and "status" = ? and "channel" in (?, ?);

-- signing-repo.currentAuthority
select * from "signing_authorities" where "office_id" = ? and "retired_at" is null order by "generation" desc limit ?;

-- signing-repo.lastAuthorityGeneration
select max("generation") as "g" from "signing_authorities" where "office_id" = ?;

-- signing-repo.authorityById
select * from "signing_authorities" where "id" = ?;

-- signing-repo.insertAuthority
insert into "signing_authorities" ("id", "office_id", "generation", "serial", "common_name", "cert_pem", "key_sealed", "not_before", "not_after", "created_at", "retired_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- signing-repo.retireAuthorities
update "signing_authorities" set "retired_at" = ? where "office_id" = ? and "retired_at" is null;

-- signing-repo.latestCertificate
select * from "signing_certificates" where "office_id" = ? and "user_id" = ? order by "generation" desc limit ?;

-- signing-repo.certificateBySerial
select * from "signing_certificates" where "serial" = ?;

-- signing-repo.insertCertificate
insert into "signing_certificates" ("id", "office_id", "authority_id", "user_id", "generation", "serial", "common_name", "cert_pem", "key_sealed", "not_before", "not_after", "created_at", "superseded_at", "revoked_at", "revocation_reason", "revoked_by") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- signing-repo.supersedeCertificates
update "signing_certificates" set "superseded_at" = ? where "office_id" = ? and "superseded_at" is null and "user_id" = ?;
update "signing_certificates" set "superseded_at" = ? where "office_id" = ? and "superseded_at" is null;

-- signing-repo.revokeCertificate
update "signing_certificates" set "revoked_at" = ?, "revocation_reason" = ?, "revoked_by" = ? where "office_id" = ? and "serial" = ? and "revoked_at" is null;

-- signing-repo.certificatesOf
select "signing_certificates"."id", "signing_certificates"."office_id", "signing_certificates"."authority_id", "signing_certificates"."user_id", "signing_certificates"."generation", "signing_certificates"."serial", "signing_certificates"."common_name", "signing_certificates"."not_before", "signing_certificates"."not_after", "signing_certificates"."created_at", "signing_certificates"."superseded_at", "signing_certificates"."revoked_at", "signing_certificates"."revocation_reason", "signing_certificates"."revoked_by", "staff_users"."username" from "signing_certificates" inner join "staff_users" on "staff_users"."id" = "signing_certificates"."user_id" where "signing_certificates"."office_id" = ? order by "signing_certificates"."created_at" desc, "signing_certificates"."generation" desc limit ?;

-- registry-repo.insertSnapshot
insert into "registry_snapshots" ("id", "office_id", "period", "status", "current_for_period", "table_name", "source_name", "source_sha256", "source_size", "source_kind", "importer_id", "importer_name", "started_at", "completed_at", "replaced_at", "heartbeat_at", "host", "pid", "phase", "rows_read", "bytes_read", "rows_accepted", "rows_rejected", "rows_unchanged", "report_path", "summary") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- registry-repo.updateSnapshot
update "registry_snapshots" set "status" = ?, "phase" = ?, "rows_read" = ?, "rows_accepted" = ?, "rows_rejected" = ?, "report_path" = ?, "summary" = ? where "id" = ?;
update "registry_snapshots" set "summary" = ? where "id" = ?;

-- registry-repo.findSnapshot
select * from "registry_snapshots" where "office_id" = ? and "id" = ?;

-- registry-repo.snapshotById
select * from "registry_snapshots" where "id" = ?;

-- registry-repo.listSnapshots
select * from "registry_snapshots" where "office_id" = ? order by "started_at" desc limit ?;

-- registry-repo.currentSnapshot
select * from "registry_snapshots" where "office_id" = ? and "current_for_period" = ? order by "period" desc limit ?;

-- registry-repo.currentForPeriod
select * from "registry_snapshots" where "office_id" = ? and "period" = ? and "current_for_period" = ?;

-- registry-repo.snapshotAsOf
select * from "registry_snapshots" where "office_id" = ? and "status" = ? and "completed_at" <= ? and ("replaced_at" is null or "replaced_at" > ?) order by "period" desc limit ?;

-- registry-repo.completeSnapshots
select * from "registry_snapshots" where "office_id" = ? and "status" = ? order by "completed_at" asc;

-- registry-repo.loadingSnapshots
select * from "registry_snapshots" where "office_id" = ? and "status" = ?;

-- registry-repo.rowTablesInUse
select "table_name" from "registry_snapshots" where "status" in (?, ?);

-- registry-repo.publishSnapshot
select * from "registry_snapshots" where "office_id" = ? and "period" = ? and "current_for_period" = ?;
update "registry_snapshots" set "current_for_period" = ?, "replaced_at" = ? where "id" = ? and "current_for_period" = ?;
update "registry_snapshots" set "rows_read" = ?, "bytes_read" = ?, "rows_accepted" = ?, "rows_rejected" = ?, "rows_unchanged" = ?, "report_path" = ?, "summary" = ?, "status" = ?, "current_for_period" = ?, "completed_at" = ?, "heartbeat_at" = ?, "phase" = ? where "id" = ? and "status" = ?;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- registry-repo.findLock
select * from "registry_import_locks" where "office_id" = ?;

-- registry-repo.takeLock
insert into "registry_import_locks" ("office_id", "snapshot_id", "host", "pid", "heartbeat_at") values (?, ?, ?, ?, ?) on conflict ("office_id") do nothing;
update "registry_import_locks" set "office_id" = ?, "snapshot_id" = ?, "host" = ?, "pid" = ?, "heartbeat_at" = ? where "office_id" = ? and "snapshot_id" = ?;

-- registry-repo.heartbeat
update "registry_snapshots" set "heartbeat_at" = ?, "rows_read" = ?, "bytes_read" = ?, "phase" = ? where "id" = ?;
update "registry_import_locks" set "heartbeat_at" = ? where "office_id" = ? and "snapshot_id" = ?;

-- registry-repo.releaseLock
delete from "registry_import_locks" where "office_id" = ? and "snapshot_id" = ?;

-- registry-repo.createRowTable
create table "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("row_no" integer not null, "nik" text not null, "kk" text not null, "desil" integer, "pkh" integer, "bpnt" integer, "pbi" integer, "row_hash" bigint not null, "cells" text not null);

-- registry-repo.dropRowTable
drop table if exists "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b";

-- registry-repo.rowTableExists
select "name", "sql", "type" from "sqlite_master" where "type" in (?, ?) and "name" not like ? and "name" != ? and "name" != ? order by "name";
with "table_list" as (select "name", "sql", "type" from "sqlite_master" where "type" in (?, ?) and "name" not like ? and "name" != ? and "name" != ? order by "name") select "tl"."name" as "table", "p"."cid", "p"."name", "p"."type", "p"."notnull", "p"."dflt_value", "p"."pk" from "table_list" as "tl", pragma_table_info(tl.name) as "p" order by "tl"."name", "p"."cid";

-- registry-repo.listRowTables
select "name", "sql", "type" from "sqlite_master" where "type" in (?, ?) and "name" not like ? and "name" != ? and "name" != ? order by "name";
with "table_list" as (select "name", "sql", "type" from "sqlite_master" where "type" in (?, ?) and "name" not like ? and "name" != ? and "name" != ? order by "name") select "tl"."name" as "table", "p"."cid", "p"."name", "p"."type", "p"."notnull", "p"."dflt_value", "p"."pk" from "table_list" as "tl", pragma_table_info(tl.name) as "p" order by "tl"."name", "p"."cid";

-- registry-repo.indexNik
create index "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_nik" on "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("nik", "row_hash");

-- registry-repo.indexKk
create index "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_kk" on "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("kk", "row_no");

-- registry-repo.duplicateNiks
select "nik", count(*) as "n" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" group by "nik" having count(*) > ? limit ?;
select "row_no" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? order by "row_no" limit ?;

-- registry-repo.dropDuplicateRows
select "row_no" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? and "row_no" <> ? order by "row_no";
delete from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? and "row_no" <> ?;

-- registry-repo.countRows

    SELECT (SELECT COUNT(*) FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b") AS rows,
           (SELECT COUNT(*) FROM (SELECT kk FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" GROUP BY kk) f) AS families;

-- registry-repo.compareRows

    SELECT COUNT(*) AS continuing, SUM(CASE WHEN o.row_hash = n.row_hash THEN 1 ELSE 0 END) AS unchanged
    FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" n JOIN "registry_rows_b2f0d4e91a3c4d5e9f8a7b6c5d4e3f2a" o ON o.nik = n.nik;

-- registry-repo.rowByNik
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ?;

-- registry-repo.rowsPage
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "row_no" > ? order by "row_no" limit ?;

-- registry-repo.currentSnapshotId
select "id" from "registry_snapshots" where "office_id" = ? and "current_for_period" = ? order by "period" desc limit ?;

-- registry-repo.personRow
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? limit ?;

-- registry-repo.personWithFamily
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "kk" = (select "kk" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? limit ?) order by "row_no" limit 50;
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = ? limit ?;

-- registry-repo.familyOfKk
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "kk" = ? order by "row_no" limit 50;

-- registry-repo.appendAccessEntry
insert into "registry_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "nik", "kk", "snapshot_id", "application_id", "reason", "found", "detail") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- registry-repo.accessLog
select * from "registry_access_log" where "office_id" = ? order by "seq" desc limit ?;
select * from "registry_access_log" where "office_id" = ? and "nik" = ? and "seq" < ? order by "seq" desc limit ?;

-- registry-repo.accessLogForNik
select * from "registry_access_log" where "office_id" = ? and "nik" = ? order by "seq";

-- registry-repo.insertProposal
insert into "registry_proposals" ("id", "office_id", "application_id", "service_id", "kind", "nik", "kk", "name", "stage", "siksng_reference", "ministry_reference", "confirmed_snapshot_id", "confirmed_at", "opened_at", "updated_at", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- registry-repo.insertProposalEvent
insert into "registry_proposal_events" ("id", "proposal_id", "office_id", "type", "stage", "actor_id", "actor_name", "note", "data", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- registry-repo.proposalByApplication
select * from "registry_proposals" where "application_id" = ?;

-- registry-repo.findProposal
select * from "registry_proposals" where "office_id" = ? and "id" = ?;

-- registry-repo.updateProposalIfVersion
update "registry_proposals" set "stage" = ?, "siksng_reference" = ?, "updated_at" = ?, "version" = ? where "id" = ? and "version" = ?;
update "registry_proposals" set "stage" = ?, "confirmed_snapshot_id" = ?, "confirmed_at" = ?, "updated_at" = ?, "version" = ? where "id" = ? and "version" = ?;

-- registry-repo.listProposals
select * from "registry_proposals" where "office_id" = ? order by "opened_at" desc limit ?;
select * from "registry_proposals" where "office_id" = ? and "stage" = ? order by "opened_at" desc limit ?;

-- registry-repo.openProposals
select * from "registry_proposals" where "office_id" = ? and "stage" not in (?, ?, ?);

-- registry-repo.proposalEvents
select * from "registry_proposal_events" where "proposal_id" = ? order by "seq";

-- registry-repo.proposalsForNik
select * from "registry_proposals" where "office_id" = ? and "nik" = ?;

-- registry-repo.applicationsForNik
select * from "applications" where "office_id" = ? and "applicant_nik" = ? order by "submitted_at";

-- registry-repo.eventsForApplications
select * from "application_events" where "application_id" in (?, ?) order by "seq";

-- registry-repo.caseOfOffice
select "id", "registration_number", "applicant_name", "eligibility" from "applications" where "office_id" = ? and "id" = ?;

-- registry-repo.registryEventsOfCase
select * from "application_events" where "application_id" = ? order by "seq";

-- complaints-repo.insertComplaint
insert into "complaints" ("idempotency_key", "idempotency_body", "external_ref", "complainant_name", "complainant_phone", "complainant_email", "service_id", "application_id", "routed_to", "coordination", "referral", "merged_into", "escalated_at", "answer", "answered_at", "answered_by", "resolved", "feedback", "feedback_at", "public_summary", "published_at", "closed_at", "created_by", "id", "office_id", "receipt_number", "tracking_code_hash", "channel", "type", "mode", "text", "stage", "status", "received_at", "clock_started_at", "due_at", "sla_state", "version", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- complaints-repo.insertComplaintEvents
insert into "complaint_events" ("id", "complaint_id", "office_id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
insert into "complaint_events" ("id", "complaint_id", "office_id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- complaints-repo.findComplaint
select * from "complaints" where "office_id" = ? and "id" = ?;

-- complaints-repo.findComplaintsByReceipt
select * from "complaints" where "receipt_number" = ?;

-- complaints-repo.findComplaintByReceiptInOffice
select * from "complaints" where "office_id" = ? and "receipt_number" = ?;

-- complaints-repo.findComplaintByIdempotencyKey
select * from "complaints" where "office_id" = ? and "idempotency_key" = ?;

-- complaints-repo.receiptNumberOf
select "receipt_number" from "complaints" where "id" = ?;

-- complaints-repo.complaintEvents
select "id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at" from "complaint_events" where "complaint_id" = ? order by "seq";
select "id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at" from "complaint_events" where "complaint_id" = ? and "visibility" = ? order by "seq";

-- complaints-repo.listComplaints
select * from "complaints" where "office_id" = ? order by case status when 'open' then 0 when 'answered' then 1 else 2 end, "due_at" asc, "received_at" asc limit ? offset ?;
select * from "complaints" where "office_id" = ? and "mode" <> ? and "status" = ? and "stage" = ? and case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < ? then 'late'
    when status = 'open' and sla_state = 'on-time' and cast(? as double precision) >= cast(((julianday("clock_started_at") - 2440587.5) * 86400000.0) + (((julianday("due_at") - 2440587.5) * 86400000.0) - ((julianday("clock_started_at") - 2440587.5) * 86400000.0)) * ? as double precision) then 'at-risk'
    else sla_state end = ? order by case status when 'open' then 0 when 'answered' then 1 else 2 end, "due_at" asc, "received_at" asc limit ? offset ?;

-- complaints-repo.countComplaints
select "c"."status", "c"."sla_now", count(*) as "n" from (select "status", case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < ? then 'late'
    when status = 'open' and sla_state = 'on-time' and cast(? as double precision) >= cast(((julianday("clock_started_at") - 2440587.5) * 86400000.0) + (((julianday("due_at") - 2440587.5) * 86400000.0) - ((julianday("clock_started_at") - 2440587.5) * 86400000.0)) * ? as double precision) then 'at-risk'
    else sla_state end as "sla_now" from "complaints" where "office_id" = ?) as "c" group by "c"."status", "c"."sla_now";
select "c"."status", "c"."sla_now", count(*) as "n" from (select "status", case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < ? then 'late'
    when status = 'open' and sla_state = 'on-time' and cast(? as double precision) >= cast(((julianday("clock_started_at") - 2440587.5) * 86400000.0) + (((julianday("due_at") - 2440587.5) * 86400000.0) - ((julianday("clock_started_at") - 2440587.5) * 86400000.0)) * ? as double precision) then 'at-risk'
    else sla_state end as "sla_now" from "complaints" where "office_id" = ? and "mode" <> ?) as "c" group by "c"."status", "c"."sla_now";

-- complaints-repo.sweepCandidates
select * from "complaints" where "office_id" = ? and "status" = ? and "sla_state" in (?, ?);

-- complaints-repo.answeredWithoutReply
select * from "complaints" where "office_id" = ? and "status" = ? and "feedback_at" is null order by "answered_at";

-- complaints-repo.insertComplaintNotification
insert into "complaint_notifications" ("id", "read_at", "office_id", "complaint_id", "role", "kind", "message", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?) on conflict ("complaint_id", "role", "kind") do nothing;

-- complaints-repo.complaintNotificationsFor
select "complaint_notifications"."id", "complaint_notifications"."complaint_id", "complaint_notifications"."kind", "complaint_notifications"."message", "complaint_notifications"."created_at", "complaints"."receipt_number" from "complaint_notifications" inner join "complaints" on "complaints"."id" = "complaint_notifications"."complaint_id" where "complaint_notifications"."office_id" = ? and "complaint_notifications"."role" in (?, ?) and "complaint_notifications"."read_at" is null order by "complaint_notifications"."created_at" desc limit ?;
select "complaint_notifications"."id", "complaint_notifications"."complaint_id", "complaint_notifications"."kind", "complaint_notifications"."message", "complaint_notifications"."created_at", "complaints"."receipt_number" from "complaint_notifications" inner join "complaints" on "complaints"."id" = "complaint_notifications"."complaint_id" where "complaint_notifications"."office_id" = ? and "complaint_notifications"."role" in (?) and "complaint_notifications"."read_at" is null and "complaints"."mode" <> ? order by "complaint_notifications"."created_at" desc limit ?;

-- complaints-repo.publishedSummaries
select "type", "service_id", "stage", "received_at", "answered_at", "public_summary", "published_at", "resolved" from "complaints" where "office_id" = ? and "published_at" is not null and "mode" <> ? order by "published_at" desc limit ?;

-- complaints-repo.applicationIdByNumber
select "id" from "applications" where "office_id" = ? and "registration_number" = ?;

-- complaints-repo.registrationNumberOf
select "registration_number" from "applications" where "id" = ?;

-- complaints-repo.recordIdentityRead
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- surveys-repo.insertSurveyResponses
insert into "survey_responses" ("id", "office_id", "service_id", "application_id", "source", "responded_on", "batch_id", "entered_by", "created_at", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "age_group", "sex", "education", "occupation", "suggestion") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- surveys-repo.responseForApplication
select "id", "responded_on" from "survey_responses" where "application_id" = ?;

-- surveys-repo.applicationsWithResponses
select "application_id" from "survey_responses" where "application_id" in (?, ?);

-- surveys-repo.aggregateResponses
select count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ?;
select count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? and "service_id" = ?;

-- surveys-repo.aggregateByService
select "service_id", count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? group by "service_id";

-- surveys-repo.aggregateByMonth
select substr("responded_on", ?, ?) as "month", count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? and "service_id" = ? group by "month";

-- surveys-repo.profileCounts
select "age_group" as "v", count(*) as "n" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? group by "age_group";
select "sex" as "v", count(*) as "n" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? group by "sex";
select "education" as "v", count(*) as "n" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? group by "education";
select "occupation" as "v", count(*) as "n" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? group by "occupation";

-- surveys-repo.suggestions
select "responded_on", "service_id", "suggestion" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? and "suggestion" is not null order by "responded_on", "created_at" limit ?;

-- surveys-repo.countSuggestions
select count(*) as "n" from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? and "suggestion" is not null;

-- surveys-repo.responsesForExport
select * from "survey_responses" where "office_id" = ? and "responded_on" >= ? and "responded_on" <= ? and "service_id" = ? order by "responded_on", "created_at", "id" limit ? offset ?;

-- surveys-repo.registrationNumbers
select "id", "registration_number" from "applications" where "id" in (?, ?);

-- surveys-repo.applicationsByNumber
select "id", "registration_number", "service_id" from "applications" where "office_id" = ? and "registration_number" in (?, ?);

-- surveys-repo.latestResponseDay
select max("responded_on") as "d" from "survey_responses" where "office_id" = ?;

-- surveys-repo.population
select count(*) as "n" from "applications" where "office_id" = ? and "status" = ? and "closed_at" >= ? and "closed_at" < ?;
select count(*) as "n" from "applications" where "office_id" = ? and "status" = ? and "closed_at" >= ? and "closed_at" < ? and "service_id" = ?;

-- surveys-repo.populationByService
select "service_id", count(*) as "n" from "applications" where "office_id" = ? and "status" = ? and "closed_at" >= ? and "closed_at" < ? group by "service_id";

-- surveys-repo.insertKioskNonce
insert into "survey_kiosk_nonces" ("nonce_hash", "office_id", "issued_at", "used_at") values (?, ?, ?, ?);

-- surveys-repo.findKioskNonce
select * from "survey_kiosk_nonces" where "nonce_hash" = ?;

-- surveys-repo.useKioskNonce
update "survey_kiosk_nonces" set "used_at" = ? where "nonce_hash" = ? and "office_id" = ? and "used_at" is null;

-- surveys-repo.deleteKioskNoncesBefore
delete from "survey_kiosk_nonces" where "issued_at" < ?;

-- surveys-repo.getFollowup
select * from "survey_followups" where "office_id" = ? and "scope" = ? and "period_from" = ? and "period_to" = ?;

-- surveys-repo.upsertFollowup
insert into "survey_followups" ("office_id", "scope", "period_from", "period_to", "text", "updated_by", "updated_at") values (?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "scope", "period_from", "period_to") do update set "text" = ?, "updated_by" = ?, "updated_at" = ?;

-- surveys-repo.recordSurveyAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.insertChained
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.insertAuditEvent
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values (?, ?, ?, ?) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.chainHeads
select * from "audit_chain_heads" order by "chain", "office_key";

-- audit-chain-repo.chainedOfficeKeys
select distinct "office_id" from "audit_events";

-- audit-chain-repo.chainPage
select * from "registry_access_log" where "seq" > ? and "office_id" = ? order by "seq" limit ?;
select * from "audit_events" where "seq" > ? and "office_id" is null order by "seq" limit ?;

-- audit-chain-repo.officeSlugs
select "id", "slug" from "offices";

-- backup-repo.appliedMigrations
select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name;

-- backup-repo.tableNames
select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name;

-- backup-repo.rowCounts
select count(*) as n from "applications";
select count(*) as n from "uploads";
select count(*) as n from "registry_rows_5b0c3f4e_2026_03";

-- backup-repo.referencedFiles
select distinct "sha256" from "uploads" order by "sha256";
select distinct "sha256" from "letters" where "sha256" is not null order by "sha256";

-- backup-repo.withExportedSnapshot
begin transaction isolation level repeatable read read only;
select pg_export_snapshot() as snapshot;
rollback;

-- privacy-repo.insertSubjectRequest
insert into "subject_requests" ("id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_json", "export_sha256", "created_by", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- privacy-repo.listSubjectRequests
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "office_id" = ? order by case when "status" = ? then 0 else 1 end, "due_at" limit ?;

-- privacy-repo.findSubjectRequest
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "office_id" = ? and "id" = ?;

-- privacy-repo.findSubjectRequestByNumber
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "number" = ?;

-- privacy-repo.subjectExportText
select "export_json" from "subject_requests" where "id" = ? and "status" = ?;

-- privacy-repo.closeSubjectRequest
update "subject_requests" set "status" = ?, "closed_at" = ?, "closed_by" = ?, "export_json" = ?, "export_sha256" = ?, "version" = ? where "id" = ? and "version" = ? and "status" = ?;

-- privacy-repo.proofsOfNik
select "id", "registration_number", "tracking_code_hash" from "applications" where "office_id" = ? and "applicant_nik" = ? limit ?;
select "complaints"."id", "complaints"."receipt_number", "complaints"."tracking_code_hash" from "complaints" inner join "applications" on "applications"."id" = "complaints"."application_id" where "complaints"."office_id" = ? and "applications"."applicant_nik" = ? limit ?;

-- privacy-repo.casesOfNik
select "applications"."id", "applications"."registration_number", "services"."slug" as "service", "applications"."channel", "applications"."status", "applications"."submitted_at", "applications"."closed_at", "applications"."applicant", "applications"."answers" from "applications" inner join "services" on "services"."id" = "applications"."service_id" where "applications"."office_id" = ? and "applications"."applicant_nik" = ? order by "applications"."submitted_at" limit ?;

-- privacy-repo.caseEventsOf
select "application_id", "at", "type", "step_id", "outcome", "actor_name", "note" from "application_events" where "application_id" in (?) order by "seq" limit ?;

-- privacy-repo.caseUploadsOf
select "attachments"."application_id", "attachments"."requirement_id", "attachments"."shown_to", "attachments"."created_at", "uploads"."original_name", "uploads"."mime", "uploads"."size", "uploads"."sha256" from "attachments" left join "uploads" on "uploads"."id" = "attachments"."upload_id" where "attachments"."application_id" in (?) order by "attachments"."created_at" limit ?;

-- privacy-repo.lettersOfSubject
select "id", "number", "title", "status", "issued_on", "valid_until", "token", "signed_at" from "letters" where "office_id" = ? and ("holder_nik" = ? or "application_id" in (?)) order by "created_at" limit ?;

-- privacy-repo.letterEventsOf
select "letter_id", "type", "actor_name", "at" from "letter_events" where "letter_id" in (?) order by "seq" limit ?;

-- privacy-repo.complaintsOfCases
select "id", "receipt_number", "type", "status", "received_at", "text", "answer", "answered_at" from "complaints" where "office_id" = ? and "application_id" in (?) order by "received_at" limit ?;

-- privacy-repo.auditAbout
select "at", "actor", "action", "subject" from "audit_events" where "office_id" = ? and "subject" in (?, ?) order by "seq" limit ?;

-- data-access-repo.appendDataAccess
insert into "data_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "record_kind", "record_id", "subject_nik", "purpose", "detail") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- data-access-repo.appendDataAccesses
insert into "data_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "record_kind", "record_id", "subject_nik", "purpose", "detail") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- data-access-repo.accessesOfRecord
select * from "data_access_log" where "office_id" = ? and "record_kind" = ? and "record_id" = ? order by "seq" desc limit ?;

-- data-access-repo.accessesOfRecords
select * from "data_access_log" where "office_id" = ? and (("record_kind" = ? and "record_id" in (?)) or ("record_kind" = ? and "record_id" in (?, ?)) or ("record_kind" = ? and "record_id" in (?))) order by "seq" desc limit ?;

-- data-access-repo.countAccessesOfRecords
select count(*) as "n" from "data_access_log" where "office_id" = ? and ("record_kind" = ? and "record_id" in (?));
select count(*) as "n" from "data_access_log" where "office_id" = ? and false;

-- data-access-repo.accessesOfSubject
select * from "data_access_log" where "office_id" = ? and "subject_nik" = ? order by "seq" limit ?;

-- audit-repo.trailEvents
select * from "audit_events" where "office_id" = ? order by "at" desc, "seq" desc limit ?;
select * from "audit_events" where "office_id" = ? and "at" >= ? and "at" < ? and lower(actor) like ? escape '!' and "subject" like ? and "action" = ? and ("subject" like ? or "subject" like ?) order by "at" desc, "seq" desc limit ?;

-- audit-repo.trailRegistry
select * from "registry_access_log" where "office_id" = ? and "at" >= ? and lower(actor_name) like ? escape '!' and "action" = ? and ("application_id" in (?) or "snapshot_id" in (?)) and ("nik" = ? or "kk" = ?) order by "at" desc, "seq" desc limit ?;

-- audit-repo.trailReads
select * from "data_access_log" where "office_id" = ? and "at" < ? and lower(actor_name) like ? escape '!' and "record_kind" = ? and "action" = ? and "record_id" in (?) and "subject_nik" = ? order by "at" desc, "seq" desc limit ?;

-- audit-repo.countTrail
select count(*) as "n" from "audit_events" where "office_id" = ? and "at" >= ?;
select count(*) as "n" from "registry_access_log" where "office_id" = ? and "at" >= ?;
select count(*) as "n" from "data_access_log" where "office_id" = ? and "at" >= ?;
select count(*) as "n" from "registry_access_log" where "office_id" = ? and ("nik" = ? or "kk" = ?);
select count(*) as "n" from "data_access_log" where "office_id" = ? and "subject_nik" = ?;

-- audit-repo.recordIdsOf
select "id" from "applications" where "office_id" = ? and "registration_number" = ?;
select "id" from "complaints" where "office_id" = ? and "receipt_number" = ?;

-- programmes-repo.insertRound
insert into "programme_rounds" ("id", "office_id", "programme_slug", "programme", "period", "stage", "reference_date", "snapshot_id", "status", "created_at", "created_by", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programmes-repo.findRound
select * from "programme_rounds" where "office_id" = ? and "id" = ?;

-- programmes-repo.findRoundByStage
select * from "programme_rounds" where "office_id" = ? and "programme_slug" = ? and "period" = ? and "stage" = ?;

-- programmes-repo.roundsOf
select "id", "period", "stage", "status", "reference_date", "created_at" from "programme_rounds" where "office_id" = ? and "programme_slug" = ? order by "created_at" desc limit ?;

-- programmes-repo.updateRoundIfVersion
update "programme_rounds" set "status" = ?, "version" = ? where "id" = ? and "version" = ?;

-- programmes-repo.insertCandidates
insert into "programme_candidates" ("id", "round_id", "office_id", "nik", "kk", "name", "birth_date", "sex", "village", "district", "address", "category", "source", "source_note", "screening", "checks", "verification", "reason", "verified_at", "verified_by", "verified_by_name", "verified_role", "created_at", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programmes-repo.candidateNiks
select "nik" from "programme_candidates" where "round_id" = ?;

-- programmes-repo.candidatesPage
select * from "programme_candidates" where "round_id" = ? order by "name", "id" limit ? offset ?;
select * from "programme_candidates" where "round_id" = ? and "verification" = ? and "name" like ? order by "name", "id" limit ? offset ?;

-- programmes-repo.candidatesOfRound
select * from "programme_candidates" where "round_id" = ? order by "name", "id" limit ?;

-- programmes-repo.candidateCounts
select "verification", count(*) as "n" from "programme_candidates" where "round_id" = ? group by "verification";

-- programmes-repo.findCandidate
select * from "programme_candidates" where "office_id" = ? and "round_id" = ? and "id" = ?;

-- programmes-repo.updateCandidateIfVersion
update "programme_candidates" set "verification" = ?, "verified_at" = ?, "version" = ? where "id" = ? and "version" = ?;

-- programmes-repo.refusedInPeriod
select "c"."nik", "c"."name", "c"."reason", "r"."stage", "d"."number" from "programme_candidates" as "c" inner join "programme_rounds" as "r" on "r"."id" = "c"."round_id" inner join "programme_documents" as "d" on "d"."round_id" = "c"."round_id" and "d"."kind" = ? where "r"."office_id" = ? and "r"."programme_slug" = ? and "r"."period" = ? and "c"."verification" = ? and "c"."nik" in (?) order by "c"."name";

-- programmes-repo.applicantsOfService
select "id", "registration_number", "applicant_nik", "applicant_name", "answers" from "applications" where "office_id" = ? and "service_id" = ? and "status" in (?, ?) and "applicant_nik" is not null order by "submitted_at" limit ?;

-- programmes-repo.insertVerification
insert into "programme_verifications" ("id", "candidate_id", "round_id", "office_id", "result", "reason", "actor_id", "actor_name", "role", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programmes-repo.verificationsOf
select "result", "reason", "actor_name", "role", "at" from "programme_verifications" where "candidate_id" = ? order by "seq" desc limit ?;

-- programmes-repo.insertDocument
insert into "programme_documents" ("id", "round_id", "office_id", "kind", "number", "number_seq", "counter", "token", "issued_on", "signed_at", "signed_by", "signer", "sha256", "size", "public_sha256", "public_size", "people", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programmes-repo.documentsOfRound
select * from "programme_documents" where "round_id" = ? order by "created_at";

-- programmes-repo.documentByToken
select * from "programme_documents" where "token" = ?;

-- programme-groups-repo.insertGroup
insert into "programme_groups" ("id", "office_id", "programme_slug", "programme", "name", "individual", "village", "district", "business", "proposal_date", "account_bank", "account_number", "account_holder", "rab", "rab_total", "status", "decree_number", "decree_date", "decree_issuer", "disbursed_on", "disbursed_amount", "report_due", "reported_on", "report_note", "created_at", "created_by", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
insert into "programme_group_members" ("id", "group_id", "office_id", "programme_slug", "position", "nik", "kk", "name", "birth_date", "role") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programme-groups-repo.findGroup
select * from "programme_groups" where "office_id" = ? and "id" = ?;

-- programme-groups-repo.membersOf
select * from "programme_group_members" where "group_id" = ? order by "position";

-- programme-groups-repo.groupsOf
select * from "programme_groups" where "office_id" = ? and "programme_slug" = ? order by "created_at" desc limit ?;

-- programme-groups-repo.membersElsewhere
select "m"."nik", "g"."name" as "groupName" from "programme_group_members" as "m" inner join "programme_groups" as "g" on "g"."id" = "m"."group_id" where "m"."office_id" = ? and "m"."programme_slug" = ? and "m"."nik" in (?);

-- programme-groups-repo.updateGroupIfVersion
update "programme_groups" set "status" = ?, "version" = ? where "id" = ? and "version" = ?;

-- programme-groups-repo.quotaOf
select * from "programme_quotas" where "office_id" = ? and "programme_slug" = ? and "period" = ?;

-- programme-groups-repo.upsertQuota
insert into "programme_quotas" ("office_id", "programme_slug", "period", "quota", "note", "set_at", "set_by") values (?, ?, ?, ?, ?, ?, ?) on conflict ("office_id", "programme_slug", "period") do update set "quota" = ?, "note" = ?, "set_at" = ?, "set_by" = ?;

-- programme-groups-repo.lastQueuePosition
select max("position") as "last" from "programme_queue" where "office_id" = ? and "programme_slug" = ? and "period" = ?;

-- programme-groups-repo.queuedPerson
select * from "programme_queue" where "office_id" = ? and "programme_slug" = ? and "period" = ? and "nik" = ?;

-- programme-groups-repo.insertQueued
insert into "programme_queue" ("id", "office_id", "programme_slug", "period", "position", "nik", "name", "category", "registration_number", "created_at", "created_by") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programme-groups-repo.queueOf
select * from "programme_queue" where "office_id" = ? and "programme_slug" = ? and "period" = ? order by "position" limit ?;

-- programme-groups-repo.applicationByNumber
select "id", "applicant_nik" from "applications" where "office_id" = ? and "service_id" = ? and "registration_number" = ?;

-- programme-groups-repo.queuedByRegistration
select * from "programme_queue" where "office_id" = ? and "registration_number" = ? order by "created_at" limit ?;

-- programme-groups-repo.decreedPeriods
select distinct "r"."period" from "programme_rounds" as "r" inner join "programme_documents" as "d" on "d"."round_id" = "r"."id" and "d"."kind" = ? where "r"."office_id" = ? and "r"."programme_slug" = ? order by "r"."period" desc limit ?;

-- programme-groups-repo.decreesOfPeriod
select "r"."stage", "d"."number", "d"."issued_on", "d"."people" from "programme_rounds" as "r" inner join "programme_documents" as "d" on "d"."round_id" = "r"."id" and "d"."kind" = ? where "r"."office_id" = ? and "r"."programme_slug" = ? and "r"."period" = ? order by "r"."stage";

-- programme-groups-repo.decreedInPeriod
select "c"."id", "c"."category" from "programme_candidates" as "c" inner join "programme_rounds" as "r" on "r"."id" = "c"."round_id" inner join "programme_documents" as "d" on "d"."round_id" = "c"."round_id" and "d"."kind" = ? where "r"."office_id" = ? and "r"."programme_slug" = ? and "r"."period" = ? and "c"."nik" = ? and "c"."kk" = ? and "c"."verification" = ? and "d"."people" like '%"candidateId":"' || "c"."id" || '"%' limit ?;

-- programme-deliveries-repo.includedRecipient
select "id", "name", "nik", "payment", "flag", "candidate_id" from "programme_cycle_recipients" where "cycle_id" = ? and "id" = ? and "status" = ?;

-- programme-deliveries-repo.moveDelivery
update "programme_cycle_recipients" set "payment" = ? where "id" = ? and "payment" = ?;

-- programme-deliveries-repo.insertDelivery
insert into "programme_deliveries" ("id", "cycle_id", "recipient_id", "result", "receiver_name", "relation", "delivered_at", "lat", "lng", "photo_upload_id", "checks", "reason", "recorded_by", "recorded_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- programme-deliveries-repo.latestDeliveries
select * from "programme_deliveries" where "recipient_id" in (?) order by "recorded_at";

-- programme-deliveries-repo.nextDueMonth
select "due_month" from "programme_cycles" where "office_id" = ? and "programme_slug" = ? and "period" = ? and "category" = ? and "status" in (?, ?) and "due_month" >= ? order by "due_month" limit ?;

-- programme-deliveries-repo.moveCycleStatus
update "programme_cycles" set "status" = ?, "version" = "version" + ? where "id" = ? and "status" = ?;

-- programme-groups-repo.insertSelfCheck
insert into "programme_self_checks" ("office_id", "programme_slug", "nik", "found", "at") values (?, ?, ?, ?, ?);

-- logistics-repo.insertWarehouse
insert into "logistics_warehouses" ("id", "office_id", "name", "kind", "area", "custodian", "release_gate", "created_by", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.warehousesOf
select * from "logistics_warehouses" where "office_id" = ? order by "name" limit ?;

-- logistics-repo.findWarehouse
select * from "logistics_warehouses" where "office_id" = ? and "id" = ?;

-- logistics-repo.findWarehouseByName
select * from "logistics_warehouses" where "office_id" = ? and "name" = ?;

-- logistics-repo.insertItem
insert into "logistics_items" ("id", "office_id", "code", "name", "unit", "created_by", "created_at") values (?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.itemsOf
select * from "logistics_items" where "office_id" = ? order by "code" limit ?;

-- logistics-repo.findItem
select * from "logistics_items" where "office_id" = ? and "id" = ?;

-- logistics-repo.findItemByCode
select * from "logistics_items" where "office_id" = ? and "code" = ?;

-- logistics-repo.findLot
select * from "logistics_lots" where "warehouse_id" = ? and "item_id" = ? and "lot_code" = ?;

-- logistics-repo.insertLot
insert into "logistics_lots" ("id", "office_id", "warehouse_id", "item_id", "lot_code", "expires_on", "funding", "received_at", "on_hand") values (?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.lotsWithStock
select * from "logistics_lots" where "warehouse_id" = ? and "item_id" = ? and "on_hand" > ? order by "expires_on", "received_at" limit ?;

-- logistics-repo.takeFromLot
update "logistics_lots" set "on_hand" = "on_hand" - ? where "id" = ? and "on_hand" >= ?;

-- logistics-repo.addToLot
update "logistics_lots" set "on_hand" = "on_hand" + ? where "id" = ?;

-- logistics-repo.insertMovements
insert into "logistics_movements" ("id", "movement_id", "office_id", "warehouse_id", "item_id", "lot_id", "kind", "quantity", "reason", "incident_id", "document", "actor_id", "actor_name", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.stockOfWarehouse
select "l"."item_id", "i"."code", "i"."name", "i"."unit", "l"."id" as "lot_id", "l"."lot_code", "l"."expires_on", "l"."funding", "l"."received_at", "l"."on_hand" from "logistics_lots" as "l" inner join "logistics_items" as "i" on "i"."id" = "l"."item_id" where "l"."warehouse_id" = ? and "l"."on_hand" > ? order by "i"."code", "l"."expires_on", "l"."received_at" limit ?;

-- logistics-repo.ledgerSums
select "lot_id", "item_id", sum(quantity) as "on_hand" from "logistics_movements" where "warehouse_id" = ? group by "item_id", "lot_id" limit ?;

-- logistics-repo.minimumsOf
select "item_id", "minimum" from "logistics_minimums" where "warehouse_id" = ? limit ?;

-- logistics-repo.upsertMinimum
insert into "logistics_minimums" ("warehouse_id", "item_id", "office_id", "minimum", "updated_by", "updated_at") values (?, ?, ?, ?, ?, ?) on conflict ("warehouse_id", "item_id") do update set "minimum" = ?, "updated_by" = ?, "updated_at" = ?;

-- logistics-repo.recentMovements
select "m"."seq", "m"."movement_id", "m"."kind", "m"."quantity", "m"."reason", "m"."incident_id", "m"."actor_name", "m"."at", "i"."code", "i"."name", "i"."unit", "l"."lot_code" from "logistics_movements" as "m" inner join "logistics_items" as "i" on "i"."id" = "m"."item_id" inner join "logistics_lots" as "l" on "l"."id" = "m"."lot_id" where "m"."warehouse_id" = ? order by "m"."seq" desc limit ?;

-- logistics-repo.insertIncident
insert into "logistics_incidents" ("id", "office_id", "title", "source", "reported_at", "location_text", "lat", "lng", "emergency_report_id", "description", "assessment", "needs", "plan", "state", "created_by", "created_at", "version", "emergency_status", "application_id", "closed_at", "closed_by", "closure_reason", "closure") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.findIncident
select * from "logistics_incidents" where "office_id" = ? and "id" = ?;

-- logistics-repo.incidentsOf
select * from "logistics_incidents" where "office_id" = ? order by "state" desc, "reported_at" desc limit ?;

-- logistics-repo.updateIncidentIfVersion
update "logistics_incidents" set "plan" = ?, "version" = ? where "id" = ? and "version" = ?;

-- logistics-repo.incidentLedger
select "item_id", "kind", sum(quantity) as "quantity" from "logistics_movements" where "incident_id" = ? group by "item_id", "kind" limit ?;

-- logistics-repo.insertFieldLoss
insert into "logistics_field_losses" ("incident_id", "office_id", "item_id", "quantity", "reason", "actor_name", "at", "id") values (?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.fieldLosses
select "item_id", sum(quantity) as "quantity" from "logistics_field_losses" where "incident_id" = ? group by "item_id" limit ?;

-- logistics-repo.insertHandover
insert into "logistics_handovers" ("id", "incident_id", "office_id", "mode", "place", "items", "handed_by", "received_by", "number", "number_seq", "counter", "token", "issued_on", "sha256", "public_sha256", "actor_id", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.handoversOf
select * from "logistics_handovers" where "incident_id" = ? order by "at" limit ?;

-- logistics-repo.handoverByToken
select * from "logistics_handovers" where "token" = ?;

-- logistics-repo.victimFor
insert into "logistics_victims" ("incident_id", "office_id", "dedupe_key", "nik", "name", "village", "family_size", "vulnerable", "created_at", "id") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("incident_id", "dedupe_key") do nothing;
select "id" from "logistics_victims" where "incident_id" = ? and "dedupe_key" = ?;

-- logistics-repo.linkVictim
insert into "logistics_handover_victims" ("handover_id", "victim_id") values (?, ?) on conflict ("handover_id", "victim_id") do nothing;

-- logistics-repo.victimsOf
select "v"."id", "v"."nik", "v"."name", "v"."village", "v"."family_size", "v"."vulnerable", count(hv.handover_id) as "handovers" from "logistics_victims" as "v" left join "logistics_handover_victims" as "hv" on "hv"."victim_id" = "v"."id" where "v"."incident_id" = ? group by "v"."id", "v"."nik", "v"."name", "v"."village", "v"."family_size", "v"."vulnerable" order by "v"."name" limit ?;

-- logistics-repo.insertShipment
insert into "logistics_shipments" ("id", "office_id", "incident_id", "warehouse_id", "item_id", "movement_id", "quantity", "destination", "state", "dispatched_at", "updated_at", "version") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.findShipment
select * from "logistics_shipments" where "office_id" = ? and "id" = ?;

-- logistics-repo.moveShipmentIfVersion
update "logistics_shipments" set "state" = ?, "updated_at" = ?, "version" = ? where "id" = ? and "version" = ?;

-- logistics-repo.insertShipmentEvent
insert into "logistics_shipment_events" ("id", "shipment_id", "office_id", "state", "at", "recorded_at", "lat", "lng", "note", "actor_id", "actor_name") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.shipmentsOf
select "s".*, "i"."code", "i"."name", "i"."unit", "w"."name" as "warehouse_name" from "logistics_shipments" as "s" inner join "logistics_items" as "i" on "i"."id" = "s"."item_id" inner join "logistics_warehouses" as "w" on "w"."id" = "s"."warehouse_id" where "s"."incident_id" = ? order by "s"."dispatched_at", "s"."id" limit ?;

-- logistics-repo.shipmentEventsOf
select "e".* from "logistics_shipment_events" as "e" inner join "logistics_shipments" as "s" on "s"."id" = "e"."shipment_id" where "s"."incident_id" = ? order by "e"."at", "e"."recorded_at" limit ?;

-- logistics-repo.movementRows
select "lot_id", "quantity", "item_id", "warehouse_id" from "logistics_movements" where "movement_id" = ? order by "seq" limit ?;

-- logistics-repo.insertDocument
insert into "logistics_documents" ("id", "office_id", "warehouse_id", "movement_id", "kind", "number", "number_seq", "counter", "token", "issued_on", "sha256", "at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- logistics-repo.documentByToken
select * from "logistics_documents" where "token" = ?;

-- logistics-repo.findDocument
select * from "logistics_documents" where "office_id" = ? and "id" = ?;

-- logistics-repo.documentsOfWarehouse
select * from "logistics_documents" where "warehouse_id" = ? order by "at" desc, "number_seq" desc limit ?;

-- logistics-repo.incidentOfCase
select * from "logistics_incidents" where "office_id" = ? and "application_id" = ?;

-- logistics-repo.setWarehouseReleaseGate
update "logistics_warehouses" set "release_gate" = ? where "id" = ?;
