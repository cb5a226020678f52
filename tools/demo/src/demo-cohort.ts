/**
 * The demo learners: pseudonymous accounts, an engagement level each, the courses they take,
 * and the few patterns a risk engine should notice (going quiet, falling scores).
 */
import { DEMO_COURSES, LMS_HOME_PAGE, type DemoCourse } from './demo-catalogue';
import { SeededRandom } from './seeded-random';
import { nameBasedUuid } from './statement-id';

export interface DemoLearner {
  /** Pseudonymous LMS account name, e.g. "stu-3f9a1c". */
  account: string;
  homePage: string;
  name: string;
  /** Mean study sessions per day across all of the learner's courses. */
  sessionsPerDay: number;
  /** Probability of answering a question right at the start of the course. */
  ability: number;
  courses: { course: DemoCourse; enrolDay: number }[];
  /** Learners who go quiet: activity fades from fadeFromDay and stops after lastActiveDay. */
  quiet: { fadeFromDay: number; lastActiveDay: number } | null;
  /** Learners whose scores fall: ability drops by perDay from fromDay on. */
  decline: { fromDay: number; perDay: number } | null;
}

export interface CohortOptions {
  seed: string;
  learners: number;
  /** Length of the simulated backlog, used to place the quiet learners' last day. */
  backfillDays: number;
  /** Share of learners who go quiet (default 0.15). */
  quietShare?: number;
  /** Share of learners whose scores fall (default 0.15). */
  decliningShare?: number;
}

const ADJECTIVES = [
  'Amber',
  'Brisk',
  'Cedar',
  'Coral',
  'Dusky',
  'Ember',
  'Fable',
  'Gentle',
  'Hazel',
  'Indigo',
  'Jade',
  'Keen',
  'Lunar',
  'Maple',
  'Nimble',
  'Ochre',
  'Pebble',
  'Quiet',
  'Russet',
  'Sable',
  'Tidal',
  'Umber',
  'Velvet',
  'Willow',
  'Zephyr',
];
const NOUNS = [
  'Heron',
  'Otter',
  'Finch',
  'Lynx',
  'Marten',
  'Plover',
  'Badger',
  'Wren',
  'Falcon',
  'Hare',
  'Ibis',
  'Kestrel',
  'Lark',
  'Mole',
  'Newt',
  'Oriole',
  'Puffin',
  'Raven',
  'Stoat',
  'Teal',
];

function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

/** Builds the cohort; the same options always give the same learners. */
export function createDemoCohort(options: CohortOptions): DemoLearner[] {
  const { seed, learners: count, backfillDays } = options;
  const cohortRandom = new SeededRandom(seed, 'cohort');
  const indexes = shuffled(
    Array.from({ length: count }, (_, i) => i),
    cohortRandom,
  );
  // Exact shares, so every demo run has learners to flag.
  const quietCount = Math.round(count * (options.quietShare ?? 0.15));
  const decliningCount = Math.round(count * (options.decliningShare ?? 0.15));
  const quietSet = new Set(indexes.slice(0, quietCount));
  const decliningSet = new Set(indexes.slice(quietCount, quietCount + decliningCount));
  const usedNames = new Set<string>();

  return Array.from({ length: count }, (_, i): DemoLearner => {
    const random = new SeededRandom(seed, 'learner', i);
    const account = `stu-${nameBasedUuid(`account\u0000${seed}\u0000${String(i)}`).slice(0, 6)}`;
    let name = `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    while (usedNames.has(name)) name = `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
    usedNames.add(name);

    // Log-normal engagement: most learners study about once a day, a few far more or less.
    const sessionsPerDay = Math.min(
      3,
      Math.max(0.25, Math.exp(random.normal(Math.log(1.1), 0.45))),
    );
    const ability = Math.min(0.95, Math.max(0.35, random.normal(0.72, 0.12)));
    const courseCount = random.chance(0.45) ? 1 : random.chance(0.75) ? 2 : 3;
    const courses = shuffled(DEMO_COURSES, random)
      .slice(0, courseCount)
      .map((course) => ({ course, enrolDay: random.chance(0.8) ? 0 : random.int(1, 3) }));

    let quiet: DemoLearner['quiet'] = null;
    if (quietSet.has(i)) {
      const lastActiveDay = Math.max(2, Math.floor(backfillDays * random.between(0.3, 0.7)));
      quiet = { lastActiveDay, fadeFromDay: Math.max(0, lastActiveDay - random.int(3, 7)) };
    }
    let decline: DemoLearner['decline'] = null;
    if (decliningSet.has(i)) {
      decline = {
        fromDay: Math.floor(backfillDays * random.between(0.2, 0.5)),
        perDay: random.between(0.015, 0.03),
      };
    }
    return {
      account,
      homePage: LMS_HOME_PAGE,
      name,
      sessionsPerDay,
      ability,
      courses,
      quiet,
      decline,
    };
  });
}
