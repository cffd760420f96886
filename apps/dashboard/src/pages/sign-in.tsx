import { useState } from 'preact/hooks';
import { session } from '../api/client';
import { ErrorBanner, useAction } from '../ui/components';
import { ThemeToggle } from '../ui/theme';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(() => session.login(email.trim(), password));
  };
  return (
    <main id="main" class="sign-in">
      <form class="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Botdeck</h1>
        <ErrorBanner error={action.error} />
        <label>
          Email
          <input
            type="email"
            name="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" class="primary" disabled={action.pending}>
            {action.pending ? 'Signing in…' : 'Sign in'}
          </button>
          <ThemeToggle />
        </div>
      </form>
    </main>
  );
}
