/**
 * The endpoint configuration payload an endpoint returns to a sensor (Caliper 1.2 Sensor API):
 * `caliper_supported_versions` the context IRIs it accepts, `caliper_maximum_payload_size` a
 * non-negative integer (bytes), `caliper_supported_extensions` an object.
 */
import { versionOfContextIri } from '../caliper-version';
import { isIri } from './caliper-formats';
import { CaliperReport, isJsonObject, itemPath } from './caliper-report';

export function checkEndpointConfig(body: Record<string, unknown>): CaliperReport {
  const report = new CaliperReport('1.2');
  const versions = body.caliper_supported_versions;
  if (versions === undefined) report.add('caliper_supported_versions', 'required');
  else if (!Array.isArray(versions) || versions.length === 0) {
    report.add('caliper_supported_versions', 'must be a non-empty array of context IRIs');
  } else {
    versions.forEach((iri, i) => {
      if (!isIri(iri) || versionOfContextIri(iri) === undefined) {
        report.add(itemPath('caliper_supported_versions', i), 'must be a Caliper context IRI');
      }
    });
  }
  const size = body.caliper_maximum_payload_size;
  if (size !== undefined && !(Number.isInteger(size) && (size as number) >= 0)) {
    report.add('caliper_maximum_payload_size', 'must be a non-negative integer (bytes)');
  }
  const extensions = body.caliper_supported_extensions;
  if (extensions !== undefined && !isJsonObject(extensions)) {
    report.add('caliper_supported_extensions', 'must be an object');
  }
  return report;
}
