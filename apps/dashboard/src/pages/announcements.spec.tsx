import { render } from 'preact';
import { MessagePreview } from './announcements';
import { CommandTable } from './commands';

describe('dashboard components', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('draws the announcement like a Discord message, never as raw HTML', () => {
    render(
      <MessagePreview
        content={'**Big** <img src=x onerror=alert(1)> @everyone'}
        everyone={false}
      />,
      root,
    );
    const body = root.querySelector('.discord-body');
    expect(body?.querySelector('strong')?.textContent).toBe('Big');
    expect(body?.querySelector('img')).toBeNull();
    expect(body?.textContent).toContain('<img src=x onerror=alert(1)>');
    const mention = body?.querySelector('.mention');
    expect(mention?.classList.contains('pings')).toBe(false);

    render(<MessagePreview content="@everyone" everyone />, root);
    expect(root.querySelector('.mention')?.classList.contains('pings')).toBe(true);
  });

  it('shows the empty state, then one row per command', () => {
    render(<CommandTable rows={[]} empty="Nothing yet." />, root);
    expect(root.textContent).toBe('Nothing yet.');
    const row = {
      interactionId: 'i1',
      command: 'ping',
      status: 'error',
      errorCode: 'TIMED_OUT',
      durationMs: 12,
      startedAt: new Date().toISOString(),
      userId: 'u1',
    } as Parameters<typeof CommandTable>[0]['rows'][number];
    render(<CommandTable rows={[row]} empty="Nothing yet." />, root);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(root.querySelector('[data-status="error"]')).not.toBeNull();
    expect(root.textContent).toContain('TIMED_OUT');
  });
});
