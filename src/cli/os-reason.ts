/** "permission denied (EACCES)" from a Node file-system error, without the paths it quotes. */
export function osReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const what = /^[A-Z0-9]+: ([^,]+)/.exec(message ?? '')?.[1];
  if (code && what) return `${what} (${code})`;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
