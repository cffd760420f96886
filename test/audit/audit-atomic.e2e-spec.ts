import type { Client } from 'pg';
import request from 'supertest';
import { startApi, TestApi } from '../support/api';
import { authHeader, loginAs, LoggedIn } from '../support/auth';
import { connectDatabase, flushAudit, uniqueRequestId } from './audit-support';

/**
 * A change and its success entry commit together or not at all. A trigger that refuses the
 * success entry of one marked email stands in for any failure to store it: the user the
 * handler inserted must then be rolled back with it, which can only happen if the handler's
 * writes and the entry share one transaction.
 */
describe('audit: the success entry commits with the change', () => {
  let api: TestApi;
  let admin: LoggedIn;
  let db: Client;
  const marked = `refused-audit-${Date.now().toString(36)}@botdeck.test`;
  const trigger = `refuse_audit_${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startApi();
    admin = await loginAs(api, 'admin');
    db = await connectDatabase();
    await db.query(`
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entry refused by test' USING ERRCODE = 'check_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_entries FOR EACH ROW
      WHEN (NEW.outcome = 'success' AND NEW.after->>'email' = '${marked}')
      EXECUTE FUNCTION ${trigger}()`);
  });
  afterAll(async () => {
    await db.query(`DROP TRIGGER IF EXISTS ${trigger} ON audit_entries`);
    await db.query(`DROP FUNCTION IF EXISTS ${trigger}()`);
    await db.end();
    await api.close();
  });

  const createUser = (email: string, requestId: string) =>
    request(api.url)
      .post('/api/v1/users')
      .set(authHeader(admin.accessToken))
      .set('X-Request-Id', requestId)
      .send({ email, password: 'a-long-enough-password', role: 'viewer' });

  const usersWithEmail = async (email: string) =>
    (await db.query('SELECT id FROM users WHERE email = $1', [email])).rowCount;

  it('rolls the change back when its entry cannot be stored, and records the failure', async () => {
    const requestId = uniqueRequestId('atomic-refused');
    const res = await createUser(marked, requestId);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body).toMatchObject({ requestId });

    expect(await usersWithEmail(marked)).toBe(0);
    await flushAudit(api);
    const { rows } = await db.query(
      'SELECT outcome, status_code FROM audit_entries WHERE request_id = $1',
      [requestId],
    );
    expect(rows).toEqual([{ outcome: 'failure', status_code: res.status }]);
  });

  it('commits both when the entry is stored', async () => {
    const email = `atomic-ok-${Date.now().toString(36)}@botdeck.test`;
    const requestId = uniqueRequestId('atomic-ok');
    await createUser(email, requestId).expect(201);
    expect(await usersWithEmail(email)).toBe(1);
    // No flush: the success entry is committed before the response is sent.
    const { rows } = await db.query('SELECT outcome FROM audit_entries WHERE request_id = $1', [
      requestId,
    ]);
    expect(rows).toEqual([{ outcome: 'success' }]);
  });
});
