// @vitest-environment happy-dom
/** Components rendered with the Spanish messages: Spanish words, Spanish dates, and no English left over. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import packJson from '../../../assets/knowledge.json';
import { Card } from '../../../components/Card';
import { CorrectionList } from '../../../components/CorrectionList';
import { EmptyState } from '../../../components/EmptyState';
import { FindingList } from '../../../components/FindingList';
import { PackList } from '../../../components/PackList';
import { SettingsForm } from '../../../components/SettingsForm';
import { ShowMore } from '../../../components/archive/ShowMore';
import { cardData } from '../../../lib/view/card-data';
import type { KnowledgePack } from '../../../lib/knowledge/types';
import { DEFAULT_SETTINGS } from '../../../lib/preferences/settings';
import { MESSAGES, i18nFor, inLanguage } from '../support/i18n';

const pack = packJson as unknown as KnowledgePack;
const spanish = i18nFor('es', 'es-MX');

/** English UI sentences (three words or more, no placeholders) that a Spanish page must not show. */
const ENGLISH_SENTENCES = Object.entries(MESSAGES.en)
  .filter(
    ([key, { message }]) =>
      !message.includes('$') &&
      message.split(' ').length >= 3 &&
      message !== MESSAGES.es[key as keyof typeof MESSAGES.es].message,
  )
  .map(([, { message }]) => message);

let container: HTMLElement | undefined;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  render(inLanguage(spanish, node), container);
  return container;
}
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
});

/** Text and the attributes a screen reader or a reader sees. */
function visible(root: Element): string {
  const attributes = [...root.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((name) => e.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join('\n');
}

function expectNoEnglish(root: Element) {
  const text = visible(root);
  expect(ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence))).toEqual([]);
}

describe('in Spanish', () => {
  it('an entity card: headings, reason, dates, correction buttons', () => {
    const root = mount(
      <Card
        data={cardData(pack, 'entity', 'nicolas-maduro')!}
        reason={{ alias: 'Maduro', rule: 'cue-nearby', cue: 'venezolano' }}
        headingId="h"
        onClose={() => {}}
        onCorrect={() => {}}
        onCopy={async () => {}}
      />,
    );
    const text = root.textContent ?? '';
    expect(root.querySelector('.card-kind')?.textContent).toBe('Persona');
    expect(root.querySelector('.card-reason')?.textContent).toBe(
      'Coincide con «Maduro», un nombre que comparten otros; lo confirma «venezolano», que aparece cerca.',
    );
    expect(text).toContain('Afirmaciones sobre Nicolás Maduro');
    expect(text).toContain('En el archivo');
    expect(text).toMatch(/\d{1,2} de (agosto|septiembre|octubre|noviembre|diciembre) de 2025/);
    expect(text).toContain('¿Coincidencia equivocada?');
    expect(text).toContain('Aquí no se refiere a esta entidad');
    expect(root.querySelector('.card-close')?.getAttribute('aria-label')).toBe('Cerrar');
    expect(root.querySelector('.source-link')?.textContent).toMatch(/^(Abrir en |URL desconocida)/);
    expectNoEnglish(root);
  });

  it('an entity card read from a misspelt name says so in Spanish', () => {
    const root = mount(
      <Card
        data={cardData(pack, 'entity', 'nicolas-maduro')!}
        reason={{ alias: 'Nicolás Maduro', rule: 'near-spelling', cue: 'Nicolas Madura' }}
        headingId="h"
      />,
    );
    expect(root.querySelector('.card-reason')?.textContent).toBe(
      'Se lee «Nicolas Madura» como «Nicolás Maduro»: escrito con una letra de diferencia, en una noticia sobre este tema.',
    );
  });

  it('a claim card: status, stances and who said it', () => {
    const claim = pack.claims.find((c) => c.status === 'needs-context')!;
    const root = mount(<Card data={cardData(pack, 'claim', claim.id)!} headingId="h" onCopy={async () => {}} />);
    expect(root.querySelector('.card-kind')?.textContent).toBe('Afirmación');
    expect(root.querySelector('.status')?.textContent).toBe('Falta contexto');
    expect(root.textContent).toContain(`Lo dijo ${claim.claimant}`);
    expect(root.textContent).toContain('Qué dicen las fuentes');
    expect(root.querySelector('.evidence strong')?.textContent).toBe('Lo afirma');
    expectNoEnglish(root);
  });

  it('the popup’s list: groups and counts with plural forms', () => {
    const root = mount(
      <FindingList
        entities={[
          { id: 'nicolas-maduro', name: 'Nicolás Maduro', type: 'person', count: 1 },
          { id: 'venezuela', name: 'Venezuela', type: 'place', count: 3 },
        ]}
        claims={[]}
        onReveal={() => {}}
      />,
    );
    expect([...root.querySelectorAll('h2')].map((h) => h.firstChild?.textContent?.trim())).toEqual([
      'Personas',
      'Lugares',
    ]);
    expect([...root.querySelectorAll('button .count')].map((c) => c.getAttribute('aria-label'))).toEqual([
      '1 mención',
      '3 menciones',
    ]);
  });

  it('the empty states and settings', () => {
    const root = mount(
      <>
        <EmptyState reason="unavailable" onRunHere={() => {}} />
        <SettingsForm
          settings={DEFAULT_SETTINGS}
          shortcuts={[{ description: 'x', keys: '' }]}
          onChange={() => {}}
          onPreview={() => {}}
        />
        <PackList
          builtIn={{ name: 'Demo', version: '1', entities: 1, claims: 61 }}
          packs={[]}
          errors={['x: y']}
          moreErrors={3}
          onImport={() => {}}
          onToggle={() => {}}
          onRemove={() => {}}
          onExport={() => {}}
        />
      </>,
    );
    const text = root.textContent ?? '';
    expect(text).toContain('Ejecutar Backstory en esta página');
    expect(text).toContain('Qué resaltar');
    expect(text).toContain('Grupos armados');
    expect(text).toContain('sin asignar');
    expect(text).toContain('Demo (incluido) · 1 entidad, 61 afirmaciones · versión 1');
    expect(text).toContain('El paquete no se importó');
    expect(text).toContain('… y 3 problemas más.');
    expectNoEnglish(root);
  });

  it('corrections put the highlighted name where Spanish puts it', () => {
    const root = mount(
      <CorrectionList
        corrections={[
          {
            type: 'never-on-site',
            target: { kind: 'entity', id: 'mark-kelly', label: 'Mark Kelly' },
            hostname: 'example.com',
            createdAt: '2025-01-01T00:00:00Z',
          },
        ]}
        onUndo={() => {}}
      />,
    );
    expect(root.querySelector('li span')?.innerHTML).toBe(
      'No resaltar nunca <strong>Mark Kelly</strong> en example.com',
    );
    expect(root.querySelector('button')?.textContent).toBe('Deshacer');
  });

  it('the archive’s "show more" with numbers as Mexico writes them', () => {
    const root = mount(<ShowMore shown={50} total={12000} noun="artículos" step={50} onMore={() => {}} />);
    expect(root.textContent).toBe('Se muestran 50 de 12,000 artículosMostrar 50 más');
  });
});
