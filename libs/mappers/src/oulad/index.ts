/** OULAD (Open University Learning Analytics Dataset) CSV tables → LearningEvents. */
export { parseOuladStartDate, ouladDayToEpochMs } from './oulad-dates';
export { ouladCourseId, ouladEventId } from './oulad-ids';
export {
  addOuladAssessment,
  addOuladSite,
  emptyOuladLookups,
  type OuladAssessment,
  type OuladLookups,
  type OuladSite,
} from './oulad-lookups';
export {
  OULAD_EVENT_TABLES,
  OULAD_LOOKUP_TABLES,
  type OuladEventTable,
  type OuladLookupTable,
  type OuladMappingContext,
  type OuladMappingError,
  type OuladMappingResult,
  type OuladRow,
} from './oulad-mapping.types';
export { mapOuladAssessment } from './oulad-assessment.mapper';
export { mapOuladRegistration } from './oulad-registration.mapper';
export { mapOuladVle } from './oulad-vle.mapper';
export {
  isOuladEventTable,
  isOuladLookupTable,
  mapOuladRow,
  ouladTableName,
} from './oulad-table.mapper';
