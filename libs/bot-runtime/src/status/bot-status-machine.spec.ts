import { BotStatusMachine, canTransition } from './bot-status-machine';

describe('BotStatusMachine', () => {
  it('walks the happy path stopped → starting → online ⇄ reconnecting → stopped', () => {
    const machine = new BotStatusMachine();
    expect(machine.transition('starting', 'logging in')).toEqual({
      from: 'stopped',
      to: 'starting',
      reason: 'logging in',
    });
    expect(machine.transition('online', null)?.to).toBe('online');
    expect(machine.transition('reconnecting', 'gateway reconnecting')?.to).toBe('reconnecting');
    expect(machine.transition('online', null)?.to).toBe('online');
    expect(machine.transition('stopped', 'stop requested')?.to).toBe('stopped');
    expect(machine.status).toBe('stopped');
    expect(machine.reason).toBe('stop requested');
  });

  it('refuses moves the lifecycle does not allow and leaves the status alone', () => {
    const machine = new BotStatusMachine();
    expect(machine.transition('online', null)).toBeNull();
    expect(machine.transition('reconnecting', 'x')).toBeNull();
    expect(machine.status).toBe('stopped');
    machine.transition('starting', null);
    // A shard reconnecting during the first login is still "starting".
    expect(machine.transition('reconnecting', 'gateway reconnecting')).toBeNull();
    expect(machine.status).toBe('starting');
  });

  it('reports a self-transition only when the reason changes (retry progress)', () => {
    const machine = new BotStatusMachine();
    machine.transition('starting', 'attempt 1');
    expect(machine.transition('starting', 'attempt 1')).toBeNull();
    expect(machine.transition('starting', 'attempt 2')).toEqual({
      from: 'starting',
      to: 'starting',
      reason: 'attempt 2',
    });
    machine.transition('online', null);
    expect(machine.transition('online', 'again')).toBeNull();
  });

  it('lets an errored bot be started again but never straight back online', () => {
    expect(canTransition('error', 'starting')).toBe(true);
    expect(canTransition('error', 'online')).toBe(false);
    expect(canTransition('stopped', 'error')).toBe(false);
    expect(canTransition('starting', 'error')).toBe(true);
  });
});
