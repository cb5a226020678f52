/** Missed assessments: assessments due before asOf with no attempt before asOf. */
import { type RiskDetector } from './risk-detector.types';

export const missedAssessmentDetector: RiskDetector = {
  id: 'missed-assessment',
  featureNames: ['missed-assessment.count', 'missed-assessment.share'],
  features({ metrics }) {
    const { missedAssessments, dueAssessments } = metrics;
    return {
      'missed-assessment.count': missedAssessments,
      'missed-assessment.share': dueAssessments > 0 ? missedAssessments / dueAssessments : 0,
    };
  },
  explain({ metrics }) {
    const { missedAssessments: missed, dueAssessments: due } = metrics;
    if (missed === 0) return null;
    return {
      text: `${missed} of ${due} assessments due so far not submitted`,
      evidence: { missedAssessments: missed, dueAssessments: due },
    };
  },
};
