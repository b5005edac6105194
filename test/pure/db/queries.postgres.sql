-- emergency-repo.insertReport
insert into "emergency_reports" ("id", "office_id", "application_id", "registration_number", "service_slug", "channel", "reported_at", "received_at", "received_by", "location_text", "lat", "lng", "description", "category", "subject_name", "reporter_name", "reporter_phone", "first_response_due_at", "first_response_at", "state", "escalation", "merged_into", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23);

-- emergency-repo.insertEmergencyEvent
insert into "emergency_events" ("report_id", "office_id", "type", "actor_id", "actor_name", "data", "at", "id") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- emergency-repo.reportEvents
select * from "emergency_events" where "report_id" = $1 order by "at", "id" limit $2;

-- emergency-repo.findReportByNumber
select * from "emergency_reports" where "office_id" = $1 and "registration_number" = $2;

-- emergency-repo.findReportByApplication
select * from "emergency_reports" where "application_id" = $1;

-- emergency-repo.findReportById
select * from "emergency_reports" where "id" = $1;

-- emergency-repo.openReports
select * from "emergency_reports" where "office_id" = $1 and "state" = $2 order by case when ("escalation" != $3 and "acknowledged_level" != "escalation") then 0 else 1 end, "escalated_at", case when "first_response_due_at" is null then 1 else 0 end, "first_response_due_at", "reported_at" limit $4;

-- emergency-repo.respondedSince
select * from "emergency_reports" where "office_id" = $1 and "state" = $2 and "first_response_at" >= $3 order by "first_response_at" desc limit $4;

-- emergency-repo.setFirstResponse
update "emergency_reports" set "first_response_at" = $1, "state" = $2, "version" = $3, "first_response_key" = $4 where "id" = $5 and "version" = $6 and "first_response_at" is null;

-- emergency-repo.setEscalation
update "emergency_reports" set "escalation" = $1, "escalated_at" = $2, "notified_at" = $3, "reminders" = $4 where "id" = $5 and "escalation" = $6 and "state" = $7;

-- emergency-repo.setReminded
update "emergency_reports" set "notified_at" = $1, "reminders" = $2 where "id" = $3 and "escalation" = $4 and "acknowledged_level" != $5 and "reminders" = $6 and "state" = $7;

-- emergency-repo.setAcknowledged
update "emergency_reports" set "acknowledged_level" = $1, "acknowledged_at" = $2, "acknowledged_by" = $3 where "id" = $4 and "escalation" = $5 and "acknowledged_level" != $6 and "state" = $7;

-- emergency-repo.escalationCandidates
select * from "emergency_reports" where "office_id" = $1 and "state" = $2 and "first_response_due_at" is not null and ("escalation" != $3 or ("acknowledged_level" != $4 and "reminders" < $5 and "notified_at" <= $6)) order by "first_response_due_at" limit $7;

-- emergency-repo.reportsNear
select * from "emergency_reports" where "office_id" = $1 and "service_slug" = $2 and "state" != $3 and "reported_at" >= $4 and "reported_at" <= $5 order by "reported_at" limit $6;

-- emergency-repo.reportsOfEndedCases
select "emergency_reports"."id", "emergency_reports"."application_id", "emergency_reports"."state", "applications"."status", "applications"."closed_at" from "emergency_reports" inner join "applications" on "applications"."id" = "emergency_reports"."application_id" where "emergency_reports"."office_id" = $1 and "emergency_reports"."state" = $2 and "applications"."closed_at" is not null limit $3;

-- emergency-repo.setClosed
update "emergency_reports" set "state" = $1, "version" = "version" + $2 where "id" = $3 and "state" = $4;

-- emergency-repo.setMerged
update "emergency_reports" set "state" = $1, "merged_into" = $2, "version" = $3 where "id" = $4 and "version" = $5 and "state" = $6;

-- emergency-repo.insertAssignment
insert into "emergency_assignments" ("report_id", "office_id", "user_id", "task", "assigned_by", "at", "id") values ($1, $2, $3, $4, $5, $6, $7);

-- emergency-repo.assignmentsOf
select "emergency_assignments"."report_id", "emergency_assignments"."user_id", "emergency_assignments"."task", "emergency_assignments"."at", "staff_users"."display_name" from "emergency_assignments" inner join "staff_users" on "staff_users"."id" = "emergency_assignments"."user_id" where "emergency_assignments"."report_id" in ($1) order by "emergency_assignments"."at";

-- emergency-repo.insertShift
insert into "duty_shifts" ("office_id", "user_id", "starts_at", "ends_at", "created_by", "created_at", "id") values ($1, $2, $3, $4, $5, $6, $7);

-- emergency-repo.shiftsFrom
select "duty_shifts"."id", "duty_shifts"."user_id", "duty_shifts"."starts_at", "duty_shifts"."ends_at", "staff_users"."display_name" from "duty_shifts" inner join "staff_users" on "staff_users"."id" = "duty_shifts"."user_id" where "duty_shifts"."office_id" = $1 and "duty_shifts"."ends_at" > $2 order by "duty_shifts"."starts_at" limit $3;

-- emergency-repo.upsertMember
insert into "duty_members" ("user_id", "office_id", "official_id", "licence", "licence_valid_until", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("user_id") do update set "official_id" = $8, "licence" = $9, "licence_valid_until" = $10, "updated_by" = $11, "updated_at" = $12;

-- emergency-repo.membersOf
select * from "duty_members" where "office_id" = $1 limit $2;

-- emergency-repo.memberOf
select * from "duty_members" where "user_id" = $1;

-- emergency-repo.settingsRow
select * from "emergency_settings" where "office_id" = $1;

-- emergency-repo.membersOnDuty
select "duty_shifts"."user_id", "staff_users"."display_name", min("duty_shifts"."starts_at") as "on_shift_since", "duty_members"."official_id", "duty_members"."licence", "duty_members"."licence_valid_until", (select count(*) as "n" from "emergency_assignments" inner join "emergency_reports" on "emergency_reports"."id" = "emergency_assignments"."report_id" where "emergency_assignments"."user_id" = "duty_shifts"."user_id" and "emergency_reports"."state" = $1) as "open_assignments" from "duty_shifts" inner join "staff_users" on "staff_users"."id" = "duty_shifts"."user_id" left join "duty_members" on "duty_members"."user_id" = "duty_shifts"."user_id" where "duty_shifts"."office_id" = $2 and "duty_shifts"."starts_at" <= $3 and "duty_shifts"."ends_at" > $4 and "staff_users"."active" = $5 group by "duty_shifts"."user_id", "staff_users"."display_name", "duty_members"."official_id", "duty_members"."licence", "duty_members"."licence_valid_until" limit $6;

-- emergency-repo.firstResponseTally
select count(*) as "reports", sum(case when ("first_response_at" is not null and "first_response_at" <= "first_response_due_at") then 1 else 0 end) as "met", sum(case when ("first_response_at" > "first_response_due_at" or ("first_response_at" is null and "state" = $1 and "first_response_due_at" < $2)) then 1 else 0 end) as "late" from "emergency_reports" where "office_id" = $3 and "reported_at" >= $4 and "reported_at" < $5 and "first_response_due_at" is not null and "state" != $6;

-- emergency-repo.upsertSettings
insert into "emergency_settings" ("office_id", "at_risk_share", "review_hours", "merge_window_minutes", "merge_radius_metres", "auto_assign", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("office_id") do update set "at_risk_share" = $9, "review_hours" = $10, "merge_window_minutes" = $11, "merge_radius_metres" = $12, "auto_assign" = $13, "updated_by" = $14, "updated_at" = $15;

-- shelters-repo.insertShelter
insert into "shelters" ("id", "office_id", "name", "address", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6);
insert into "shelter_beds" ("id", "shelter_id", "office_id", "room", "label", "sex", "category", "position") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- shelters-repo.sheltersOf
select * from "shelters" where "office_id" = $1 order by "name" limit $2;

-- shelters-repo.findShelter
select * from "shelters" where "office_id" = $1 and "id" = $2;

-- shelters-repo.bedsWithOccupants
select "b"."id", "b"."room", "b"."label", "b"."sex", "b"."category", "b"."position", "s"."id" as "stay_id", "s"."checked_in_at", "s"."client_sex", "s"."client_category" from "shelter_beds" as "b" left join "shelter_stays" as "s" on "s"."bed_id" = "b"."id" and "s"."state" = $1 where "b"."shelter_id" = $2 order by "b"."position" limit $3;

-- shelters-repo.insertStay
insert into "shelter_stays" ("id", "office_id", "shelter_id", "state", "source", "emergency_report_id", "requester", "client_name", "client_sex", "client_category", "client_nik", "client_birth_date", "intake_at", "decision", "referred_to", "bed_id", "checked_in_at", "override_reason", "belongings", "terminated_at", "termination", "handover_number", "handover_token", "handover_sha256", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25);

-- shelters-repo.findStay
select * from "shelter_stays" where "office_id" = $1 and "id" = $2;

-- shelters-repo.updateStayIfVersion
update "shelter_stays" set "state" = $1, "terminated_at" = $2, "version" = $3 where "id" = $4 and "version" = $5;

-- shelters-repo.staysOfShelter
select * from "shelter_stays" where "shelter_id" = $1 and "state" = $2 order by "intake_at" limit $3;

-- shelters-repo.overflowOfShelter
select * from "shelter_stays" where "shelter_id" = $1 and "state" = $2 and "bed_id" is null order by "intake_at" limit $3;

-- shelters-repo.staysCheckedInBy
select * from "shelter_stays" where "office_id" = $1 and "state" = $2 and "checked_in_at" <= $3 order by "checked_in_at" limit $4;

-- shelters-repo.insertShelterEvent
insert into "shelter_events" ("stay_id", "office_id", "type", "actor_id", "actor_name", "data", "at", "id") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- shelters-repo.eventsOfStay
select * from "shelter_events" where "stay_id" = $1 order by "at", "id" limit $2;

-- shelters-repo.stayByHandoverToken
select * from "shelter_stays" where "handover_token" = $1;

-- shelters-repo.insertStayCase
insert into "shelter_stay_cases" ("stay_id", "application_id", "office_id", "kind", "registration_number", "service_slug", "at") values ($1, $2, $3, $4, $5, $6, $7);

-- shelters-repo.casesOfStay
select "l"."application_id", "l"."kind", "l"."registration_number", "l"."service_slug", "l"."at", "a"."status", "a"."due_at" from "shelter_stay_cases" as "l" inner join "applications" as "a" on "a"."id" = "l"."application_id" where "l"."stay_id" = $1 order by "l"."at", "l"."kind" limit $2;

-- shelters-repo.insertMedia
insert into "shelter_media" ("id", "office_id", "stay_id", "sha256", "mime", "size", "caption", "uploaded_by", "uploaded_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- shelters-repo.mediaOfStay
select "id", "mime", "size", "caption", "uploaded_at" from "shelter_media" where "stay_id" = $1 order by "uploaded_at", "id" limit $2;

-- shelters-repo.findMedia
select * from "shelter_media" where "office_id" = $1 and "stay_id" = $2 and "id" = $3;

-- shelters-repo.insertConsent
insert into "shelter_consents" ("id", "office_id", "stay_id", "guardian_name", "relation", "given_at", "recorded_by", "recorded_at") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- shelters-repo.consentsOfStay
select "guardian_name", "relation", "given_at", "recorded_at" from "shelter_consents" where "stay_id" = $1 order by "recorded_at" limit $2;

-- shelters-repo.stayOfCase
select "s".* from "shelter_stay_cases" as "l" inner join "shelter_stays" as "s" on "s"."id" = "l"."stay_id" where "l"."application_id" = $1 and "l"."kind" = $2;

-- shelters-repo.endStayInResidence
update "shelter_stays" set "state" = $1, "referred_to" = $2, "terminated_at" = $3, "termination" = $4, "version" = "version" + $5 where "id" = $6 and "state" = $7;

-- outcomes-repo.insertOutcome
insert into "chain_outcomes" ("id", "office_id", "report_id", "stay_id", "kind", "data", "application_id", "registration_number", "recorded_by", "recorded_by_name", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- applications-repo.nextCounter
insert into "counters" ("office_id", "name", "value") values ($1, $2, $3) on conflict ("office_id", "name") do update set "value" = counters.value + 1 returning "value";

-- applications-repo.insertApplication
insert into "applications" ("id", "office_id", "service_id", "service_version_id", "registration_number", "tracking_code_hash", "idempotency_key", "idempotency_body", "initiator", "channel", "applicant_nik", "applicant_name", "applicant", "answers", "eligibility", "status", "current_step", "end_id", "outcome_reason", "submitted_at", "clock_started_at", "paused_since", "pauses", "due_at", "expected_at", "stages", "sla_state", "closed_at", "created_by", "version", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31);

-- applications-repo.updateCaseIfVersion
update "applications" set "status" = $1, "updated_at" = $2, "pauses" = $3, "version" = $4 where "id" = $5 and "version" = $6;

-- applications-repo.findCase
select * from "applications" where "office_id" = $1 and "id" = $2;

-- applications-repo.findCaseAnyOffice
select * from "applications" where "id" = $1;

-- applications-repo.findApplicationAnyOffice
select * from "applications" where "id" = $1;

-- applications-repo.findApplication
select * from "applications" where "office_id" = $1 and "id" = $2;

-- applications-repo.findByIdempotencyKey
select * from "applications" where "office_id" = $1 and "idempotency_key" = $2;

-- applications-repo.findByRegistrationNumber
select * from "applications" where "registration_number" = $1;

-- applications-repo.insertEvent
insert into "application_events" ("id", "application_id", "office_id", "type", "step_id", "outcome", "actor_id", "actor_name", "note", "data", "sla_effect", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- applications-repo.eventsOf
select * from "application_events" where "application_id" = $1 order by "seq";

-- applications-repo.completedSteps
select "step_id" from "application_events" where "application_id" = $1 and "type" = $2;

-- applications-repo.insertTask
insert into "tasks" ("id", "status", "claimed_by", "completed_at", "completed_by", "office_id", "application_id", "service_id", "step_id", "role", "sla_state", "due_at", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13);

-- applications-repo.closeOpenTasks
update "tasks" set "status" = $1, "completed_at" = $2, "completed_by" = $3 where "application_id" = $4 and "status" in ($5, $6);

-- applications-repo.reopenWaitingTask
update "tasks" set "status" = $1, "due_at" = $2, "sla_state" = $3 where "application_id" = $4 and "status" = $5;

-- applications-repo.findTask
select * from "tasks" where "office_id" = $1 and "id" = $2;

-- applications-repo.openTaskFor
select * from "tasks" where "application_id" = $1 and "status" in ($2, $3);

-- applications-repo.setTaskClaim
update "tasks" set "claimed_by" = $1 where "id" = $2 and "status" = $3 and ("claimed_by" is null or "claimed_by" = $4);
update "tasks" set "claimed_by" = $1 where "id" = $2 and "status" = $3 and "claimed_by" = $4;

-- applications-repo.queue
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $2 and "tasks"."status" = $3 and "tasks"."role" in ($4, $5) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit $6 offset $7;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $2 and "tasks"."status" = $3 and "tasks"."role" in ($4) and "applications"."service_id" = $5 and "tasks"."step_id" = $6 and case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $7 then 'late' else applications.sla_state end = $8 and "tasks"."claimed_by" = $9 order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit $10 offset $11;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $2 and "tasks"."status" = $3 and "tasks"."role" in ($4) and "tasks"."claimed_by" is null order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit $5 offset $6;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $2 and "tasks"."status" = $3 and ("tasks"."role" in ($4) or ("tasks"."service_id" = $5 and "tasks"."step_id" = $6)) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit $7 offset $8;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "tasks"."created_at", "applications"."version", "applications"."status", "applications"."applicant_name", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $2 and "tasks"."status" = $3 and (("tasks"."service_id" = $4 and "tasks"."step_id" = $5) or ("tasks"."service_id" = $6 and "tasks"."step_id" = $7)) order by case when tasks.due_at is null then 1 else 0 end, "tasks"."due_at" asc, "tasks"."created_at" asc, "tasks"."id" asc limit $8 offset $9;

-- applications-repo.openCasesByStep
select "service_id", "step_id", "role", "claimed_by", "sla_state", count(*) as "n", min("due_at") as "oldest_due" from "tasks" where "office_id" = $1 and "status" in ($2, $3) group by "service_id", "step_id", "role", "claimed_by", "sla_state";

-- oversight-repo.addClosedCount
insert into "oversight_counts" ("office_id", "service_id", "month", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict ("office_id", "month", "service_id", "status", "on_time", "duration") do update set "n" = oversight_counts.n + excluded.n, "applicant_paused" = oversight_counts.applicant_paused + excluded.applicant_paused, "applicant_pauses" = oversight_counts.applicant_pauses + excluded.applicant_pauses, "external_paused" = oversight_counts.external_paused + excluded.external_paused, "external_pauses" = oversight_counts.external_pauses + excluded.external_pauses;
insert into "oversight_year_counts" ("office_id", "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses", "year") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict ("office_id", "year", "service_id", "status", "on_time", "duration") do update set "n" = oversight_year_counts.n + excluded.n, "applicant_paused" = oversight_year_counts.applicant_paused + excluded.applicant_paused, "applicant_pauses" = oversight_year_counts.applicant_pauses + excluded.applicant_pauses, "external_paused" = oversight_year_counts.external_paused + excluded.external_paused, "external_pauses" = oversight_year_counts.external_pauses + excluded.external_pauses;

-- oversight-repo.insertCounts
insert into "oversight_counts" ("office_id", "service_id", "month", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
insert into "oversight_year_counts" ("office_id", "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses", "year") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- oversight-repo.addStageCounts
insert into "oversight_stage_counts" ("office_id", "service_id", "month", "stage_id", "started", "finished", "on_time") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("office_id", "month", "service_id", "stage_id") do update set "started" = oversight_stage_counts.started + excluded.started, "finished" = oversight_stage_counts.finished + excluded.finished, "on_time" = oversight_stage_counts.on_time + excluded.on_time;

-- oversight-repo.closedCounts
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = $1 and "month" >= $2 and "month" < $3;
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_year_counts" where "office_id" = $1 and "year" in ($2);
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = $1 and "month" >= $2 and "month" < $3;
select "service_id", "status", "on_time", "duration", "n", "applicant_paused", "applicant_pauses", "external_paused", "external_pauses" from "oversight_counts" where "office_id" = $1 and "month" >= $2 and "month" < $3;

-- oversight-repo.closedStageCounts
select "service_id", "stage_id", sum("started") as "started", sum("finished") as "finished", sum("on_time") as "on_time" from "oversight_stage_counts" where "office_id" = $1 and "month" >= $2 and "month" < $3 group by "service_id", "stage_id";

-- oversight-repo.openCounts
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = $1 and "utc_day" >= $2 and "utc_day" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";

-- oversight-repo.openCountsLive
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";

-- oversight-repo.openStagedCases
select "service_id", "stages" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 and "service_id" in ($4) and "stages" <> $5 limit $6;

-- oversight-repo.approvalOf
select * from "oversight_approvals" where "office_id" = $1 and "period" = $2;

-- oversight-repo.setApproval
update "oversight_approvals" set "step" = $1, "locked" = $2, "updated_by" = $3, "updated_at" = $4 where "office_id" = $5 and "period" = $6 and "step" = $7;
insert into "oversight_approvals" ("office_id", "period", "step", "locked", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6) on conflict ("office_id", "period") do nothing;

-- oversight-repo.anyLocked
select "period" from "oversight_approvals" where "office_id" = $1 and "period" in ($2, $3) and "locked" = $4;

-- oversight-repo.submissionSpan
select min("submitted_at") as "first", max("submitted_at") as "last" from "applications" where "office_id" = $1;

-- oversight-repo.closedCasesSubmitted
select "service_id", "status", "submitted_at", "clock_started_at", "closed_at", "due_at", "sla_state", "pauses", "stages" from "applications" where "office_id" = $1 and "submitted_at" >= $2 and "submitted_at" < $3 and "status" in ($4, $5, $6);

-- figures-repo.insertSnapshot
insert into "oversight_snapshots" ("id", "office_id", "period", "approved_by", "approved_at", "figures", "reopened_by", "reopened_at", "reopen_reason") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- figures-repo.closeSnapshot
update "oversight_snapshots" set "reopened_by" = $1, "reopened_at" = $2, "reopen_reason" = $3 where "office_id" = $4 and "period" = $5 and "reopened_at" is null;

-- figures-repo.snapshotsOf
select * from "oversight_snapshots" where "office_id" = $1 and "period" = $2 order by "approved_at" desc, "id" limit $3;

-- figures-repo.claimRun
insert into "oversight_runs" ("office_id", "job", "period", "claimed_at", "notices") values ($1, $2, $3, $4, $5) on conflict ("office_id", "job", "period") do nothing;

-- figures-repo.finishRun
update "oversight_runs" set "notices" = $1 where "office_id" = $2 and "job" = $3 and "period" = $4;

-- figures-repo.recordNotice
insert into "oversight_notices" ("id", "office_id", "kind", "rule", "period", "subject", "detail", "roles", "found_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict ("office_id", "rule", "period", "subject") do nothing;

-- figures-repo.recentNotices
select * from "oversight_notices" where "office_id" = $1 order by "found_at" desc, "id" limit $2;

-- figures-repo.overfullShelters
select "s"."id", "s"."name", "r"."n" as "residents", coalesce(b.n, 0) as "beds" from "shelters" as "s" inner join (select "shelter_id", count(*) as "n" from "shelter_stays" where "office_id" = $1 and "state" = $2 group by "shelter_id") as "r" on "r"."shelter_id" = "s"."id" left join (select "shelter_id", count(*) as "n" from "shelter_beds" where "office_id" = $3 group by "shelter_id") as "b" on "b"."shelter_id" = "s"."id" where "s"."office_id" = $4 and r.n > coalesce(b.n, 0) order by "s"."name" limit $5;

-- figures-repo.negativeStock
select "m"."lot_id", "l"."lot_code", "i"."name" as "item", "i"."unit", "w"."name" as "warehouse", sum("m"."quantity") as "balance" from "logistics_movements" as "m" inner join "logistics_lots" as "l" on "l"."id" = "m"."lot_id" inner join "logistics_items" as "i" on "i"."id" = "m"."item_id" inner join "logistics_warehouses" as "w" on "w"."id" = "m"."warehouse_id" where "m"."office_id" = $1 group by "m"."lot_id", "l"."lot_code", "i"."name", "i"."unit", "w"."name" having sum("m"."quantity") < $2 order by "m"."lot_id" limit $3;

-- figures-repo.recordSippnExport
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- spm-repo.insertSpmNeed
insert into "spm_needs" ("id", "office_id", "year", "indicator", "nik", "name", "assessed_on", "note", "recorded_by", "recorded_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict ("office_id", "year", "indicator", "nik") do nothing;

-- spm-repo.spmNeedCounts
select "indicator", count(*) as "n" from "spm_needs" where "office_id" = $1 and "year" = $2 group by "indicator";

-- spm-repo.spmServedCount
select count(distinct coalesce(applicant_nik, 'case:' || id)) as "n" from "applications" where "office_id" = $1 and "status" = $2 and "closed_at" >= $3 and "closed_at" < $4 and (("service_id" = $5 and "end_id" in ($6)) or ("service_id" = $7 and "end_id" in ($8, $9)));

-- oversight-repo.clearCounts
delete from "oversight_counts" where "office_id" = $1;
delete from "oversight_year_counts" where "office_id" = $1;
delete from "oversight_stage_counts" where "office_id" = $1;

-- oversight-repo.countsState
select "value" from "oversight_counts_state" where "key" = $1;

-- oversight-repo.setCountsState
insert into "oversight_counts_state" ("key", "value") values ($1, $2) on conflict ("key") do update set "value" = $3;

-- oversight-repo.casesAtRiskOrLate
select "id", "registration_number", "service_id", "current_step", "status", "sla_state", "due_at", "submitted_at" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and sla_state in ('late', 'at-risk') order by "due_at", "registration_number" limit $2;

-- oversight-repo.recordOversightExport
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- oversight-repo.openCasesByAge
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = $1 and "utc_day" >= $2 and "utc_day" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = $1 and "utc_day" >= $2 and "utc_day" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", sum("n") as "n" from "oversight_open_counts" where "office_id" = $1 and "utc_day" >= $2 and "utc_day" < $3 group by "service_id", "status", "sla_state";
select "service_id", "status", "sla_state", count(*) as "n" from "applications" where "office_id" = $1 and status in ('open', 'waiting-applicant', 'waiting-external', 'waiting-signature') and "submitted_at" >= $2 and "submitted_at" < $3 group by "service_id", "status", "sla_state";

-- applications-repo.staffNames
select "id", "display_name" from "staff_users" where "office_id" = $1;

-- applications-repo.slaCandidates
select "applications"."id", "applications"."registration_number", "applications"."service_id", "applications"."clock_started_at", "applications"."due_at", "applications"."sla_state", "tasks"."role" from "applications" inner join "tasks" on "tasks"."application_id" = "applications"."id" and "tasks"."status" = $1 where "applications"."office_id" = $2 and "applications"."status" = $3 and "applications"."sla_state" in ($4, $5) and "applications"."due_at" is not null;

-- applications-repo.heldForSignature
select "id", "registration_number", "service_id", "clock_started_at", "due_at", "sla_state" from "applications" where "office_id" = $1 and "status" = $2 and "sla_state" in ($3, $4) and "due_at" is not null;

-- applications-repo.setSlaState
update "applications" set "sla_state" = $1 where "id" = $2 and "sla_state" = $3;

-- applications-repo.notifyOnce
insert into "notifications" ("id", "office_id", "application_id", "role", "kind", "message", "created_at", "read_at") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("application_id", "role", "kind") do nothing;

-- applications-repo.unreadNotifications
select * from "notifications" where "office_id" = $1 and "role" in ($2) and "read_at" is null order by "created_at" desc limit $3;

-- applications-repo.attachmentsOf
select "attachments"."requirement_id", "attachments"."shown_to", "uploads"."id" as "upload_id", "uploads"."mime", "uploads"."size", "uploads"."original_name", "uploads"."sha256" from "attachments" left join "uploads" on "uploads"."id" = "attachments"."upload_id" where "attachments"."application_id" = $1;

-- applications-repo.insertAttachments
insert into "attachments" ("id", "application_id", "requirement_id", "upload_id", "shown_to", "created_at") values ($1, $2, $3, $4, $5, $6);

-- applications-repo.insertUpload
insert into "uploads" ("id", "sha256", "size", "mime", "original_name", "uploaded_at") values ($1, $2, $3, $4, $5, $6);

-- applications-repo.lockUploadQuota
insert into "upload_quota_lock" ("id") values ($1) on conflict ("id") do update set "id" = $2;

-- applications-repo.unattachedBytes
select coalesce(sum("uploads"."size"), 0) as "bytes" from "uploads" where "uploads"."uploaded_at" >= $1 and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and "uploads"."uploader" = $2;

-- applications-repo.unattachedBytes (every anonymous sender)
select coalesce(sum("uploads"."size"), 0) as "bytes" from "uploads" where "uploads"."uploaded_at" >= $1 and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and "uploads"."uploader" is not null;

-- applications-repo.staleUnattachedUploads
select "uploads"."id", "uploads"."sha256", "uploads"."size" from "uploads" where "uploads"."uploaded_at" < $1 and not exists (select "attachments"."id" from "attachments" where "attachments"."upload_id" = "uploads"."id") and not exists (select "programme_deliveries"."id" from "programme_deliveries" where "programme_deliveries"."photo_upload_id" = "uploads"."id") order by "uploads"."uploaded_at" limit $2;

-- applications-repo.deleteUploads
delete from "uploads" where "id" in ($1, $2);

-- applications-repo.contentsInUse
select "sha256" from "uploads" where "sha256" in ($1) union select "sha256" from "shelter_media" where "sha256" in ($2);

-- applications-repo.knownUploads
select "id" from "uploads" where "id" in ($1, $2);

-- applications-repo.uploadOfOfficeCase
select "uploads"."sha256", "uploads"."mime", "applications"."id" as "application_id", "applications"."applicant_nik", "attachments"."requirement_id", "applications"."service_version_id" from "uploads" inner join "attachments" on "attachments"."upload_id" = "uploads"."id" inner join "applications" on "applications"."id" = "attachments"."application_id" where "uploads"."id" = $1 and "applications"."office_id" = $2;

-- applications-repo.queueCounts
select "applications"."service_id", "tasks"."step_id", case when applications.status = 'open' and applications.sla_state in ('on-time', 'at-risk') and tasks.due_at < $1 then 'late' else applications.sla_state end as "live_state", case when tasks.claimed_by is null then 'unclaimed' when tasks.claimed_by = $2 then 'mine' else 'other' end as "holder_class", count(*) as "n" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $3 and "tasks"."status" = $4 and "tasks"."role" in ($5, $6) group by "applications"."service_id", "tasks"."step_id", live_state, holder_class;

-- applications-repo.searchCases
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = $1 and "applications"."registration_number" = $2 order by "applications"."submitted_at" desc, "applications"."id" desc limit $3 offset $4;
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = $1 and "applications"."applicant_nik" = $2 and "applications"."status" in ($3, $4) order by "applications"."submitted_at" desc, "applications"."id" desc limit $5 offset $6;
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = $1 and lower(applications.applicant_name) like $2 escape '!' and "applications"."status" in ($3) and "applications"."service_id" = $4 and "applications"."submitted_at" >= $5 and "applications"."submitted_at" < $6 order by "applications"."submitted_at" desc, "applications"."id" desc limit $7 offset $8;

-- applications-repo.countCases
select count(*) as "n" from "applications" where "applications"."office_id" = $1 and lower(applications.applicant_name) like $2 escape '!' and "applications"."status" in ($3);

-- applications-repo.openCasesOfNik
select "applications"."id", "applications"."registration_number", "applications"."applicant_name", "applications"."applicant_nik", "applications"."service_id", "applications"."service_version_id", "applications"."status", "applications"."submitted_at", "applications"."closed_at" from "applications" where "applications"."office_id" = $1 and "applications"."applicant_nik" = $2 and "applications"."status" in ($3, $4, $5, $6) and "applications"."service_id" = $7 order by "applications"."submitted_at" asc;

-- applications-repo.runningCases
select * from "applications" where "office_id" = $1 and "status" = $2 and "clock_started_at" is not null and "paused_since" is null;

-- applications-repo.setOpenTaskDue
update "tasks" set "due_at" = $1, "sla_state" = $2 where "application_id" = $3 and "status" = $4;

-- calendar-repo.closuresBySlug
select "offices"."slug", "office_closures"."date", "office_closures"."reason", "office_closures"."kind" from "office_closures" inner join "offices" on "offices"."id" = "office_closures"."office_id";

-- calendar-repo.closuresOf
select "id", "date", "reason", "kind", "group_id", "created_by", "created_at" from "office_closures" where "office_id" = $1 order by "date";

-- calendar-repo.closedDates
select "date" from "office_closures" where "office_id" = $1 and "date" in ($2, $3) order by "date";

-- calendar-repo.insertClosures
insert into "office_closures" ("id", "office_id", "date", "reason", "kind", "group_id", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8), ($9, $10, $11, $12, $13, $14, $15, $16);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.deleteClosureGroup
delete from "office_closures" where "office_id" = $1 and "id" in ($2);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.hoursBySlug
select "offices"."slug", "office_hours"."scope", "office_hours"."hours", "office_hours"."reason", "office_hours"."set_by", "office_hours"."set_at" from "office_hours" inner join "offices" on "offices"."id" = "office_hours"."office_id";

-- calendar-repo.hoursOf
select "scope", "hours", "reason", "set_by", "set_at" from "office_hours" where "office_id" = $1 order by "scope";

-- calendar-repo.upsertHours
insert into "office_hours" ("id", "office_id", "scope", "hours", "reason", "set_by", "set_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("office_id", "scope") do update set "hours" = $8, "reason" = $9, "set_by" = $10, "set_at" = $11;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- calendar-repo.deleteHours
delete from "office_hours" where "office_id" = $1 and "scope" = $2;

-- calendar-repo.calendarAudit
select "actor", "action", "detail", "at" from "audit_events" where "office_id" = $1 and "action" like $2 order by "seq" desc limit $3;

-- settings-repo.storedSecrets
select "key", "value" from "settings" order by "key";

-- settings-repo.deleteStoredSecret
delete from "settings" where "key" = $1;

-- staff-repo.findUserByUsername
select * from "staff_users" where "username" = $1;

-- staff-repo.insertUser
insert into "staff_users" ("id", "office_id", "username", "display_name", "password_hash", "roles", "title", "nip", "rank", "active", "failed_attempts", "locked_until", "demo", "created_at", "email") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15);

-- staff-repo.reserveAttempt
update "staff_users" set "failed_attempts" = "failed_attempts" + $1 where "id" = $2 and "failed_attempts" < $3;

-- staff-repo.clearFailures
update "staff_users" set "failed_attempts" = $1 where "id" = $2;
delete from "sign_in_failures" where "user_id" = $1 and "address" = $2;

-- staff-repo.unlockUser
update "staff_users" set "failed_attempts" = $1, "locked_until" = $2 where "id" = $3;
delete from "sign_in_failures" where "user_id" = $1;

-- staff-repo.lockedAddresses
select "sign_in_failures"."user_id", count(*) as "n" from "sign_in_failures" inner join "staff_users" on "staff_users"."id" = "sign_in_failures"."user_id" where "staff_users"."office_id" = $1 and "sign_in_failures"."locked_until" > $2 group by "sign_in_failures"."user_id";

-- staff-repo.officeUsers
select * from "staff_users" where "office_id" = $1 order by "username";

-- staff-repo.findUserById
select * from "staff_users" where "id" = $1;

-- staff-repo.setUserActive
update "staff_users" set "active" = $1 where "id" = $2;

-- staff-repo.setUserRoles
update "staff_users" set "roles" = $1 where "id" = $2;

-- staff-repo.setUserEmail
update "staff_users" set "email" = $1 where "id" = $2;

-- staff-repo.setPasswordHash
update "staff_users" set "password_hash" = $1 where "id" = $2;

-- staff-repo.deleteSessionsOfUser
delete from "sessions" where "user_id" = $1;

-- staff-repo.deleteOtherSessionsOfUser
delete from "sessions" where "user_id" = $1 and "token_hash" <> $2;

-- staff-repo.recordAccountAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- staff-repo.insertSession
insert into "sessions" ("token_hash", "user_id", "kind", "csrf_token", "created_at", "expires_at") values ($1, $2, $3, $4, $5, $6);

-- staff-repo.findSession
select "staff_users".*, "sessions"."csrf_token", "sessions"."kind", "sessions"."expires_at" from "sessions" inner join "staff_users" on "staff_users"."id" = "sessions"."user_id" where "sessions"."token_hash" = $1 and "sessions"."expires_at" > $2 and "staff_users"."active" = $3;

-- staff-repo.deleteSession
delete from "sessions" where "token_hash" = $1;

-- staff-repo.deactivateDemoAccounts
select "id", "office_id" from "staff_users" where "demo" = $1 and "active" = $2;
delete from "sessions" where "user_id" in ($1, $2);
update "staff_users" set "active" = $1 where "id" in ($2, $3);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- staff-repo.reactivateDemoAccounts
select "id", "office_id" from "staff_users" where "demo" = $1 and "active" = $2;
update "staff_users" set "active" = $1, "failed_attempts" = $2, "locked_until" = $3 where "id" in ($4);
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- standards-repo.storeOfficeStandard
select * from "offices" where "slug" = $1;
insert into "offices" ("id", "slug", "current_version_id", "created_at") values ($1, $2, $3, $4);
insert into "office_versions" ("id", "office_id", "version", "content_hash", "content", "decree_number", "decree_date", "loaded_at") values ($1, $2, $3, $4, $5, $6, $7, $8);
update "offices" set "current_version_id" = $1 where "id" = $2;
select * from "services" where "office_id" = $1;
insert into "services" ("id", "office_id", "slug", "no", "current_version_id", "active", "created_at") values ($1, $2, $3, $4, $5, $6, $7);
insert into "service_versions" ("id", "service_id", "office_version_id", "version", "content_hash", "content", "loaded_at") values ($1, $2, $3, $4, $5, $6, $7);
update "services" set "current_version_id" = $1, "no" = $2, "active" = $3 where "id" = $4;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- standards-repo.readCurrentStandards
select "offices"."id", "office_versions"."id" as "versionId", "office_versions"."version", "office_versions"."content" from "offices" inner join "office_versions" on "office_versions"."id" = "offices"."current_version_id" order by "offices"."slug";
select "services"."id", "services"."office_id", "service_versions"."id" as "versionId", "service_versions"."version", "service_versions"."content" from "services" inner join "service_versions" on "service_versions"."id" = "services"."current_version_id" where "services"."active" = $1 order by "services"."no";

-- standards-repo.readServiceVersion
select "content" from "service_versions" where "id" = $1;

-- standards-repo.countVersions
select count(*) as "n" from "office_versions";

-- versioned.updateIfVersion
update "letters" set "status" = $1, "version" = $2 where "id" = $3 and "version" = $4;

-- letters-repo.insertLetter
insert into "letters" ("id", "office_id", "application_id", "service_id", "kind", "letter_type", "template_id", "template_source", "step_id", "status", "token", "number", "number_seq", "counter", "numbered_at", "title", "subject", "holder_name", "holder_nik", "search_text", "fields", "paper", "signer_role", "validity", "issued_on", "valid_until", "signed_at", "signed_by", "signer", "sha256", "size", "signature_kind", "signature_provider", "signing_cert_serial", "revoked_at", "revoked_by", "revocation_reason", "replaced_by", "created_at", "updated_at", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41);

-- letters-repo.updateLetterIfVersion
update "letters" set "number" = $1, "number_seq" = $2, "counter" = $3, "numbered_at" = $4, "updated_at" = $5, "version" = $6 where "id" = $7 and "version" = $8;
update "letters" set "status" = $1, "issued_on" = $2, "valid_until" = $3, "signed_at" = $4, "signed_by" = $5, "sha256" = $6, "size" = $7, "updated_at" = $8, "signer" = $9, "version" = $10 where "id" = $11 and "version" = $12;

-- letters-repo.lettersOfApplication
select * from "letters" where "application_id" = $1 order by "created_at" asc, "id" asc;

-- letters-repo.findLetter
select * from "letters" where "office_id" = $1 and "id" = $2;

-- letters-repo.findLetterByNumber
select * from "letters" where "office_id" = $1 and "number" = $2;

-- letters-repo.findLettersByIds
select * from "letters" where "office_id" = $1 and "id" in ($2, $3);

-- letters-repo.findLetterByToken
select * from "letters" where "token" = $1;

-- letters-repo.insertLetterEvent
insert into "letter_events" ("id", "letter_id", "office_id", "type", "actor_id", "actor_name", "data", "at") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- letters-repo.letterEvents
select "type", "actor_name", "at", "data" from "letter_events" where "letter_id" = $1 order by "seq" asc;

-- letters-repo.insertAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- letters-repo.searchLetters
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $1 order by "letters"."created_at" desc, "letters"."id" desc limit $2 offset $3;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $1 and lower("letters"."number") like $2 and "letters"."search_text" like $3 and "letters"."service_id" = $4 and "letters"."status" = $5 and ("letters"."issued_on" >= $6 or ("letters"."issued_on" is null and "letters"."created_at" >= $7)) and ("letters"."issued_on" <= $8 or ("letters"."issued_on" is null and "letters"."created_at" < $9)) order by "letters"."created_at" desc, "letters"."id" desc limit $10 offset $11;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $1 and "letters"."status" = $2 and "letters"."signer_role" in ($3) order by "letters"."created_at" desc, "letters"."id" desc limit $4 offset $5;
select "letters"."id", "letters"."application_id", "letters"."service_id", "letters"."kind", "letters"."letter_type", "letters"."status", "letters"."number", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."issued_on", "letters"."valid_until", "letters"."signer_role", "letters"."created_at", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $1 and "letters"."id" in ($2) order by "letters"."created_at" desc, "letters"."id" desc limit $3 offset $4;

-- letters-repo.draftsAtOpenTasks
select "letters"."id", "tasks"."step_id", "applications"."service_version_id" from "letters" inner join "tasks" on "tasks"."application_id" = "letters"."application_id" and "tasks"."status" = $1 inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $2 and "letters"."status" = $3 and "tasks"."role" in ($4) limit $5;

-- letters-repo.registerRows
select "letters"."id", "letters"."number", "letters"."numbered_at", "letters"."issued_on", "letters"."letter_type", "letters"."title", "letters"."subject", "letters"."holder_name", "letters"."service_id", "letters"."status", "letters"."signer", "letters"."sha256", "letters"."valid_until", "letters"."revocation_reason", "applications"."registration_number" from "letters" inner join "applications" on "applications"."id" = "letters"."application_id" where "letters"."office_id" = $1 and "letters"."number" is not null and "letters"."numbered_at" >= $2 and "letters"."numbered_at" < $3 order by "letters"."numbered_at" asc, "letters"."number_seq" asc;

-- letters-repo.insertDelegation
insert into "letter_delegations" ("id", "office_id", "role", "from_user", "to_user", "kind", "starts_on", "ends_on", "reason", "created_at", "revoked_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- letters-repo.activeDelegationsTo
select * from "letter_delegations" where "office_id" = $1 and "to_user" = $2 and "revoked_at" is null and "starts_on" <= $3 and "ends_on" >= $4 order by "created_at" desc;

-- letters-repo.findDelegation
select * from "letter_delegations" where "id" = $1 and "office_id" = $2;

-- letters-repo.delegationsOf
select "letter_delegations".*, "f"."display_name" as "from_name", "t"."display_name" as "to_name", "t"."username" as "to_username" from "letter_delegations" inner join "staff_users" as "f" on "f"."id" = "letter_delegations"."from_user" inner join "staff_users" as "t" on "t"."id" = "letter_delegations"."to_user" where "letter_delegations"."office_id" = $1 order by "letter_delegations"."created_at" desc limit $2;

-- letters-repo.revokeDelegation
update "letter_delegations" set "revoked_at" = $1 where "office_id" = $2 and "id" = $3 and "revoked_at" is null;

-- letters-repo.staffById
select * from "staff_users" where "id" = $1;

-- letters-repo.staffByIdOrUsername
select * from "staff_users" where "id" = $1;
select * from "staff_users" where "username" = $1;

-- letters-repo.activeStaffOfOffice
select * from "staff_users" where "office_id" = $1 and "active" = $2 order by "username";

-- letters-repo.decisionEvents
select "step_id", "outcome", "note", "actor_name", "data", "at" from "application_events" where "application_id" = $1 and "type" in ($2, $3, $4, $5) order by "seq" desc limit $6;

-- notifications-repo.queueMessage
insert into "outbox" ("chain", "facts", "fallback_from", "segments", "urgent", "next_attempt_at", "office_id", "application_id", "event_id", "channel", "kind", "recipient", "subject", "body", "created_at", "id", "status", "attempts", "attempt_id", "lease_until", "last_error", "sent_at", "provider_id", "delivery", "delivery_at", "fallen_back_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) on conflict ("event_id", "channel") do nothing;

-- notifications-repo.claimDue
select * from "outbox" where "channel" = $1 and (("status" = $2 and "next_attempt_at" <= $3) or ("status" = $4 and "lease_until" <= $5)) order by "next_attempt_at", "id" limit $6 for update skip locked;
update "outbox" set "status" = $1, "attempt_id" = $2, "attempts" = $3, "lease_until" = $4 where "id" = $5;

-- notifications-repo.markSent
update "outbox" set "status" = $1, "sent_at" = $2, "lease_until" = $3, "last_error" = $4 where "id" = $5 and "attempt_id" = $6 and "status" = $7;

-- notifications-repo.markFailed
update "outbox" set "status" = $1, "next_attempt_at" = $2, "lease_until" = $3, "last_error" = $4 where "id" = $5 and "attempt_id" = $6 and "status" = $7;

-- notifications-repo.messagesOf
select "outbox".* from "outbox" inner join "application_events" as "e" on "e"."id" = "outbox"."event_id" where "outbox"."application_id" = $1 order by "e"."seq", "outbox"."created_at", case when outbox.fallback_from is null then 0 else 1 end, "outbox"."channel";

-- notifications-repo.officersToTell
select "id", "email", "roles" from "staff_users" where "office_id" = $1 and "active" = $2 and "email" is not null order by "username" limit $3;

-- notifications-repo.officerToTell
select "id", "email" from "staff_users" where "office_id" = $1 and "id" = $2 and "active" = $3 and "email" is not null;

-- notifications-repo.complaintMessagesOf
select "outbox".* from "outbox" inner join "complaint_events" as "e" on "e"."id" = "outbox"."event_id" where "outbox"."complaint_id" = $1 order by "e"."seq", "outbox"."created_at", case when outbox.fallback_from is null then 0 else 1 end, "outbox"."channel";

-- notifications-repo.waitingByChannel
select "channel", count(*) as "n" from "outbox" where "status" in ($1, $2) group by "channel";

-- changes-repo.noteChange
insert into "change_feed" ("key", "generation", "changed_at") values ($1, $2, $3) on conflict ("key") do update set "generation" = change_feed.generation + 1, "changed_at" = $4;
select pg_notify($1, $2);

-- changes-repo.generations
select "key", "generation" from "change_feed";

-- rate-limits-repo.countHit
insert into "rate_limits" ("key", "started_ms", "hits") values ($1, $2, $3) on conflict ("key") do update set "started_ms" = case when rate_limits.started_ms + $4 <= $5 then $6 else rate_limits.started_ms end, "hits" = case when rate_limits.started_ms + $7 <= $8 then 1 else rate_limits.hits + 1 end returning "hits", "started_ms";

-- rate-limits-repo.readHits
select "hits", "started_ms" from "rate_limits" where "key" = $1;

-- rate-limits-repo.forgetOldWindows
delete from "rate_limits" where "started_ms" < $1;

-- notifications-repo.findMessage
select * from "outbox" where "id" = $1;

-- notifications-repo.findByProviderRef
select * from "outbox" where "channel" = $1 and "provider_id" = $2;
select * from "outbox" where "channel" = $1 and "attempt_id" = $2;

-- notifications-repo.recordDelivery
update "outbox" set "delivery" = $1, "delivery_at" = $2, "provider_id" = coalesce("provider_id", $3), "status" = $4, "sent_at" = coalesce("sent_at", $5), "lease_until" = $6 where "id" = $7;

-- notifications-repo.markFallenBack
update "outbox" set "fallen_back_at" = $1 where "id" = $2 and "fallen_back_at" is null;

-- notifications-repo.unconfirmed
select * from "outbox" where "channel" in ($1, $2) and "status" = $3 and "fallen_back_at" is null and "chain" <> $4 and ("delivery" is null or "delivery" = $5) and "sent_at" <= $6 order by "sent_at" limit $7;

-- notifications-repo.findNotifySettings
select "settings", "secrets", "updated_at" from "notify_settings" where "office_id" = $1;

-- notifications-repo.allNotifySettings
select "office_id", "settings", "secrets" from "notify_settings" order by "office_id";

-- notifications-repo.saveNotifySettings
insert into "notify_settings" ("office_id", "settings", "secrets", "updated_at", "updated_by") values ($1, $2, $3, $4, $5) on conflict ("office_id") do update set "settings" = $6, "secrets" = $7, "updated_at" = $8, "updated_by" = $9;

-- notifications-repo.recordInbound
insert into "notify_inbound" ("office_id", "phone", "last_at") values ($1, $2, $3) on conflict ("office_id", "phone") do update set "last_at" = "excluded"."last_at" where "notify_inbound"."last_at" < "excluded"."last_at";

-- notifications-repo.lastInbound
select "last_at" from "notify_inbound" where "office_id" = $1 and "phone" = $2;

-- notifications-repo.claimDue:offices
select * from "outbox" where "channel" = $1 and (("status" = $2 and "next_attempt_at" <= $3) or ("status" = $4 and "lease_until" <= $5)) and "office_id" in ($6) order by "next_attempt_at", "id" limit $7 for update skip locked;
update "outbox" set "status" = $1, "attempt_id" = $2, "attempts" = $3, "lease_until" = $4 where "id" = $5;

-- calls-repo.openCallTask
insert into "call_tasks" ("office_id", "application_id", "service_id", "promise_id", "role", "due_from", "id", "status", "attempts", "last_outcome", "last_at", "first_attempt_at", "done_at", "done_by") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) on conflict ("application_id", "promise_id") do nothing;

-- calls-repo.callTasksOf
select * from "call_tasks" where "application_id" = $1 order by "due_from", "id";

-- calls-repo.findCallTask
select * from "call_tasks" where "office_id" = $1 and "id" = $2;

-- calls-repo.recordCallAttempt
update "call_tasks" set "attempts" = $1, "last_outcome" = $2, "last_at" = $3, "first_attempt_at" = $4, "status" = $5, "done_at" = $6, "done_by" = $7 where "id" = $8 and "status" = $9 and "attempts" = $10;

-- calls-repo.openCallsFor
select "c"."id", "c"."application_id", "c"."service_id", "c"."promise_id", "c"."role", "c"."due_from", "c"."attempts", "c"."last_outcome", "c"."last_at", "a"."registration_number" from "call_tasks" as "c" inner join "applications" as "a" on "a"."id" = "c"."application_id" where "c"."office_id" = $1 and "c"."status" = $2 and "c"."role" in ($3, $4) order by "c"."due_from", "c"."id" limit $5;

-- calls-repo.callTimes
select "due_from", "first_attempt_at", "done_at" from "call_tasks" where "office_id" = $1 and "due_from" >= $2 and "due_from" < $3 order by "due_from" limit $4;

-- notifications-repo.applicantOf
select "applicant" from "applications" where "id" = $1;

-- notifications-repo.writeNotifyChoice
update "applications" set "applicant" = $1 where "id" = $2;

-- notifications-repo.cancelQueued
update "outbox" set "status" = $1, "last_error" = $2 where "application_id" = $3 and "staff_user_id" is null and "status" = $4 and "channel" in ($5, $6);

-- signing-repo.currentAuthority
select * from "signing_authorities" where "office_id" = $1 and "retired_at" is null order by "generation" desc limit $2;

-- signing-repo.lastAuthorityGeneration
select max("generation") as "g" from "signing_authorities" where "office_id" = $1;

-- signing-repo.authorityById
select * from "signing_authorities" where "id" = $1;

-- signing-repo.insertAuthority
insert into "signing_authorities" ("id", "office_id", "generation", "serial", "common_name", "cert_pem", "key_sealed", "not_before", "not_after", "created_at", "retired_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- signing-repo.retireAuthorities
update "signing_authorities" set "retired_at" = $1 where "office_id" = $2 and "retired_at" is null;

-- signing-repo.latestCertificate
select * from "signing_certificates" where "office_id" = $1 and "user_id" = $2 order by "generation" desc limit $3;

-- signing-repo.certificateBySerial
select * from "signing_certificates" where "serial" = $1;

-- signing-repo.insertCertificate
insert into "signing_certificates" ("id", "office_id", "authority_id", "user_id", "generation", "serial", "common_name", "cert_pem", "key_sealed", "not_before", "not_after", "created_at", "superseded_at", "revoked_at", "revocation_reason", "revoked_by") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16);

-- signing-repo.supersedeCertificates
update "signing_certificates" set "superseded_at" = $1 where "office_id" = $2 and "superseded_at" is null and "user_id" = $3;
update "signing_certificates" set "superseded_at" = $1 where "office_id" = $2 and "superseded_at" is null;

-- signing-repo.revokeCertificate
update "signing_certificates" set "revoked_at" = $1, "revocation_reason" = $2, "revoked_by" = $3 where "office_id" = $4 and "serial" = $5 and "revoked_at" is null;

-- signing-repo.certificatesOf
select "signing_certificates"."id", "signing_certificates"."office_id", "signing_certificates"."authority_id", "signing_certificates"."user_id", "signing_certificates"."generation", "signing_certificates"."serial", "signing_certificates"."common_name", "signing_certificates"."not_before", "signing_certificates"."not_after", "signing_certificates"."created_at", "signing_certificates"."superseded_at", "signing_certificates"."revoked_at", "signing_certificates"."revocation_reason", "signing_certificates"."revoked_by", "staff_users"."username" from "signing_certificates" inner join "staff_users" on "staff_users"."id" = "signing_certificates"."user_id" where "signing_certificates"."office_id" = $1 order by "signing_certificates"."created_at" desc, "signing_certificates"."generation" desc limit $2;

-- registry-repo.insertSnapshot
insert into "registry_snapshots" ("id", "office_id", "period", "status", "current_for_period", "table_name", "source_name", "source_sha256", "source_size", "source_kind", "importer_id", "importer_name", "started_at", "completed_at", "replaced_at", "heartbeat_at", "host", "pid", "phase", "rows_read", "bytes_read", "rows_accepted", "rows_rejected", "rows_unchanged", "report_path", "summary") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26);

-- registry-repo.updateSnapshot
update "registry_snapshots" set "status" = $1, "phase" = $2, "rows_read" = $3, "rows_accepted" = $4, "rows_rejected" = $5, "report_path" = $6, "summary" = $7 where "id" = $8;
update "registry_snapshots" set "summary" = $1 where "id" = $2;

-- registry-repo.findSnapshot
select * from "registry_snapshots" where "office_id" = $1 and "id" = $2;

-- registry-repo.snapshotById
select * from "registry_snapshots" where "id" = $1;

-- registry-repo.listSnapshots
select * from "registry_snapshots" where "office_id" = $1 order by "started_at" desc limit $2;

-- registry-repo.currentSnapshot
select * from "registry_snapshots" where "office_id" = $1 and "current_for_period" = $2 order by "period" desc limit $3;

-- registry-repo.currentForPeriod
select * from "registry_snapshots" where "office_id" = $1 and "period" = $2 and "current_for_period" = $3;

-- registry-repo.snapshotAsOf
select * from "registry_snapshots" where "office_id" = $1 and "status" = $2 and "completed_at" <= $3 and ("replaced_at" is null or "replaced_at" > $4) order by "period" desc limit $5;

-- registry-repo.completeSnapshots
select * from "registry_snapshots" where "office_id" = $1 and "status" = $2 order by "completed_at" asc;

-- registry-repo.loadingSnapshots
select * from "registry_snapshots" where "office_id" = $1 and "status" = $2;

-- registry-repo.rowTablesInUse
select "table_name" from "registry_snapshots" where "status" in ($1, $2);

-- registry-repo.publishSnapshot
select * from "registry_snapshots" where "office_id" = $1 and "period" = $2 and "current_for_period" = $3;
update "registry_snapshots" set "current_for_period" = $1, "replaced_at" = $2 where "id" = $3 and "current_for_period" = $4;
update "registry_snapshots" set "rows_read" = $1, "bytes_read" = $2, "rows_accepted" = $3, "rows_rejected" = $4, "rows_unchanged" = $5, "report_path" = $6, "summary" = $7, "status" = $8, "current_for_period" = $9, "completed_at" = $10, "heartbeat_at" = $11, "phase" = $12 where "id" = $13 and "status" = $14;
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- registry-repo.findLock
select * from "registry_import_locks" where "office_id" = $1;

-- registry-repo.takeLock
insert into "registry_import_locks" ("office_id", "snapshot_id", "host", "pid", "heartbeat_at") values ($1, $2, $3, $4, $5) on conflict ("office_id") do nothing;
update "registry_import_locks" set "office_id" = $1, "snapshot_id" = $2, "host" = $3, "pid" = $4, "heartbeat_at" = $5 where "office_id" = $6 and "snapshot_id" = $7;

-- registry-repo.heartbeat
update "registry_snapshots" set "heartbeat_at" = $1, "rows_read" = $2, "bytes_read" = $3, "phase" = $4 where "id" = $5;
update "registry_import_locks" set "heartbeat_at" = $1 where "office_id" = $2 and "snapshot_id" = $3;

-- registry-repo.releaseLock
delete from "registry_import_locks" where "office_id" = $1 and "snapshot_id" = $2;

-- registry-repo.createRowTable
create table "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("row_no" integer not null, "nik" text not null, "kk" text not null, "desil" integer, "pkh" integer, "bpnt" integer, "pbi" integer, "row_hash" bigint not null, "cells" text not null);

-- registry-repo.dropRowTable
drop table if exists "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b";

-- registry-repo.rowTableExists
select "a"."attname" as "column", "a"."attnotnull" as "not_null", "a"."atthasdef" as "has_default", "c"."relname" as "table", "c"."relkind" as "table_type", "ns"."nspname" as "schema", "typ"."typname" as "type", "dtns"."nspname" as "type_schema", col_description(a.attrelid, a.attnum) as "column_description", pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as "auto_incrementing" from "pg_catalog"."pg_attribute" as "a" inner join "pg_catalog"."pg_class" as "c" on "a"."attrelid" = "c"."oid" inner join "pg_catalog"."pg_namespace" as "ns" on "c"."relnamespace" = "ns"."oid" inner join "pg_catalog"."pg_type" as "typ" on "a"."atttypid" = "typ"."oid" inner join "pg_catalog"."pg_namespace" as "dtns" on "typ"."typnamespace" = "dtns"."oid" where "c"."relkind" in ($1, $2, $3) and "ns"."nspname" !~ $4 and "ns"."nspname" != $5 and "ns"."nspname" != $6 and has_schema_privilege(ns.nspname, 'USAGE') and "a"."attnum" >= $7 and "a"."attisdropped" != $8 and "c"."relname" != $9 and "c"."relname" != $10 order by "ns"."nspname", "c"."relname", "a"."attnum";

-- registry-repo.listRowTables
select "a"."attname" as "column", "a"."attnotnull" as "not_null", "a"."atthasdef" as "has_default", "c"."relname" as "table", "c"."relkind" as "table_type", "ns"."nspname" as "schema", "typ"."typname" as "type", "dtns"."nspname" as "type_schema", col_description(a.attrelid, a.attnum) as "column_description", pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as "auto_incrementing" from "pg_catalog"."pg_attribute" as "a" inner join "pg_catalog"."pg_class" as "c" on "a"."attrelid" = "c"."oid" inner join "pg_catalog"."pg_namespace" as "ns" on "c"."relnamespace" = "ns"."oid" inner join "pg_catalog"."pg_type" as "typ" on "a"."atttypid" = "typ"."oid" inner join "pg_catalog"."pg_namespace" as "dtns" on "typ"."typnamespace" = "dtns"."oid" where "c"."relkind" in ($1, $2, $3) and "ns"."nspname" !~ $4 and "ns"."nspname" != $5 and "ns"."nspname" != $6 and has_schema_privilege(ns.nspname, 'USAGE') and "a"."attnum" >= $7 and "a"."attisdropped" != $8 and "c"."relname" != $9 and "c"."relname" != $10 order by "ns"."nspname", "c"."relname", "a"."attnum";

-- registry-repo.indexNik
CREATE UNIQUE INDEX "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_nik" ON "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" (nik) INCLUDE (row_hash);
CREATE UNIQUE INDEX "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_nik" ON "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" (nik) INCLUDE (row_hash);
create index "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_nik" on "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("nik", "row_hash");

-- registry-repo.indexKk
create index "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b_kk" on "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" ("kk", "row_no");

-- registry-repo.duplicateNiks
select "nik", count(*) as "n" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" group by "nik" having count(*) > $1 limit $2;
select "row_no" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 order by "row_no" limit $2;

-- registry-repo.dropDuplicateRows
select "row_no" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 and "row_no" <> $2 order by "row_no";
delete from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 and "row_no" <> $2;

-- registry-repo.countRows

    SELECT (SELECT COUNT(*) FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b") AS rows,
           (SELECT COUNT(*) FROM (SELECT kk FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" GROUP BY kk) f) AS families;

-- registry-repo.compareRows

    SELECT COUNT(*) AS continuing, SUM(CASE WHEN o.row_hash = n.row_hash THEN 1 ELSE 0 END) AS unchanged
    FROM "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" n JOIN "registry_rows_b2f0d4e91a3c4d5e9f8a7b6c5d4e3f2a" o ON o.nik = n.nik;

-- registry-repo.rowByNik
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1;

-- registry-repo.rowsPage
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "row_no" > $1 order by "row_no" limit $2;

-- registry-repo.currentSnapshotId
select "id" from "registry_snapshots" where "office_id" = $1 and "current_for_period" = $2 order by "period" desc limit $3;

-- registry-repo.personRow
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 limit $2;

-- registry-repo.personWithFamily
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "kk" = (select "kk" from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 limit $2) order by "row_no" limit 50;
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "nik" = $1 limit $2;

-- registry-repo.familyOfKk
select * from "registry_rows_c3a1e5f02b4d4e6f8a9b0c1d2e3f4a5b" where "kk" = $1 order by "row_no" limit 50;

-- registry-repo.appendAccessEntry
insert into "registry_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "nik", "kk", "snapshot_id", "application_id", "reason", "found", "detail") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- registry-repo.accessLog
select * from "registry_access_log" where "office_id" = $1 order by "seq" desc limit $2;
select * from "registry_access_log" where "office_id" = $1 and "nik" = $2 and "seq" < $3 order by "seq" desc limit $4;

-- registry-repo.accessLogForNik
select * from "registry_access_log" where "office_id" = $1 and "nik" = $2 order by "seq";

-- registry-repo.insertProposal
insert into "registry_proposals" ("id", "office_id", "application_id", "service_id", "kind", "nik", "kk", "name", "stage", "siksng_reference", "ministry_reference", "confirmed_snapshot_id", "confirmed_at", "opened_at", "updated_at", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16);

-- registry-repo.insertProposalEvent
insert into "registry_proposal_events" ("id", "proposal_id", "office_id", "type", "stage", "actor_id", "actor_name", "note", "data", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- registry-repo.proposalByApplication
select * from "registry_proposals" where "application_id" = $1;

-- registry-repo.findProposal
select * from "registry_proposals" where "office_id" = $1 and "id" = $2;

-- registry-repo.updateProposalIfVersion
update "registry_proposals" set "stage" = $1, "siksng_reference" = $2, "updated_at" = $3, "version" = $4 where "id" = $5 and "version" = $6;
update "registry_proposals" set "stage" = $1, "confirmed_snapshot_id" = $2, "confirmed_at" = $3, "updated_at" = $4, "version" = $5 where "id" = $6 and "version" = $7;

-- registry-repo.listProposals
select * from "registry_proposals" where "office_id" = $1 order by "opened_at" desc limit $2;
select * from "registry_proposals" where "office_id" = $1 and "stage" = $2 order by "opened_at" desc limit $3;

-- registry-repo.openProposals
select * from "registry_proposals" where "office_id" = $1 and "stage" not in ($2, $3, $4);

-- registry-repo.proposalEvents
select * from "registry_proposal_events" where "proposal_id" = $1 order by "seq";

-- registry-repo.proposalsForNik
select * from "registry_proposals" where "office_id" = $1 and "nik" = $2;

-- registry-repo.applicationsForNik
select * from "applications" where "office_id" = $1 and "applicant_nik" = $2 order by "submitted_at";

-- registry-repo.eventsForApplications
select * from "application_events" where "application_id" in ($1, $2) order by "seq";

-- registry-repo.caseOfOffice
select "id", "registration_number", "applicant_name", "eligibility" from "applications" where "office_id" = $1 and "id" = $2;

-- registry-repo.registryEventsOfCase
select * from "application_events" where "application_id" = $1 order by "seq";

-- complaints-repo.insertComplaint
insert into "complaints" ("idempotency_key", "idempotency_body", "external_ref", "complainant_name", "complainant_phone", "complainant_email", "service_id", "application_id", "routed_to", "coordination", "referral", "merged_into", "escalated_at", "answer", "answered_at", "answered_by", "resolved", "feedback", "feedback_at", "public_summary", "published_at", "closed_at", "created_by", "id", "office_id", "receipt_number", "tracking_code_hash", "channel", "type", "mode", "text", "stage", "status", "received_at", "clock_started_at", "due_at", "sla_state", "version", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39);

-- complaints-repo.insertComplaintEvents
insert into "complaint_events" ("id", "complaint_id", "office_id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
insert into "complaint_events" ("id", "complaint_id", "office_id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- complaints-repo.findComplaint
select * from "complaints" where "office_id" = $1 and "id" = $2;

-- complaints-repo.findComplaintsByReceipt
select * from "complaints" where "receipt_number" = $1;

-- complaints-repo.findComplaintByReceiptInOffice
select * from "complaints" where "office_id" = $1 and "receipt_number" = $2;

-- complaints-repo.findComplaintByIdempotencyKey
select * from "complaints" where "office_id" = $1 and "idempotency_key" = $2;

-- complaints-repo.receiptNumberOf
select "receipt_number" from "complaints" where "id" = $1;

-- complaints-repo.complaintEvents
select "id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at" from "complaint_events" where "complaint_id" = $1 order by "seq";
select "id", "type", "stage", "actor_id", "actor_name", "visibility", "note", "data", "at" from "complaint_events" where "complaint_id" = $1 and "visibility" = $2 order by "seq";

-- complaints-repo.listComplaints
select * from "complaints" where "office_id" = $1 order by case status when 'open' then 0 when 'answered' then 1 else 2 end, "due_at" asc, "received_at" asc limit $2 offset $3;
select * from "complaints" where "office_id" = $1 and "mode" <> $2 and "status" = $3 and "stage" = $4 and case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < $5 then 'late'
    when status = 'open' and sla_state = 'on-time' and cast($6 as double precision) >= cast((extract(epoch from cast("clock_started_at" as timestamptz)) * 1000) + ((extract(epoch from cast("due_at" as timestamptz)) * 1000) - (extract(epoch from cast("clock_started_at" as timestamptz)) * 1000)) * $7 as double precision) then 'at-risk'
    else sla_state end = $8 order by case status when 'open' then 0 when 'answered' then 1 else 2 end, "due_at" asc, "received_at" asc limit $9 offset $10;

-- complaints-repo.countComplaints
select "c"."status", "c"."sla_now", count(*) as "n" from (select "status", case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < $1 then 'late'
    when status = 'open' and sla_state = 'on-time' and cast($2 as double precision) >= cast((extract(epoch from cast("clock_started_at" as timestamptz)) * 1000) + ((extract(epoch from cast("due_at" as timestamptz)) * 1000) - (extract(epoch from cast("clock_started_at" as timestamptz)) * 1000)) * $3 as double precision) then 'at-risk'
    else sla_state end as "sla_now" from "complaints" where "office_id" = $4) as "c" group by "c"."status", "c"."sla_now";
select "c"."status", "c"."sla_now", count(*) as "n" from (select "status", case
    when status = 'open' and sla_state in ('on-time', 'at-risk') and due_at < $1 then 'late'
    when status = 'open' and sla_state = 'on-time' and cast($2 as double precision) >= cast((extract(epoch from cast("clock_started_at" as timestamptz)) * 1000) + ((extract(epoch from cast("due_at" as timestamptz)) * 1000) - (extract(epoch from cast("clock_started_at" as timestamptz)) * 1000)) * $3 as double precision) then 'at-risk'
    else sla_state end as "sla_now" from "complaints" where "office_id" = $4 and "mode" <> $5) as "c" group by "c"."status", "c"."sla_now";

-- complaints-repo.sweepCandidates
select * from "complaints" where "office_id" = $1 and "status" = $2 and "sla_state" in ($3, $4);

-- complaints-repo.answeredWithoutReply
select * from "complaints" where "office_id" = $1 and "status" = $2 and "feedback_at" is null order by "answered_at";

-- complaints-repo.insertComplaintNotification
insert into "complaint_notifications" ("id", "read_at", "office_id", "complaint_id", "role", "kind", "message", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("complaint_id", "role", "kind") do nothing;

-- complaints-repo.complaintNotificationsFor
select "complaint_notifications"."id", "complaint_notifications"."complaint_id", "complaint_notifications"."kind", "complaint_notifications"."message", "complaint_notifications"."created_at", "complaints"."receipt_number" from "complaint_notifications" inner join "complaints" on "complaints"."id" = "complaint_notifications"."complaint_id" where "complaint_notifications"."office_id" = $1 and "complaint_notifications"."role" in ($2, $3) and "complaint_notifications"."read_at" is null order by "complaint_notifications"."created_at" desc limit $4;
select "complaint_notifications"."id", "complaint_notifications"."complaint_id", "complaint_notifications"."kind", "complaint_notifications"."message", "complaint_notifications"."created_at", "complaints"."receipt_number" from "complaint_notifications" inner join "complaints" on "complaints"."id" = "complaint_notifications"."complaint_id" where "complaint_notifications"."office_id" = $1 and "complaint_notifications"."role" in ($2) and "complaint_notifications"."read_at" is null and "complaints"."mode" <> $3 order by "complaint_notifications"."created_at" desc limit $4;

-- complaints-repo.publishedSummaries
select "type", "service_id", "stage", "received_at", "answered_at", "public_summary", "published_at", "resolved" from "complaints" where "office_id" = $1 and "published_at" is not null and "mode" <> $2 order by "published_at" desc limit $3;

-- complaints-repo.applicationIdByNumber
select "id" from "applications" where "office_id" = $1 and "registration_number" = $2;

-- complaints-repo.registrationNumberOf
select "registration_number" from "applications" where "id" = $1;

-- complaints-repo.recordIdentityRead
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- surveys-repo.insertSurveyResponses
insert into "survey_responses" ("id", "office_id", "service_id", "application_id", "source", "responded_on", "batch_id", "entered_by", "created_at", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "age_group", "sex", "education", "occupation", "suggestion") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23), ($24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, $39, $40, $41, $42, $43, $44, $45, $46);

-- surveys-repo.responseForApplication
select "id", "responded_on" from "survey_responses" where "application_id" = $1;

-- surveys-repo.applicationsWithResponses
select "application_id" from "survey_responses" where "application_id" in ($1, $2);

-- surveys-repo.aggregateResponses
select count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3;
select count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 and "service_id" = $4;

-- surveys-repo.aggregateByService
select "service_id", count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 group by "service_id";

-- surveys-repo.aggregateByMonth
select substr("responded_on", $1, $2) as "month", count(*) as "n", sum("u1") as "s_u1", sum("u2") as "s_u2", sum("u3") as "s_u3", sum("u4") as "s_u4", sum("u5") as "s_u5", sum("u6") as "s_u6", sum("u7") as "s_u7", sum("u8") as "s_u8", sum("u9") as "s_u9", count("u1") as "c_u1", count("u2") as "c_u2", count("u3") as "c_u3", count("u4") as "c_u4", count("u5") as "c_u5", count("u6") as "c_u6", count("u7") as "c_u7", count("u8") as "c_u8", count("u9") as "c_u9" from "survey_responses" where "office_id" = $3 and "responded_on" >= $4 and "responded_on" <= $5 and "service_id" = $6 group by "month";

-- surveys-repo.profileCounts
select "age_group" as "v", count(*) as "n" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 group by "age_group";
select "sex" as "v", count(*) as "n" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 group by "sex";
select "education" as "v", count(*) as "n" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 group by "education";
select "occupation" as "v", count(*) as "n" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 group by "occupation";

-- surveys-repo.suggestions
select "responded_on", "service_id", "suggestion" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 and "suggestion" is not null order by "responded_on", "created_at" limit $4;

-- surveys-repo.countSuggestions
select count(*) as "n" from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 and "suggestion" is not null;

-- surveys-repo.responsesForExport
select * from "survey_responses" where "office_id" = $1 and "responded_on" >= $2 and "responded_on" <= $3 and "service_id" = $4 order by "responded_on", "created_at", "id" limit $5 offset $6;

-- surveys-repo.registrationNumbers
select "id", "registration_number" from "applications" where "id" in ($1, $2);

-- surveys-repo.applicationsByNumber
select "id", "registration_number", "service_id" from "applications" where "office_id" = $1 and "registration_number" in ($2, $3);

-- surveys-repo.latestResponseDay
select max("responded_on") as "d" from "survey_responses" where "office_id" = $1;

-- surveys-repo.population
select count(*) as "n" from "applications" where "office_id" = $1 and "status" = $2 and "closed_at" >= $3 and "closed_at" < $4;
select count(*) as "n" from "applications" where "office_id" = $1 and "status" = $2 and "closed_at" >= $3 and "closed_at" < $4 and "service_id" = $5;

-- surveys-repo.populationByService
select "service_id", count(*) as "n" from "applications" where "office_id" = $1 and "status" = $2 and "closed_at" >= $3 and "closed_at" < $4 group by "service_id";

-- surveys-repo.insertKioskNonce
insert into "survey_kiosk_nonces" ("nonce_hash", "office_id", "issued_at", "used_at") values ($1, $2, $3, $4);

-- surveys-repo.findKioskNonce
select * from "survey_kiosk_nonces" where "nonce_hash" = $1;

-- surveys-repo.useKioskNonce
update "survey_kiosk_nonces" set "used_at" = $1 where "nonce_hash" = $2 and "office_id" = $3 and "used_at" is null;

-- surveys-repo.deleteKioskNoncesBefore
delete from "survey_kiosk_nonces" where "issued_at" < $1;

-- surveys-repo.getFollowup
select * from "survey_followups" where "office_id" = $1 and "scope" = $2 and "period_from" = $3 and "period_to" = $4;

-- surveys-repo.upsertFollowup
insert into "survey_followups" ("office_id", "scope", "period_from", "period_to", "text", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("office_id", "scope", "period_from", "period_to") do update set "text" = $8, "updated_by" = $9, "updated_at" = $10;

-- surveys-repo.recordSurveyAudit
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.insertChained
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.insertAuditEvent
insert into "audit_chain_heads" ("chain", "office_key", "row_count", "head_hash") values ($1, $2, $3, $4) on conflict ("chain", "office_key") do update set "row_count" = "audit_chain_heads"."row_count" returning "row_count", "head_hash";

-- audit-chain-repo.chainHeads
select * from "audit_chain_heads" order by "chain", "office_key";

-- audit-chain-repo.chainedOfficeKeys
select distinct "office_id" from "audit_events";

-- audit-chain-repo.chainPage
select * from "registry_access_log" where "seq" > $1 and "office_id" = $2 order by "seq" limit $3;
select * from "audit_events" where "seq" > $1 and "office_id" is null order by "seq" limit $2;

-- audit-chain-repo.officeSlugs
select "id", "slug" from "offices";

-- backup-repo.appliedMigrations
select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name;

-- backup-repo.tableNames
select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name;

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
insert into "subject_requests" ("id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_json", "export_sha256", "created_by", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19);

-- privacy-repo.listSubjectRequests
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "office_id" = $1 order by case when "status" = $2 then 0 else 1 end, "due_at" limit $3;

-- privacy-repo.findSubjectRequest
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "office_id" = $1 and "id" = $2;

-- privacy-repo.findSubjectRequestByNumber
select "id", "office_id", "number", "tracking_code_hash", "channel", "nik", "name", "contact", "proof", "status", "received_at", "due_at", "closed_at", "closed_by", "refusal_reason", "export_sha256", "created_by", "version", case when "export_json" is not null then 1 else 0 end as "has_export" from "subject_requests" where "number" = $1;

-- privacy-repo.subjectExportText
select "export_json" from "subject_requests" where "id" = $1 and "status" = $2;

-- privacy-repo.closeSubjectRequest
update "subject_requests" set "status" = $1, "closed_at" = $2, "closed_by" = $3, "export_json" = $4, "export_sha256" = $5, "version" = $6 where "id" = $7 and "version" = $8 and "status" = $9;

-- privacy-repo.proofsOfNik
select "id", "registration_number", "tracking_code_hash" from "applications" where "office_id" = $1 and "applicant_nik" = $2 limit $3;
select "complaints"."id", "complaints"."receipt_number", "complaints"."tracking_code_hash" from "complaints" inner join "applications" on "applications"."id" = "complaints"."application_id" where "complaints"."office_id" = $1 and "applications"."applicant_nik" = $2 limit $3;

-- privacy-repo.casesOfNik
select "applications"."id", "applications"."registration_number", "services"."slug" as "service", "applications"."channel", "applications"."status", "applications"."submitted_at", "applications"."closed_at", "applications"."applicant", "applications"."answers" from "applications" inner join "services" on "services"."id" = "applications"."service_id" where "applications"."office_id" = $1 and "applications"."applicant_nik" = $2 order by "applications"."submitted_at" limit $3;

-- privacy-repo.caseEventsOf
select "application_id", "at", "type", "step_id", "outcome", "actor_name", "note" from "application_events" where "application_id" in ($1) order by "seq" limit $2;

-- privacy-repo.caseUploadsOf
select "attachments"."application_id", "attachments"."requirement_id", "attachments"."shown_to", "attachments"."created_at", "uploads"."original_name", "uploads"."mime", "uploads"."size", "uploads"."sha256" from "attachments" left join "uploads" on "uploads"."id" = "attachments"."upload_id" where "attachments"."application_id" in ($1) order by "attachments"."created_at" limit $2;

-- privacy-repo.lettersOfSubject
select "id", "number", "title", "status", "issued_on", "valid_until", "token", "signed_at" from "letters" where "office_id" = $1 and ("holder_nik" = $2 or "application_id" in ($3)) order by "created_at" limit $4;

-- privacy-repo.letterEventsOf
select "letter_id", "type", "actor_name", "at" from "letter_events" where "letter_id" in ($1) order by "seq" limit $2;

-- privacy-repo.complaintsOfCases
select "id", "receipt_number", "type", "status", "received_at", "text", "answer", "answered_at" from "complaints" where "office_id" = $1 and "application_id" in ($2) order by "received_at" limit $3;

-- privacy-repo.auditAbout
select "at", "actor", "action", "subject" from "audit_events" where "office_id" = $1 and "subject" in ($2, $3) order by "seq" limit $4;

-- data-access-repo.appendDataAccess
insert into "data_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "record_kind", "record_id", "subject_nik", "purpose", "detail") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- data-access-repo.appendDataAccesses
insert into "data_access_log" ("id", "office_id", "at", "actor_id", "actor_name", "roles", "action", "record_kind", "record_id", "subject_nik", "purpose", "detail") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12), ($13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24);

-- data-access-repo.accessesOfRecord
select * from "data_access_log" where "office_id" = $1 and "record_kind" = $2 and "record_id" = $3 order by "seq" desc limit $4;

-- data-access-repo.accessesOfRecords
select * from "data_access_log" where "office_id" = $1 and (("record_kind" = $2 and "record_id" in ($3)) or ("record_kind" = $4 and "record_id" in ($5, $6)) or ("record_kind" = $7 and "record_id" in ($8))) order by "seq" desc limit $9;

-- data-access-repo.countAccessesOfRecords
select count(*) as "n" from "data_access_log" where "office_id" = $1 and ("record_kind" = $2 and "record_id" in ($3));
select count(*) as "n" from "data_access_log" where "office_id" = $1 and false;

-- data-access-repo.accessesOfSubject
select * from "data_access_log" where "office_id" = $1 and "subject_nik" = $2 order by "seq" limit $3;

-- audit-repo.trailEvents
select * from "audit_events" where "office_id" = $1 order by "at" desc, "seq" desc limit $2;
select * from "audit_events" where "office_id" = $1 and "at" >= $2 and "at" < $3 and lower(actor) like $4 escape '!' and "subject" like $5 and "action" = $6 and ("subject" like $7 or "subject" like $8) order by "at" desc, "seq" desc limit $9;

-- audit-repo.trailRegistry
select * from "registry_access_log" where "office_id" = $1 and "at" >= $2 and lower(actor_name) like $3 escape '!' and "action" = $4 and ("application_id" in ($5) or "snapshot_id" in ($6)) and ("nik" = $7 or "kk" = $8) order by "at" desc, "seq" desc limit $9;

-- audit-repo.trailReads
select * from "data_access_log" where "office_id" = $1 and "at" < $2 and lower(actor_name) like $3 escape '!' and "record_kind" = $4 and "action" = $5 and "record_id" in ($6) and "subject_nik" = $7 order by "at" desc, "seq" desc limit $8;

-- audit-repo.countTrail
select count(*) as "n" from "audit_events" where "office_id" = $1 and "at" >= $2;
select count(*) as "n" from "registry_access_log" where "office_id" = $1 and "at" >= $2;
select count(*) as "n" from "data_access_log" where "office_id" = $1 and "at" >= $2;
select count(*) as "n" from "registry_access_log" where "office_id" = $1 and ("nik" = $2 or "kk" = $3);
select count(*) as "n" from "data_access_log" where "office_id" = $1 and "subject_nik" = $2;

-- audit-repo.recordIdsOf
select "id" from "applications" where "office_id" = $1 and "registration_number" = $2;
select "id" from "complaints" where "office_id" = $1 and "receipt_number" = $2;

-- programmes-repo.insertRound
insert into "programme_rounds" ("id", "office_id", "programme_slug", "programme", "period", "stage", "reference_date", "snapshot_id", "status", "created_at", "created_by", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- programmes-repo.findRound
select * from "programme_rounds" where "office_id" = $1 and "id" = $2;

-- programmes-repo.findRoundByStage
select * from "programme_rounds" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3 and "stage" = $4;

-- programmes-repo.roundsOf
select "id", "period", "stage", "status", "reference_date", "created_at" from "programme_rounds" where "office_id" = $1 and "programme_slug" = $2 order by "created_at" desc limit $3;

-- programmes-repo.updateRoundIfVersion
update "programme_rounds" set "status" = $1, "version" = $2 where "id" = $3 and "version" = $4;

-- programmes-repo.insertCandidates
insert into "programme_candidates" ("id", "round_id", "office_id", "nik", "kk", "name", "birth_date", "sex", "village", "district", "address", "category", "source", "source_note", "screening", "checks", "verification", "reason", "verified_at", "verified_by", "verified_by_name", "verified_role", "created_at", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24);

-- programmes-repo.candidateNiks
select "nik" from "programme_candidates" where "round_id" = $1;

-- programmes-repo.candidatesPage
select * from "programme_candidates" where "round_id" = $1 order by "name", "id" limit $2 offset $3;
select * from "programme_candidates" where "round_id" = $1 and "verification" = $2 and "name" like $3 order by "name", "id" limit $4 offset $5;

-- programmes-repo.candidatesOfRound
select * from "programme_candidates" where "round_id" = $1 order by "name", "id" limit $2;

-- programmes-repo.candidateCounts
select "verification", count(*) as "n" from "programme_candidates" where "round_id" = $1 group by "verification";

-- programmes-repo.findCandidate
select * from "programme_candidates" where "office_id" = $1 and "round_id" = $2 and "id" = $3;

-- programmes-repo.updateCandidateIfVersion
update "programme_candidates" set "verification" = $1, "verified_at" = $2, "version" = $3 where "id" = $4 and "version" = $5;

-- programmes-repo.refusedInPeriod
select "c"."nik", "c"."name", "c"."reason", "r"."stage", "d"."number" from "programme_candidates" as "c" inner join "programme_rounds" as "r" on "r"."id" = "c"."round_id" inner join "programme_documents" as "d" on "d"."round_id" = "c"."round_id" and "d"."kind" = $1 where "r"."office_id" = $2 and "r"."programme_slug" = $3 and "r"."period" = $4 and "c"."verification" = $5 and "c"."nik" in ($6) order by "c"."name";

-- programmes-repo.applicantsOfService
select "id", "registration_number", "applicant_nik", "applicant_name", "answers" from "applications" where "office_id" = $1 and "service_id" = $2 and "status" in ($3, $4) and "applicant_nik" is not null order by "submitted_at" limit $5;

-- programmes-repo.insertVerification
insert into "programme_verifications" ("id", "candidate_id", "round_id", "office_id", "result", "reason", "actor_id", "actor_name", "role", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- programmes-repo.verificationsOf
select "result", "reason", "actor_name", "role", "at" from "programme_verifications" where "candidate_id" = $1 order by "seq" desc limit $2;

-- programmes-repo.insertDocument
insert into "programme_documents" ("id", "round_id", "office_id", "kind", "number", "number_seq", "counter", "token", "issued_on", "signed_at", "signed_by", "signer", "sha256", "size", "public_sha256", "public_size", "people", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18);

-- programmes-repo.documentsOfRound
select * from "programme_documents" where "round_id" = $1 order by "created_at";

-- programmes-repo.documentByToken
select * from "programme_documents" where "token" = $1;

-- programme-groups-repo.insertGroup
insert into "programme_groups" ("id", "office_id", "programme_slug", "programme", "name", "individual", "village", "district", "business", "proposal_date", "account_bank", "account_number", "account_holder", "rab", "rab_total", "status", "decree_number", "decree_date", "decree_issuer", "disbursed_on", "disbursed_amount", "report_due", "reported_on", "report_note", "created_at", "created_by", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27);
insert into "programme_group_members" ("id", "group_id", "office_id", "programme_slug", "position", "nik", "kk", "name", "birth_date", "role") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10);

-- programme-groups-repo.findGroup
select * from "programme_groups" where "office_id" = $1 and "id" = $2;

-- programme-groups-repo.membersOf
select * from "programme_group_members" where "group_id" = $1 order by "position";

-- programme-groups-repo.groupsOf
select * from "programme_groups" where "office_id" = $1 and "programme_slug" = $2 order by "created_at" desc limit $3;

-- programme-groups-repo.membersElsewhere
select "m"."nik", "g"."name" as "groupName" from "programme_group_members" as "m" inner join "programme_groups" as "g" on "g"."id" = "m"."group_id" where "m"."office_id" = $1 and "m"."programme_slug" = $2 and "m"."nik" in ($3);

-- programme-groups-repo.updateGroupIfVersion
update "programme_groups" set "status" = $1, "version" = $2 where "id" = $3 and "version" = $4;

-- programme-groups-repo.quotaOf
select * from "programme_quotas" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3;

-- programme-groups-repo.upsertQuota
insert into "programme_quotas" ("office_id", "programme_slug", "period", "quota", "note", "set_at", "set_by") values ($1, $2, $3, $4, $5, $6, $7) on conflict ("office_id", "programme_slug", "period") do update set "quota" = $8, "note" = $9, "set_at" = $10, "set_by" = $11;

-- programme-groups-repo.lastQueuePosition
select max("position") as "last" from "programme_queue" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3;

-- programme-groups-repo.queuedPerson
select * from "programme_queue" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3 and "nik" = $4;

-- programme-groups-repo.insertQueued
insert into "programme_queue" ("id", "office_id", "programme_slug", "period", "position", "nik", "name", "category", "registration_number", "created_at", "created_by") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- programme-groups-repo.queueOf
select * from "programme_queue" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3 order by "position" limit $4;

-- programme-groups-repo.applicationByNumber
select "id", "applicant_nik" from "applications" where "office_id" = $1 and "service_id" = $2 and "registration_number" = $3;

-- programme-groups-repo.queuedByRegistration
select * from "programme_queue" where "office_id" = $1 and "registration_number" = $2 order by "created_at" limit $3;

-- programme-groups-repo.decreedPeriods
select distinct "r"."period" from "programme_rounds" as "r" inner join "programme_documents" as "d" on "d"."round_id" = "r"."id" and "d"."kind" = $1 where "r"."office_id" = $2 and "r"."programme_slug" = $3 order by "r"."period" desc limit $4;

-- programme-groups-repo.decreesOfPeriod
select "r"."stage", "d"."number", "d"."issued_on", "d"."people" from "programme_rounds" as "r" inner join "programme_documents" as "d" on "d"."round_id" = "r"."id" and "d"."kind" = $1 where "r"."office_id" = $2 and "r"."programme_slug" = $3 and "r"."period" = $4 order by "r"."stage";

-- programme-groups-repo.decreedInPeriod
select "c"."id", "c"."category" from "programme_candidates" as "c" inner join "programme_rounds" as "r" on "r"."id" = "c"."round_id" inner join "programme_documents" as "d" on "d"."round_id" = "c"."round_id" and "d"."kind" = $1 where "r"."office_id" = $2 and "r"."programme_slug" = $3 and "r"."period" = $4 and "c"."nik" = $5 and "c"."kk" = $6 and "c"."verification" = $7 and "d"."people" like '%"candidateId":"' || "c"."id" || '"%' limit $8;

-- programme-deliveries-repo.includedRecipient
select "id", "name", "nik", "payment", "flag", "candidate_id" from "programme_cycle_recipients" where "cycle_id" = $1 and "id" = $2 and "status" = $3;

-- programme-deliveries-repo.moveDelivery
update "programme_cycle_recipients" set "payment" = $1 where "id" = $2 and "payment" = $3;

-- programme-deliveries-repo.insertDelivery
insert into "programme_deliveries" ("id", "cycle_id", "recipient_id", "result", "receiver_name", "relation", "delivered_at", "lat", "lng", "photo_upload_id", "checks", "reason", "recorded_by", "recorded_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- programme-deliveries-repo.latestDeliveries
select * from "programme_deliveries" where "recipient_id" in ($1) order by "recorded_at";

-- programme-deliveries-repo.nextDueMonth
select "due_month" from "programme_cycles" where "office_id" = $1 and "programme_slug" = $2 and "period" = $3 and "category" = $4 and "status" in ($5, $6) and "due_month" >= $7 order by "due_month" limit $8;

-- programme-deliveries-repo.moveCycleStatus
update "programme_cycles" set "status" = $1, "version" = "version" + $2 where "id" = $3 and "status" = $4;

-- programme-groups-repo.insertSelfCheck
insert into "programme_self_checks" ("office_id", "programme_slug", "nik", "found", "at") values ($1, $2, $3, $4, $5);

-- logistics-repo.insertWarehouse
insert into "logistics_warehouses" ("id", "office_id", "name", "kind", "area", "custodian", "release_gate", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- logistics-repo.warehousesOf
select * from "logistics_warehouses" where "office_id" = $1 order by "name" limit $2;

-- logistics-repo.findWarehouse
select * from "logistics_warehouses" where "office_id" = $1 and "id" = $2;

-- logistics-repo.findWarehouseByName
select * from "logistics_warehouses" where "office_id" = $1 and "name" = $2;

-- logistics-repo.insertItem
insert into "logistics_items" ("id", "office_id", "code", "name", "unit", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6, $7);

-- logistics-repo.itemsOf
select * from "logistics_items" where "office_id" = $1 order by "code" limit $2;

-- logistics-repo.findItem
select * from "logistics_items" where "office_id" = $1 and "id" = $2;

-- logistics-repo.findItemByCode
select * from "logistics_items" where "office_id" = $1 and "code" = $2;

-- logistics-repo.findLot
select * from "logistics_lots" where "warehouse_id" = $1 and "item_id" = $2 and "lot_code" = $3;

-- logistics-repo.insertLot
insert into "logistics_lots" ("id", "office_id", "warehouse_id", "item_id", "lot_code", "expires_on", "funding", "received_at", "on_hand") values ($1, $2, $3, $4, $5, $6, $7, $8, $9);

-- logistics-repo.lotsWithStock
select * from "logistics_lots" where "warehouse_id" = $1 and "item_id" = $2 and "on_hand" > $3 order by "expires_on", "received_at" limit $4;

-- logistics-repo.takeFromLot
update "logistics_lots" set "on_hand" = "on_hand" - $1 where "id" = $2 and "on_hand" >= $3;

-- logistics-repo.addToLot
update "logistics_lots" set "on_hand" = "on_hand" + $1 where "id" = $2;

-- logistics-repo.insertMovements
insert into "logistics_movements" ("id", "movement_id", "office_id", "warehouse_id", "item_id", "lot_id", "kind", "quantity", "reason", "incident_id", "document", "actor_id", "actor_name", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- logistics-repo.stockOfWarehouse
select "l"."item_id", "i"."code", "i"."name", "i"."unit", "l"."id" as "lot_id", "l"."lot_code", "l"."expires_on", "l"."funding", "l"."received_at", "l"."on_hand" from "logistics_lots" as "l" inner join "logistics_items" as "i" on "i"."id" = "l"."item_id" where "l"."warehouse_id" = $1 and "l"."on_hand" > $2 order by "i"."code", "l"."expires_on", "l"."received_at" limit $3;

-- logistics-repo.ledgerSums
select "lot_id", "item_id", sum(quantity) as "on_hand" from "logistics_movements" where "warehouse_id" = $1 group by "item_id", "lot_id" limit $2;

-- logistics-repo.minimumsOf
select "item_id", "minimum" from "logistics_minimums" where "warehouse_id" = $1 limit $2;

-- logistics-repo.upsertMinimum
insert into "logistics_minimums" ("warehouse_id", "item_id", "office_id", "minimum", "updated_by", "updated_at") values ($1, $2, $3, $4, $5, $6) on conflict ("warehouse_id", "item_id") do update set "minimum" = $7, "updated_by" = $8, "updated_at" = $9;

-- logistics-repo.recentMovements
select "m"."seq", "m"."movement_id", "m"."kind", "m"."quantity", "m"."reason", "m"."incident_id", "m"."actor_name", "m"."at", "i"."code", "i"."name", "i"."unit", "l"."lot_code" from "logistics_movements" as "m" inner join "logistics_items" as "i" on "i"."id" = "m"."item_id" inner join "logistics_lots" as "l" on "l"."id" = "m"."lot_id" where "m"."warehouse_id" = $1 order by "m"."seq" desc limit $2;

-- logistics-repo.insertIncident
insert into "logistics_incidents" ("id", "office_id", "title", "source", "reported_at", "location_text", "lat", "lng", "emergency_report_id", "description", "assessment", "needs", "plan", "state", "created_by", "created_at", "version", "emergency_status", "application_id", "closed_at", "closed_by", "closure_reason", "closure") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23);

-- logistics-repo.findIncident
select * from "logistics_incidents" where "office_id" = $1 and "id" = $2;

-- logistics-repo.incidentsOf
select * from "logistics_incidents" where "office_id" = $1 order by "state" desc, "reported_at" desc limit $2;

-- logistics-repo.updateIncidentIfVersion
update "logistics_incidents" set "plan" = $1, "version" = $2 where "id" = $3 and "version" = $4;

-- logistics-repo.incidentLedger
select "item_id", "kind", sum(quantity) as "quantity" from "logistics_movements" where "incident_id" = $1 group by "item_id", "kind" limit $2;

-- logistics-repo.insertFieldLoss
insert into "logistics_field_losses" ("incident_id", "office_id", "item_id", "quantity", "reason", "actor_name", "at", "id") values ($1, $2, $3, $4, $5, $6, $7, $8);

-- logistics-repo.fieldLosses
select "item_id", sum(quantity) as "quantity" from "logistics_field_losses" where "incident_id" = $1 group by "item_id" limit $2;

-- logistics-repo.insertHandover
insert into "logistics_handovers" ("id", "incident_id", "office_id", "mode", "place", "items", "handed_by", "received_by", "number", "number_seq", "counter", "token", "issued_on", "sha256", "public_sha256", "actor_id", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17);

-- logistics-repo.handoversOf
select * from "logistics_handovers" where "incident_id" = $1 order by "at" limit $2;

-- logistics-repo.handoverByToken
select * from "logistics_handovers" where "token" = $1;

-- logistics-repo.victimFor
insert into "logistics_victims" ("incident_id", "office_id", "dedupe_key", "nik", "name", "village", "family_size", "vulnerable", "created_at", "id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict ("incident_id", "dedupe_key") do nothing;
select "id" from "logistics_victims" where "incident_id" = $1 and "dedupe_key" = $2;

-- logistics-repo.linkVictim
insert into "logistics_handover_victims" ("handover_id", "victim_id") values ($1, $2) on conflict ("handover_id", "victim_id") do nothing;

-- logistics-repo.victimsOf
select "v"."id", "v"."nik", "v"."name", "v"."village", "v"."family_size", "v"."vulnerable", count(hv.handover_id) as "handovers" from "logistics_victims" as "v" left join "logistics_handover_victims" as "hv" on "hv"."victim_id" = "v"."id" where "v"."incident_id" = $1 group by "v"."id", "v"."nik", "v"."name", "v"."village", "v"."family_size", "v"."vulnerable" order by "v"."name" limit $2;

-- logistics-repo.insertShipment
insert into "logistics_shipments" ("id", "office_id", "incident_id", "warehouse_id", "item_id", "movement_id", "quantity", "destination", "state", "dispatched_at", "updated_at", "version") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- logistics-repo.findShipment
select * from "logistics_shipments" where "office_id" = $1 and "id" = $2;

-- logistics-repo.moveShipmentIfVersion
update "logistics_shipments" set "state" = $1, "updated_at" = $2, "version" = $3 where "id" = $4 and "version" = $5;

-- logistics-repo.insertShipmentEvent
insert into "logistics_shipment_events" ("id", "shipment_id", "office_id", "state", "at", "recorded_at", "lat", "lng", "note", "actor_id", "actor_name") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);

-- logistics-repo.shipmentsOf
select "s".*, "i"."code", "i"."name", "i"."unit", "w"."name" as "warehouse_name" from "logistics_shipments" as "s" inner join "logistics_items" as "i" on "i"."id" = "s"."item_id" inner join "logistics_warehouses" as "w" on "w"."id" = "s"."warehouse_id" where "s"."incident_id" = $1 order by "s"."dispatched_at", "s"."id" limit $2;

-- logistics-repo.shipmentEventsOf
select "e".* from "logistics_shipment_events" as "e" inner join "logistics_shipments" as "s" on "s"."id" = "e"."shipment_id" where "s"."incident_id" = $1 order by "e"."at", "e"."recorded_at" limit $2;

-- logistics-repo.movementRows
select "lot_id", "quantity", "item_id", "warehouse_id" from "logistics_movements" where "movement_id" = $1 order by "seq" limit $2;

-- logistics-repo.insertDocument
insert into "logistics_documents" ("id", "office_id", "warehouse_id", "movement_id", "kind", "number", "number_seq", "counter", "token", "issued_on", "sha256", "at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12);

-- logistics-repo.documentByToken
select * from "logistics_documents" where "token" = $1;

-- logistics-repo.findDocument
select * from "logistics_documents" where "office_id" = $1 and "id" = $2;

-- logistics-repo.documentsOfWarehouse
select * from "logistics_documents" where "warehouse_id" = $1 order by "at" desc, "number_seq" desc limit $2;

-- logistics-repo.incidentOfCase
select * from "logistics_incidents" where "office_id" = $1 and "application_id" = $2;

-- logistics-repo.setWarehouseReleaseGate
update "logistics_warehouses" set "release_gate" = $1 where "id" = $2;
