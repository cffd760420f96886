/**
 * An anchor of `bench:search`: bare Fastify 5 answering every GET with the newest page of
 * command logs (limit 20), read by the same `searchPage` as the API over a pg pool of its own
 * (DATABASE_URL), on PORT. HTTP and JSON around the same SQL: no Nest, no auth, no
 * validation, no logging.
 */
import { searchPage } from '@botdeck/commands';
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const run = async <T>(sql: string, params: unknown[]) =>
  (await pool.query(sql, params)).rows as T[];
const app = Fastify({ logger: false });
app.get('/*', async () => {
  const rows = await searchPage<Record<string, unknown>>(run, {}, 'newest', 20);
  return { items: rows.slice(0, 20), nextCursor: null };
});
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('bare search server listening'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
