/**
 * The sensor envelope (Caliper Sensor API): `sensor` an IRI, `sendTime` a date-time, `dataVersion`
 * a Caliper context IRI, `data` a non-empty array whose items are events, entities, or entity
 * IRIs, each checked under the version `dataVersion` names.
 */
import { CALIPER_CONTEXTS, versionOfDataVersion } from '../caliper-version';
import { isDateTime, isIri } from './caliper-formats';
import { CaliperReport, isJsonObject, itemPath } from './caliper-report';
import { contextVersion } from './context-rules';
import { isEventLike } from './data-item-kind';
import { checkEntity } from './entity-rules';
import { checkEvent } from './event-rules';

export function checkEnvelope(body: unknown): CaliperReport {
  if (!isJsonObject(body)) {
    const report = new CaliperReport('1.2');
    report.add('', 'must be a JSON object (a Caliper envelope)');
    return report;
  }
  const declared = versionOfDataVersion(body.dataVersion);
  // An unknown dataVersion is reported once; the data is still checked, under its own context.
  const firstItem: unknown = Array.isArray(body.data) ? body.data[0] : undefined;
  const fallback = isJsonObject(firstItem) ? contextVersion(firstItem['@context']) : undefined;
  const report = new CaliperReport(declared ?? fallback ?? '1.2');

  if (body.sensor === undefined) report.add('sensor', 'required');
  else if (!isIri(body.sensor)) report.add('sensor', 'must be an IRI');
  if (body.sendTime === undefined) report.add('sendTime', 'required');
  else if (!isDateTime(body.sendTime)) {
    report.add('sendTime', 'must be an ISO 8601 date and time with a zone');
  }
  if (body.dataVersion === undefined) report.add('dataVersion', 'required');
  else if (declared === undefined) {
    const known = Object.values(CALIPER_CONTEXTS).join(' or ');
    report.add('dataVersion', `unknown data version: must be ${known}`);
  }

  const data = body.data;
  if (data === undefined) report.add('data', 'required');
  else if (!Array.isArray(data)) report.add('data', 'must be an array');
  else if (data.length === 0) report.add('data', 'must not be empty');
  else
    data.forEach((item, i) => {
      checkDataItem(item, itemPath('data', i), report);
    });
  return report;
}

/** One item of `data`: an event, an entity, or the IRI of an entity described elsewhere. */
export function checkDataItem(item: unknown, path: string, report: CaliperReport): void {
  if (typeof item === 'string') {
    if (!isIri(item)) report.add(path, 'must be an event, an entity or an entity IRI');
  } else if (!isJsonObject(item)) {
    report.add(path, 'must be an event, an entity or an entity IRI');
  } else if (isEventLike(item)) {
    checkEvent(item, path, report, { topLevel: true });
  } else {
    checkEntity(item, path, report, { topLevel: true });
  }
}
