export {
  bootstrapAlertDispatcher,
  type AlertDispatcherOptions,
} from './alert-dispatcher.bootstrap';
export { AppModule as AlertDispatcherModule } from './app.module';
export { ALERT_TOPICS, type AlertTopics } from './dispatch/alert-topics';
export { type AlertPayload, ALERT_EVENT_TYPE, idempotencyKeyOf } from './alerts/alert-payload';
export { SIGNATURE_HEADER, verifyWebhookSignature } from './alerts/webhook-signature';
export {
  type NewWebhook,
  WebhookAdmin,
  type WebhookAdminOptions,
  webhookTopicSpec,
} from './subscriptions/webhook-admin';
export { deriveWebhookSecret, MissingSigningKeyError } from './subscriptions/webhook-secret';
export { type WebhookSubscription } from './subscriptions/webhook-subscription.records';
