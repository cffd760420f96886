import { SharedRoundTrips } from './shared-round-trips';

/** A dependency whose answers the test releases by hand, recording what each batch held. */
function manualDependency() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const send = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => {
      releases.push(() => resolve(items.map((item) => item * 10)));
    });
  };
  return { batches, releases, send };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedRoundTrips', () => {
  it('sends a call at once when nothing is out, and the calls made meanwhile together next', async () => {
    const dependency = manualDependency();
    const trips = new SharedRoundTrips(dependency.send, 1_000, 'Test');
    const first = trips.call(1);
    await tick();
    expect(dependency.batches).toEqual([[1]]);
    const later = [trips.call(2), trips.call(3), trips.call(4)];
    await tick();
    // Not added to the batch already out: they were asked after it was sent.
    expect(dependency.batches).toEqual([[1]]);
    dependency.releases[0]();
    expect(await first).toBe(10);
    await tick();
    expect(dependency.batches).toEqual([[1], [2, 3, 4]]);
    dependency.releases[1]();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('fails the calls of a batch that fails or hangs, and sends the next', async () => {
    let attempt = 0;
    const trips = new SharedRoundTrips(
      (items: number[]) => {
        attempt += 1;
        if (attempt === 1) return Promise.reject(new Error('down'));
        if (attempt === 2) return new Promise<number[]>(() => undefined);
        return Promise.resolve(items);
      },
      50,
      'Test',
    );
    await expect(trips.call(1)).rejects.toThrow('down');
    await expect(trips.call(2)).rejects.toThrow('Test did not answer within 50 ms');
    expect(await trips.call(3)).toBe(3);
  });
});
