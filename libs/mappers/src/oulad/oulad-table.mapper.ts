/**
 * Which OULAD table a file holds (by its name: `studentVle.csv.gz` → studentVle) and the mapper
 * of each event table.
 */
import { mapOuladAssessment } from './oulad-assessment.mapper';
import { type OuladLookups } from './oulad-lookups';
import {
  OULAD_EVENT_TABLES,
  OULAD_LOOKUP_TABLES,
  type OuladEventTable,
  type OuladLookupTable,
  type OuladMappingContext,
  type OuladMappingResult,
  type OuladRow,
} from './oulad-mapping.types';
import { mapOuladRegistration } from './oulad-registration.mapper';
import { mapOuladVle } from './oulad-vle.mapper';

/** The table name of a file name: everything before the first dot. */
export function ouladTableName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  return base.split('.')[0] ?? base;
}

export function isOuladEventTable(table: string): table is OuladEventTable {
  return (OULAD_EVENT_TABLES as readonly string[]).includes(table);
}

export function isOuladLookupTable(table: string): table is OuladLookupTable {
  return (OULAD_LOOKUP_TABLES as readonly string[]).includes(table);
}

export function mapOuladRow(
  table: OuladEventTable,
  row: OuladRow,
  ctx: OuladMappingContext,
  lookups: OuladLookups,
): OuladMappingResult {
  switch (table) {
    case 'studentRegistration':
      return mapOuladRegistration(row, ctx);
    case 'studentVle':
      return mapOuladVle(row, ctx, lookups);
    case 'studentAssessment':
      return mapOuladAssessment(row, ctx, lookups);
  }
}
