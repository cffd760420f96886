import { useState } from 'preact/hooks';
import { ApiError } from '../api/api-error';
import { api, session } from '../api/client';
import type { Bot, CommandLog } from '../api/types';
import { can } from '../auth/roles';
import { applyStatus } from '../lib/fleet';
import { pushLog } from '../lib/live-tail';
import { useRealtime } from '../realtime/realtime';
import { ErrorBanner, Loading, Section, StatusBadge, useAction, useAsync } from '../ui/components';
import { CommandTable } from './commands';

export function BotPage({ id }: { id: string }) {
  const operator = can(session.role, 'operator');
  const bot = useAsync(
    () => api((c) => c.GET('/api/v1/bots/{id}', { params: { path: { id } } })),
    [id],
  );
  const [commands, setCommands] = useState<CommandLog[]>([]);
  useRealtime([`bot:${id}`], {
    'bot.status': (event) =>
      bot.set((current) => current && (applyStatus([current], event)[0] ?? current)),
    'command.logged': (entry) => {
      if (entry.botId === id) setCommands((rows) => pushLog(rows, entry));
    },
  });
  if (bot.loading && !bot.data) return <Loading />;
  if (!bot.data) return <ErrorBanner error={bot.error} />;
  const current = bot.data;
  return (
    <>
      <h1>
        {current.name} <StatusBadge status={current.status} />
      </h1>
      <p class="muted">
        <a href="/">Fleet</a> / {current.name} · token ending {current.tokenLast4} ·{' '}
        {current.validatedAt
          ? `validated ${new Date(current.validatedAt).toLocaleString()}`
          : 'token not validated'}
      </p>
      <ConfigForm
        bot={current}
        editable={operator}
        onSaved={(saved) => bot.set(() => saved)}
        onReload={bot.reload}
      />
      {operator && <TokenForm bot={current} onChanged={(saved) => bot.set(() => saved)} />}
      <Section title="Metrics">
        <p class="empty" data-slot="bot-metrics">
          Per-bot metrics appear here once the API serves them (GET /api/v1/monitoring/metrics).
        </p>
      </Section>
      <Section title="Commands, live">
        <CommandTable rows={commands} empty="No command served since this page opened." />
      </Section>
    </>
  );
}

function ConfigForm(props: {
  bot: Bot;
  editable: boolean;
  onSaved: (bot: Bot) => void;
  onReload: () => void;
}) {
  const { bot } = props;
  const [description, setDescription] = useState(bot.description);
  const [tags, setTags] = useState(bot.tags.join(', '));
  const [intents, setIntents] = useState(bot.intents.join(', '));
  const action = useAction();
  const conflict = action.error instanceof ApiError && action.error.status === 409;
  const split = (text: string) =>
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  const submit = (event: Event) => {
    event.preventDefault();
    void action
      .run(() =>
        api((c) =>
          c.PATCH('/api/v1/bots/{id}', {
            params: { path: { id: bot.id } },
            body: {
              version: bot.version,
              desiredState: bot.desiredState,
              shardCount: bot.shardCount,
              description,
              tags: split(tags),
              intents: split(intents),
            },
          }),
        ),
      )
      .then((saved) => saved && props.onSaved(saved));
  };
  return (
    <Section title="Configuration">
      <form onSubmit={submit} class="grid-form">
        <ErrorBanner error={action.error} />
        {conflict && (
          <p class="warning" role="alert">
            Someone changed this bot since you opened it (you edited version {bot.version}).{' '}
            <button
              type="button"
              onClick={() => {
                action.clear();
                props.onReload();
              }}
            >
              Load the latest version
            </button>
          </p>
        )}
        <label>
          Description
          <textarea
            readOnly={!props.editable}
            value={description}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </label>
        <label>
          Tags
          <input
            readOnly={!props.editable}
            value={tags}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        <label>
          Gateway intents
          <input
            readOnly={!props.editable}
            value={intents}
            onInput={(e) => setIntents(e.currentTarget.value)}
          />
        </label>
        <p class="muted">Version {bot.version}</p>
        {props.editable && (
          <button type="submit" class="primary" disabled={action.pending}>
            Save configuration
          </button>
        )}
      </form>
    </Section>
  );
}

function TokenForm({ bot, onChanged }: { bot: Bot; onChanged: (bot: Bot) => void }) {
  const [token, setToken] = useState('');
  const action = useAction();
  const [note, setNote] = useState('');
  const rotate = (event: Event) => {
    event.preventDefault();
    void action
      .run(() =>
        api((c) =>
          c.PUT('/api/v1/bots/{id}/token', {
            params: { path: { id: bot.id } },
            body: { token: token.trim() },
          }),
        ),
      )
      .then((saved) => {
        if (!saved) return;
        setToken('');
        setNote('Token replaced.');
        onChanged(saved);
      });
  };
  const validate = () =>
    void action
      .run(() =>
        api((c) => c.POST('/api/v1/bots/{id}/validate', { params: { path: { id: bot.id } } })),
      )
      .then((saved) => {
        if (!saved) return;
        setNote(`Token valid: it belongs to ${saved.botUsername ?? 'the bot'}.`);
        onChanged(saved);
      });
  return (
    <Section
      title="Token"
      actions={
        <button type="button" onClick={validate}>
          Validate token
        </button>
      }
    >
      <form onSubmit={rotate} class="row">
        <label>
          New token
          <input
            type="password"
            autocomplete="off"
            required
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={action.pending}>
          Rotate token
        </button>
      </form>
      <ErrorBanner error={action.error} />
      {note && <p role="status">{note}</p>}
    </Section>
  );
}
