import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionForVerb } from './verb-actions';

describe('actionForVerb', () => {
  it('maps the verbs Moodle sends for learner actions', () => {
    assert.equal(actionForVerb('http://id.tincanapi.com/verb/viewed'), 'viewed');
    assert.equal(
      actionForVerb('https://xapi.edlm/profiles/edlm-lms/concepts/verbs/login'),
      'logged_in',
    );
    assert.equal(actionForVerb('https://w3id.org/xapi/tla/verbs/scored'), 'scored');
    assert.equal(actionForVerb('https://w3id.org/xapi/tla/verbs/resumed'), 'attempted');
    assert.equal(actionForVerb('https://w3id.org/xapi/tla/verbs/achieved'), 'completed');
    assert.equal(actionForVerb('http://activitystrea.ms/send'), 'posted');
    assert.equal(actionForVerb('http://activitystrea.ms/leave'), 'unenrolled');
    assert.equal(
      actionForVerb('https://xapi.edlm/profiles/edlm-lms/concepts/verbs/enrolled'),
      'enrolled',
    );
  });

  it('maps Moodle authoring and administration verbs to other', () => {
    assert.equal(actionForVerb('http://activitystrea.ms/create'), 'other');
    assert.equal(actionForVerb('https://w3id.org/xapi/acrossx/verbs/edited'), 'other');
    assert.equal(
      actionForVerb('https://xapi.edlm/profiles/edlm-lms/concepts/verbs/locked'),
      'other',
    );
  });

  it('maps unknown verbs, and names of Object.prototype, to other', () => {
    assert.equal(actionForVerb('https://example.org/verbs/pondered'), 'other');
    assert.equal(actionForVerb('constructor'), 'other');
    assert.equal(actionForVerb('__proto__'), 'other');
  });
});
