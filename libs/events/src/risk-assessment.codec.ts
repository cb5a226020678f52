/**
 * The learner.risk.v1 value codec: risk-engine writes it, alert-dispatcher and warehouse-writer read it.
 */
import { type AvroCodec, createAvroCodec } from './avro-codec';
import { type RiskAssessment } from './generated/risk-assessment.types';
import { schemaCatalogue } from './schema-catalogue';

/** Subject of learner.risk.v1 values (Confluent TopicNameStrategy: `<topic>-value`). */
export const RISK_ASSESSMENTS_SUBJECT = 'learner.risk.v1-value';

export const riskAssessmentCodec: AvroCodec<RiskAssessment> = createAvroCodec<RiskAssessment>(
  schemaCatalogue,
  RISK_ASSESSMENTS_SUBJECT,
);
