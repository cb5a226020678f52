/** The shipped model: weights and cut-offs trained by tools/risk-lab on OULAD (see README). */
import { notImplemented } from '../not-implemented';
import { type RiskModel } from './risk-model.types';

/** Throws until the trained model ships. */
export function currentRiskModel(): RiskModel {
  return notImplemented('currentRiskModel');
}
