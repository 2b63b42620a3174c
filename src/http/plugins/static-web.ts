// Serves the built web app (web/dist) and sends every non-API path to its index.html.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const webDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../web/dist',
);

export async function registerStaticWeb(app: FastifyInstance): Promise<void> {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    // Without a built web app, every page address explains how to get one.
    const placeholder =
      '<!doctype html><html lang="en"><title>Calling In</title><main><h1>Calling In</h1><p>The API is running. Build the web app with <code>npm run build:web</code> to use it in a browser.</p></main></html>';
    const sendPlaceholder = async (request: FastifyRequest, reply: FastifyReply) =>
      request.url.startsWith('/api/')
        ? reply.callNotFound()
        : reply.type('text/html; charset=utf-8').send(placeholder);
    app.get('/', { schema: { hide: true } }, sendPlaceholder);
    app.get('/*', { schema: { hide: true } }, sendPlaceholder);
    return;
  }
  // The build writes a .br and a .gz beside each script and stylesheet: the one the browser
  // accepts is sent, with `Vary: Accept-Encoding`.
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // Caches keep one copy per encoding.
    setHeaders: (res) => {
      res.setHeader('vary', 'accept-encoding');
    },
  });
  const html = fs.readFileSync(index, 'utf8');
  const sendIndex = async (_req: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(html);
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(webDist, path.normalize(request.url.split('?')[0] ?? '/'));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(webDist, file));
    }
    return sendIndex(request, reply);
  });
}
