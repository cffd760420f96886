import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { api, session } from '../api/client';
import type { CommandLog, CommandStats } from '../api/types';
import { type LatencyPoint, polyline, pushLatency, pushLog } from '../lib/live-tail';
import { useRealtime } from '../realtime/realtime';
import {
  Empty,
  ErrorBanner,
  Loading,
  Section,
  StatusBadge,
  Unavailable,
  useAction,
} from '../ui/components';

export function CommandTable({ rows, empty }: { rows: CommandLog[]; empty: string }) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <table class="table" data-testid="command-rows">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Command</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">User</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.interactionId} data-command={row.command}>
            <td>{new Date(row.startedAt).toLocaleTimeString()}</td>
            <td>
              <code>/{row.command}</code>
            </td>
            <td>
              <StatusBadge status={row.status} />
              {row.errorCode && <code> {row.errorCode}</code>}
            </td>
            <td>{row.durationMs === null ? '—' : `${row.durationMs} ms`}</td>
            <td>{row.userId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CommandsPage() {
  const [rows, setRows] = useState<CommandLog[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api((c) => c.GET('/api/v1/logs/recent', { params: { query: { limit: 50 } } })).then(
      (recent) => {
        setRows((live) => recent.reduceRight((acc, entry) => pushLog(acc, entry), live));
        setLoading(false);
      },
      (failure: unknown) => {
        setError(failure);
        setLoading(false);
      },
    );
  }, []);
  useRealtime(['commands'], {
    'command.logged': (entry) => setRows((current) => pushLog(current, entry)),
  });
  return (
    <>
      <h1>Commands</h1>
      <Section title="Live tail">
        <ErrorBanner error={error} />
        {loading ? <Loading /> : <CommandTable rows={rows} empty="No command served yet." />}
      </Section>
      <CommandSearch />
      <LatencyChart />
    </>
  );
}

/** Full-text search over the command log, where the API offers it (GET /api/v1/logs/search). */
function CommandSearch() {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const [results, setResults] = useState<CommandLog[] | null>(null);
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    const params = new URLSearchParams({ q: query.trim(), limit: '50' });
    if (status) params.set('status', status);
    void action.run(async () => {
      // Not in every deployment's OpenAPI document yet: called untyped, read as command logs.
      const response = await fetch(`/api/v1/logs/search?${params.toString()}`, {
        headers: { authorization: `Bearer ${session.current.accessToken ?? ''}` },
      });
      if (response.status === 404) {
        setMissing(true);
        return;
      }
      const body: unknown = await response.json();
      if (!response.ok) throw ApiError.from(response.status, body);
      setResults((body as { items: CommandLog[] }).items);
    });
  };
  return (
    <Section title="Search">
      {missing ? (
        <Unavailable what="Command search" />
      ) : (
        <form onSubmit={submit} class="row" role="search">
          <label>
            Search commands
            <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
          <label>
            Status
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">any</option>
              <option value="success">success</option>
              <option value="error">error</option>
              <option value="timed_out">timed out</option>
            </select>
          </label>
          <button type="submit" disabled={action.pending}>
            Search
          </button>
        </form>
      )}
      <ErrorBanner error={action.error} />
      {results && <CommandTable rows={results} empty="Nothing matches." />}
    </Section>
  );
}

const CHART = { width: 600, height: 160 };

/** p50/p95 of the last hour, sampled every 15 s while the page is open. */
function LatencyChart() {
  const [points, setPoints] = useState<LatencyPoint[]>([]);
  const [stats, setStats] = useState<CommandStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    const sample = () => {
      const from = new Date(Date.now() - 3_600_000).toISOString();
      api((c) => c.GET('/api/v1/commands/stats', { params: { query: { from } } })).then(
        (result) => {
          if (!live) return;
          setStats(result);
          setPoints((current) =>
            pushLatency(current, {
              at: result.to,
              p50: result.totals.p50Ms,
              p95: result.totals.p95Ms,
            }),
          );
        },
        (failure: unknown) => live && setError(failure),
      );
    };
    sample();
    const timer = setInterval(sample, 15_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <Section title="Latency, last hour">
      <ErrorBanner error={error} />
      {!stats ? (
        <Loading />
      ) : (
        <>
          <svg
            class="chart"
            viewBox={`0 0 ${CHART.width} ${CHART.height}`}
            role="img"
            aria-label={`p50 ${stats.totals.p50Ms ?? '—'} ms, p95 ${stats.totals.p95Ms ?? '—'} ms over ${stats.totals.count} commands`}
          >
            <polyline
              class="p50"
              points={polyline(
                points.map((p) => p.p50),
                CHART.width,
                CHART.height,
              )}
            />
            <polyline
              class="p95"
              points={polyline(
                points.map((p) => p.p95),
                CHART.width,
                CHART.height,
              )}
            />
          </svg>
          <p class="legend">
            <span class="p50">p50 {stats.totals.p50Ms ?? '—'} ms</span> ·{' '}
            <span class="p95">p95 {stats.totals.p95Ms ?? '—'} ms</span> · {stats.totals.count}{' '}
            commands, {Math.round(stats.totals.successRate * 100)}% successful
          </p>
          {stats.commands.length > 0 && (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Command</th>
                  <th scope="col">Count</th>
                  <th scope="col">p50</th>
                  <th scope="col">p95</th>
                </tr>
              </thead>
              <tbody>
                {stats.commands.map((row) => (
                  <tr key={row.command}>
                    <td>/{row.command}</td>
                    <td>{row.count}</td>
                    <td>{row.p50Ms ?? '—'} ms</td>
                    <td>{row.p95Ms ?? '—'} ms</td>
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
