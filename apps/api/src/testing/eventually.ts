/**
 * Polls `check` until it gives something other than `undefined` or `false`, and resolves with it; fails the
 * spec naming `what` after `timeoutMs`.
 */
export async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5_000): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
