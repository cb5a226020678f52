export type {
  Extensions,
  LanguageMap,
  StoredXapiStatement,
  XapiAccount,
  XapiActivity,
  XapiActivityDefinition,
  XapiActor,
  XapiAgent,
  XapiContext,
  XapiContextActivities,
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
  validateStatementBatch,
  validateStatementShape,
} from './validate-statement';
export { normaliseStatement, type NormaliseOptions } from './normalise-statement';
export { LRS_AUTHORITY_HOME_PAGE, lrsAuthority } from './lrs-authority';
export { actorLearnerId } from './learner-id';
export { actionForVerb } from './verb-actions';
export {
  statementCourseId,
  statementEventId,
  statementToLearningEvent,
} from './statement-to-learning-event';
export { parseIsoTimestamp } from './rules/formats';
export { isSupportedXapiVersion, LRS_XAPI_VERSION } from './xapi-version';
