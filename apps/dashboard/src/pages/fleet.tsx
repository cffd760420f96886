import { useMemo, useState } from 'preact/hooks';
import { api, session } from '../api/client';
import type { Bot } from '../api/types';
import { can } from '../auth/roles';
import { allTags, applyStatus, filterByTags, pruneSelection } from '../lib/fleet';
import { useRealtime } from '../realtime/realtime';
import {
  Empty,
  ErrorBanner,
  Loading,
  Section,
  StatusBadge,
  useAction,
  useAsync,
} from '../ui/components';
import { OperationProgress } from '../ui/operation-progress';

type Lifecycle = 'start' | 'stop' | 'restart';

async function loadBots(): Promise<Bot[]> {
  const bots: Bot[] = [];
  let cursor: string | undefined;
  // A dashboard shows a fleet of hundreds; beyond a few pages, filter by tag.
  for (let page = 0; page < 5; page += 1) {
    const result = await api((c) =>
      c.GET('/api/v1/bots', { params: { query: { limit: 100, cursor } } }),
    );
    bots.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return bots;
}

export function FleetPage() {
  const operator = can(session.role, 'operator');
  const bots = useAsync(loadBots, []);
  const [tags, setTags] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [operationId, setOperationId] = useState<string | null>(null);
  const action = useAction();

  useRealtime(['bots'], {
    'bot.status': (event) => {
      // A bot added elsewhere (another tab, the API, the CLI) shows up with its first status.
      if (bots.data && !bots.data.some((bot) => bot.id === event.botId)) bots.reload();
      else bots.set((list) => list && applyStatus(list, event));
    },
    snapshot: (snapshot) => {
      if (snapshot.topic !== 'bots') return;
      bots.set((list) => list && snapshot.bots.reduce(applyStatus, list));
    },
  });

  const list = bots.data ?? [];
  const shown = useMemo(() => filterByTags(list, tags), [list, tags]);
  const chosen = pruneSelection(selected, shown);
  const names = useMemo(() => Object.fromEntries(list.map((bot) => [bot.id, bot.name])), [list]);

  const lifecycle = (bot: Bot, verb: Lifecycle) =>
    action.run(async () => {
      const result = await api((c) =>
        c.POST(`/api/v1/bots/{id}/${verb}`, { params: { path: { id: bot.id } } }),
      );
      bots.set(
        (current) =>
          current &&
          applyStatus(current, {
            botId: bot.id,
            ...result,
            reason: result.statusReason,
            changedAt: result.statusChangedAt,
          }),
      );
    });

  const bulk = (verb: Lifecycle) =>
    action.run(async () => {
      const accepted = await api((c) =>
        c.POST(`/api/v1/bulk/bots/${verb}`, { body: { botIds: [...chosen] } }),
      );
      setOperationId(accepted.operationId);
    });

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  return (
    <>
      <h1>Fleet</h1>
      {operator && <NewBotForm onCreated={bots.reload} />}
      <Section
        title="Bots"
        actions={
          operator &&
          chosen.size > 0 && (
            <div class="row" role="group" aria-label="Bulk actions">
              <span>{chosen.size} selected</span>
              <button type="button" onClick={() => void bulk('start')}>
                Start selected
              </button>
              <button type="button" onClick={() => void bulk('stop')}>
                Stop selected
              </button>
              <button type="button" onClick={() => void bulk('restart')}>
                Restart selected
              </button>
            </div>
          )
        }
      >
        <ErrorBanner error={action.error ?? bots.error} />
        {allTags(list).length > 0 && (
          <fieldset class="tags">
            <legend>Filter by tag</legend>
            {allTags(list).map((tag) => (
              <label key={tag} class="chip">
                <input
                  type="checkbox"
                  checked={tags.includes(tag)}
                  onChange={() =>
                    setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])
                  }
                />
                {tag}
              </label>
            ))}
          </fieldset>
        )}
        {operationId && <OperationProgress id={operationId} names={names} />}
        {bots.loading && !bots.data ? (
          <Loading />
        ) : shown.length === 0 ? (
          <Empty>{list.length === 0 ? 'No bots yet.' : 'No bot carries every selected tag.'}</Empty>
        ) : (
          <table class="table">
            <caption class="sr-only">Bots and their live status</caption>
            <thead>
              <tr>
                {operator && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select every bot shown"
                      checked={chosen.size === shown.length}
                      onChange={() =>
                        setSelected(
                          chosen.size === shown.length
                            ? new Set()
                            : new Set(shown.map((b) => b.id)),
                        )
                      }
                    />
                  </th>
                )}
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Tags</th>
                {operator && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((bot) => (
                <tr key={bot.id} data-bot={bot.name}>
                  {operator && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${bot.name}`}
                        checked={chosen.has(bot.id)}
                        onChange={() => toggle(bot.id)}
                      />
                    </td>
                  )}
                  <td>
                    <a href={`/bots/${bot.id}`}>{bot.name}</a>
                  </td>
                  <td>
                    <StatusBadge status={bot.status} />
                    {bot.statusReason && <span class="muted"> {bot.statusReason}</span>}
                  </td>
                  <td>{bot.tags.join(', ')}</td>
                  {operator && (
                    <td class="row">
                      <button
                        type="button"
                        onClick={() => void lifecycle(bot, 'start')}
                        aria-label={`Start ${bot.name}`}
                      >
                        Start
                      </button>
                      <button
                        type="button"
                        onClick={() => void lifecycle(bot, 'stop')}
                        aria-label={`Stop ${bot.name}`}
                      >
                        Stop
                      </button>
                      <button
                        type="button"
                        onClick={() => void lifecycle(bot, 'restart')}
                        aria-label={`Restart ${bot.name}`}
                      >
                        Restart
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

function NewBotForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [tags, setTags] = useState('');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action
      .run(() =>
        api((c) =>
          c.POST('/api/v1/bots', {
            body: {
              name: name.trim(),
              token: token.trim(),
              desiredState: 'stopped',
              shardCount: 1,
              tags: tags
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            },
          }),
        ),
      )
      .then((created) => {
        if (!created) return;
        setName('');
        setToken('');
        setTags('');
        onCreated();
      });
  };
  return (
    <details class="card">
      <summary>Add a bot</summary>
      <form onSubmit={submit} class="grid-form">
        <ErrorBanner error={action.error} />
        <label>
          Name
          <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Bot token
          <input
            required
            type="password"
            autocomplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <label>
          Tags (comma-separated)
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary" disabled={action.pending}>
          Add bot
        </button>
      </form>
    </details>
  );
}
