import { useState } from 'preact/hooks';
import { api, session } from '../api/client';
import type { Bot } from '../api/types';
import { can } from '../auth/roles';
import { MAX_CONTENT, parseMessage } from '../lib/discord-markdown';
import { Empty, ErrorBanner, Loading, Section, useAction, useAsync } from '../ui/components';
import { OperationProgress } from '../ui/operation-progress';

export function AnnouncementsPage() {
  const operator = can(session.role, 'operator');
  const bots = useAsync(
    () =>
      api((c) => c.GET('/api/v1/bots', { params: { query: { limit: 100 } } })).then(
        (page) => page.items,
      ),
    [],
  );
  const [content, setContent] = useState('');
  const [botIds, setBotIds] = useState<string[]>([]);
  const [channels, setChannels] = useState('');
  const [everyChannel, setEveryChannel] = useState(true);
  const [pingEveryone, setPingEveryone] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const [operationId, setOperationId] = useState<string | null>(null);
  const action = useAction();

  if (!operator) {
    return (
      <>
        <h1>Announcements</h1>
        <Empty>Sending announcements needs the operator role.</Empty>
      </>
    );
  }
  const channelIds = channels.split(/[\s,]+/).filter(Boolean);
  const submit = (event: Event) => {
    event.preventDefault();
    void action
      .run(() =>
        api((c) =>
          c.POST('/api/v1/bulk/messages', {
            body: {
              content,
              botIds,
              ...(everyChannel ? { everyTextChannel: true as const } : { channelIds }),
              allowedMentions: { parse: pingEveryone ? ['everyone'] : [] },
              ...(sendAt ? { sendAt: new Date(sendAt).toISOString() } : {}),
            },
          }),
        ),
      )
      .then((accepted) => accepted && setOperationId(accepted.operationId));
  };
  const names = Object.fromEntries((bots.data ?? []).map((bot) => [bot.id, bot.name]));
  return (
    <>
      <h1>Announcements</h1>
      <div class="two-columns">
        <Section title="Compose">
          <form onSubmit={submit} class="grid-form">
            <ErrorBanner error={action.error ?? bots.error} />
            <label>
              Message
              <textarea
                required
                maxLength={MAX_CONTENT}
                rows={5}
                value={content}
                onInput={(e) => setContent(e.currentTarget.value)}
              />
            </label>
            <span class="muted">
              {content.length}/{MAX_CONTENT}
            </span>
            <fieldset>
              <legend>Bots</legend>
              {!bots.data ? (
                <Loading />
              ) : (
                <BotPicker bots={bots.data} chosen={botIds} onChange={setBotIds} />
              )}
            </fieldset>
            <label class="check">
              <input
                type="checkbox"
                checked={everyChannel}
                onChange={() => setEveryChannel(!everyChannel)}
              />
              Every text channel of the chosen bots
            </label>
            {!everyChannel && (
              <label>
                Channel ids (comma or space separated)
                <input
                  required
                  value={channels}
                  onInput={(e) => setChannels(e.currentTarget.value)}
                />
              </label>
            )}
            <label class="check">
              <input
                type="checkbox"
                checked={pingEveryone}
                onChange={() => setPingEveryone(!pingEveryone)}
              />
              Let @everyone ping
            </label>
            <label>
              Send at (empty: now)
              <input
                type="datetime-local"
                value={sendAt}
                onInput={(e) => setSendAt(e.currentTarget.value)}
              />
            </label>
            <button type="submit" class="primary" disabled={action.pending || botIds.length === 0}>
              {sendAt ? 'Schedule announcement' : 'Send announcement'}
            </button>
          </form>
        </Section>
        <Section title="Preview">
          <MessagePreview content={content} everyone={pingEveryone} />
        </Section>
      </div>
      {operationId && (
        <Section title="Progress">
          <OperationProgress id={operationId} names={names} />
        </Section>
      )}
    </>
  );
}

function BotPicker(props: { bots: Bot[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  if (props.bots.length === 0) return <Empty>No bots yet.</Empty>;
  return (
    <div class="chips">
      {props.bots.map((bot) => (
        <label key={bot.id} class="chip">
          <input
            type="checkbox"
            checked={props.chosen.includes(bot.id)}
            onChange={() =>
              props.onChange(
                props.chosen.includes(bot.id)
                  ? props.chosen.filter((id) => id !== bot.id)
                  : [...props.chosen, bot.id],
              )
            }
          />
          {bot.name}
        </label>
      ))}
    </div>
  );
}

/** The message drawn the way Discord shows it, with the mentions that would (not) ping. */
export function MessagePreview({ content, everyone }: { content: string; everyone: boolean }) {
  const segments = parseMessage(content, { everyone, users: false, roles: false });
  return (
    <div class="discord" data-testid="preview">
      <div class="discord-avatar" aria-hidden="true">
        B
      </div>
      <div>
        <p class="discord-author">
          Your bot <span class="discord-tag">BOT</span> <span class="discord-time">Today</span>
        </p>
        <p class="discord-body">
          {segments.length === 0 ? (
            <span class="muted">Your message appears here.</span>
          ) : (
            segments.map((segment, index) => {
              switch (segment.kind) {
                case 'bold':
                  return <strong key={index}>{segment.text}</strong>;
                case 'italic':
                  return <em key={index}>{segment.text}</em>;
                case 'strike':
                  return <s key={index}>{segment.text}</s>;
                case 'code':
                  return <code key={index}>{segment.text}</code>;
                case 'mention':
                  return (
                    <span
                      key={index}
                      class={segment.pings ? 'mention pings' : 'mention'}
                      title={segment.pings ? 'pings' : 'shown, does not ping'}
                    >
                      {segment.text}
                    </span>
                  );
                default:
                  return <span key={index}>{segment.text}</span>;
              }
            })
          )}
        </p>
      </div>
    </div>
  );
}
