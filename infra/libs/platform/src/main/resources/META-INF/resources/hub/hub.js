// What every page of the hub shares: signing in with the city's OpenID Connect provider (authorization code with
// PKCE, tokens in this tab's session storage only, renewed before they expire), calling the services with the
// person's token, Chinese first with an English switch, the city's names instead of codes, the services' problems
// said in the reader's language from their codes, the grid map, the confirmation before what cannot be undone and
// the caller's number on request.
import { t, language, translate, onLanguage, setLanguage, other } from '/hub/words.js';
import { failure, problemText } from '/hub/problems.js';

export { t, language } from '/hub/words.js';
export { problemText } from '/hub/problems.js';

const STORE = 'hub.session';
const PENDING = 'hub.signIn';
const SIGNED_OUT = 'hub.signedOut';
const RENEW_BEFORE_MS = 60000;
const RETRY_MS = 10000;

let config = null;
let provider = null;
let page = null;
let renewal = null;
let cityNames = null;

const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));
const claims = (jwt) => {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch (e) {
    return {};
  }
};

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE)) || null;
  } catch (e) {
    return null;
  }
}

function keep(tokens) {
  const now = Date.now();
  const old = session() || {};
  const kept = {
    access: tokens.access_token,
    refresh: tokens.refresh_token || old.refresh || null,
    id: tokens.id_token || old.id || null,
    expiresAt: now + 1000 * (tokens.expires_in || 300)
  };
  sessionStorage.setItem(STORE, JSON.stringify(kept));
  scheduleRenewal();
  return kept;
}

async function loadConfig() {
  if (config) return config;
  const response = await fetch('/hub/config.json', { headers: { Accept: 'application/json' } });
  config = await response.json();
  return config;
}

async function discover() {
  if (provider) return provider;
  if (!config.issuer) throw new Error(t('noProvider'));
  const response = await fetch(config.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!response.ok) throw new Error('discovery ' + response.status);
  provider = await response.json();
  return provider;
}

const callbackUrl = () => location.origin + '/hub/callback.html';

// the provider refuses "localhost" as a redirect address (OAuth 2.1): the pages sign in on 127.0.0.1
function onLoopbackAddress() {
  if (location.hostname === 'localhost') {
    location.replace(location.href.replace('//localhost', '//127.0.0.1'));
    return false;
  }
  return true;
}

export async function signIn() {
  if (!onLoopbackAddress()) return;
  await loadConfig();
  const endpoints = await discover();
  const verifier = random(48);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state,
    returnTo: location.pathname + location.search + location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: callbackUrl(), scope: config.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: language() === 'en' ? 'en' : 'zh-CN'
  });
  location.assign(endpoints.authorization_endpoint + '?' + query);
}

async function tokenRequest(fields) {
  const endpoints = await discover();
  const response = await fetch(endpoints.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(Object.assign({ client_id: config.clientId }, fields))
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.error_description || body.error || String(response.status));
    // 400 (invalid_grant) and 401 (invalid_client) are the provider's answer; anything else may pass
    error.refused = response.status === 400 || response.status === 401;
    throw error;
  }
  return body;
}

/** The callback page: trades the code for tokens and goes back to the page that asked. */
export async function finishSignIn() {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  const query = new URLSearchParams(location.search);
  sessionStorage.removeItem(PENDING);
  await loadConfig();
  if (!pending || query.get('state') !== pending.state) throw new Error('state');
  if (query.get('error')) throw new Error(query.get('error_description') || query.get('error'));
  keep(await tokenRequest({
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: callbackUrl(),
    code_verifier: pending.verifier
  }));
  // only a path of this origin, never another site
  const back = pending.returnTo || '/';
  location.replace(/^\/(?![\/\\])/.test(back) ? back : '/');
}

let renewing = null;
async function renew() {
  const current = session();
  if (!current || !current.refresh) throw new Error(t('expired'));
  if (!renewing) {
    renewing = tokenRequest({ grant_type: 'refresh_token', refresh_token: current.refresh })
      .then(keep).finally(() => { renewing = null; });
  }
  return renewing;
}

// only the provider's refusal (the refresh token spent or the sign-in over) ends the session; a network blip or
// a provider restarting is tried again, so that an operator does not lose a call half typed
function renewOrRetry() {
  renew().catch((e) => {
    const current = session();
    if (e.refused || !current || current.expiresAt < Date.now()) {
      expired();
    } else {
      renewal = setTimeout(renewOrRetry, RETRY_MS);
    }
  });
}

function scheduleRenewal() {
  clearTimeout(renewal);
  const current = session();
  if (!current || !current.refresh) return;
  const wait = Math.max(0, current.expiresAt - Date.now() - RENEW_BEFORE_MS);
  renewal = setTimeout(renewOrRetry, wait);
}

function expired() {
  sessionStorage.removeItem(STORE);
  notice({ key: 'expired' }, true);
  showSignIn();
}

// the tokens are in each tab's session storage: a sign-out tells this service's other tabs to forget theirs too
const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(SIGNED_OUT) : null;

function announceSignOut() {
  if (tabs) {
    tabs.postMessage('signed-out');
  } else {
    localStorage.setItem(SIGNED_OUT, String(Date.now()));
  }
}

function signedOutElsewhere() {
  clearTimeout(renewal);
  if (!session()) return;
  sessionStorage.removeItem(STORE);
  const here = location.pathname + location.search + location.hash;
  location.replace('/hub/signed-out.html?' + new URLSearchParams({ from: here, elsewhere: '1' }));
}

if (tabs) {
  tabs.onmessage = (event) => {
    if (event.data === 'signed-out') signedOutElsewhere();
  };
} else {
  window.addEventListener('storage', (event) => {
    if (event.key === SIGNED_OUT && event.newValue) signedOutElsewhere();
  });
}

export async function signOut() {
  const current = session();
  sessionStorage.removeItem(STORE);
  clearTimeout(renewal);
  announceSignOut();
  localStorage.setItem('hub.lastPage', location.pathname);
  try {
    const endpoints = await discover();
    if (endpoints.end_session_endpoint && current && current.id) {
      location.assign(endpoints.end_session_endpoint + '?' + new URLSearchParams({
        id_token_hint: current.id, client_id: config.clientId,
        post_logout_redirect_uri: location.origin + '/hub/signed-out.html'
      }));
      return;
    }
  } catch (e) {
    // no provider to tell: this tab forgets the tokens all the same
  }
  location.assign('/hub/signed-out.html');
}

/** The person signed in, from the access token the provider gave (what the services will check, not trust). */
export function user() {
  const current = session();
  if (!current) return null;
  const c = claims(current.access);
  return { id: c.sub, name: c.name || c.sub, roles: c.roles || [], unit: c.unit || null, grid: c.grid || null };
}

function tokenFromFragment() {
  // where no provider is configured outside production (config.tokenLinks), scripts and tests may hand a page a
  // token: #token=<jwt>; it stays in this tab and is never renewed. Anywhere else a token in a link is ignored: a
  // link must not put someone to work under another person's name
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match && !(config && config.tokenLinks === true)) {
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  if (match) {
    const jwt = decodeURIComponent(match[1]);
    const c = claims(jwt);
    sessionStorage.setItem(STORE, JSON.stringify({ access: jwt, refresh: null, id: null,
      expiresAt: c.exp ? c.exp * 1000 : Date.now() + 3600000 }));
    history.replaceState(null, '', location.pathname + location.search);
    return true;
  }
  return false;
}

/** Calls a service ({@code ''} for this page's own) with the person's token; a problem becomes an Error. */
export async function api(service, path, options) {
  await loadConfig();
  const base = service ? (config.services[service] || '') : '';
  const send = () => {
    const current = session();
    const headers = Object.assign({ Accept: 'application/json' }, (options || {}).headers || {});
    if (current) headers.Authorization = 'Bearer ' + current.access;
    let body = (options || {}).body;
    // a form (a file upload) goes as it is: the browser writes its multipart type and boundary
    if (body !== undefined && typeof body !== 'string' && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(base + path, Object.assign({}, options, { headers, body }));
  };
  let response = await send();
  if (response.status === 401 && session() && session().refresh) {
    await renew().catch(() => null);
    response = await send();
  }
  if (response.status === 401) {
    expired();
    throw failure(401, { code: 'unauthorized' }, t('expired'));
  }
  if (response.status === 204) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw failure(response.status, body && typeof body === 'object' ? body : null,
      body && (body.detail || body.title) || (path + ' ' + response.status));
  }
  return body;
}

/**
 * An image a service keeps behind the person's token, as a data address an {@code img} may show (the pages'
 * policy lets images come from this service and data addresses only); a refusal becomes an Error as in
 * {@link api}.
 */
export async function image(service, path) {
  await loadConfig();
  const base = service ? (config.services[service] || '') : '';
  const current = session();
  const response = await fetch(base + path, { headers: Object.assign({ Accept: 'image/jpeg' },
    current ? { Authorization: 'Bearer ' + current.access } : {}) });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw failure(response.status, body && typeof body === 'object' ? body : null, path + ' ' + response.status);
  }
  const bytes = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(bytes);
  });
}

/** The city's names and grid outlines, once per page. */
async function loadCity() {
  if (cityNames) return cityNames;
  const names = await api('', '/api/v1/city');
  const byCode = (list) => Object.fromEntries((list || []).map((item) => [item.code, item]));
  cityNames = { name: names.name, zone: names.zone, categories: byCode(names.categories), units: byCode(names.units),
    districts: byCode(names.districts), streets: byCode(names.streets),
    grids: Object.fromEntries(names.grids.map((g) => [g.id, g])), outlines: names.grids,
    categoryList: names.categories, unitList: names.units };
  return cityNames;
}

/** The name of a code in this language; the code itself when the city does not know it. */
export function named(table, code) {
  if (code === null || code === undefined || code === '') return '–';
  const entry = cityNames && cityNames[table] ? cityNames[table][code] : null;
  return entry ? (language() === 'en' ? entry.en : entry.zh) || code : code;
}

/**
 * Draws the city's grids into {@code container} as an SVG: {@code shade(gridId)} gives each grid's fill,
 * {@code label(gridId)} its tooltip. No tile server: the outlines are the city's own. Returns {@code null} when the
 * city has no grids, else {@code {svg, project(lon, lat), at(event), bounds}}; with {@code options.keys} (see
 * {@link keyboard}) also {@code keys}, the map worked from the keyboard.
 */
export function drawGrids(container, shade, label, options) {
  container.replaceChildren();
  if (!cityNames || cityNames.outlines.length === 0) return null;
  const points = cityNames.outlines.flatMap((g) => g.ring);
  const west = Math.min(...points.map((p) => p[0])), east = Math.max(...points.map((p) => p[0]));
  const south = Math.min(...points.map((p) => p[1])), north = Math.max(...points.map((p) => p[1]));
  // a degree of longitude is shorter than one of latitude away from the equator
  const squeeze = Math.cos((north + south) / 2 * Math.PI / 180);
  const width = 600, pad = 6;
  const scale = (width - 2 * pad) / Math.max((east - west) * squeeze, 1e-9);
  const height = Math.round((north - south) * scale + 2 * pad);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  const project = (lon, lat) => [((lon - west) * squeeze * scale + pad), ((north - lat) * scale + pad)];
  const unproject = (x, y) => [west + (x - pad) / (squeeze * scale), north - (y - pad) / scale];
  for (const grid of cityNames.outlines) {
    const polygon = document.createElementNS(ns, 'polygon');
    polygon.setAttribute('points', grid.ring.map((p) => project(p[0], p[1]).map((v) => v.toFixed(1)).join(','))
      .join(' '));
    polygon.setAttribute('fill', shade(grid.id));
    polygon.dataset.testid = 'grid-' + grid.id;
    const title = document.createElementNS(ns, 'title');
    title.textContent = label(grid.id);
    polygon.append(title);
    svg.append(polygon);
  }
  container.append(svg);
  // where a click on the map lies, in the city's coordinates
  const at = (event) => {
    const box = svg.getBoundingClientRect();
    return unproject((event.clientX - box.left) * width / box.width, (event.clientY - box.top) * height / box.height);
  };
  const drawn = { svg, project, at, bounds: { west, east, south, north } };
  if (options && options.keys) drawn.keys = keyboard(container, drawn, options.keys);
  return drawn;
}

// ---- the grid map from the keyboard ----

const LOCATED_KEPT = 32;
const located = new Map();

/**
 * The grid routing places a point {@code {lat, lon}} in (GET /api/v1/grids/locate), {@code null} where the point
 * lies in none; the pages ask routing rather than test the outlines themselves. The last answers are kept, so that
 * a cursor that came to rest and is then chosen asks once.
 */
export function locate(at) {
  const key = at.lat + ',' + at.lon;
  if (!located.has(key)) {
    if (located.size >= LOCATED_KEPT) located.delete(located.keys().next().value);
    located.set(key, api('routing', '/api/v1/grids/locate?' + new URLSearchParams({ lat: at.lat, lon: at.lon }))
      .catch((e) => {
        if (e.status === 404) return null;
        located.delete(key);
        throw e;
      }));
  }
  return located.get(key);
}

const SVG = 'http://www.w3.org/2000/svg';
// the share of the city's extent one arrow key moves the cursor; with Shift five times as far
const STEP = 1 / 60;
const FAR = 5;
// the cursor's grid is asked for and said once the keys rest this long, not on every repeat of a held key
const REST_MS = 350;
const MOVES = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
// per container, so that the cursor and the one key listener outlive the map's redrawing (a switch of language)
const keyboards = new WeakMap();

const rounded = (at) => ({ lat: Number(at.lat.toFixed(6)), lon: Number(at.lon.toFixed(6)) });
const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/**
 * Makes a drawn map keyboard-operable: the arrow keys move a drawn cursor ({@code circle.cursor}), Enter or Space
 * chooses the point under it, Delete or Backspace clears the chosen point. {@code handlers}: {@code point()} the
 * page's chosen point or null (where the cursor starts, and whether there is anything to clear),
 * {@code onMove(at)}, {@code onChoose(at)} and {@code onClear()} (either may return {@code false} when the page
 * takes nothing now), and {@code live}, the live region where the cursor's grid and the choice are said with the
 * dictionary's {@code map.cursor}, {@code map.outside}, {@code map.chosen} and {@code map.cleared}. Points are
 * {@code {lat, lon}} to six decimals. Returns {@code {reset()}}, which forgets the cursor and empties {@code live}.
 */
function keyboard(container, map, handlers) {
  let state = keyboards.get(container);
  if (!state) {
    state = { cursor: null, asked: 0, timer: null };
    keyboards.set(container, state);
    container.addEventListener('keydown', (event) => onMapKey(state, event));
  }
  state.map = map;
  state.handlers = handlers;
  if (!container.hasAttribute('tabindex')) container.tabIndex = 0;
  if (!container.hasAttribute('role')) container.setAttribute('role', 'application');
  // the container is what keyboard and screen reader users work with; its polygons are for the eye
  map.svg.setAttribute('aria-hidden', 'true');
  map.svg.setAttribute('focusable', 'false');
  // a click chose a point: the next arrow key starts from there
  map.svg.addEventListener('click', () => moveCursor(state, null));
  drawCursor(state);
  return { reset: () => resetKeyboard(state) };
}

function onMapKey(state, event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
  const { bounds } = state.map;
  const handlers = state.handlers;
  const chosen = () => (handlers.point && handlers.point()) || null;
  const start = () => state.cursor || chosen()
    || { lat: (bounds.north + bounds.south) / 2, lon: (bounds.east + bounds.west) / 2 };
  if (MOVES[event.key]) {
    event.preventDefault();
    const [up, right] = MOVES[event.key];
    const step = (event.shiftKey ? FAR : 1) * STEP;
    const from = start();
    moveCursor(state, rounded({
      lat: clamp(from.lat + up * step * (bounds.north - bounds.south), bounds.south, bounds.north),
      lon: clamp(from.lon + right * step * (bounds.east - bounds.west), bounds.west, bounds.east)
    }));
    if (handlers.onMove) handlers.onMove(state.cursor);
    sayWhere(state, state.cursor, 'map.cursor', REST_MS);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    const at = rounded(start());
    if (handlers.onChoose && handlers.onChoose(at) !== false) sayWhere(state, at, 'map.chosen', 0);
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && handlers.onClear && chosen()) {
    event.preventDefault();
    if (handlers.onClear() !== false) {
      forgetAsking(state);
      sayOnMap(state, () => t('map.cleared'));
    }
  }
}

function moveCursor(state, at) {
  state.cursor = at;
  if (!at) forgetAsking(state);
  drawCursor(state);
}

function drawCursor(state) {
  const svg = state.map.svg;
  svg.querySelectorAll('circle.cursor').forEach((c) => c.remove());
  if (!state.cursor) return;
  const [x, y] = state.map.project(state.cursor.lon, state.cursor.lat);
  const ring = document.createElementNS(SVG, 'circle');
  ring.setAttribute('class', 'cursor');
  ring.setAttribute('cx', x.toFixed(1));
  ring.setAttribute('cy', y.toFixed(1));
  ring.setAttribute('r', 9);
  svg.append(ring);
}

function resetKeyboard(state) {
  moveCursor(state, null);
  const live = state.handlers.live;
  if (live) {
    unsay(live);
    live.textContent = '';
  }
}

// an answer still on its way is not said once the cursor moved on
function forgetAsking(state) {
  clearTimeout(state.timer);
  state.asked++;
}

// where a point lies, said after {@code delay}: its grid, "outside" where routing knows none, the bare
// coordinates where routing cannot be asked
function sayWhere(state, at, key, delay) {
  forgetAsking(state);
  const asked = state.asked;
  state.timer = setTimeout(async () => {
    let grid;
    let known = true;
    try {
      grid = await locate(at);
    } catch (e) {
      known = false;
    }
    if (asked !== state.asked) return;
    sayOnMap(state, () => known && !grid ? t('map.outside')
      : t(key, { where: known ? gridName(grid) : at.lat.toFixed(5) + ', ' + at.lon.toFixed(5) }));
  }, delay);
}

const gridName = (grid) => [grid.district ? named('districts', grid.district) : null,
  grid.street ? named('streets', grid.street) : null, grid.gridId].filter(Boolean).join(' · ');

// a live region announces every change of its text: said only when it says something new, again after a switch
function sayOnMap(state, render) {
  const live = state.handlers.live;
  if (!live) return;
  if (live.textContent === render()) {
    spoken.set(live, { render, said: live.textContent });
  } else {
    say(live, render);
  }
}

// what is on screen and must be said again when the language changes: element -> how to say it, and what it said
const spoken = new Map();

function say(element, render, role) {
  if (role && element.getAttribute('role') !== role) {
    if (element.dataset.hubRole === undefined) element.dataset.hubRole = element.getAttribute('role') || '';
    element.setAttribute('role', role);
  }
  element.textContent = render();
  spoken.set(element, { render, said: element.textContent });
}

function unsay(element) {
  spoken.delete(element);
  if (element.dataset.hubRole !== undefined) {
    if (element.dataset.hubRole) element.setAttribute('role', element.dataset.hubRole);
    else element.removeAttribute('role');
    delete element.dataset.hubRole;
  }
}

// a text the page has since replaced or cleared itself is not brought back
function sayAgain() {
  spoken.forEach((spoke, element) => {
    if (element.textContent !== spoke.said) {
      spoken.delete(element);
      return;
    }
    element.textContent = spoke.render();
    spoke.said = element.textContent;
  });
}

/** Shows what went wrong in {@code element} (as an alert), said again in the other language after a switch. */
export function showError(element, error) {
  if (!element) return;
  if (error === null || error === undefined) {
    clearError(element);
    return;
  }
  element.classList.add('error');
  say(element, () => problemText(error), 'alert');
}

export function clearError(element) {
  if (!element) return;
  unsay(element);
  element.classList.remove('error');
  element.textContent = '';
}

/**
 * The page's status line: {@code message} is a text as it stands, or {@code {key, values}} from the dictionary,
 * which is said again after a switch of language (a value may be a function, asked again each time).
 */
export function notice(message, error) {
  const status = document.getElementById('status');
  if (!status) return;
  unsay(status);
  status.className = error ? 'error' : '';
  if (message && typeof message === 'object' && message.key) {
    say(status, () => t(message.key, message.values));
  } else {
    status.textContent = message === null || message === undefined ? '' : String(message);
  }
}

/** A refusal on the status line, said in this language and again after a switch. */
export function fail(error) {
  const status = document.getElementById('status');
  if (!status) return;
  unsay(status);
  status.className = 'error';
  say(status, () => problemText(error));
}

// ---- a confirmation before what cannot be undone ----

// the question on screen: said again after a switch of language, answered once
let asking = null;

/** The page's {@code dialog#confirm}, made (title, question, cancel and confirming button) where it has none. */
function confirmDialog() {
  let box = document.getElementById('confirm');
  if (!box) {
    box = document.createElement('dialog');
    box.id = 'confirm';
    box.setAttribute('aria-labelledby', 'confirm-title');
    box.setAttribute('aria-describedby', 'confirm-text');
    const buttons = made('div', 'confirm-buttons');
    buttons.append(made('button', 'action secondary', 'confirm-no'), made('button', 'action', 'confirm-yes'));
    box.append(made('h2', null, 'confirm-title'), made('p', null, 'confirm-text'), buttons);
    document.body.append(box);
  }
  if (!box.dataset.hubConfirm) {
    box.dataset.hubConfirm = 'true';
    box.querySelector('#confirm-no').addEventListener('click', () => answer(box, false));
    box.querySelector('#confirm-yes').addEventListener('click', () => answer(box, true));
    // Escape closes the dialog without a value: a cancel. A close of an earlier question may arrive after the
    // next one opened the dialog again: that one is still open and waits for its own answer
    box.addEventListener('close', () => {
      if (!box.open) answer(box, box.returnValue === 'yes');
    });
  }
  return box;
}

function made(tag, className, id) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (id) element.id = id;
  if (tag === 'button') element.type = 'button';
  return element;
}

function labelConfirm() {
  if (!asking) return;
  const box = confirmDialog();
  const title = box.querySelector('#confirm-title');
  if (title) title.textContent = t('confirm.title');
  box.querySelector('#confirm-text').textContent = t(asking.key, asking.values);
  box.querySelector('#confirm-no').textContent = t('confirm.cancel');
  const yes = box.querySelector('#confirm-yes');
  yes.textContent = t(asking.yes || 'confirm.yes');
  yes.classList.toggle('danger', !!asking.danger);
}

/**
 * Asks before an irreversible step, in the page's {@code dialog#confirm} (made where the page has none): resolves
 * to {@code true} when the person confirms, {@code false} on cancel, Escape or a newer question. The question is
 * the dictionary's {@code key} with {@code values} (a value may be a function, asked again after a switch of
 * language), the confirming button says {@code yes} (else "confirm.yes"), red with {@code danger}. The cancel
 * button takes the focus, which goes back where it was once answered.
 */
export function confirm({ key, values: given, yes, danger }) {
  const box = confirmDialog();
  const back = asking ? asking.back : document.activeElement;
  if (asking) asking.resolve(false);
  return new Promise((resolve) => {
    asking = { key, values: given, yes, danger, back, resolve };
    labelConfirm();
    if (!box.open) {
      box.returnValue = '';
      box.showModal();
    }
    box.querySelector('#confirm-no').focus();
  });
}

function answer(box, yes) {
  const asked = asking;
  asking = null;
  if (box.open) box.close(yes ? 'yes' : 'no');
  if (!asked) return;
  if (asked.back && asked.back !== document.body && asked.back.isConnected) asked.back.focus();
  asked.resolve(yes);
}

// ---- the caller's number, on request and recorded ----

// per container on screen: the ticket it shows and the number once revealed, in this memory only (never in storage
// or the address); a refresh or a switch of language keeps it, another ticket forgets it
const callers = new Map();

const shortTime = (instant) => instant ? new Date(instant).toLocaleString(language() === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: (cityNames && cityNames.zone) || undefined, month: 'numeric', day: 'numeric', hour: '2-digit',
    minute: '2-digit' }) : '–';

/**
 * The caller of {@code ticket} in {@code container}: a heading and a button that, once confirmed, asks routing for
 * the number ({@code POST /api/v1/tickets/{id}/caller}, which records who and when) and shows it as a {@code tel:}
 * link; the reason instead when {@code ticket.callerReachable} is false or routing answers 409; a refusal in its
 * own alert line. Called again for the same ticket (a refresh, a switch of language) it keeps what it shows and
 * changes only the words, so that the focus stays; another ticket, or {@code null}, forgets the number.
 * {@code options}: {@code idSuffix} keeps its ids ({@code call-citizen}, {@code caller-phone}, {@code caller-note},
 * {@code caller-contact}, {@code caller-problem}) unique where several are on screen; {@code onShown()} runs once
 * the number is shown.
 */
export function callerContact(container, ticket, options) {
  callers.forEach((block, shown) => {
    if (!shown.isConnected) callers.delete(shown);
  });
  if (!ticket) {
    callers.delete(container);
    container.replaceChildren();
    return;
  }
  let block = callers.get(container);
  if (!block || block.ticketId !== ticket.ticketId) {
    block = { container, ticketId: ticket.ticketId, revealed: null, unreachable: false, shows: null };
    callers.set(container, block);
  }
  block.ticket = ticket;
  block.options = options || {};
  paintCaller(block);
}

function paintCaller(block) {
  const id = (name) => name + (block.options.idSuffix || '');
  const shows = block.unreachable || !block.ticket.callerReachable ? 'hidden' : block.revealed ? 'revealed' : 'ask';
  if (block.shows !== shows) {
    block.shows = shows;
    const note = made('p', 'caller-note muted', id('caller-note'));
    const parts = [made('h3', 'caller-heading')];
    if (shows === 'hidden') {
      note.classList.add('caller-unreachable');
      note.dataset.testid = 'caller-unreachable';
      parts.push(note);
    } else if (shows === 'revealed') {
      const link = made('a', 'caller-phone', id('caller-phone'));
      link.dataset.testid = 'caller-phone';
      link.href = 'tel:' + block.revealed.phone.replace(/[^0-9+]/g, '');
      link.textContent = block.revealed.phone;
      const line = made('p', 'caller-contact', id('caller-contact'));
      line.append(link);
      if (block.revealed.name) line.append(' · ' + block.revealed.name);
      parts.push(line, note);
    } else {
      const button = made('button', 'action secondary call-citizen', id('call-citizen'));
      button.dataset.testid = 'call-citizen';
      button.setAttribute('aria-describedby', note.id);
      button.addEventListener('click', () => revealCaller(block, button));
      parts.push(button, note);
    }
    if (shows !== 'revealed') {
      const problem = made('p', 'caller-problem problems', id('caller-problem'));
      problem.setAttribute('role', 'alert');
      parts.push(problem);
    }
    block.container.replaceChildren(...parts);
  }
  labelCaller(block);
}

function labelCaller(block) {
  const part = (selector) => block.container.querySelector(selector);
  part('.caller-heading').textContent = t('caller.heading');
  if (block.shows === 'hidden') {
    part('.caller-note').textContent = t('caller.hidden');
  } else if (block.shows === 'revealed') {
    part('.caller-note').textContent = t('caller.revealed', { at: shortTime(block.revealed.revealedAt) });
  } else {
    part('.caller-note').textContent = t('caller.recorded');
    part('.call-citizen').textContent = t('caller.call');
  }
}

async function revealCaller(block, button) {
  const ticket = block.ticket;
  if (!await confirm({ key: 'caller.confirm', values: { number: ticket.ticketNumber }, yes: 'caller.reveal' })) {
    return;
  }
  const still = () => callers.get(block.container) === block;
  const problem = () => block.container.querySelector('.caller-problem');
  clearError(problem());
  button.disabled = true;
  try {
    const revealed = await api('routing', '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId) + '/caller',
      { method: 'POST', body: {} });
    if (!still()) return;
    block.revealed = revealed;
    paintCaller(block);
    block.container.querySelector('.caller-phone').focus();
    if (block.options.onShown) block.options.onShown();
  } catch (e) {
    if (!still()) return;
    button.disabled = false;
    if (e.status === 409) {
      block.unreachable = true;
      paintCaller(block);
    }
    showError(problem(), e);
  }
}

function relabelCallers() {
  callers.forEach((block, container) => {
    if (container.isConnected) labelCaller(block); else callers.delete(container);
  });
}

function showSignIn() {
  const button = document.getElementById('hub-sign');
  if (button) {
    button.textContent = t('signIn');
    button.onclick = () => signIn().catch((e) => notice({ key: 'failed', values: { why: e.message } }, true));
  }
  document.body.dataset.signedIn = 'false';
}

function header() {
  const bar = document.getElementById('hub-header');
  if (!bar) return;
  const who = user();
  bar.replaceChildren();
  const title = document.createElement('h1');
  const brand = document.createElement('span');
  brand.textContent = t('brand');
  const sub = document.createElement('span');
  sub.className = 'sub';
  sub.textContent = ' ' + t('pageTitle');
  title.append(brand, sub);
  const person = document.createElement('span');
  person.id = 'hub-user';
  if (who) {
    const unit = who.unit ? ' · ' + named('units', who.unit) : '';
    person.textContent = who.name + ' (' + who.roles.map((r) => t(r)).join(t('listSep')) + unit + ')';
  }
  const switcher = document.createElement('button');
  switcher.id = 'language';
  switcher.type = 'button';
  switcher.lang = language() === 'en' ? 'zh-CN' : 'en';
  switcher.textContent = t('other');
  switcher.onclick = () => setLanguage(other());
  const sign = document.createElement('button');
  sign.id = 'hub-sign';
  sign.type = 'button';
  bar.append(title, ...(page.headerExtras ? page.headerExtras() : []), person, switcher, sign);
  if (who) {
    sign.textContent = t('signOut');
    sign.onclick = signOut;
  } else {
    showSignIn();
  }
}

// after a switch of language: what the page says beside its dictionary's keys, then the page's own
onLanguage((chosen) => {
  header();
  sayAgain();
  labelConfirm();
  relabelCallers();
  if (page && page.onLanguage) page.onLanguage(chosen);
});

// the page's start, once: a token handed over by a link meanwhile waits for it (see the hashchange listener)
let starting = null;

/**
 * Starts a page: {@code roles} may use it, {@code ready(user)} runs once the person is signed in with one of the
 * roles and the city's names are loaded.
 */
export function start(options) {
  starting = begin(options);
  return starting;
}

async function begin(options) {
  page = options;
  if (!onLoopbackAddress()) return;
  header();
  try {
    await loadConfig();
  } catch (e) {
    fail(e);
    return;
  }
  tokenFromFragment();
  const current = session();
  if (!current || (!current.refresh && current.expiresAt < Date.now())) {
    sessionStorage.removeItem(STORE);
    if (config.issuer) {
      notice({ key: 'signingIn' });
      signIn().catch((e) => notice({ key: 'failed', values: { why: e.message } }, true));
    } else {
      notice({ key: 'noProvider' }, true);
      showSignIn();
    }
    return;
  }
  if (current.expiresAt - Date.now() < RENEW_BEFORE_MS && current.refresh) {
    try {
      await renew();
    } catch (e) {
      if (e.refused || current.expiresAt < Date.now()) {
        expired();
        return;
      }
    }
  }
  scheduleRenewal();
  const who = user();
  if (!who.roles.some((role) => options.roles.includes(role))) {
    header();
    notice({ key: 'noRole', values: { roles: () => options.roles.map((r) => t(r)).join(t('listSep')) } }, true);
    return;
  }
  try {
    await loadCity();
  } catch (e) {
    fail(e);
    return;
  }
  translate();
  header();
  document.body.dataset.signedIn = 'true';
  await options.ready(who);
}

// a link with a new #token= opened in a tab that already shows the page: take the token and start again. The
// page's own start may be under way (the modules load after the document): it takes a token that came before it
// looked, and a reload then would start the page without it, so the listener waits for the start and takes only a
// token still in the address.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)token=/.test(location.hash)) {
    Promise.resolve(starting).catch(() => null).then(loadConfig).then(() => {
      if (tokenFromFragment() && config.tokenLinks === true) location.reload();
    });
  }
});

/** The city's names and grid outlines, once loaded (null before). */
export const city = () => cityNames;
