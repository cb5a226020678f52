/**
 * xAPI 2.4.2 Actor: an Agent, or a Group (identified, or anonymous with members). An Agent and an
 * identified Group carry exactly one inverse functional identifier (IFI).
 */
import { isAbsoluteIri, isMailtoIri, isSha1Hex } from './formats';
import {
  isJsonObject,
  itemPath,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** Checks the IFIs present on `actor` and returns how many there are. */
function checkIdentifiers(
  actor: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): number {
  const present = IFI_KEYS.filter((key) => actor[key] !== undefined);
  if (actor.mbox !== undefined && !isMailtoIri(actor.mbox)) {
    report.add(propertyPath(path, 'mbox'), 'must be a mailto IRI (mailto:name@example.org)');
  }
  if (actor.mbox_sha1sum !== undefined && !isSha1Hex(actor.mbox_sha1sum)) {
    report.add(propertyPath(path, 'mbox_sha1sum'), 'must be 40 hexadecimal characters (SHA-1)');
  }
  if (actor.openid !== undefined && !isAbsoluteIri(actor.openid)) {
    report.add(propertyPath(path, 'openid'), 'must be an absolute IRI');
  }
  if (actor.account !== undefined) {
    const at = propertyPath(path, 'account');
    const account = actor.account;
    if (!isJsonObject(account)) {
      report.add(at, 'must be an object with homePage and name');
    } else {
      if (!isAbsoluteIri(account.homePage)) {
        report.add(propertyPath(at, 'homePage'), 'must be an absolute IRI');
      }
      if (typeof account.name !== 'string' || account.name.length === 0) {
        report.add(propertyPath(at, 'name'), 'must be a non-empty string');
      }
    }
  }
  return present.length;
}

function checkAgent(agent: Record<string, unknown>, path: string, report: ValidationReport): void {
  optionalString(agent, 'name', path, report);
  const count = checkIdentifiers(agent, path, report);
  if (count !== 1) {
    report.add(
      path,
      `must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found ${count}`,
    );
  }
}

function checkGroup(group: Record<string, unknown>, path: string, report: ValidationReport): void {
  optionalString(group, 'name', path, report);
  const count = checkIdentifiers(group, path, report);
  const members = group.member;
  const memberPath = propertyPath(path, 'member');
  if (count > 1) {
    report.add(path, `must have at most one inverse functional identifier, found ${count}`);
  }
  if (members === undefined) {
    if (count === 0) report.add(memberPath, 'an anonymous Group (no identifier) must list members');
    return;
  }
  if (!Array.isArray(members)) {
    report.add(memberPath, 'must be an array of Agents');
    return;
  }
  if (count === 0 && members.length === 0) {
    report.add(memberPath, 'an anonymous Group (no identifier) must list members');
  }
  members.forEach((member, index) => {
    const at = itemPath(memberPath, index);
    if (!isJsonObject(member)) {
      report.add(at, 'must be an Agent object');
    } else if (member.objectType !== undefined && member.objectType !== 'Agent') {
      report.add(
        propertyPath(at, 'objectType'),
        "a Group member must be an Agent ('Agent' or absent)",
      );
    } else {
      checkAgent(member, at, report);
    }
  });
}

/** Checks an Agent or Group (objectType absent, 'Agent' or 'Group'). */
export function checkActor(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Agent or Group object');
    return;
  }
  const objectType = value.objectType;
  if (objectType === undefined || objectType === 'Agent') checkAgent(value, path, report);
  else if (objectType === 'Group') checkGroup(value, path, report);
  else report.add(propertyPath(path, 'objectType'), "must be 'Agent', 'Group' or absent");
}

/** Checks a Group only (context.team). */
export function checkGroupActor(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value) || value.objectType !== 'Group') {
    report.add(path, "must be a Group (objectType 'Group')");
    return;
  }
  checkGroup(value, path, report);
}
