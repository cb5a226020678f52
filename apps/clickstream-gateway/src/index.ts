export { bootstrapClickstreamGateway } from './bootstrap';
export { APP_NAME, ClickstreamGatewayModule } from './app.module';
export { KAFKA, PRODUCER } from './kafka/kafka.tokens';
export { learnerPseudonym, edxLearnerPseudonyms } from './learners/learner-pseudonym';
