import { truncate, wellFormed } from './sanitize';

describe('wellFormed', () => {
  it('drops NUL and replaces unpaired surrogates, keeping real pairs', () => {
    expect(wellFormed('a\u0000b')).toBe('ab');
    expect(wellFormed('\ud800')).toBe('\ufffd');
    expect(wellFormed('x\udc00y')).toBe('x\ufffdy');
    expect(wellFormed('\udc00\ud800')).toBe('\ufffd\ufffd');
    expect(wellFormed('ok 😀 \ud83d')).toBe('ok 😀 \ufffd');
  });

  it('gives text that survives a JSON round trip into valid UTF-8', () => {
    const out = wellFormed('\ud800\u0000\udfff end');
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
    expect(JSON.stringify(out)).not.toMatch(/\\u(d[89a-f]|0000)/i);
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text with a marker naming the original length', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('x'.repeat(5000), 10)).toBe(`${'x'.repeat(10)}…[TRUNCATED 5000 chars]`);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    const cut = truncate(`abc${'😀'.repeat(10)}`, 4);
    expect(cut.startsWith('abc…')).toBe(true);
    expect(wellFormed(cut)).toBe(cut);
  });
});
