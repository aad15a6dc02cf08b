// The pages' words: one dictionary per language (/hub/words/zh.json, /hub/words/en.json), Chinese first with an
// English switch every page shares (the choice is kept in this browser). A dictionary has a section per page and the
// section "hub" that every page shares; a page names its sections on its <html data-words="..."> element, its own
// first, so that its word for a key wins over the shared one. The HTML holds only the keys (data-i18n for an
// element's text, data-i18n-placeholder for a field's placeholder); this module writes them in.
const LANGUAGE = 'hub.language';
const dictionaries = {};
const listeners = [];
const own = (document.documentElement.dataset.words || '').split(/\s+/).filter(Boolean);
const sections = own.concat('hub');
let current = localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'zh';

async function load(chosen) {
  if (!dictionaries[chosen]) {
    const response = await fetch('/hub/words/' + chosen + '.json', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error('/hub/words/' + chosen + '.json ' + response.status);
    dictionaries[chosen] = await response.json();
  }
  return dictionaries[chosen];
}

function find(key, within) {
  const dictionary = dictionaries[current] || {};
  for (const section of within) {
    const text = dictionary[section] && dictionary[section][key];
    if (text !== undefined) return text;
  }
  return undefined;
}

// a dictionary that cannot be read leaves the page working, its words shown as their keys, rather than dead
await load(current).catch(() => null);

/** The language the pages speak now: 'zh' or 'en'. */
export const language = () => current;

/** Whether the dictionary has {@code key} for this page (its own sections or the shared one). */
export const has = (key) => find(key, sections) !== undefined;

/** Whether the page's own sections have {@code key}, so that a page's word for a state wins over the shared one. */
export const pageHas = (key) => find(key, own) !== undefined;

/**
 * The text of {@code key} in this language with each {name} filled from {@code values} (a value may be a function,
 * asked each time); the key itself where the dictionary has none, so that a missing word shows, never blank.
 */
export function t(key, values) {
  const text = find(key, sections);
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (all, name) => {
    const value = values ? values[name] : undefined;
    const given = typeof value === 'function' ? value() : value;
    return given === null || given === undefined ? all : String(given);
  });
}

/** Writes this language into the page: its language, its title and every element that names a key. */
export function translate() {
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  document.title = has('title') ? t('title') : t('brand') + ' · ' + t('pageTitle');
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  });
}

/** Runs {@code listener(language)} after each switch, once the page has been written in the new language. */
export function onLanguage(listener) {
  listeners.push(listener);
}

let switching = null;

/**
 * Switches every page of this browser to {@code chosen} ('zh' or 'en'): this one now, the others when opened. A
 * click while the other dictionary is still loading is the same switch; a dictionary that cannot be read leaves the
 * page in the language it speaks.
 */
export function setLanguage(chosen) {
  if (!switching) {
    switching = load(chosen).then(() => {
      current = chosen;
      localStorage.setItem(LANGUAGE, chosen);
      translate();
      listeners.forEach((listener) => listener(chosen));
    }).catch(() => null).finally(() => {
      switching = null;
    });
  }
  return switching;
}

/** The other language than this one. */
export const other = () => (current === 'zh' ? 'en' : 'zh');

/** An instant as the reader's calendar and clock say it, in this language. */
export function when(instant, options) {
  if (!instant) return '';
  return new Date(instant).toLocaleString(current === 'en' ? 'en-GB' : 'zh-CN', options
    || { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

translate();
