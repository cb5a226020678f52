/**
 * The SQL conditions that select a learner's rows, bound as ClickHouse parameters
 * ({tenant}, {learners}, {identities}, {pseudonyms}); never built from the input text.
 */
import { STATEMENT_STORE } from './erasure-plan';
import { learnerIdsOf, type LearnerSubject } from './learner-subject';

/** A table with tenant and learner_id. */
const LEARNER_ROWS = 'tenant = {tenant:String} AND learner_id IN {learners:Array(String)}';

/**
 * Statements whose actor or related agents (object agent, group members, context instructor
 * and team, inside sub-statements too; migration 0005) are the learner, and statements derived
 * from Open edX, whose actor is an account named by the learner's pseudonym.
 */
const LEARNER_STATEMENTS = `tenant = {tenant:String} AND (
  actor IN {identities:Array(String)}
  OR hasAny(related_agents, {identities:Array(String)})
  OR arrayExists(
    agent -> startsWith(agent, 'account:')
      AND arrayExists(pseudonym -> endsWith(agent, concat('|', pseudonym)), {pseudonyms:Array(String)}),
    arrayPushFront(related_agents, actor)
  )
)`;

/** The lower-case SHA-2s of a stored statement's attachments. */
export const STATEMENT_ATTACHMENT_SHA2S = `arrayMap(a -> lower(JSONExtractString(a, 'sha2')), JSONExtractArrayRaw(statement, 'attachments'))`;

export function learnerRowsOf(table: string): string {
  return table === STATEMENT_STORE ? LEARNER_STATEMENTS : LEARNER_ROWS;
}

/** The same tenant's rows of everyone else. */
export function otherRowsOf(table: string): string {
  return `tenant = {tenant:String} AND NOT (${learnerRowsOf(table)})`;
}

export function subjectParams(subject: LearnerSubject): Record<string, unknown> {
  return {
    tenant: subject.tenant,
    learners: learnerIdsOf(subject),
    identities: [...subject.identities],
    pseudonyms: [...subject.pseudonyms],
  };
}
