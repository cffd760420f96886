import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import {
  applyProgress,
  fromOperation,
  type OperationView,
  percentDone,
} from '../lib/operation-progress';
import { useRealtime } from '../realtime/realtime';
import { ErrorBanner, ProgressBar, StatusBadge } from './components';

/** A bulk operation followed live on `operation:{id}`: a progress bar and each target's result. */
export function OperationProgress({ id, names }: { id: string; names?: Record<string, string> }) {
  const [view, setView] = useState<OperationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api((c) =>
      c.GET('/api/v1/bulk/operations/{id}', { params: { path: { id }, query: { limit: 100 } } }),
    ).then(
      (operation) => live && setView((current) => current ?? fromOperation(operation)),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [id]);
  useRealtime([`operation:${id}`], {
    'operation.progress': (event) => {
      if (event.operationId === id) setView((current) => applyProgress(current, event));
    },
    snapshot: (snapshot) => {
      if ('operation' in snapshot && snapshot.operation.operationId === id) {
        setView((current) => applyProgress(current, snapshot.operation));
      }
    },
  });
  if (error) return <ErrorBanner error={error} />;
  if (!view) return <p class="muted">Starting the operation…</p>;
  const items = Object.entries(view.items);
  return (
    <div class="operation" data-testid="operation" data-status={view.status}>
      <p>
        Bulk {view.kind}: <StatusBadge status={view.status} /> {view.totals.succeeded} succeeded,{' '}
        {view.totals.failed} failed, {view.totals.pending} pending of {view.totals.total}
      </p>
      <ProgressBar value={percentDone(view.totals)} label={`Bulk ${view.kind} progress`} />
      {items.length > 0 && (
        <ul class="results">
          {items.map(([key, item]) => (
            <li key={key}>
              {names?.[item.botId] ?? item.botId}
              {item.channelId ? ` → #${item.channelId}` : ''}: <StatusBadge status={item.status} />
              {item.errorCode && <code> {item.errorCode}</code>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
