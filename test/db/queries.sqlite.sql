-- applications-repo.nextCounter
insert into "counters" ("office_id", "name", "value") values (?, ?, ?) on conflict ("office_id", "name") do update set "value" = counters.value + 1 returning "value";

-- applications-repo.insertApplication
insert into "applications" ("id", "office_id", "service_id", "service_version_id", "registration_number", "tracking_code_hash", "idempotency_key", "initiator", "channel", "applicant_nik", "applicant_name", "applicant", "answers", "eligibility", "status", "current_step", "end_id", "outcome_reason", "submitted_at", "clock_started_at", "paused_since", "pauses", "due_at", "expected_at", "stages", "sla_state", "closed_at", "created_by", "version", "updated_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

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
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "applications"."version", "applications"."status", "applications"."applicant_name", "applications"."sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?, ?) order by "tasks"."due_at" asc, "tasks"."created_at" asc limit ? offset ?;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "applications"."version", "applications"."status", "applications"."applicant_name", "applications"."sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = ? and "tasks"."status" = ? and "tasks"."role" in (?) and "applications"."service_id" = ? and "applications"."sla_state" = ? order by "tasks"."due_at" asc, "tasks"."created_at" asc limit ? offset ?;

-- applications-repo.openCasesByStep
select "service_id", "step_id", "role", "claimed_by", "sla_state", count(*) as "n", min("due_at") as "oldest_due" from "tasks" where "office_id" = ? and "status" in (?, ?) group by "service_id", "step_id", "role", "claimed_by", "sla_state";

-- applications-repo.staffNames
select "id", "display_name" from "staff_users" where "office_id" = ?;

-- applications-repo.slaCandidates
select "applications"."id", "applications"."registration_number", "applications"."clock_started_at", "applications"."due_at", "applications"."sla_state", "tasks"."role" from "applications" inner join "tasks" on "tasks"."application_id" = "applications"."id" and "tasks"."status" = ? where "applications"."office_id" = ? and "applications"."status" = ? and "applications"."sla_state" in (?, ?) and "applications"."due_at" is not null;

-- applications-repo.setSlaState
update "applications" set "sla_state" = ? where "id" = ?;
update "tasks" set "sla_state" = ? where "application_id" = ? and "status" = ?;

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

-- applications-repo.knownUploads
select "id" from "uploads" where "id" in (?, ?);

-- applications-repo.uploadOfOfficeCase
select "uploads"."sha256", "uploads"."mime" from "uploads" inner join "attachments" on "attachments"."upload_id" = "uploads"."id" inner join "applications" on "applications"."id" = "attachments"."application_id" where "uploads"."id" = ? and "applications"."office_id" = ?;

-- calendar-repo.closuresBySlug
select "offices"."slug", "office_closures"."date", "office_closures"."reason" from "office_closures" inner join "offices" on "offices"."id" = "office_closures"."office_id";

-- calendar-repo.closuresOf
select "date", "reason" from "office_closures" where "office_id" = ?;

-- calendar-repo.insertClosure
insert into "office_closures" ("id", "office_id", "date", "reason", "created_by", "created_at") values (?, ?, ?, ?, ?, ?);
insert into "audit_events" ("id", "office_id", "actor", "action", "subject", "detail", "at") values (?, ?, ?, ?, ?, ?, ?);

-- settings-repo.readOrCreateSecret
select "value" from "settings" where "key" = ?;
insert into "settings" ("key", "value") values (?, ?) on conflict ("key") do nothing;
select "value" from "settings" where "key" = ?;

-- staff-repo.findUserByUsername
select * from "staff_users" where "username" = ?;

-- staff-repo.insertUser
insert into "staff_users" ("id", "office_id", "username", "display_name", "password_hash", "roles", "title", "nip", "rank", "active", "failed_attempts", "locked_until", "demo", "created_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- staff-repo.recordFailedSignIn
update "staff_users" set "failed_attempts" = "failed_attempts" + ?, "locked_until" = ? where "id" = ?;

-- staff-repo.resetFailedSignIns
update "staff_users" set "failed_attempts" = ?, "locked_until" = ? where "id" = ?;

-- staff-repo.insertSession
insert into "sessions" ("token_hash", "user_id", "kind", "csrf_token", "created_at", "expires_at") values (?, ?, ?, ?, ?, ?);

-- staff-repo.findSession
select "staff_users".*, "sessions"."csrf_token", "sessions"."kind", "sessions"."expires_at" from "sessions" inner join "staff_users" on "staff_users"."id" = "sessions"."user_id" where "sessions"."token_hash" = ? and "sessions"."expires_at" > ? and "staff_users"."active" = ?;

-- staff-repo.deleteSession
delete from "sessions" where "token_hash" = ?;

-- standards-repo.storeOfficeStandard
select * from "offices" where "slug" = ?;
insert into "offices" ("id", "slug", "current_version_id", "created_at") values (?, ?, ?, ?);
insert into "office_versions" ("id", "office_id", "version", "content_hash", "content", "decree_number", "decree_date", "loaded_at") values (?, ?, ?, ?, ?, ?, ?, ?);
update "offices" set "current_version_id" = ? where "id" = ?;
select * from "services" where "office_id" = ?;
insert into "services" ("id", "office_id", "slug", "no", "current_version_id", "active", "created_at") values (?, ?, ?, ?, ?, ?, ?);
insert into "service_versions" ("id", "service_id", "office_version_id", "version", "content_hash", "content", "loaded_at") values (?, ?, ?, ?, ?, ?, ?);
update "services" set "current_version_id" = ?, "no" = ?, "active" = ? where "id" = ?;
insert into "audit_events" ("id", "office_id", "actor", "action", "subject", "detail", "at") values (?, ?, ?, ?, ?, ?, ?);

-- standards-repo.readCurrentStandards
select "offices"."id", "office_versions"."id" as "versionId", "office_versions"."version", "office_versions"."content" from "offices" inner join "office_versions" on "office_versions"."id" = "offices"."current_version_id" order by "offices"."slug";
select "services"."id", "services"."office_id", "service_versions"."id" as "versionId", "service_versions"."version", "service_versions"."content" from "services" inner join "service_versions" on "service_versions"."id" = "services"."current_version_id" where "services"."active" = ? order by "services"."no";

-- standards-repo.readServiceVersion
select "content" from "service_versions" where "id" = ?;

-- standards-repo.countVersions
select count(*) as "n" from "office_versions";

-- versioned.updateIfVersion
update "letters" set "status" = ?, "version" = ? where "id" = ? and "version" = ?;
