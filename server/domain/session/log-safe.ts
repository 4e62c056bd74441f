/** An error as the log may show it: its class, code and OAuth error, never a message that could quote a token. */
export function describeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: string; code?: string; error?: string; status?: number } | null;
  return { name: e?.name, code: e?.code, error: e?.error, status: e?.status };
}
