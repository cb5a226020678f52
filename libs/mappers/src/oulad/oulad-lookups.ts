/**
 * The small OULAD tables the event tables join with: vle (a site's activity type and
 * presentation) and assessments (an assessment's type and presentation). Loaded whole: a few
 * hundred rows per presentation.
 */
import { requiredText } from './oulad-fields';
import { ouladCourseId } from './oulad-ids';
import { type OuladMappingError, type OuladRow } from './oulad-mapping.types';

export interface OuladSite {
  courseId: string;
  activityType: string;
}

export interface OuladAssessment {
  courseId: string;
  assessmentType: string;
}

export interface OuladLookups {
  /** By id_site. */
  sites: Map<string, OuladSite>;
  /** By id_assessment. */
  assessments: Map<string, OuladAssessment>;
}

export function emptyOuladLookups(): OuladLookups {
  return { sites: new Map(), assessments: new Map() };
}

/** Adds one vle row; returns its problems (the row is then left out). */
export function addOuladSite(lookups: OuladLookups, row: OuladRow): OuladMappingError[] {
  const errors: OuladMappingError[] = [];
  const site = requiredText(row, 'id_site', errors);
  const codeModule = requiredText(row, 'code_module', errors);
  const presentation = requiredText(row, 'code_presentation', errors);
  const activityType = requiredText(row, 'activity_type', errors);
  if (errors.length === 0) {
    lookups.sites.set(site, { courseId: ouladCourseId(codeModule, presentation), activityType });
  }
  return errors;
}

/** Adds one assessments row; returns its problems (the row is then left out). */
export function addOuladAssessment(lookups: OuladLookups, row: OuladRow): OuladMappingError[] {
  const errors: OuladMappingError[] = [];
  const id = requiredText(row, 'id_assessment', errors);
  const codeModule = requiredText(row, 'code_module', errors);
  const presentation = requiredText(row, 'code_presentation', errors);
  const assessmentType = requiredText(row, 'assessment_type', errors);
  if (errors.length === 0) {
    lookups.assessments.set(id, {
      courseId: ouladCourseId(codeModule, presentation),
      assessmentType: assessmentType.toLowerCase(),
    });
  }
  return errors;
}
