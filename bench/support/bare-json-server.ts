/**
 * The anchor of `bench:api`: bare Fastify 5 answering every GET with the JSON body in the file
 * named by argv[2], on PORT. No Nest, no guard, no database, no Redis.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = JSON.parse(readFileSync(process.argv[2], 'utf8')) as unknown;
const app = Fastify({ logger: false });
app.get('/*', () => body);
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('bare server listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
