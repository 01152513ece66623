/** Errors that know what failed: a stage, an input, or a request (with its HTTP status). */

/** Base class: a code for machines, a message for people, an HTTP status for the server. */
export class WatchfloorError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WatchfloorError';
    this.code = code;
    this.status = options.status ?? 500;
  }
}

/** Bad input: empty, binary, too large, undecodable. Fails the one document, never the batch. */
export class InputError extends WatchfloorError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { status: 422, ...options });
    this.name = 'InputError';
  }
}

/** A stage threw: names the stage and the document it failed on. */
export class StageError extends WatchfloorError {
  readonly stage: string;
  readonly origin: string;
  constructor(stage: string, origin: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const code = cause instanceof WatchfloorError ? cause.code : `stage/${stage}`;
    const status = cause instanceof WatchfloorError ? cause.status : 500;
    // Input errors already name the document; others get it prefixed with the stage.
    super(code, reason.startsWith(origin) ? reason : `${origin}: ${stage}: ${reason}`, { status, cause });
    this.name = 'StageError';
    this.stage = stage;
    this.origin = origin;
  }
}

/** A request the server or CLI cannot honour (not found, bad parameter, no token). */
export class RequestError extends WatchfloorError {
  constructor(status: number, code: string, message: string) {
    super(code, message, { status });
    this.name = 'RequestError';
  }
}

/** The short, printable form of any error: `{ code, message }`. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof WatchfloorError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
