/**
 * The shipped model: weights and cut-offs trained by tools/risk-lab on OULAD (see the README
 * for how, and the held-out figures). Checked once on first use.
 */
import { z } from 'zod';
import { FEATURE_NAMES } from '../detectors';
import shipped from './risk-model.v1.json';
import { MODEL_PHASES, type RiskModel } from './risk-model.types';

const segmentSchema = z
  .object({
    phase: z.enum(MODEL_PHASES),
    features: z.array(z.string()),
    center: z.array(z.number()),
    scale: z.array(z.number().positive()),
    weights: z.array(z.number()),
    intercept: z.number(),
  })
  .refine(
    (segment) =>
      [segment.center, segment.scale, segment.weights].every(
        (list) => list.length === segment.features.length,
      ),
    { message: 'center, scale and weights must have one value per feature' },
  )
  .refine((segment) => segment.features.every((name) => FEATURE_NAMES.includes(name)), {
    message: 'every feature must be one a detector computes',
  });

const modelSchema = z
  .object({
    version: z.string().min(1),
    kind: z.literal('logistic-regression'),
    segments: z.array(segmentSchema),
    cutoffs: z.object({ medium: z.number().min(0).max(1), high: z.number().min(0).max(1) }),
    provenance: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .refine((model) => MODEL_PHASES.every((phase) => model.segments.some((s) => s.phase === phase)), {
    message: 'there must be a segment for every phase',
  })
  .refine((model) => model.cutoffs.medium <= model.cutoffs.high, {
    message: 'cutoffs.medium must not exceed cutoffs.high',
  });

/** A model from untrusted JSON (a file the training wrote); throws naming the first problem. */
export function parseRiskModel(value: unknown): RiskModel {
  const result = modelSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TypeError(`risk model: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return result.data;
}

let current: RiskModel | undefined;

export function currentRiskModel(): RiskModel {
  current ??= parseRiskModel(shipped);
  return current;
}
