import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cutoffDay,
  isEligibleAt,
  type OuladCourse,
  type OuladEnrolment,
  parseCutoff,
} from './oulad-dataset';

const course: OuladCourse = {
  courseId: 'AAA-2013J',
  codeModule: 'AAA',
  codePresentation: '2013J',
  lengthDays: 269,
  calendar: { courseId: 'AAA-2013J', startAt: 0, lengthDays: 269, assessments: [] },
};

function enrolment(registeredDay: number | null, unregisteredDay: number | null): OuladEnrolment {
  return {
    courseId: 'AAA-2013J',
    codeModule: 'AAA',
    codePresentation: '2013J',
    idStudent: '1',
    registeredDay,
    unregisteredDay,
  };
}

describe('OULAD cutoffs', () => {
  it('takes a day as given and a percentage as floor(P/100 × length)', () => {
    assert.equal(cutoffDay(parseCutoff('14'), course), 14);
    assert.equal(cutoffDay(parseCutoff('25%'), course), 67); // 67.25
    assert.throws(() => parseCutoff('a quarter'), /cutoff must be a day/);
  });

  it('scores those registered by D and not gone before D, as oulad_auc.py', () => {
    assert.equal(isEligibleAt(enrolment(-30, null), 14), true);
    assert.equal(isEligibleAt(enrolment(14, null), 14), true);
    assert.equal(isEligibleAt(enrolment(15, null), 14), false);
    assert.equal(isEligibleAt(enrolment(-30, 13), 14), false);
    assert.equal(isEligibleAt(enrolment(-30, 14), 14), true);
    assert.equal(isEligibleAt(enrolment(null, null), 14), true);
  });
});
