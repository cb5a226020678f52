import { describe } from 'node:test';
import { itChecksRules, statementWith } from '../testing/rule-cases';

const withResult = (result: Record<string, unknown>) => statementWith({ result });

describe('result rules (Data 2.4.5)', () => {
  itChecksRules([
    {
      rule: 'score.scaled is between -1 and 1',
      valid: withResult({ score: { scaled: -1 } }),
      invalid: withResult({ score: { scaled: 1.5 } }),
      path: 'statement.result.score.scaled',
    },
    {
      rule: 'score values are numbers, not numeric strings',
      valid: withResult({ score: { raw: 7 } }),
      invalid: withResult({ score: { raw: '7' } }),
      path: 'statement.result.score.raw',
    },
    {
      rule: 'score.raw is not below min',
      valid: withResult({ score: { raw: 0, min: 0, max: 10 } }),
      invalid: withResult({ score: { raw: -1, min: 0, max: 10 } }),
      path: 'statement.result.score.raw',
    },
    {
      rule: 'score.raw is not above max',
      valid: withResult({ score: { raw: 10, min: 0, max: 10 } }),
      invalid: withResult({ score: { raw: 11, max: 10 } }),
      path: 'statement.result.score.raw',
    },
    {
      rule: 'score.max is not below min (min = max = 0 is accepted, as Open edX sends it)',
      valid: withResult({ score: { raw: 0, min: 0, max: 0 } }),
      invalid: withResult({ score: { min: 5, max: 1 } }),
      path: 'statement.result.score.max',
    },
    {
      rule: 'score has only scaled, raw, min and max',
      valid: withResult({ score: { scaled: 0.5 } }),
      invalid: withResult({ score: { percent: 50 } }),
      path: 'statement.result.score.percent',
    },
    {
      rule: 'success is a boolean',
      valid: withResult({ success: false }),
      invalid: withResult({ success: 'true' }),
      path: 'statement.result.success',
    },
    {
      rule: 'completion is a boolean',
      valid: withResult({ completion: true }),
      invalid: withResult({ completion: 1 }),
      path: 'statement.result.completion',
    },
    {
      rule: 'response is a string',
      valid: withResult({ response: 'a[,]b' }),
      invalid: withResult({ response: ['a', 'b'] }),
      path: 'statement.result.response',
    },
    {
      rule: 'duration is an ISO 8601 duration',
      valid: withResult({ duration: 'PT1H0M0.5S' }),
      invalid: withResult({ duration: '90 seconds' }),
      path: 'statement.result.duration',
    },
    {
      rule: 'result extension keys are IRIs',
      valid: withResult({ extensions: {} }),
      invalid: withResult({ extensions: { time: 1 } }),
      path: 'statement.result.extensions.time',
    },
    {
      rule: 'result has no unknown properties',
      valid: withResult({ success: true }),
      invalid: withResult({ passed: true }),
      path: 'statement.result.passed',
    },
  ]);
});
