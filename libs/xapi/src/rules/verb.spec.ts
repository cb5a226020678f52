import { describe } from 'node:test';
import { itChecksRules, statementWith } from '../testing/rule-cases';

describe('verb rules (Data 2.4.3)', () => {
  itChecksRules([
    {
      rule: 'verb.id is required',
      valid: statementWith({ verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } }),
      invalid: statementWith({ verb: { display: { en: 'attempted' } } }),
      path: 'statement.verb.id',
    },
    {
      rule: 'verb.id is an IRI',
      valid: statementWith({ verb: { id: 'urn:example:verb:did' } }),
      invalid: statementWith({ verb: { id: 'attempted' } }),
      path: 'statement.verb.id',
    },
    {
      rule: 'display is a language map with RFC 5646 keys',
      valid: statementWith({
        verb: { id: 'urn:x:v', display: { 'zh-Hant-TW': '完成', und: 'x' } },
      }),
      invalid: statementWith({ verb: { id: 'urn:x:v', display: { en_US: 'done' } } }),
      path: 'statement.verb.display.en_US',
    },
    {
      rule: 'display values are strings',
      valid: statementWith({ verb: { id: 'urn:x:v', display: { en: 'done' } } }),
      invalid: statementWith({ verb: { id: 'urn:x:v', display: { en: 1 } } }),
      path: 'statement.verb.display.en',
    },
    {
      rule: 'a verb has only id and display',
      valid: statementWith({ verb: { id: 'urn:x:v' } }),
      invalid: statementWith({ verb: { id: 'urn:x:v', name: 'done' } }),
      path: 'statement.verb.name',
    },
  ]);
});
