/** Late assessments: first attempts that came after the due time. */
import { type RiskDetector } from './risk-detector.types';

export const lateAssessmentDetector: RiskDetector = {
  id: 'late-assessment',
  featureNames: ['late-assessment.count', 'late-assessment.share'],
  features({ metrics }) {
    const submitted = metrics.dueAssessments - metrics.missedAssessments;
    return {
      'late-assessment.count': metrics.lateAssessments,
      'late-assessment.share': submitted > 0 ? metrics.lateAssessments / submitted : 0,
    };
  },
  explain({ metrics }) {
    const late = metrics.lateAssessments;
    const submitted = metrics.dueAssessments - metrics.missedAssessments;
    if (late === 0) return null;
    return {
      text: `${late} of ${submitted} assessments submitted after the due date`,
      evidence: { lateAssessments: late, submittedAssessments: submitted },
    };
  },
};
