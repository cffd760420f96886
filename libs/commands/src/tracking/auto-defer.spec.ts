import { armAutoDefer, DeferrableInteraction } from './auto-defer';

/** Behaves like discord.js: a second initial response throws. */
class FakeInteraction implements DeferrableInteraction {
  replied = false;
  deferred = false;
  calls: string[] = [];

  reply(options: unknown): Promise<unknown> {
    if (this.replied || this.deferred) return Promise.reject(new Error('already replied'));
    this.calls.push(`reply:${JSON.stringify(options)}`);
    this.replied = true;
    return Promise.resolve('response');
  }

  deferReply(options?: unknown): Promise<unknown> {
    if (this.replied || this.deferred) return Promise.reject(new Error('already replied'));
    this.calls.push(options === undefined ? 'defer' : `defer:${JSON.stringify(options)}`);
    return Promise.resolve().then(() => {
      this.deferred = true;
    });
  }

  editReply(options: unknown): Promise<unknown> {
    if (!this.replied && !this.deferred) return Promise.reject(new Error('not replied'));
    this.calls.push(`edit:${JSON.stringify(options)}`);
    this.replied = true;
    return Promise.resolve('message');
  }

  followUp(options: unknown): Promise<unknown> {
    if (!this.replied && !this.deferred) return Promise.reject(new Error('not replied'));
    this.calls.push(`followUp:${JSON.stringify(options)}`);
    return Promise.resolve('follow-up');
  }

  deleteReply(): Promise<unknown> {
    this.calls.push('delete');
    return Promise.resolve();
  }
}

describe('armAutoDefer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves a fast handler alone', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500);
    await interaction.reply('fast');
    jest.advanceTimersByTime(5000);
    await handle.settle();
    expect(interaction.calls).toEqual(['reply:"fast"']);
    expect(handle.autoDeferred).toBe(false);
  });

  it('defers a slow handler and turns its reply into an edit without response flags', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500);
    jest.advanceTimersByTime(2500);
    expect(handle.autoDeferred).toBe(true);
    await expect(
      // SuppressEmbeds: a flag an initial response takes and an edit of the deferral does not.
      interaction.reply({ content: 'late', flags: 4, withResponse: true }),
    ).resolves.toBe('message');
    await handle.settle();
    expect(interaction.calls).toEqual(['defer', 'edit:{"content":"late"}']);
  });

  it('defers ephemerally for a handler that declared ephemeral answers', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500, undefined, { ephemeral: true });
    jest.advanceTimersByTime(2500);
    await interaction.reply({ content: 'secret', flags: 64 });
    await handle.settle();
    expect(interaction.calls).toEqual(['defer:{"flags":64}', 'edit:{"content":"secret"}']);
  });

  it('answers an undeclared ephemeral reply after a public deferral privately', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500);
    jest.advanceTimersByTime(2500);
    await expect(interaction.reply({ content: 'secret', flags: ['Ephemeral'] })).resolves.toBe(
      'follow-up',
    );
    await handle.settle();
    expect(interaction.calls).toEqual([
      'defer',
      'followUp:{"content":"secret","flags":64}',
      'delete',
    ]);
  });

  it('ignores a deferReply the handler makes after the automatic one', async () => {
    const interaction = new FakeInteraction();
    armAutoDefer(interaction, 2500);
    jest.advanceTimersByTime(2500);
    await interaction.deferReply();
    expect(interaction.calls).toEqual(['defer']);
  });

  it('does not defer while the handler’s own reply is in flight', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500);
    const reply = interaction.reply('just in time'); // not awaited yet: in flight
    jest.advanceTimersByTime(2500);
    await reply;
    await handle.settle();
    expect(handle.autoDeferred).toBe(false);
    expect(interaction.calls).toEqual(['reply:"just in time"']);
  });

  it('does not defer a handler that deferred itself', async () => {
    const interaction = new FakeInteraction();
    const handle = armAutoDefer(interaction, 2500);
    await interaction.deferReply();
    jest.advanceTimersByTime(2500);
    await handle.settle();
    expect(handle.autoDeferred).toBe(false);
    expect(interaction.calls).toEqual(['defer']);
  });

  it('reports a failed deferral instead of throwing it', async () => {
    const interaction = new FakeInteraction();
    interaction.deferReply = () => Promise.reject(new Error('token gone'));
    const failures: unknown[] = [];
    const handle = armAutoDefer(interaction, 100, (error) => failures.push(error));
    jest.advanceTimersByTime(100);
    await handle.settle();
    expect(failures).toHaveLength(1);
  });
});
