import { describe, expect, it } from 'vitest';
import { leadClaim } from '../../../../lib/view/lead-claim';

const CLAIMS = [{ id: 'reward-doubled' }, { id: 'boats-struck' }, { id: 'troops-deployed' }];

describe('leadClaim', () => {
  it('takes the entity’s claim found on the page nearest to the hovered mention', () => {
    const onPage = [
      { id: 'boats-struck', position: 100 },
      { id: 'troops-deployed', position: 900 },
      { id: 'boats-struck', position: 1500 },
    ];
    expect(leadClaim(CLAIMS, onPage, 800)?.id).toBe('troops-deployed');
    expect(leadClaim(CLAIMS, onPage, 1400)?.id).toBe('boats-struck');
    expect(leadClaim(CLAIMS, onPage, 0)?.id).toBe('boats-struck');
  });

  it('takes the earlier mention when two are as near', () => {
    const onPage = [
      { id: 'troops-deployed', position: 600 },
      { id: 'boats-struck', position: 400 },
    ];
    expect(leadClaim(CLAIMS, onPage, 500)?.id).toBe('boats-struck');
  });

  it('without a hovered position, takes the first of its claims on the page', () => {
    const onPage = [
      { id: 'troops-deployed', position: 700 },
      { id: 'boats-struck', position: 300 },
    ];
    expect(leadClaim(CLAIMS, onPage)?.id).toBe('boats-struck');
  });

  it('ignores claims on the page that are not the entity’s, then falls back to its first claim', () => {
    expect(leadClaim(CLAIMS, [{ id: 'someone-else', position: 10 }], 10)?.id).toBe('reward-doubled');
    expect(leadClaim(CLAIMS, [])?.id).toBe('reward-doubled');
    expect(leadClaim([], [{ id: 'boats-struck', position: 1 }], 1)).toBeUndefined();
  });
});
