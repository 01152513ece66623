/** How the CLI speaks: exit statuses, and one style for every message (`watchfloor: no story 5`). */
import type { Command } from 'commander';

/** Exit statuses the README promises: 0 worked (or found nothing), 1 something failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Our own usage errors, raised in actions with `usageError()`. */
export const USAGE_ERROR = 'watchfloor.usage';

/** Every message the CLI writes about an error: `watchfloor: no story 5`. */
export function say(message: string): void {
  process.stderr.write(`watchfloor: ${message}\n`);
}

/** Ends the command as a usage error (exit 2) with a message in the house style. */
export function usageError(command: Command, message: string): never {
  return command.error(message, { exitCode: EXIT.usage, code: USAGE_ERROR });
}

