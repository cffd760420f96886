import { likePrefix } from './like-prefix';

describe('likePrefix', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(likePrefix('tee')).toBe('tee%');
    expect(likePrefix('50%_off\\')).toBe('50\\%\\_off\\\\%');
  });
});
