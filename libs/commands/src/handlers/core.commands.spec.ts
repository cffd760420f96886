import { formatUptime } from './core.commands';

describe('formatUptime', () => {
  it('shows the largest units that are not zero, down to seconds', () => {
    expect(formatUptime(0)).toBe('0s');
    expect(formatUptime(59_999)).toBe('59s');
    expect(formatUptime(61_000)).toBe('1m 1s');
    expect(formatUptime((2 * 86_400 + 3 * 3_600 + 4 * 60 + 5) * 1000)).toBe('2d 3h 4m 5s');
  });
});
