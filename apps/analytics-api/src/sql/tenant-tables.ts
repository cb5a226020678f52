/**
 * The warehouse tables a tenant's SQL may read (POST /v1/sql, and the grants of
 * `learnpulse sql-user create`): each has a `tenant` column the tenant filter applies to.
 * Every other table of the database is decided here too, with the reason, so a new table
 * is unreadable until someone decides (a spec checks that every table is listed).
 */

export const TENANT_READABLE_TABLES: readonly string[] = [
  'learning_events',
  'xapi_statements',
  'xapi_voided_statements',
  'course_daily_activity',
  'learner_daily_activity',
  'course_weekly_activity',
  'activity_completion',
  'assessment_scores',
  'enrolment_history',
  'enrolment_current',
  'video_engagement',
  'risk_assessments',
  'learner_risk_latest',
];

/** Tables of the database tenants may not read, and why (materialized views never are). */
export const TENANT_UNREADABLE_TABLES: Readonly<Record<string, string>> = {
  schema_migrations: 'migration bookkeeping, no tenant column',
  sink_offsets: 'sink bookkeeping, no tenant column',
  xapi_attachments: 'attachment bytes, served by the LRS attachment API only',
  xapi_attachments_ingest: 'Null-engine insert target, stores nothing',
  xapi_statement_keys: 'the LRS filter index, a copy of xapi_statements columns tenants read there',
  xapi_statement_bodies:
    'the LRS statement bodies by key, a copy of xapi_statements columns tenants read there',
  gdpr_audit: 'operator audit trail of erase and export requests',
};
