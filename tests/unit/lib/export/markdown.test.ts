import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownCitation, markdownUrl, toMarkdown } from '../../../../lib/export/markdown';
import { demoFindings } from './demo';
import { emojiPage, pack } from './fixture';

describe('escapeMarkdown', () => {
  it('escapes what could become markup', () => {
    expect(escapeMarkdown('*bold* _it_ `code` [a](b) ![i](x) <img> </b> <!-- c --> ~~s~~ &amp; &#36; $x$ \\')).toBe(
      '\\*bold\\* \\_it\\_ \\`code\\` [a\\](b) ![i\\](x) \\<img> \\</b> \\<!-- c --> \\~\\~s\\~\\~ \\&amp; \\&#36; \\$x\\$ \\\\',
    );
    expect(escapeMarkdown('a \\*b\\* c')).toBe('a \\\\\\*b\\\\\\* c');
    expect(escapeMarkdown('Title ##')).toBe('Title \\#\\#');
    expect(escapeMarkdown('cost $$1$$')).toBe('cost \\$\\$1\\$\\$');
    expect(escapeMarkdown('_lead and tail_')).toBe('\\_lead and tail\\_');
  });

  it('leaves prose alone where nothing could become markup', () => {
    for (const prose of [
      'MS-13, U.S. (CJNG): 94 percent!',
      'The reward was doubled to $50 million, then $25 million more.',
      'US$50 and $1.5 billion',
      'Venezuela | Colombia | Mexico',
      'AT&T and R&D & more',
      'a snake_case_name and 5 < 6 > 4',
      'about ~50 people',
      'Strike #3 of 21 on the #1 route',
      'see [1] and [note] here',
      'a C:\\path\\to file',
    ]) {
      expect(escapeMarkdown(prose)).toBe(prose);
    }
  });

  it('puts line and block breaks on one line', () => {
    expect(escapeMarkdown('  State\n   Department\u2029# heading\r\n- item  ')).toBe(
      'State Department # heading - item',
    );
  });
});

describe('markdownUrl and markdownCitation', () => {
  it('writes URLs as autolinks that cannot break out', () => {
    expect(markdownUrl('https://news.example/a_b?x=1&y=2')).toBe('<https://news.example/a_b?x=1&y=2>');
    expect(markdownUrl('https://evil.example/a b><script>')).toBe('<https://evil.example/a%20b%3E%3Cscript%3E>');
    expect(markdownUrl('not a url *')).toBe('not a url \\*');
  });

  it('cites with the URL, or says "URL unknown"', () => {
    expect(markdownCitation(pack.sources[0]!)).toBe(
      'Ann Author. “Strikes \\*expand\\* [again]”. The Daily_Test, 2025-10-01. <https://news.example/strikes_2025?a=1&b=2>.',
    );
    expect(markdownCitation(pack.sources[1]!)).toBe(
      '“An article nobody linked”. Offline Weekly, 2025-09-01 (date estimated). URL unknown.',
    );
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(emojiPage(), pack);

  it('has the escaped title, the URL, the groups, the claims and the numbered sources', () => {
    expect(md).toBe(
      [
        '# Emoji \\*page\\* \\<b>',
        '',
        '<https://example.org/page?x=1>',
        '',
        'Backstory found 7 mentions of 3 names and claims (2 entities, 1 claim) from its knowledge pack (Test pack test-1) on this page.',
        '',
        '## People',
        '',
        '- **Nicolás Maduro** (5×) — Venezuela’s president; the reward for his arrest is $50 million. [1][2]',
        '',
        '## Armed groups',
        '',
        '- **=HYPERLINK("http://evil.example")** (1×) — \\<img src=x onerror=alert(1)> \\*\\*bold\\*\\* ' +
          '[link\\](javascript:alert(1)) # not a heading [2]',
        '',
        '## Claims',
        '',
        '- **Supported:** The bounty on Maduro was doubled to $50 million. (1×) Context: Reported by several outlets, "same figure". [1][2]',
        '',
        '## Sources',
        '',
        '1. Ann Author. “Strikes \\*expand\\* [again]”. The Daily_Test, 2025-10-01. <https://news.example/strikes_2025?a=1&b=2>.',
        '2. “An article nobody linked”. Offline Weekly, 2025-09-01 (date estimated). URL unknown.',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing was found', () => {
    const empty = toMarkdown({ ...emojiPage(), entities: [], claims: [] }, pack);
    expect(empty).toContain('Backstory found nothing from its knowledge pack (Test pack test-1) on this page.');
    expect(empty).not.toContain('## ');
  });

  it('briefs the demo page: each finding once, sections in the popup order, every cited source listed', async () => {
    const { findings, pack: realPack } = await demoFindings();
    const brief = toMarkdown(findings, realPack);
    const sections = [...brief.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual([
      'People',
      'Organisations',
      'Armed groups',
      'Places',
      'Operations',
      'Drugs',
      'Policies',
      'Claims',
      'Sources',
    ]);
    const items = brief.split('\n').filter((line) => line.startsWith('- '));
    expect(items).toHaveLength(
      new Set(findings.entities.map((e) => e.id)).size + new Set(findings.claims.map((c) => c.id)).size,
    );
    expect(brief).toMatch(/^- \*\*Donald Trump\*\* \(\d+×\) — U\.S\. president/m);
    const cited = new Set([...brief.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const listed = [...brief.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(listed).toEqual([...cited].sort((a, b) => a - b));
    expect(brief).toContain('URL unknown.');
    expect(brief).toMatch(/^\d+\. .*<https:\/\/www\.politico\.eu\/[^>]+>\.$/m);
  });
});
