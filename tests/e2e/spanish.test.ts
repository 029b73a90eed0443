/**
 * Chromium with its UI in Spanish: the extension speaks Spanish (popup, card, badge title, manifest),
 * and a Spanish-language news page gets its Spanish names highlighted, none of its traps.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../lib/view/entity-groups';
import { seriousViolations } from './support/axe';
import { ARTIFACTS } from './support/browser';
import { highlightPoint, highlightTexts, setSettings, tabIdOf, waitForScan } from './support/page';
import { useSession } from './support/session';

const session = useSession({ language: 'es' });

async function openNoticia(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url('/fixtures/noticia.html'));
  await waitForScan(page);
  return page;
}

/** Whether any element in the popup or card overflows its box horizontally (text that does not fit). */
function overflowing(page: Page, root: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const scope = host?.shadowRoot ?? host ?? document;
    return [...scope.querySelectorAll<HTMLElement>('*')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
      .filter((e) => e.clientWidth > 0)
      .map((e) => `${e.localName}.${e.className}: ${e.textContent?.slice(0, 40)}`);
  }, root);
}

describe('with the browser in Spanish', () => {
  it('the extension sees Spanish as the UI language', async () => {
    const popup = await session.browser.context.newPage();
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
    const language = await popup.evaluate(() => chrome.i18n.getUILanguage());
    expect(language).toMatch(/^es\b/);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^es\b/);
    const manifest = await session.browser.worker.evaluate(() => chrome.i18n.getMessage('extDescription'));
    expect(manifest).toMatch(/^Resalta personas, grupos y afirmaciones/);
    await popup.close();
  });

  it('highlights the Spanish names on a Spanish news page, and none of its traps', async () => {
    // Every name found, later mentions too ("EE.UU." after "Estados Unidos"): calm pages paint first ones.
    await setSettings(session.browser, { mentions: Object.fromEntries(CATEGORIES.map(({ id }) => [id, 'all'])) });
    const page = await openNoticia();
    const found = (await highlightTexts(page, 'backstory-entity')).map((text) => text.replace(/\s+/g, ' '));
    expect(found).toEqual(
      expect.arrayContaining([
        'Casa Blanca',
        'ataques contra lanchas',
        'Caribe',
        'Pacífico oriental',
        'Pentágono',
        'Departamento de Guerra',
        'cocaína',
        'fentanilo',
        'Estados Unidos',
        'Pete Hegseth',
        'Operación Lanza del Sur',
        'Comando Sur',
        'Nicolás Maduro',
        'EE.UU.',
        'Cártel de los Soles',
        'Gustavo Petro',
        'ONU',
        'México',
        'Claudia Sheinbaum',
        'Cártel de Sinaloa',
      ]),
    );
    // The "other news" column: a ripe mango, a peaceful weekend, the Phoenix Suns.
    expect(found.filter((text) => /^(maduro|pacífico|Soles)$/.test(text))).toEqual([]);
    await page.close();
    await session.browser.worker.evaluate(() => chrome.storage.sync.clear());
  });

  it('highlights nothing on a Spanish travel page: Sinaloa’s beaches, a ripe plantain, a Petro petrol station', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/fixtures/turismo.html'));
    await waitForScan(page);
    expect(await highlightTexts(page, 'backstory-entity')).toEqual([]);
    expect(await highlightTexts(page, 'backstory-claim')).toEqual([]);
    await page.close();
  });

  it('shows the popup and the card in Spanish, with room for the longer words', async () => {
    const page = await openNoticia();
    const tabId = await tabIdOf(session.browser, page);
    const badgeTitle = await session.browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    expect(badgeTitle).toMatch(/^Backstory: \d+ menciones de \d+ nombres y afirmaciones en esta página$/);

    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('.finding-list').waitFor();
    expect(await popup.locator('.finding-list h2').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Personas \d+$/), expect.stringMatching(/^Lugares \d+$/)]),
    );
    expect(await popup.getByRole('searchbox', { name: 'Buscar en el archivo' }).getAttribute('placeholder')).toBe(
      'Buscar personas, afirmaciones, citas…',
    );
    expect(await popup.locator('.popup-footer').textContent()).toBe('Explorar el archivoConfiguración');
    expect(await popup.locator('.export h2').textContent()).toBe('Exportar los hallazgos de esta página');
    expect(await overflowing(popup, 'main')).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-es.png') });

    await popup.locator('[data-entity="nicolas-maduro"]').click();
    await popup.locator('#details-heading').waitFor();
    expect(await popup.locator('.occurrences').textContent()).toMatch(/‹1 de \d+ en esta página›/);
    expect(await popup.locator('.details').textContent()).toContain('Afirmaciones sobre Nicolás Maduro');
    expect(await overflowing(popup, 'main')).toEqual([]);
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-details-es.png'), fullPage: true });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();

    const point = await highlightPoint(page, 'backstory-entity', 'Comando Sur');
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const card = page.locator('backstory-ui .card-shell');
    await card.locator('h2').waitFor();
    expect(await card.getAttribute('lang')).toMatch(/^es\b/);
    expect(await card.locator('h2').textContent()).toBe('U.S. Southern Command');
    expect(await card.locator('.card-kind').textContent()).toBe('Organismo de gobierno');
    expect(await card.locator('.card-reason').textContent()).toBe('Coincide con «Comando Sur».');
    expect(await card.locator('.card-expand').textContent()).toBe('Todo el contexto');
    expect(await overflowing(page, 'backstory-ui')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'card-preview-es.png') });
    await card.locator('.card-expand').click();
    expect(await card.locator('.card-correct h3').textContent()).toBe('¿Coincidencia equivocada?');
    expect(await card.locator('.timeline-meta time').first().textContent()).toMatch(/^\d{1,2} de [a-z]+ de 2025/);
    expect(await card.getByRole('button', { name: 'Cerrar' }).count()).toBe(1);
    expect(await overflowing(page, 'backstory-ui')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'card-es.png') });
    expect(await seriousViolations(page, 'backstory-ui')).toEqual([]);
    await page.close();
  });

  it('shows the settings and the archive browser in Spanish', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    await options.locator('.shortcuts li').first().waitFor();
    expect(await options.title()).toBe('Configuración de Backstory');
    expect(await options.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Resaltado', 'Atajos de teclado', 'Paquetes de conocimiento', 'Correcciones']),
    );
    // Command descriptions come from the manifest's __MSG_…__ placeholders.
    expect(await options.locator('.shortcuts').textContent()).toContain('Ir al siguiente resaltado y abrir su tarjeta');
    expect(await overflowing(options, 'main')).toEqual([]);
    await options.screenshot({ path: join(ARTIFACTS, 'options-es.png'), fullPage: true });
    await options.close();

    const archive = await session.browser.context.newPage();
    await archive.goto(`chrome-extension://${session.browser.extensionId}/archive.html#/timeline`);
    await archive.locator('.timeline-month h3').first().waitFor();
    expect(await archive.locator('.subtitle').textContent()).toMatch(
      /^\d+ artículos · \d+ entidades · \d+ afirmaciones · \d+ pasajes$/,
    );
    expect(await archive.locator('#view-heading').textContent()).toBe('Cronología');
    expect(await archive.title()).toBe('Cronología · Archivo de Backstory');
    expect(await archive.locator('.timeline-month h3').first().textContent()).toMatch(
      /^(Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|Noviembre|Diciembre) de 2025$/,
    );
    expect(await archive.locator('.event-kind').first().textContent()).toMatch(/^(Artículo|Afirmación)$/);
    await archive.screenshot({ path: join(ARTIFACTS, 'archive-es.png') });
    expect(await seriousViolations(archive)).toEqual([]);
    await archive.close();
  });
});
