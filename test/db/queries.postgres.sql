-- applications-repo.nextCounter
insert into "counters" ("office_id", "name", "value") values ($1, $2, $3) on conflict ("office_id", "name") do update set "value" = counters.value + 1 returning "value";

-- applications-repo.insertApplication
insert into "applications" ("id", "office_id", "service_id", "service_version_id", "registration_number", "tracking_code_hash", "idempotency_key", "initiator", "channel", "applicant_nik", "applicant_name", "applicant", "answers", "eligibility", "status", "current_step", "end_id", "outcome_reason", "submitted_at", "clock_started_at", "paused_since", "pauses", "due_at", "expected_at", "stages", "sla_state", "closed_at", "created_by", "version", "updated_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30);

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
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "applications"."version", "applications"."status", "applications"."applicant_name", "applications"."sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $1 and "tasks"."status" = $2 and "tasks"."role" in ($3, $4) order by "tasks"."due_at" asc, "tasks"."created_at" asc limit $5 offset $6;
select "tasks"."id" as "task_id", "tasks"."application_id", "applications"."registration_number", "applications"."service_id", "applications"."service_version_id", "tasks"."step_id", "tasks"."role", "tasks"."claimed_by", "tasks"."due_at", "applications"."version", "applications"."status", "applications"."applicant_name", "applications"."sla_state", "applications"."submitted_at", "applications"."clock_started_at" from "tasks" inner join "applications" on "applications"."id" = "tasks"."application_id" where "tasks"."office_id" = $1 and "tasks"."status" = $2 and "tasks"."role" in ($3) and "applications"."service_id" = $4 and "applications"."sla_state" = $5 order by "tasks"."due_at" asc, "tasks"."created_at" asc limit $6 offset $7;

-- applications-repo.openCasesByStep
select "service_id", "step_id", "role", "claimed_by", "sla_state", count(*) as "n", min("due_at") as "oldest_due" from "tasks" where "office_id" = $1 and "status" in ($2, $3) group by "service_id", "step_id", "role", "claimed_by", "sla_state";

-- applications-repo.staffNames
select "id", "display_name" from "staff_users" where "office_id" = $1;

-- applications-repo.slaCandidates
select "applications"."id", "applications"."registration_number", "applications"."clock_started_at", "applications"."due_at", "applications"."sla_state", "tasks"."role" from "applications" inner join "tasks" on "tasks"."application_id" = "applications"."id" and "tasks"."status" = $1 where "applications"."office_id" = $2 and "applications"."status" = $3 and "applications"."sla_state" in ($4, $5) and "applications"."due_at" is not null;

-- applications-repo.setSlaState
update "applications" set "sla_state" = $1 where "id" = $2;
update "tasks" set "sla_state" = $1 where "application_id" = $2 and "status" = $3;

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

-- applications-repo.knownUploads
select "id" from "uploads" where "id" in ($1, $2);

-- applications-repo.uploadOfOfficeCase
select "uploads"."sha256", "uploads"."mime" from "uploads" inner join "attachments" on "attachments"."upload_id" = "uploads"."id" inner join "applications" on "applications"."id" = "attachments"."application_id" where "uploads"."id" = $1 and "applications"."office_id" = $2;

-- calendar-repo.closuresBySlug
select "offices"."slug", "office_closures"."date", "office_closures"."reason" from "office_closures" inner join "offices" on "offices"."id" = "office_closures"."office_id";

-- calendar-repo.closuresOf
select "date", "reason" from "office_closures" where "office_id" = $1;

-- calendar-repo.insertClosure
insert into "office_closures" ("id", "office_id", "date", "reason", "created_by", "created_at") values ($1, $2, $3, $4, $5, $6);
insert into "audit_events" ("id", "office_id", "actor", "action", "subject", "detail", "at") values ($1, $2, $3, $4, $5, $6, $7);

-- settings-repo.readOrCreateSecret
select "value" from "settings" where "key" = $1;
insert into "settings" ("key", "value") values ($1, $2) on conflict ("key") do nothing;
select "value" from "settings" where "key" = $1;

-- staff-repo.findUserByUsername
select * from "staff_users" where "username" = $1;

-- staff-repo.insertUser
insert into "staff_users" ("id", "office_id", "username", "display_name", "password_hash", "roles", "title", "nip", "rank", "active", "failed_attempts", "locked_until", "demo", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14);

-- staff-repo.recordFailedSignIn
update "staff_users" set "failed_attempts" = "failed_attempts" + $1, "locked_until" = $2 where "id" = $3;

-- staff-repo.resetFailedSignIns
update "staff_users" set "failed_attempts" = $1, "locked_until" = $2 where "id" = $3;

-- staff-repo.insertSession
insert into "sessions" ("token_hash", "user_id", "kind", "csrf_token", "created_at", "expires_at") values ($1, $2, $3, $4, $5, $6);

-- staff-repo.findSession
select "staff_users".*, "sessions"."csrf_token", "sessions"."kind", "sessions"."expires_at" from "sessions" inner join "staff_users" on "staff_users"."id" = "sessions"."user_id" where "sessions"."token_hash" = $1 and "sessions"."expires_at" > $2 and "staff_users"."active" = $3;

-- staff-repo.deleteSession
delete from "sessions" where "token_hash" = $1;

-- standards-repo.storeOfficeStandard
select * from "offices" where "slug" = $1;
insert into "offices" ("id", "slug", "current_version_id", "created_at") values ($1, $2, $3, $4);
insert into "office_versions" ("id", "office_id", "version", "content_hash", "content", "decree_number", "decree_date", "loaded_at") values ($1, $2, $3, $4, $5, $6, $7, $8);
update "offices" set "current_version_id" = $1 where "id" = $2;
select * from "services" where "office_id" = $1;
insert into "services" ("id", "office_id", "slug", "no", "current_version_id", "active", "created_at") values ($1, $2, $3, $4, $5, $6, $7);
insert into "service_versions" ("id", "service_id", "office_version_id", "version", "content_hash", "content", "loaded_at") values ($1, $2, $3, $4, $5, $6, $7);
update "services" set "current_version_id" = $1, "no" = $2, "active" = $3 where "id" = $4;
insert into "audit_events" ("id", "office_id", "actor", "action", "subject", "detail", "at") values ($1, $2, $3, $4, $5, $6, $7);

-- standards-repo.readCurrentStandards
select "offices"."id", "office_versions"."id" as "versionId", "office_versions"."version", "office_versions"."content" from "offices" inner join "office_versions" on "office_versions"."id" = "offices"."current_version_id" order by "offices"."slug";
select "services"."id", "services"."office_id", "service_versions"."id" as "versionId", "service_versions"."version", "service_versions"."content" from "services" inner join "service_versions" on "service_versions"."id" = "services"."current_version_id" where "services"."active" = $1 order by "services"."no";

-- standards-repo.readServiceVersion
select "content" from "service_versions" where "id" = $1;

-- standards-repo.countVersions
select count(*) as "n" from "office_versions";

-- versioned.updateIfVersion
update "letters" set "status" = $1, "version" = $2 where "id" = $3 and "version" = $4;
