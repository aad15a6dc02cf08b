// What every page of the hub shares: signing in with the city's OpenID Connect provider (authorization code with
// PKCE, tokens in this tab's session storage only, renewed before they expire), calling the services with the
// person's token, Chinese first with an English switch, the city's names instead of codes, and the grid map.
(function () {
  'use strict';
  const STORE = 'hub.session';
  const PENDING = 'hub.signIn';
  const LANGUAGE = 'hub.language';
  const RENEW_BEFORE_MS = 60000;
  const RETRY_MS = 10000;

  const WORDS = {
    zh: {
      brand: '12345热线', signOut: '退出', signIn: '登录', other: 'English', signingIn: '正在登录…',
      signedOut: '您已退出登录。', expired: '登录已过期，请重新登录。', noRole: '您的账号没有使用本页面的角色（{roles}）。',
      noProvider: '未配置登录服务。', failed: '登录失败：{why}', refused: '服务拒绝了请求：{why}',
      OPERATOR: '话务员', SUPERVISOR: '中心督办', ANALYST: '分析员', ADMIN: '管理员', UNIT: '承办单位',
      GRID_WORKER: '网格员', LIAISON: '联户长'
    },
    en: {
      brand: '12345 hotline', signOut: 'Sign out', signIn: 'Sign in', other: '中文', signingIn: 'Signing in …',
      signedOut: 'You have signed out.', expired: 'Your sign-in has expired: sign in again.',
      noRole: 'Your account has no role for this page ({roles}).', noProvider: 'No sign-in service is configured.',
      failed: 'Sign-in failed: {why}', refused: 'The service refused: {why}',
      OPERATOR: 'operator', SUPERVISOR: 'supervisor', ANALYST: 'analyst', ADMIN: 'administrator', UNIT: 'unit',
      GRID_WORKER: 'grid worker', LIAISON: 'household liaison'
    }
  };

  let config = null;
  let provider = null;
  let page = null;
  let renewal = null;
  let city = null;
  let language = localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'zh';

  const words = () => Object.assign({}, WORDS[language], page && page.words ? page.words[language] : {});
  function t(key, values) {
    const text = words()[key];
    if (text === undefined) return key;
    return Object.entries(values || {}).reduce((out, [name, value]) => out.split('{' + name + '}').join(value), text);
  }

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

  async function signIn() {
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
      state, code_challenge: challenge, code_challenge_method: 'S256', ui_locales: language === 'en' ? 'en' : 'zh-CN'
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
  async function finishSignIn() {
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
    notice(t('expired'), true);
    showSignIn();
  }

  async function signOut() {
    const current = session();
    sessionStorage.removeItem(STORE);
    clearTimeout(renewal);
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
  function user() {
    const current = session();
    if (!current) return null;
    const c = claims(current.access);
    return { id: c.sub, name: c.name || c.sub, roles: c.roles || [], unit: c.unit || null };
  }

  function tokenFromFragment() {
    // where no provider is configured, scripts and tests may hand a page a token: #token=<jwt>; it stays in this
    // tab and is never renewed. With a provider people sign in, and a token in a link is ignored: a link must not
    // put someone to work under another person's name
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match && config && config.issuer) {
      history.replaceState(null, '', location.pathname + location.search);
      return;
    }
    if (match) {
      const jwt = decodeURIComponent(match[1]);
      const c = claims(jwt);
      sessionStorage.setItem(STORE, JSON.stringify({ access: jwt, refresh: null, id: null,
        expiresAt: c.exp ? c.exp * 1000 : Date.now() + 3600000 }));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  /** Calls a service ({@code ''} for this page's own) with the person's token; a problem becomes an Error. */
  async function api(service, path, options) {
    await loadConfig();
    const base = service ? (config.services[service] || '') : '';
    const send = () => {
      const current = session();
      const headers = Object.assign({ Accept: 'application/json' }, (options || {}).headers || {});
      if (current) headers.Authorization = 'Bearer ' + current.access;
      let body = (options || {}).body;
      if (body !== undefined && typeof body !== 'string') {
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
      throw new Error(t('expired'));
    }
    if (response.status === 204) return null;
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body && (body.detail || body.title) || (path + ' ' + response.status));
      error.status = response.status;
      error.problem = body;
      throw error;
    }
    return body;
  }

  /** The city's names and grid outlines, once per page. */
  async function loadCity() {
    if (city) return city;
    const names = await api('', '/api/v1/city');
    const byCode = (list) => Object.fromEntries((list || []).map((item) => [item.code, item]));
    city = { name: names.name, zone: names.zone, categories: byCode(names.categories), units: byCode(names.units),
      districts: byCode(names.districts), streets: byCode(names.streets),
      grids: Object.fromEntries(names.grids.map((g) => [g.id, g])), outlines: names.grids,
      categoryList: names.categories, unitList: names.units };
    return city;
  }

  /** The name of a code in this language; the code itself when the city does not know it. */
  function named(table, code) {
    if (code === null || code === undefined || code === '') return '–';
    const entry = city && city[table] ? city[table][code] : null;
    return entry ? (language === 'en' ? entry.en : entry.zh) || code : code;
  }

  /**
   * Draws the city's grids into {@code container} as an SVG: {@code shade(gridId)} gives each grid's fill,
   * {@code label(gridId)} its tooltip. No tile server: the outlines are the city's own.
   */
  function drawGrids(container, shade, label) {
    container.replaceChildren();
    if (!city || city.outlines.length === 0) return null;
    const points = city.outlines.flatMap((g) => g.ring);
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
    for (const grid of city.outlines) {
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
    return { svg, project, at };
  }

  function notice(text, error) {
    const status = document.getElementById('status');
    if (!status) return;
    status.className = error ? 'error' : '';
    status.textContent = text;
  }

  function showSignIn() {
    const button = document.getElementById('hub-sign');
    if (button) {
      button.textContent = t('signIn');
      button.onclick = () => signIn().catch((e) => notice(t('failed', { why: e.message }), true));
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
      person.textContent = who.name + ' (' + who.roles.map((r) => t(r)).join('、') + unit + ')';
    }
    const switcher = document.createElement('button');
    switcher.id = 'language';
    switcher.type = 'button';
    switcher.lang = language === 'en' ? 'zh-CN' : 'en';
    switcher.textContent = t('other');
    switcher.onclick = () => setLanguage(language === 'zh' ? 'en' : 'zh');
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

  function translate() {
    document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
    document.title = t('brand') + ' · ' + t('pageTitle');
    document.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = t(element.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    });
    header();
  }

  function setLanguage(chosen) {
    language = chosen;
    localStorage.setItem(LANGUAGE, language);
    translate();
    if (page && page.onLanguage) page.onLanguage(language);
  }

  /**
   * Starts a page: {@code roles} may use it, {@code words} are its own texts by language, {@code ready(user)} runs
   * once the person is signed in with one of the roles and the city's names are loaded.
   */
  async function start(options) {
    page = options;
    if (!onLoopbackAddress()) return;
    translate();
    try {
      await loadConfig();
    } catch (e) {
      notice(e.message, true);
      return;
    }
    tokenFromFragment();
    const current = session();
    if (!current || (!current.refresh && current.expiresAt < Date.now())) {
      sessionStorage.removeItem(STORE);
      if (config.issuer) {
        notice(t('signingIn'));
        signIn().catch((e) => notice(t('failed', { why: e.message }), true));
      } else {
        notice(t('noProvider'), true);
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
      notice(t('noRole', { roles: options.roles.map((r) => t(r)).join('、') }), true);
      return;
    }
    try {
      await loadCity();
    } catch (e) {
      notice(e.message, true);
      return;
    }
    translate();
    document.body.dataset.signedIn = 'true';
    await options.ready(who);
  }

  // a link with a new #token= opened in a tab that already shows the page: take the token and start again
  window.addEventListener('hashchange', () => {
    if (/(?:^#|&)token=/.test(location.hash)) {
      loadConfig().then(() => {
        tokenFromFragment();
        if (!config.issuer) location.reload();
      });
    }
  });

  window.Hub = {
    start, api, t, named, drawGrids, notice, user, signIn, signOut, finishSignIn,
    city: () => city, language: () => language,
    fail: (e) => notice(t('refused', { why: e.message }), true)
  };
}());
