import { AppError, type ErrorCode, errorCatalogue, type FieldError } from '@puhui/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The RFC 9457 problem document every error response uses. */
export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the error code (`urn:puhui:error:<code>`)'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable error code; see docs/errors.md'),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The request id'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

/** Renders a problem for `code` on `reply`. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: readonly FieldError[],
): FastifyReply {
  const entry = errorCatalogue[code];
  const body: Problem = {
    type: `urn:puhui:error:${code}`,
    title: entry.title,
    status: entry.status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.id,
    ...(errors && errors.length > 0 ? { errors: [...errors] } : {}),
  };
  return reply.code(entry.status).type('application/problem+json').send(body);
}

function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'ENOTFOUND',
      '57P01',
      '57P03',
      '08006',
      '08001',
      '08003',
      'SQLITE_BUSY',
      'SQLITE_CANTOPEN',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|The database connection is not open|Client has encountered a connection error|driver has already been destroyed|database is locked|unable to open database/i.test(
      e?.message ?? '',
    )
  );
}

interface ZodIssueLike {
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return ((error.validation ?? []) as ZodIssueLike[]).map((v) => {
    const base = v.instancePath ? v.instancePath.replace(/^\//, '').split('/') : [];
    const keys = v.params?.keys;
    const path = [...base, ...(keys?.length === 1 ? keys : [])].filter(Boolean).join('.');
    return { path: path ? `${context}.${path}` : context, message: v.message ?? 'invalid' };
  });
}

/**
 * Every error leaves the server as `application/problem+json` with a catalogue code: expected
 * failures (AppError) with their status, Fastify's own request errors translated, a database
 * outage as 503, and anything else as an opaque 500 (details only in the log).
 */
export function registerProblemHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error.code, error.detail, error.errors);
    if (error.validation) {
      return sendProblem(request, reply, 'validation_failed', error.message, validationErrors(error));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 'malformed_json', error.message);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 'unsupported_media_type');
      case 'FST_ERR_RATE_LIMIT':
        return sendProblem(request, reply, 'rate_limited');
    }
    if (error.statusCode === 429) return sendProblem(request, reply, 'rate_limited');
    if (error.statusCode === 413) return sendProblem(request, reply, 'payload_too_large');
    if (error.statusCode === 415) return sendProblem(request, reply, 'unsupported_media_type');
    if (error.statusCode === 400 && error.code?.startsWith('FST_')) {
      return sendProblem(request, reply, 'validation_failed', error.message);
    }
    if (isDatabaseDown(error)) {
      request.log.error({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(request, reply, 'service_unavailable');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      request,
      reply,
      'internal_error',
      'An unexpected error occurred; quote the instance id to support',
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}
