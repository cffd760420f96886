import { runLogOutage, type LogOutageResult } from './support/log-outage';

// A shorter outage than the 15 s of the full figure (bench/command-log-outage.ts) keeps CI fast;
// what matters is that interactions are answered while Redis is away.
const PLAN = { ratePerSecond: 50, beforeMs: 2_000, outageMs: 6_000, afterMs: 2_000 };

jest.setTimeout(150_000);

describe('command logs through a Redis outage', () => {
  let result: LogOutageResult;

  beforeAll(async () => {
    result = await runLogOutage({
      ...PLAN,
      env: { REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}outage:` },
    });
    const { answered, missing, stats, ...figures } = result;
    process.stdout.write(
      `log outage: ${JSON.stringify({ ...figures, answered: answered.length, missing: missing.length, stats })}\n`,
    );
  });

  it('answers commands while Redis is down (the scenario is meaningful)', () => {
    expect(result.answeredDuringOutage).toBeGreaterThan(PLAN.ratePerSecond);
    expect(result.stats.buffered).toBeGreaterThan(0);
  });

  it('has exactly one finished log row per answered interaction: none lost, none extra', () => {
    expect(result.missing).toEqual([]);
    expect(result.finishedRows).toBe(result.answered.length);
    expect(result.allRows).toBe(result.answered.length);
  });

  it('drained everything it held and dropped nothing', () => {
    expect(result.stats).toMatchObject({ dropped: 0, pending: 0, outages: 1 });
    expect(result.stats.drained).toBe(result.stats.buffered);
  });
});
