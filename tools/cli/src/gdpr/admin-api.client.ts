/** The CLI side of POST /admin/v1/learners/{erase,export}: JSON in, JSON out, errors named. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export async function postAdmin<T>(
  baseUrl: string,
  token: string,
  path: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch {
      // not JSON: the text itself says what went wrong
    }
    throw new AdminApiError(
      response.status,
      `${String(response.status)} from ${baseUrl}${path}: ${message}`,
    );
  }
  return JSON.parse(text) as T;
}
