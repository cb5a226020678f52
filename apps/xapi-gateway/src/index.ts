export { bootstrapXapiGateway } from './bootstrap';
export { APP_NAME, XapiGatewayModule } from './app.module';
export { KAFKA, PRODUCER } from './kafka/kafka.tokens';
export { MAX_STATEMENTS_PER_REQUEST } from './statements/statements.service';
