// Answers that the store keeps and hands back unchanged (frozen; see src/db/read-cache.ts)
// need not be serialized again: the JSON, made once by the route's own response schema, is
// kept beside the answer object and dropped with it. Other answers are sent as usual.
import type { FastifyReply } from 'fastify';

export function keptBodies() {
  const bodies = new WeakMap<object, Buffer>();
  return function send(reply: FastifyReply, answer: object): FastifyReply {
    if (!Object.isFrozen(answer)) return reply.send(answer);
    let body = bodies.get(answer);
    if (!body) {
      body = Buffer.from(reply.serialize(answer) as string);
      bodies.set(answer, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
  };
}
