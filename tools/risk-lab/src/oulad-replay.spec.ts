/**
 * On the real OULAD slice (../shared/data/oulad): scores as of a cutoff are the same whether the
 * replay applied only the earlier events or every event of the presentation.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadOuladDataset } from './oulad-dataset';
import { replayOulad } from './oulad-replay';
import { courseCutoffs, scoreAtCutoff } from './oulad-scoring';

export const OULAD_FOLDER = path.resolve(__dirname, '../../../../..', 'shared', 'data', 'oulad');

describe('OULAD replay', () => {
  it('scores the same at day 14 from only earlier events and from every event', async () => {
    const dataset = await loadOuladDataset(OULAD_FOLDER);
    const spec = { kind: 'day', day: 14 } as const;
    const before = new Map(courseCutoffs(dataset, spec).map((c) => [c.course.courseId, c.asOf]));
    const earlier = await replayOulad(dataset, { before: (course) => before.get(course) ?? 0 });
    const everything = await replayOulad(dataset);
    assert.ok(everything.applied > earlier.applied * 3, 'the full replay holds the later clicks');
    assert.equal(everything.rejected, 0);
    const cut = scoreAtCutoff(dataset, earlier.states, spec).map((item) => item.risk);
    const full = scoreAtCutoff(dataset, everything.states, spec).map((item) => item.risk);
    assert.ok(cut.length > 2000);
    assert.deepEqual(full, cut);
  });
});
