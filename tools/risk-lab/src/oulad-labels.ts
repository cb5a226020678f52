/**
 * The outcome labels of studentInfo.final_result: Withdrawn/Fail → 1 (at risk), Pass/Distinction
 * → 0. Used only to measure and to train, never as a feature: nothing in @learnpulse/risk sees it.
 */
import { readTable } from './oulad-tables.reader';

const AT_RISK: Readonly<Record<string, 0 | 1>> = { Withdrawn: 1, Fail: 1, Pass: 0, Distinction: 0 };

/** Label by `courseId|idStudent`; enrolments with another result are left out. */
export async function loadOuladLabels(
  folder: string,
  courseIdOf: (codeModule: string, codePresentation: string) => string,
): Promise<Map<string, 0 | 1>> {
  const labels = new Map<string, 0 | 1>();
  for (const row of await readTable(folder, 'studentInfo')) {
    const label = AT_RISK[row['final_result'] ?? ''];
    if (label === undefined) continue;
    const courseId = courseIdOf(row['code_module'] ?? '', row['code_presentation'] ?? '');
    labels.set(`${courseId}|${row['id_student'] ?? ''}`, label);
  }
  return labels;
}
