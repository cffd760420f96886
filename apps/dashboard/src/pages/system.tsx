import type { MetricsSnapshot } from '@botdeck/monitoring';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { api, session } from '../api/client';
import type { Role } from '../api/types';
import { can } from '../auth/roles';
import { polyline } from '../lib/live-tail';
import { useRealtime } from '../realtime/realtime';
import {
  Empty,
  ErrorBanner,
  Loading,
  Section,
  StatusBadge,
  Unavailable,
  useAction,
  useAsync,
} from '../ui/components';

export function SystemPage() {
  const admin = can(session.role, 'admin');
  return (
    <>
      <h1>System</h1>
      <Health />
      <Metrics />
      {admin && <Audit />}
      {admin && <Users />}
    </>
  );
}

function Health() {
  const health = useAsync(() => api((c) => c.GET('/api/v1/monitoring/health')), []);
  useRealtime(['workers'], { 'monitoring.worker': () => health.reload() });
  const report = health.data;
  return (
    <Section
      title="Health"
      actions={
        <button type="button" onClick={health.reload}>
          Check again
        </button>
      }
    >
      <ErrorBanner error={health.error} />
      {!report ? (
        <Loading />
      ) : (
        <>
          <p>
            Overall <StatusBadge status={report.status} /> · version {report.version} · up{' '}
            {Math.round(report.uptimeSeconds / 60)} min
          </p>
          <ul class="results">
            <li>
              PostgreSQL <StatusBadge status={report.checks.postgres.status} />{' '}
              {report.checks.postgres.latencyMs} ms
            </li>
            <li>
              Redis <StatusBadge status={report.checks.redis.status} />{' '}
              {report.checks.redis.latencyMs} ms
            </li>
            <li>
              Workers <StatusBadge status={report.checks.workers.status} />{' '}
              {report.checks.workers.count} live
            </li>
          </ul>
          {(report.checks.workers.items ?? []).length > 0 && (
            <table class="table">
              <caption>Workers</caption>
              <thead>
                <tr>
                  <th scope="col">Worker</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {(report.checks.workers.items ?? []).map((worker, index) => (
                  <tr key={index}>
                    <td>{index + 1}</td>
                    <td>
                      <code>{JSON.stringify(worker)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}

/** Queues and process figures from GET /api/v1/monitoring/metrics, then live on `metrics`. */
function Metrics() {
  const [history, setHistory] = useState<MetricsSnapshot[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    // Read untyped: deployments without the metrics route answer 404 and show the slot.
    fetch('/api/v1/monitoring/metrics', {
      headers: { authorization: `Bearer ${session.current.accessToken ?? ''}` },
    }).then(
      async (response) => {
        if (response.status === 404) return setMissing(true);
        const body: unknown = await response.json();
        if (!response.ok) return setError(ApiError.from(response.status, body));
        setHistory([body as MetricsSnapshot]);
      },
      (failure: unknown) => setError(failure),
    );
  }, []);
  useRealtime(['metrics'], {
    'monitoring.snapshot': (snapshot) => setHistory((current) => [...current, snapshot].slice(-60)),
  });
  const latest = history.at(-1);
  return (
    <Section title="Metrics">
      <ErrorBanner error={error} />
      {missing && history.length === 0 ? (
        <Unavailable what="Monitoring metrics" />
      ) : !latest ? (
        <Loading />
      ) : (
        <>
          <svg
            class="chart"
            viewBox="0 0 600 120"
            role="img"
            aria-label={`API event-loop delay p99 ${latest.api.eventLoopDelayMs.p99} ms`}
          >
            <polyline
              class="p95"
              points={polyline(
                history.map((s) => s.api.eventLoopDelayMs.p99),
                600,
                120,
              )}
            />
            <polyline
              class="p50"
              points={polyline(
                history.map((s) => s.api.cpuPercent),
                600,
                120,
              )}
            />
          </svg>
          <p class="legend">
            <span class="p95">event-loop p99 {latest.api.eventLoopDelayMs.p99} ms</span> ·{' '}
            <span class="p50">API CPU {latest.api.cpuPercent}%</span> · {latest.workers.length}{' '}
            workers
          </p>
          {latest.queues.length === 0 ? (
            <Empty>No queue figures.</Empty>
          ) : (
            <table class="table">
              <caption>Queues</caption>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col">Waiting</th>
                  <th scope="col">Active</th>
                  <th scope="col">Delayed</th>
                  <th scope="col">Failed</th>
                </tr>
              </thead>
              <tbody>
                {latest.queues.map((queue) => (
                  <tr key={queue.name}>
                    <td>{queue.name}</td>
                    <td>{queue.waiting}</td>
                    <td>{queue.active}</td>
                    <td>{queue.delayed}</td>
                    <td>{queue.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}

function Audit() {
  const entries = useAsync(
    () =>
      api((c) => c.GET('/api/v1/audit', { params: { query: { limit: 25 } } })).then(
        (page) => page.items,
      ),
    [],
  );
  useRealtime(['audit'], { 'audit.recorded': () => entries.reload() });
  return (
    <Section title="Audit trail">
      <ErrorBanner error={entries.error} />
      {!entries.data ? (
        <Loading />
      ) : entries.data.length === 0 ? (
        <Empty>No audit entry yet.</Empty>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((entry) => (
              <tr key={entry.id}>
                <td>{new Date(entry.createdAt).toLocaleString()}</td>
                <td>{entry.actor?.email ?? 'system'}</td>
                <td>
                  <code>{entry.action}</code> {entry.resourceType} {entry.resourceId}
                </td>
                <td>
                  <StatusBadge status={entry.outcome} />{' '}
                  {entry.errorCode && <code>{entry.errorCode}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Users() {
  const users = useAsync(
    () =>
      api((c) => c.GET('/api/v1/users', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
    [],
  );
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const action = useAction();
  const create = (event: Event) => {
    event.preventDefault();
    void action
      .run(() =>
        api((c) => c.POST('/api/v1/users', { body: { email: email.trim(), password, role } })),
      )
      .then((created) => {
        if (!created) return;
        setEmail('');
        setPassword('');
        users.reload();
      });
  };
  return (
    <Section title="Users">
      <ErrorBanner error={users.error ?? action.error} />
      {!users.data ? (
        <Loading />
      ) : (
        <ul class="results">
          {users.data.map((user) => (
            <li key={user.id}>
              {user.email} · {user.role}
              {user.disabled && ' · disabled'}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} class="row">
        <label>
          Email
          <input
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            required
            autocomplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <option value="viewer">viewer</option>
            <option value="operator">operator</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit" disabled={action.pending}>
          Add user
        </button>
      </form>
    </Section>
  );
}
