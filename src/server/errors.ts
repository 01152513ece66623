/** Turns any error into a JSON response `{ error: { code, message } }` with the status it knows. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { WatchfloorError } from '../core/errors.js';

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof WatchfloorError) {
    // A full queue (429) says when to come back.
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('Retry-After', String(retryAfter));
    void reply.status(error.status).send({ error: { code: error.code, message: error.message } });
    return;
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    void reply.status(400).send({ error: { code: 'request/invalid', message: fastifyError.message } });
    return;
  }
  const status = fastifyError.statusCode && fastifyError.statusCode >= 400 ? fastifyError.statusCode : 500;
  if (status >= 500) request.log.error(error);
  void reply.status(status).send({
    error: { code: fastifyError.code ?? 'internal', message: status >= 500 ? 'internal error' : error.message },
  });
}
