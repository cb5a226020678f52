export { bootstrapClickstreamGateway, type ClickstreamGatewayOptions } from './bootstrap';
export { APP_NAME, ClickstreamGatewayModule } from './app.module';
export { KAFKA, PRODUCER } from './kafka/kafka.tokens';
export {
  type CourseMetadataFor,
  type LearnerIdentifiersFor,
} from './learners/learner-identity.tokens';
