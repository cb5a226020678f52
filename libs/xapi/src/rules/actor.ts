/**
 * xAPI Data 2.4.2 Actor: an Agent, or a Group (identified, or anonymous with members). An Agent and
 * an identified Group carry exactly one inverse functional identifier (IFI); Group members are
 * Agents. Also the statement's authority (2.4.9): an Agent, or a two-Agent OAuth Group.
 */
import { isAbsoluteIri, isMailtoIri, isSha1Hex } from './formats';
import {
  checkKeys,
  isJsonObject,
  isPresent,
  itemPath,
  optionalString,
  propertyPath,
  type ValidationReport,
} from './validation-report';

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS: ReadonlySet<string> = new Set(['objectType', 'name', ...IFI_KEYS]);
const GROUP_KEYS: ReadonlySet<string> = new Set([...AGENT_KEYS, 'member']);
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(['homePage', 'name']);

function checkAccount(account: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(account)) {
    report.add(path, 'must be an object with homePage and name');
    return;
  }
  checkKeys(account, ACCOUNT_KEYS, path, report, 'an Account');
  if (account.homePage === undefined) report.add(propertyPath(path, 'homePage'), 'is required');
  else if (isPresent(account.homePage) && !isAbsoluteIri(account.homePage)) {
    report.add(propertyPath(path, 'homePage'), 'must be an IRL (absolute IRI)');
  }
  if (account.name === undefined) report.add(propertyPath(path, 'name'), 'is required');
  else if (isPresent(account.name) && (typeof account.name !== 'string' || account.name === '')) {
    // An empty name identifies no one, so the IFI is refused like any unusable identifier.
    report.add(propertyPath(path, 'name'), 'must be a non-empty string');
  }
}

/** Checks the IFIs present on `actor` and returns how many there are. */
function checkIdentifiers(
  actor: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): number {
  let count = 0;
  if (isPresent(actor.mbox)) {
    count++;
    if (!isMailtoIri(actor.mbox)) {
      report.add(propertyPath(path, 'mbox'), 'must be a mailto IRI (mailto:name@example.org)');
    }
  }
  if (isPresent(actor.mbox_sha1sum)) {
    count++;
    if (!isSha1Hex(actor.mbox_sha1sum)) {
      report.add(propertyPath(path, 'mbox_sha1sum'), 'must be 40 hexadecimal characters (SHA-1)');
    }
  }
  if (isPresent(actor.openid)) {
    count++;
    if (!isAbsoluteIri(actor.openid)) {
      report.add(propertyPath(path, 'openid'), 'must be an absolute URI');
    }
  }
  if (isPresent(actor.account)) {
    count++;
    checkAccount(actor.account, propertyPath(path, 'account'), report);
  }
  return count;
}

function checkAgentBody(
  agent: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): void {
  checkKeys(agent, AGENT_KEYS, path, report, 'an Agent');
  optionalString(agent, 'name', path, report);
  const count = checkIdentifiers(agent, path, report);
  if (count !== 1) {
    report.add(
      path,
      `must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found ${count}`,
    );
  }
}

/** Checks an Agent (objectType absent or 'Agent'): group members, contextAgents' agent. */
export function checkAgent(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Agent object');
    return;
  }
  if (isPresent(value.objectType) && value.objectType !== 'Agent') {
    report.add(propertyPath(path, 'objectType'), "must be 'Agent' or absent");
    return;
  }
  checkAgentBody(value, path, report);
}

/** Returns the number of members (0 when there is no valid member list). */
function checkGroupBody(
  group: Record<string, unknown>,
  path: string,
  report: ValidationReport,
): number {
  checkKeys(group, GROUP_KEYS, path, report, 'a Group');
  optionalString(group, 'name', path, report);
  const count = checkIdentifiers(group, path, report);
  const members = group.member;
  const memberPath = propertyPath(path, 'member');
  if (count > 1) {
    report.add(path, `must have at most one inverse functional identifier, found ${count}`);
  }
  if (!isPresent(members)) {
    if (count === 0) report.add(memberPath, 'an anonymous Group (no identifier) must list members');
    return 0;
  }
  if (!Array.isArray(members)) {
    report.add(memberPath, 'must be an array of Agents');
    return 0;
  }
  if (count === 0 && members.length === 0) {
    report.add(memberPath, 'an anonymous Group (no identifier) must list members');
  }
  members.forEach((member, index) => {
    const at = itemPath(memberPath, index);
    if (isJsonObject(member) && isPresent(member.objectType) && member.objectType !== 'Agent') {
      report.add(
        propertyPath(at, 'objectType'),
        "a Group member must be an Agent ('Agent' or absent)",
      );
    } else {
      checkAgent(member, at, report);
    }
  });
  return members.length;
}

/** Checks an Agent or Group (objectType absent, 'Agent' or 'Group'). */
export function checkActor(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Agent or Group object');
    return;
  }
  const objectType = value.objectType;
  if (objectType === undefined || objectType === null || objectType === 'Agent') {
    checkAgentBody(value, path, report);
  } else if (objectType === 'Group') checkGroupBody(value, path, report);
  else report.add(propertyPath(path, 'objectType'), "must be 'Agent', 'Group' or absent");
}

/** Checks a Group only (context.team, contextGroups' group). */
export function checkGroup(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value) || value.objectType !== 'Group') {
    report.add(path, "must be a Group (objectType 'Group')");
    return;
  }
  checkGroupBody(value, path, report);
}

/**
 * Data 2.4.9 Authority: an Agent, or (3-legged OAuth) an anonymous Group of exactly two Agents,
 * the application and the user. The LRS replaces it anyway, but a malformed one is refused.
 */
export function checkAuthority(value: unknown, path: string, report: ValidationReport): void {
  if (!isJsonObject(value)) {
    report.add(path, 'must be an Agent or Group object');
    return;
  }
  if (value.objectType !== 'Group') {
    checkActor(value, path, report);
    return;
  }
  const members = checkGroupBody(value, path, report);
  if (members !== 2) {
    report.add(propertyPath(path, 'member'), 'an authority Group must have exactly two Agents');
  }
}
