export { bootstrapAnalyticsApi } from './analytics-api.bootstrap';
export { AppModule as AnalyticsApiModule } from './app.module';
export type { CourseActivityReport } from './course-activity/course-activity.service';
export type { DailyActivityRow } from './course-activity/course-activity.query';
export { TENANT_READABLE_TABLES, TENANT_UNREADABLE_TABLES } from './sql/tenant-tables';
export {
  dropTenantSqlUserStatements,
  tenantSqlUserName,
  tenantSqlUserStatements,
  type SqlUserLimits,
  type TenantSqlUser,
} from './sql/tenant-sql-user';
