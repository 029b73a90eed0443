import { describe, expect, it } from 'vitest';
import { capitalise, createI18n, intlLocale, messagesGetter } from '../../../../lib/view/i18n';
import { i18nFor } from '../../support/i18n';

describe('messagesGetter (browser.i18n.getMessage over a messages.json)', () => {
  const get = messagesGetter({
    greet: {
      message: 'Hello $Name$, $$5 off: $WHO$!',
      placeholders: { name: { content: '$1' }, who: { content: '$2' } },
    },
    plain: { message: 'No placeholders, $$ stays' },
  });

  it('puts substitutions where their named placeholders are, in any case, and reads $$ as a dollar sign', () => {
    expect(get('greet', ['Ana', 'everyone'])).toBe('Hello Ana, $5 off: everyone!');
    expect(get('GREET', ['Ana'])).toBe('Hello Ana, $5 off: !');
    expect(get('plain')).toBe('No placeholders, $ stays');
  });

  it('answers an unknown key with an empty string, as the browser does', () => {
    expect(get('missing')).toBe('');
  });
});

describe('createI18n', () => {
  const en = i18nFor('en');
  const es = i18nFor('es');

  it('picks the plural form for the language', () => {
    expect(en.plural('passageCount', 1)).toBe('1 passage');
    expect(en.plural('passageCount', 3)).toBe('3 passages');
    expect(en.plural('passageCount', 0)).toBe('0 passages');
    expect(es.plural('passageCount', 1)).toBe('1 pasaje');
    expect(es.plural('passageCount', 16)).toBe('16 pasajes');
    expect(es.plural('mentions', 1)).toBe('1 mención');
    expect(es.plural('mentions', 2)).toBe('2 menciones');
  });

  it('falls back to the "other" form when a language has a form the file lacks', () => {
    // Spanish CLDR rules have a "many" form for round millions; the messages only have one/other.
    expect(es.plural('passageCount', 1_000_000)).toBe('1.000.000 pasajes');
  });

  it('formats the count and fills further placeholders in the language’s order', () => {
    expect(en.plural('mentionsOf', 12345, '3 names and claims')).toBe('12,345 mentions of 3 names and claims');
    expect(es.t('exportSaved', '1 mención de 1 nombre o afirmación', 'a.csv')).toBe(
      'Guardado como a.csv: 1 mención de 1 nombre o afirmación.',
    );
    expect(es.t('correctionNotHere', 'Mark Kelly', 'https://example.com/a')).toBe(
      'No es Mark Kelly en https://example.com/a',
    );
  });

  it('splits a message around its placeholders so elements can take their places', () => {
    expect(en.parts('correctionNeverOnSite', 2)).toEqual(['Never highlight ', 0, ' on ', 1]);
    expect(es.parts('timelineShowing', 2)).toEqual(['Se muestran los pasajes y las afirmaciones de ', 0, ' ', 1]);
  });

  it('writes dates and numbers the way the UI language does', () => {
    expect(en.date('2025-08-08')).toBe('August 8, 2025');
    expect(i18nFor('en', 'en-GB').date('2025-08-08')).toBe('8 August 2025');
    expect(es.date('2025-08-08')).toBe('8 de agosto de 2025');
    expect(es.date('2025-10')).toBe('octubre de 2025');
    expect(es.date('sometime in 2025')).toBe('sometime in 2025');
    expect(es.date('2025-13-01')).toBe('2025-13-01');
    expect(es.number(12345)).toBe('12.345');
    expect(en.number(12345)).toBe('12,345');
  });

  it('shows an unknown key rather than nothing', () => {
    const i18n = createI18n(messagesGetter({ messagesLanguage: { message: 'en' } }), 'en');
    expect(i18n.t('close')).toBe('close');
  });
});

describe('intlLocale', () => {
  it('keeps the UI’s region when it speaks the messages’ language, else uses the messages’ language', () => {
    expect(intlLocale('es-MX', 'es')).toBe('es-MX');
    expect(intlLocale('es_419', 'es')).toBe('es-419');
    expect(intlLocale('en-GB', 'en')).toBe('en-GB');
    // A French browser gets the English messages: its dates should read as English too.
    expect(intlLocale('fr-FR', 'en')).toBe('en');
  });
});

describe('capitalise', () => {
  it('capitalises a month heading', () => {
    expect(capitalise('agosto de 2025', 'es')).toBe('Agosto de 2025');
  });
});
