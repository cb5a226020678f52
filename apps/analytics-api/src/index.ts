export { bootstrapAnalyticsApi } from './analytics-api.bootstrap';
export { AppModule as AnalyticsApiModule } from './app.module';
export type { CourseActivityReport } from './course-activity/course-activity.service';
export type { DailyActivityRow } from './course-activity/course-activity.query';
