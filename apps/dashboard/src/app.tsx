import { useEffect, useState } from 'preact/hooks';
import { session } from './api/client';
import { can } from './auth/roles';
import type { SessionState } from './auth/session';
import { match, onLinkClick, usePath } from './lib/router';
import { AnnouncementsPage } from './pages/announcements';
import { BotPage } from './pages/bot';
import { CommandsPage } from './pages/commands';
import { FleetPage } from './pages/fleet';
import { SignInPage } from './pages/sign-in';
import { StockPage } from './pages/stock';
import { SystemPage } from './pages/system';
import { useConnected } from './realtime/realtime';
import { Loading } from './ui/components';
import { ThemeToggle } from './ui/theme';

const NAV = [
  { path: '/', label: 'Fleet' },
  { path: '/commands', label: 'Commands' },
  { path: '/stock', label: 'Stock' },
  { path: '/announcements', label: 'Announcements' },
  { path: '/system', label: 'System' },
];

function useSession(): SessionState {
  const [state, setState] = useState(session.current);
  useEffect(() => session.subscribe(setState), []);
  return state;
}

function Page({ path }: { path: string }) {
  const bot = match('/bots/:id', path);
  if (bot?.id) return <BotPage id={bot.id} />;
  switch (path.replace(/\/+$/, '') || '/') {
    case '/':
      return <FleetPage />;
    case '/commands':
      return <CommandsPage />;
    case '/stock':
      return <StockPage />;
    case '/announcements':
      return <AnnouncementsPage />;
    case '/system':
      return <SystemPage />;
    default:
      return (
        <section class="card">
          <h2>Not found</h2>
          <p>
            No page at <code>{path}</code>. <a href="/">Back to the fleet</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  const state = useSession();
  const path = usePath();
  const connected = useConnected();
  useEffect(() => {
    void session.restore();
  }, []);

  if (state.restoring) return <Loading label="Signing you back in…" />;
  if (!state.user) return <SignInPage />;

  const section = NAV.find((item) => item.path !== '/' && path.startsWith(item.path))?.path ?? '/';
  return (
    <div class="shell" onClick={onLinkClick}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Botdeck</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.path}>
                <a href={item.path} aria-current={section === item.path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class={connected ? 'live on' : 'live'} role="status" data-testid="live">
            {connected ? 'Live' : 'Offline'}
          </span>
          <span>
            {state.user.email} · <span data-testid="role">{state.user.role}</span>
          </span>
          <ThemeToggle />
          <button type="button" onClick={() => void session.logout()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} />
      </main>
      {!can(state.user.role, 'operator') && (
        <footer class="muted">You are signed in as a viewer: you can look, not change.</footer>
      )}
    </div>
  );
}
