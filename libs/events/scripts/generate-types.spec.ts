import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { renderGeneratedFiles } from './generate-types';

// Compiled to dist/scripts/, so the package root is two levels up.
const packageRoot = path.resolve(__dirname, '../..');

describe('generated code', () => {
  it('is up to date with schemas/ (run the generator after changing a schema)', async () => {
    const files = await renderGeneratedFiles(packageRoot);
    assert.deepStrictEqual(
      files.map((f) => f.path),
      [
        'src/generated/learning-event.types.ts',
        'src/generated/risk-assessment.types.ts',
        'src/generated/schema-catalogue.data.ts',
      ],
    );
    for (const file of files) {
      const committed = await readFile(path.join(packageRoot, file.path), 'utf8');
      assert.equal(
        committed,
        file.content,
        `${file.path} is stale: run npx node libs/events/dist/scripts/generate-types.js`,
      );
    }
  });
});
