/**
 * Moodle's logstore_xapi plug-in against learnpulse: every test folder of the plug-in
 * (/work/shared/fixtures/moodle, next to the repo: event.json = the Moodle log row, data.json,
 * statements.json = what the plug-in sends) must validate under xAPI 1.0.3 and 2.0.0 and map to
 * the canonical action its Moodle event name means.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type LearningAction, learningEventCodec } from '@learnpulse/events';
import {
  normaliseStatement,
  statementRecords,
  validateStatement,
  type XapiStatement,
} from '@learnpulse/xapi';
import {
  isMoodleStatement,
  learningEventOfStatement,
  moodleEventName,
  moodleStatementToLearningEvent,
} from './moodle-statement-source';

const fixtures = path.resolve(__dirname, '../../../../../../shared/fixtures/moodle');
const receivedAt = Date.UTC(2024, 4, 1);

/** Folders holding a statements.json, relative to the fixtures (common/ is the shared default). */
function caseFolders(dir = ''): string[] {
  return readdirSync(path.join(fixtures, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (!statSync(path.join(fixtures, relative)).isDirectory() || relative === 'common') return [];
    const here = readdirSync(path.join(fixtures, relative)).includes('statements.json');
    return [...(here ? [relative] : []), ...caseFolders(relative)];
  });
}

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(path.join(fixtures, ...parts), 'utf8')) as unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plug-in's own test merge: objects merged recursively, other values overwritten. */
function deepMerge(base: unknown, override: unknown): unknown {
  if (!isObject(base) || !isObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/**
 * What each Moodle event means, for the first statement the plug-in sends for it; the
 * further statements of a quiz or feedback submission are its answers (verb answered →
 * submitted).
 */
const EXPECTED_ACTION: Readonly<Record<string, LearningAction>> = {
  '\\core\\event\\badge_awarded': 'completed',
  '\\core\\event\\badge_revoked': 'other',
  '\\core\\event\\badge_viewed': 'viewed',
  '\\core\\event\\calendar_event_created': 'other',
  '\\core\\event\\calendar_event_updated': 'other',
  '\\core\\event\\calendar_subscription_created': 'other',
  '\\core\\event\\calendar_subscription_updated': 'other',
  '\\core\\event\\course_category_created': 'other',
  '\\core\\event\\course_completion_updated': 'other',
  '\\core\\event\\course_created': 'other',
  '\\core\\event\\course_module_completion_updated': 'other',
  '\\core\\event\\course_module_created': 'other',
  '\\core\\event\\course_section_created': 'other',
  '\\core\\event\\course_updated': 'other',
  '\\core\\event\\group_created': 'other',
  '\\core\\event\\group_deleted': 'other',
  '\\core\\event\\group_member_removed': 'other',
  '\\core\\event\\group_message_sent': 'posted',
  '\\core\\event\\message_viewed': 'viewed',
  '\\core\\event\\note_created': 'other',
  '\\core\\event\\notes_viewed': 'viewed',
  '\\core\\event\\question_created': 'other',
  '\\core\\event\\search_results_viewed': 'other',
  '\\core\\event\\user_created': 'other',
  '\\core\\event\\user_enrolment_created': 'enrolled',
  '\\core\\event\\user_enrolment_deleted': 'unenrolled',
  '\\core\\event\\user_enrolment_updated': 'enrolled',
  '\\core\\event\\user_loggedin': 'logged_in',
  '\\core\\event\\user_loggedinas': 'logged_in',
  '\\core\\event\\user_loggedout': 'other',
  '\\core_h5p\\event\\h5p_viewed': 'viewed',
  '\\mod_assign\\event\\assessable_submitted': 'submitted',
  '\\mod_assign\\event\\submission_graded': 'scored',
  '\\mod_assign\\event\\submission_locked': 'other',
  '\\mod_assign\\event\\submission_unlocked': 'other',
  '\\mod_bigbluebuttonbn\\event\\activity_management_viewed': 'viewed',
  '\\mod_bigbluebuttonbn\\event\\live_session_event': 'viewed',
  '\\mod_bigbluebuttonbn\\event\\meeting_ended': 'other',
  '\\mod_bigbluebuttonbn\\event\\meeting_joined': 'viewed',
  '\\mod_bigbluebuttonbn\\event\\recording_deleted': 'other',
  '\\mod_bigbluebuttonbn\\event\\recording_protected': 'other',
  '\\mod_bigbluebuttonbn\\event\\recording_published': 'other',
  '\\mod_bigbluebuttonbn\\event\\recording_unpublished': 'other',
  '\\mod_bigbluebuttonbn\\event\\recording_viewed': 'viewed',
  '\\mod_book\\event\\chapter_viewed': 'viewed',
  '\\mod_choice\\event\\answer_created': 'submitted',
  '\\mod_facetoface\\event\\cancel_booking': 'unenrolled',
  '\\mod_facetoface\\event\\signup_success': 'enrolled',
  '\\mod_facetoface\\event\\take_attendance': 'viewed',
  '\\mod_feedback\\event\\response_submitted': 'submitted',
  '\\mod_forum\\event\\discussion_created': 'posted',
  '\\mod_forum\\event\\discussion_subscription_deleted': 'other',
  '\\mod_forum\\event\\discussion_viewed': 'viewed',
  '\\mod_forum\\event\\post_created': 'posted',
  '\\mod_forum\\event\\post_deleted': 'other',
  '\\mod_forum\\event\\post_updated': 'other',
  '\\mod_forum\\event\\subscription_deleted': 'other',
  '\\mod_forum\\event\\user_report_viewed': 'viewed',
  '\\mod_glossary\\event\\comment_created': 'posted',
  '\\mod_glossary\\event\\comment_deleted': 'other',
  '\\mod_glossary\\event\\entry_viewed': 'viewed',
  '\\mod_lesson\\event\\essay_assessed': 'scored',
  '\\mod_lesson\\event\\lesson_restarted': 'attempted',
  '\\mod_lesson\\event\\lesson_resumed': 'attempted',
  '\\mod_lesson\\event\\question_answered': 'submitted',
  '\\mod_lesson\\event\\question_viewed': 'viewed',
  '\\mod_questionnaire\\event\\attempt_resumed': 'attempted',
  '\\mod_questionnaire\\event\\attempt_saved': 'other',
  '\\mod_quiz\\event\\attempt_becameoverdue': 'other',
  '\\mod_quiz\\event\\attempt_started': 'attempted',
  '\\mod_quiz\\event\\attempt_submitted': 'completed',
  '\\mod_quiz\\event\\attempt_viewed': 'viewed',
  '\\mod_quiz\\event\\question_manually_graded': 'scored',
  '\\mod_scorm\\event\\sco_launched': 'viewed',
  '\\mod_scorm\\event\\scoreraw_submitted': 'completed',
  '\\mod_survey\\event\\report_viewed': 'viewed',
  '\\mod_wiki\\event\\comment_created': 'posted',
  '\\mod_wiki\\event\\comments_viewed': 'viewed',
  '\\tool_certificate\\event\\certificate_issued': 'completed',
  '\\tool_certificate\\event\\certificate_verified': 'other',
  '\\tool_usertours\\event\\tour_ended': 'other',
};

function expectedAction(eventName: string): LearningAction | undefined {
  // Every module's "course module viewed" is a view.
  if (/\\event\\course_module_viewed$/.test(eventName)) return 'viewed';
  return Object.hasOwn(EXPECTED_ACTION, eventName) ? EXPECTED_ACTION[eventName] : undefined;
}

const ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
const commonStatement = readJson('common', 'statement.json');
const folders = caseFolders();

describe('Moodle logstore_xapi statements', () => {
  it('finds the plug-in’s test folders', () => {
    assert.ok(folders.length >= 100, `only ${folders.length} folders under ${fixtures}`);
  });

  it('knows the expected action of every development folder’s event', () => {
    const unknown = folders
      .map((folder) => (readJson(folder, 'event.json') as { eventname: string }).eventname)
      .filter((name) => expectedAction(name) === undefined);
    // Folders added later may name events this table has not met; they are still validated.
    assert.ok(unknown.length <= folders.length / 10, `no expected action: ${unknown.join(', ')}`);
  });

  for (const folder of folders) {
    const { eventname } = readJson(folder, 'event.json') as { eventname: string };
    const sent = readJson(folder, 'statements.json') as XapiStatement[];
    // What the plug-in sends once its shared defaults (platform, registration, timestamp) apply.
    const merged = sent.map((statement) => deepMerge(commonStatement, statement) as XapiStatement);

    describe(folder, () => {
      for (const version of ['1.0.3', '2.0.0'] as const) {
        it(`sends statements valid under xAPI ${version}`, () => {
          for (const statement of [...sent, ...merged]) {
            assert.deepEqual(validateStatement(statement, { version }), []);
          }
        });
      }

      it(`maps ${eventname} to its action, as a Moodle event`, () => {
        const expected = expectedAction(eventname);
        merged.forEach((statement, i) => {
          assert.ok(isMoodleStatement(statement));
          assert.equal(moodleEventName(statement), eventname);
          const event = moodleStatementToLearningEvent('acme', statement, receivedAt);
          assert.equal(event.source, 'moodle');
          assert.match(event.eventId, /^[0-9a-f-]{36}$/);
          if (i === 0 && expected !== undefined) assert.equal(event.action, expected);
          if (statement.verb.id === ANSWERED) assert.equal(event.action, 'submitted');
        });
      });
    });
  }

  it('recognises a Moodle statement by its info extension even without context.platform', () => {
    const [statement] = readJson(
      'mod_quiz/attempt_started/existing_attempt_started',
      'statements.json',
    ) as XapiStatement[];
    assert.ok(statement);
    assert.equal(statement.context?.platform, undefined);
    assert.ok(isMoodleStatement(statement));
    const event = moodleStatementToLearningEvent('acme', statement, receivedAt);
    assert.equal(event.courseId, 'http://www.example.org/course/view.php?id=2');
    assert.equal(event.learnerId, 'account:http://www.example.org|1');
  });

  it('leaves other statements as xAPI', () => {
    const statement: XapiStatement = {
      actor: { mbox: 'mailto:learner@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id: 'https://example.org/page/1' },
    };
    assert.equal(isMoodleStatement(statement), false);
    assert.equal(moodleStatementToLearningEvent('acme', statement, receivedAt).source, 'xapi');
  });

  it('gives a statement without an id the same event id on every send', () => {
    const [statement] = readJson(
      'mod_page/course_module_viewed/existing_module',
      'statements.json',
    ) as XapiStatement[];
    assert.ok(statement);
    assert.equal(statement.id, undefined);
    const first = moodleStatementToLearningEvent('acme', statement, receivedAt);
    const again = moodleStatementToLearningEvent('acme', statement, receivedAt + 1000);
    assert.equal(first.eventId, again.eventId);
  });
});

describe('learningEventOfStatement in statementRecords (what the LRS writes)', () => {
  it('gives Moodle statements source moodle and leaves other statements xapi', () => {
    const folder = folders[0];
    assert.ok(folder !== undefined);
    const [sent] = readJson(folder, 'statements.json') as XapiStatement[];
    assert.ok(sent !== undefined);
    const moodle = deepMerge(commonStatement, sent) as XapiStatement;
    assert.ok(isMoodleStatement(moodle));
    const other = { ...moodle, context: undefined };
    const stored = (statement: XapiStatement) =>
      normaliseStatement(statement, {
        authority: { objectType: 'Agent', account: { homePage: 'urn:t', name: 'k' } },
        stored: new Date(0),
      });
    const sources = [moodle, other].map((statement) => {
      const [, events] = statementRecords('acme', [stored(statement)], 0, learningEventOfStatement);
      return learningEventCodec.decode(events!.messages[0]!.value as Buffer).source;
    });
    assert.deepEqual(sources, ['moodle', 'xapi']);
  });
});
