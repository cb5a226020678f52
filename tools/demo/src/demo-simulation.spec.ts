import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVITY_TYPES, VERBS } from './demo-catalogue';
import { DAY_MS, DemoSimulation, generateDemoStatements } from './demo-simulation';
import type { DemoStatement } from './demo-statement.types';

// A fixed "now" (a Wednesday afternoon, UTC) so the specs do not depend on the clock.
const NOW = Date.parse('2025-03-12T15:30:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IRI = /^https?:\/\/[^\s]+$/;
const KNOWN_VERBS = new Set<string>(Object.values(VERBS));

function assertWellFormed(statement: DemoStatement, notAfter: number): void {
  const where = `statement ${statement.id}`;
  assert.match(statement.id, UUID, where);
  assert.equal(statement.actor.objectType, 'Agent', where);
  assert.equal(statement.actor.account.homePage, 'https://lms.example.edu', where);
  assert.match(statement.actor.account.name, /^stu-[0-9a-f]{6}$/, where);
  assert.ok(KNOWN_VERBS.has(statement.verb.id), `${where}: unknown verb ${statement.verb.id}`);
  assert.ok((statement.verb.display['en-US'] ?? '').length > 0, where);
  assert.equal(statement.object.objectType, 'Activity', where);
  assert.match(statement.object.id, IRI, where);
  assert.match(statement.object.definition.type, IRI, where);
  const { grouping, parent } = statement.context.contextActivities;
  assert.equal(grouping.length, 1, where);
  assert.equal(parent.length, 1, where);
  const [course] = grouping;
  const [module] = parent;
  assert.ok(course && module, where);
  assert.equal(course.definition.type, ACTIVITY_TYPES.course, where);
  assert.match(course.id, /^https:\/\/lms\.example\.edu\/course\/[A-Z]+\d+$/, where);
  assert.equal(module.definition.type, ACTIVITY_TYPES.module, where);
  assert.ok(module.id.startsWith(`${course.id}/module/`), where);
  assert.ok(statement.context.platform.length > 0, where);
  assert.match(statement.context.registration, UUID, where);
  const time = Date.parse(statement.timestamp);
  assert.equal(new Date(time).toISOString(), statement.timestamp, where);
  assert.ok(time <= notAfter, `${where} lies in the future`);
  const score = statement.result?.score;
  if (score) {
    assert.ok(score.min <= score.raw && score.raw <= score.max, `${where}: raw outside min..max`);
    assert.ok(score.scaled >= 0 && score.scaled <= 1, `${where}: scaled outside 0..1`);
    assert.ok(
      Math.abs(score.scaled - score.raw / score.max) < 0.001,
      `${where}: scaled != raw/max`,
    );
    assert.equal(typeof statement.result?.success, 'boolean', where);
  }
}

describe('generateDemoStatements', () => {
  const statements = generateDemoStatements({ seed: 'spec', now: NOW });

  it('gives the same statements for the same seed and different ones for another seed', () => {
    assert.deepEqual(generateDemoStatements({ seed: 'spec', now: NOW }), statements);
    const other = generateDemoStatements({ seed: 'another', now: NOW });
    assert.notDeepEqual(
      other.map((s) => s.id),
      statements.map((s) => s.id),
    );
  });

  it('keeps ids and content stable when re-run later the same day', () => {
    const later = generateDemoStatements({ seed: 'spec', now: NOW + 3 * 3_600_000 });
    const byId = new Map(later.map((s) => [s.id, s]));
    assert.ok(later.length > statements.length);
    for (const statement of statements) assert.deepEqual(byId.get(statement.id), statement);
  });

  it('produces a realistic volume of well-formed, uniquely identified statements in time order', () => {
    assert.ok(statements.length > 3_000, `only ${String(statements.length)} statements`);
    assert.equal(new Set(statements.map((s) => s.id)).size, statements.length);
    for (const statement of statements) assertWellFormed(statement, NOW);
    const times = statements.map((s) => s.timestamp);
    assert.deepEqual(times, [...times].sort());
    const learners = new Set(statements.map((s) => s.actor.account.name));
    assert.equal(learners.size, 60);
    const courses = new Set(statements.map((s) => s.context.contextActivities.grouping[0]?.id));
    assert.equal(courses.size, 3);
  });

  it('starts the backlog the configured number of days ago and registers every learner first', () => {
    const first = Date.parse(statements[0]?.timestamp ?? '');
    const courseStart = Math.floor(NOW / DAY_MS) * DAY_MS - 28 * DAY_MS;
    assert.ok(first >= courseStart && first < courseStart + DAY_MS);
    const seen = new Set<string>();
    for (const statement of statements) {
      const enrolment = `${statement.actor.account.name} ${statement.context.registration}`;
      if (!seen.has(enrolment)) {
        assert.equal(statement.verb.id, VERBS.registered, `first statement of ${enrolment}`);
        assert.equal(statement.object.definition.type, ACTIVITY_TYPES.course);
        seen.add(enrolment);
      }
    }
  });

  it('covers pages, videos, quizzes with scores and assignments', () => {
    const verbs = new Set(statements.map((s) => s.verb.id));
    for (const verb of Object.values(VERBS)) assert.ok(verbs.has(verb), `no ${verb} statement`);
    const scored = statements.filter((s) => s.result?.score);
    assert.ok(scored.length > 100);
    assert.ok(scored.every((s) => s.object.definition.type === ACTIVITY_TYPES.quiz));
    assert.ok(
      scored.some((s) => s.result?.success === false) &&
        scored.some((s) => s.result?.success === true),
    );
  });

  it('is busier on weekdays than at weekends', () => {
    const perDay = new Map<string, number>();
    for (const s of statements)
      perDay.set(s.timestamp.slice(0, 10), (perDay.get(s.timestamp.slice(0, 10)) ?? 0) + 1);
    const mean = (days: [string, number][]): number =>
      days.reduce((sum, [, n]) => sum + n, 0) / days.length;
    const entries = [...perDay.entries()].slice(0, -1); // today is partial
    const isWeekend = ([day]: [string, number]): boolean =>
      [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    assert.ok(mean(entries.filter(isWeekend)) < 0.7 * mean(entries.filter((e) => !isWeekend(e))));
  });
});

describe('DemoSimulation cohort patterns', () => {
  it('lets about 15% of learners go quiet: active before, nothing after their last day', () => {
    const simulation = new DemoSimulation({ seed: 'spec', now: NOW });
    const statements = simulation.backfill();
    const quiet = simulation.learners.filter((l) => l.quiet !== null);
    assert.equal(quiet.length, 9);
    for (const learner of quiet) {
      const own = statements.filter((s) => s.actor.account.name === learner.account);
      const days = own.map((s) => simulation.dayOf(Date.parse(s.timestamp)));
      assert.ok(own.length > 0, `${learner.account} never appears`);
      assert.ok(
        Math.max(...days) <= (learner.quiet?.lastActiveDay ?? -1),
        `${learner.account} is active after going quiet`,
      );
      assert.ok((learner.quiet?.lastActiveDay ?? 99) < 28 - 7, 'quiet for at least a week by now');
    }
  });

  it('lowers the quiz scores of declining learners over the term', () => {
    const simulation = new DemoSimulation({ seed: 'spec', now: NOW });
    const statements = simulation.backfill();
    for (const group of ['declining', 'steady'] as const) {
      const accounts = new Set(
        simulation.learners
          .filter((l) => (l.decline !== null) === (group === 'declining') && !l.quiet)
          .map((l) => l.account),
      );
      const scaled = (half: 'early' | 'late'): number => {
        const values = statements
          .filter((s) => s.result?.score && accounts.has(s.actor.account.name))
          .filter((s) => simulation.dayOf(Date.parse(s.timestamp)) < 14 === (half === 'early'))
          .map((s) => s.result?.score?.scaled ?? 0);
        return values.reduce((a, b) => a + b, 0) / values.length;
      };
      if (group === 'declining')
        assert.ok(scaled('late') < scaled('early') - 0.1, 'declining scores did not fall');
      else assert.ok(scaled('late') > scaled('early') - 0.1, 'steady learners fell as well');
    }
  });

  it('continues live with statements stamped now, never from learners who went quiet', () => {
    const simulation = new DemoSimulation({ seed: 'spec', now: NOW });
    simulation.backfill();
    const quiet = new Set(simulation.learners.filter((l) => l.quiet).map((l) => l.account));
    const live = Array.from({ length: 500 }, (_, i) => simulation.nextLive(NOW + 1_000 + i * 500));
    live.forEach((statement, i) => {
      assertWellFormed(statement, NOW + 1_000 + i * 500);
      assert.equal(statement.timestamp, new Date(NOW + 1_000 + i * 500).toISOString());
      assert.ok(!quiet.has(statement.actor.account.name));
    });
    assert.equal(new Set(live.map((s) => s.id)).size, live.length);
    assert.ok(new Set(live.map((s) => s.actor.account.name)).size > 5);
  });

  it('rejects out-of-range options', () => {
    assert.throws(() => generateDemoStatements({ backfillDays: -1 }), /backfillDays/);
    assert.throws(() => generateDemoStatements({ learners: 0 }), /learners/);
  });
});
