// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../../../lib/dom/download';

describe('downloadText', () => {
  it('clicks a link to an object URL holding the text, named as asked, and revokes the URL after', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });

    downloadText(document, 'backstory-example.md', '# Findings\n', 'text/markdown');

    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'backstory-example.md' }]);
    expect(created[0]!.type).toBe('text/markdown');
    expect(await created[0]!.text()).toBe('# Findings\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
    vi.useRealTimers();
  });
});
