/** The app's environment as the admin module sees it (ADMIN_TOKEN, Kafka, pseudonym key). */
export const ADMIN_ENV = Symbol('learnpulse.analytics-api.admin-env');
