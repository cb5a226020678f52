/**
 * Open edX usage keys (`block-v1:Org+Course+Run+type@video+block@abc`, old `i4x://…`) and the
 * block ids derived from what events carry (a video id, a browser referrer, problem input names).
 */

const BLOCK_TYPE = /\+type@([^+@/\s]+)\+block@/;
const I4X_TYPE = /^i4x:\/\/[^/]+\/[^/]+\/([^/]+)\//;
const I4X_DASHED = /^i4x-[^-]+-[^-]+-([^-]+)-/;

/** `problem` of a usage key, or null when the text is not one. */
export function blockTypeOf(usageKey: string): string | null {
  return (
    BLOCK_TYPE.exec(usageKey)?.[1] ??
    I4X_TYPE.exec(usageKey)?.[1] ??
    I4X_DASHED.exec(usageKey)?.[1] ??
    null
  );
}

export function isUsageKey(value: string): boolean {
  return blockTypeOf(value) !== null;
}

/** `course-v1:Org+Course+Run` + id → `block-v1:Org+Course+Run+type@<type>+block@<id>` (ccx too). */
export function makeBlockKey(courseId: string, blockType: string, blockId: string): string {
  const colon = courseId.indexOf(':');
  const prefix = courseId.startsWith('ccx-v1:') ? 'ccx-block-v1' : 'block-v1';
  return `${prefix}:${courseId.slice(colon + 1)}+type@${blockType}+block@${blockId}`;
}

/** The `activate_block_id` query parameter of a courseware URL, decoded, or null. */
export function blockIdFromReferrer(referrer: string | null): string | null {
  if (referrer === null) return null;
  try {
    const value = new URL(referrer).searchParams.get('activate_block_id');
    return value !== null && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

/**
 * A browser problem_check sends its answers as `input_<problem>_2_1=…`: the problem id is the
 * part after the first underscore (event-routing-backends does the same).
 */
export function problemKeyFromAnswers(
  answers: string | null,
  courseId: string | null,
): string | null {
  if (answers === null || courseId === null) return null;
  const parts = answers.split('_');
  if (parts.length < 2 || !courseId.includes(':')) return null;
  return makeBlockKey(courseId, 'problem', parts[1] ?? '');
}
