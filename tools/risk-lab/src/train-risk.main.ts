/**
 * `npx learnpulse-train-risk --data <oulad folder> [--out FILE] [--version V] [--lambda L]`:
 * trains the combined score and writes the model JSON (default: the shipped model's file).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { trainRiskModel } from './train-risk-model';

export const SHIPPED_MODEL_FILE = path.join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'libs',
  'risk',
  'src',
  'model',
  'risk-model.v1.json',
);

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      data: { type: 'string' },
      out: { type: 'string', default: SHIPPED_MODEL_FILE },
      version: { type: 'string', default: 'oulad-logreg-1' },
      lambda: { type: 'string', default: '10' },
      'infer-deadlines': { type: 'boolean', default: false },
    },
  });
  if (values.data === undefined) throw new Error('--data <oulad folder> is required');
  const result = await trainRiskModel({
    folder: values.data,
    version: values.version,
    lambda: Number(values.lambda),
    useCalendar: !values['infer-deadlines'],
  });
  const out = process.stdout;
  for (const figure of result.heldOut) {
    out.write(
      `held-out ${figure.courseId} day ${figure.day}: AUC ${figure.auc?.toFixed(3) ?? 'nan'}\n`,
    );
  }
  out.write(
    `held-out pooled: day 14 AUC ${result.pooled.day14?.toFixed(3) ?? 'nan'}, ` +
      `25% AUC ${result.pooled.percent25?.toFixed(3) ?? 'nan'}\n`,
  );
  for (const level of result.levels) {
    out.write(
      `level ${level.level}: ${(level.share * 100).toFixed(1)}% of held-out rows, ${(level.atRiskRate * 100).toFixed(1)}% at risk\n`,
    );
  }
  out.write(`cutoffs medium ${result.model.cutoffs.medium} high ${result.model.cutoffs.high}\n`);
  await writeFile(values.out, JSON.stringify(result.model, null, 2) + '\n', 'utf8');
  out.write(`wrote ${values.out}\n`);
}
