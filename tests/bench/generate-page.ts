/**
 * A deterministic, article-like HTML page of about `targetBytes` bytes: a site header and menu, then
 * article after article (headline, byline, dateline, paragraphs with links and emphasis, figures,
 * quotes, lists, related-links asides) and a footer. Text mentions names from the real pack's topic
 * and the synthetic name pools of generate-pack.ts, so every pack size finds something.
 */
import { FIRST_NAMES, LAST_NAMES, ORG_KINDS, ORG_NOUNS, PLACE_WORDS, seededRandom } from './generate-pack';

/** Names from the archive's topic, as a news page would write them. */
// prettier-ignore
const TOPIC_NAMES = [
  'Nicolás Maduro', 'Maduro', 'Gustavo Petro', 'Petro', 'Claudia Sheinbaum', 'Donald Trump', 'Trump', 'Pete Hegseth',
  'Marco Rubio', 'Tren de Aragua', 'Cartel de los Soles', 'Sinaloa Cartel', 'Drug Enforcement Administration', 'DEA',
  'Venezuela', 'Colombia', 'Mexico', 'Caracas', 'Bogotá', 'Antwerp', 'Rotterdam', 'Caribbean Sea', 'Pentagon',
  'Southern Command', 'fentanyl', 'cocaine', 'European Union', 'Europol', 'Belgium', 'Ecuador', 'El Chapo',
];

const WORDS = (
  'the of and to in a that for on with as was said by at from it his her their its government officials ' +
  'said week year month people country city police forces military security drug drugs trade trafficking boat ' +
  'boats strike strikes navy coast guard port ports minister president administration election court judge ' +
  'report reports according statement spokesperson told reporters interview analysts experts warned argued ' +
  'believe evidence investigation prosecutors charges sanctions policy border migrants economy oil prices ' +
  'market companies shipping cargo containers seized tonnes kilograms record increase decrease percent ' +
  'million billion dollars euros budget funding support opposition protest protesters capital region province ' +
  'northern southern eastern western coastal island waters operation operations campaign agents agency ' +
  'intelligence network networks gangs gang violence killings deaths attack attacks soldiers troops vessel ' +
  'vessels aircraft helicopters surveillance radar satellite images footage video social media posts online ' +
  'families residents community communities local national international global foreign domestic public ' +
  'private sector industry workers union strike talks negotiations agreement deal treaty partners allies ' +
  'neighbours relations tension tensions crisis emergency response aid humanitarian health hospital doctors ' +
  'patients treatment addiction overdose overdoses users consumption production crops farmers fields hectares ' +
  'laboratories chemicals precursors smuggling routes route corridor airport flights passengers customs ' +
  'inspections scanners officers corruption bribes money laundering banks accounts assets frozen'
).split(' ');

const CLASSES = ['css-1q2w3e', 'story-body__inner', 'article-text', 'dcr-8zipgp', 'paragraph', 'content__block'];

export function generatePage(targetBytes = 1_000_000, seed = 30): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const organisation = () => {
    const [kind] = pick(ORG_KINDS);
    return `${pick(PLACE_WORDS)} ${pick(ORG_NOUNS)} ${kind}`;
  };
  const name = () => {
    const roll = random();
    return roll < 0.45 ? pick(TOPIC_NAMES) : roll < 0.85 ? person() : organisation();
  };
  const word = () => pick(WORDS);
  const slug = () => `${word()}-${word()}-${Math.floor(random() * 1e8).toString(36)}`;
  const sentence = () => {
    const length = 10 + Math.floor(random() * 22);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) {
      const roll = random();
      if (roll < 0.015) {
        parts.push(
          `<a class="${pick(CLASSES)}" href="https://www.example.com/topics/${slug()}" data-link-name="in body link">${name()}</a>`,
        );
      } else if (roll < 0.03) parts.push(name());
      else if (roll < 0.045)
        parts.push(
          `<a class="${pick(CLASSES)}" href="https://www.example.com/${slug()}" data-link-name="in body link">${word()} ${word()}</a>`,
        );
      else if (roll < 0.06) parts.push(`<em>${word()} ${word()}</em>`);
      else if (roll < 0.07) parts.push(`<strong>${word()}</strong>`);
      else if (roll < 0.085) parts.push(String(Math.floor(random() * 2000)));
      else parts.push(word());
    }
    const text = parts.join(' ');
    const end = random() < 0.1 ? '?' : '.';
    const body = text.charAt(0).toUpperCase() + text.slice(1) + end;
    return random() < 0.12 ? `“${body}” said ${person()}.` : body;
  };
  const paragraph = () => {
    const count = 2 + Math.floor(random() * 4);
    return (
      `<div class="${pick(CLASSES)} block-wrapper" data-component="text-block" data-block-id="${slug()}"><div class="${pick(CLASSES)}">` +
      `<p class="${pick(CLASSES)}" data-testid="paragraph">${Array.from({ length: count }, sentence).join(' ')}</p></div></div>`
    );
  };

  const out: string[] = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Benchmark: the day in news</title>',
    '<style>body{font:16px/1.5 Georgia,serif;max-width:46rem;margin:auto}figure{margin:1rem 0}aside{font-size:.9em}</style>',
    '</head><body><header class="site-header"><div class="masthead">The Daily Benchmark</div><nav><ul>',
    ...['World', 'Americas', 'Europe', 'Business', 'Opinion', 'Sport'].map((s) => `<li><a href="/${s}">${s}</a></li>`),
    '</ul></nav></header><main id="main-content">',
  ];
  let bytes = out.join('').length;
  for (let article = 0; bytes < targetBytes - 2000; article++) {
    const parts: string[] = [];
    parts.push(`<article class="story" id="story-${article}"><header>`);
    parts.push(`<h2 class="headline">${sentence().replace(/<[^>]+>/g, '')}</h2>`);
    parts.push(
      `<div class="byline"><span>By <a rel="author" href="/by/${article}">${person()}</a></span> · ` +
        `<time datetime="2025-10-${String((article % 28) + 1).padStart(2, '0')}">October ${(article % 28) + 1}, 2025</time></div></header>`,
    );
    parts.push(
      `<div class="share-tools" role="toolbar">${['Facebook', 'X', 'Email', 'Copy link']
        .map(
          (s) =>
            `<button class="share-button" data-share="${s}" aria-label="Share on ${s}"><svg viewBox="0 0 24 24" width="20" height="20"><path d="M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z"></path></svg></button>`,
        )
        .join('')}</div>`,
    );
    parts.push(`<div class="article-body">`);
    const paragraphs = 6 + Math.floor(random() * 10);
    for (let p = 0; p < paragraphs; p++) {
      parts.push(paragraph());
      const roll = random();
      if (p % 4 === 3) {
        parts.push(
          `<div class="ad-slot ad-slot--inline" id="ad-${article}-${p}" data-ad-unit="/1234567/news/world/article/inline-${p}" ` +
            `data-sizes="[[300,250],[728,90],[970,250]]" aria-hidden="true"><div class="ad-slot__label">Advertisement</div></div>`,
        );
      }
      if (roll < 0.12) {
        const src = `https://images.example.com/${slug()}/master/2000.jpg`;
        parts.push(
          `<figure class="${pick(CLASSES)}"><picture><source srcset="${src}?width=620&amp;quality=85 620w, ${src}?width=1240&amp;quality=45 1240w" sizes="(min-width: 980px) 620px, 100vw">` +
            `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="${word()} ${word()}" width="640" height="360" loading="lazy"></picture>` +
            `<figcaption class="${pick(CLASSES)}">${sentence()} <span class="credit">Photo: ${person()}</span></figcaption></figure>`,
        );
      } else if (roll < 0.18) {
        parts.push(`<blockquote><p>${sentence()}</p><footer>— ${name()}</footer></blockquote>`);
      } else if (roll < 0.24) {
        parts.push(`<ul class="key-points">${Array.from({ length: 3 }, () => `<li>${sentence()}</li>`).join('')}</ul>`);
      } else if (roll < 0.28) {
        parts.push(`<h3>${word()} ${word()} ${word()}</h3>`);
      }
    }
    parts.push('</div>');
    parts.push(
      `<aside class="related"><h4>Related</h4><ul>${Array.from(
        { length: 4 },
        (_, i) =>
          `<li><a href="/story/${article}-${i}">${sentence()
            .replace(/<[^>]+>/g, '')
            .slice(0, 90)}</a></li>`,
      ).join('')}</ul></aside>`,
    );
    parts.push('</article>');
    const html = parts.join('\n');
    out.push(html);
    bytes += html.length;
  }
  out.push(
    '</main><footer class="site-footer"><p>© 2025 The Daily Benchmark. Generated page for benchmarks.</p></footer></body></html>',
  );
  return out.join('\n');
}
