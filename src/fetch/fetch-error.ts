/** A fetch that failed: refused address, timeout, too large, wrong type, too many redirects, HTTP error. */
import { WatchfloorError } from '../core/errors.js';

export class FetchError extends WatchfloorError {
  /** The HTTP status when the server answered with an error, else null. */
  readonly httpStatus: number | null;
  constructor(code: string, message: string, options: { httpStatus?: number; cause?: unknown } = {}) {
    super(code, message, { status: 502, cause: options.cause });
    this.name = 'FetchError';
    this.httpStatus = options.httpStatus ?? null;
  }
}
