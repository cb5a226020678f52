/**
 * The importing tenant's learner pseudonymiser (LEARNER_PSEUDONYM_KEY, the same key as the
 * gateways), so imported LearningEvents carry the same pseudonyms as sent ones.
 */
import { learnerPseudonyms, type LearnerPseudonyms } from '@learnpulse/mappers';
import { type ImportRun, ImportUsageError } from './import-format';

export function importPseudonyms(run: Pick<ImportRun, 'tenant' | 'config'>): LearnerPseudonyms {
  const key = run.config.LEARNER_PSEUDONYM_KEY;
  if (key === undefined) {
    throw new ImportUsageError(
      'LEARNER_PSEUDONYM_KEY is not set: learners are pseudonymised with it (use the same key as the gateways; `npm start` keeps its generated one in $LEARNPULSE_HOME/demo-secrets.json)',
    );
  }
  return learnerPseudonyms(key, run.tenant);
}
