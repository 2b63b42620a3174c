// The reference: a bare Fastify route returning a small JSON, with nothing else registered.
// Run as its own process (like the real server), listening on 127.0.0.1:PORT.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok', items: [{ id: 1, name: 'small' }] }));
const port = Number(process.env.PORT ?? '0');
await app.listen({ port, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
