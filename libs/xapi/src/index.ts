export type {
  Extensions,
  LanguageMap,
  StoredXapiStatement,
  XapiAccount,
  XapiActivity,
  XapiAttachment,
  XapiActivityDefinition,
  XapiActor,
  XapiAgent,
  XapiContext,
  XapiContextActivities,
  XapiContextAgent,
  XapiContextGroup,
  XapiGroup,
  XapiObject,
  XapiResult,
  XapiScore,
  XapiStatement,
  XapiStatementRef,
  XapiSubStatement,
  XapiValidationError,
  XapiVerb,
} from './statement.types';
export {
  statementPath,
  validateStatement,
  validateStatementBatch,
  validateStatementShape,
  type ValidateOptions,
} from './validate-statement';
export { type XapiSpecVersion } from './rules/validation-report';
export { SIGNATURE_USAGE_TYPE } from './rules/attachment';
export { statementsEquivalent } from './statement-comparison';
export { canonicalStatement, idsOnlyStatement, parseAcceptLanguage } from './statement-formats';
export { normaliseStatement, type NormaliseOptions } from './normalise-statement';
export {
  CREDENTIAL_AUTHORITY_HOME_PAGE_PREFIX,
  credentialAuthority,
  LRS_AUTHORITY_HOME_PAGE,
  lrsAuthority,
} from './lrs-authority';
export { actorLearnerId } from './learner-id';
export { actionForVerb } from './verb-actions';
export {
  statementCourseId,
  statementEventId,
  statementToLearningEvent,
} from './statement-to-learning-event';
export { parseIsoTimestamp } from './rules/formats';
export { isSupportedXapiVersion, LRS_XAPI_VERSION } from './xapi-version';
export {
  type StatementEventMapper,
  statementLearningEventRecords,
  statementRecords,
  storedStatementRecords,
} from './statement-records';
