/** The app's parsed environment, for providers that need more than one value of it. */
export const ANALYTICS_ENV = Symbol('learnpulse.analytics-api.env');
