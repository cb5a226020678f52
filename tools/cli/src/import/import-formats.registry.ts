/** The formats `learnpulse import <format>` knows; a new one is one entry here. */
import { type ImportFormat } from './import-format';
import { caliperFormat } from './caliper.format';
import { edxFormat } from './edx.format';
import { csvFormat } from './oulad-csv.format';
import { xapiFormat } from './xapi.format';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  xapiFormat,
  edxFormat,
  caliperFormat,
  csvFormat,
];

export function findImportFormat(name: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((format) => format.name === name);
}
