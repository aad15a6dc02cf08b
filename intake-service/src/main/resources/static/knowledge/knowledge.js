// The knowledge page: a unit's staff draft and update the articles of their own unit and submit them for review;
// the centre's knowledge editors find what waits for them, publish it or send it back with a reason, and retire what
// no longer holds; operators and supervisors look up what is published. Every article shows its state, its
// published answer and its draft, and the difference between any two of its versions, line by line. What is typed
// into an article is kept in this tab's session storage until it is saved or given up, so a reload loses nothing.
import * as Hub from '/hub/hub.js';

const $ = (id) => document.getElementById(id);
const API = '/api/v1/knowledge';
const EDIT = 'knowledge.edit';
const STATES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SENT_BACK', 'RETIRED'];
// the form's fields by the name the service gives them in a refusal
const FIELDS = { question: 'f-question', phrasings: 'f-phrasings', answer: 'f-answer', answerEn: 'f-answer-en',
  category: 'f-category', districts: 'f-districts', basis: 'f-basis', validFrom: 'f-valid-from',
  validUntil: 'f-valid-until' };
const t = (key, values) => Hub.t(key, values);

let user = null;
let editor = false;
let unitStaff = false;
// the list as the service gave it, and the search's hits for those who may not list
let articles = [];
let hits = null;
let listing = 0;
// the article open, its published versions, and what is compared
let current = null;
let publications = [];
let opening = 0;
// the article being edited: {id, revision}, id null for a new one
let editing = null;
let restoredEdit = false;
// what the page said last, said again in the other language after a switch
let said = null;

const lister = () => editor || unitStaff;
const mine = (article) => unitStaff && !!user.unit && article.unit === user.unit;

function say(key, values, error) {
  said = key ? { key, values, error } : null;
  Hub.notice(key ? t(key, values) : '', error);
}

function refused(element, e) {
  say(null);
  Hub.showError(element || $('page-problem'), e);
}

function made(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  if (tag === 'button') element.type = 'button';
  return element;
}

function when(instant) {
  if (!instant) return '–';
  return new Date(instant).toLocaleString(Hub.language() === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: Hub.city().zone || undefined, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
    minute: '2-digit' });
}

// the city's day, which is what an article's dates are counted in
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: Hub.city().zone || undefined, year: 'numeric',
    month: '2-digit', day: '2-digit' }).format(new Date());
}

const stateName = (state) => t('status.' + state);
const content = (article) => article.published || article.draft || {};

// ---- the list and the search ----

function fillFilters() {
  const status = $('filter-status');
  const chosen = status.value;
  status.replaceChildren(new Option(t('anyStatus'), ''));
  STATES.forEach((state) => status.append(new Option(stateName(state), state)));
  status.value = chosen;
  const unit = $('filter-unit');
  const unitChosen = unit.value;
  unit.replaceChildren(new Option(t('anyUnit'), ''));
  Hub.city().unitList.forEach((u) => unit.append(new Option(Hub.named('units', u.code), u.code)));
  unit.value = unitChosen;
  $('filter-status-box').hidden = !lister();
  $('filter-unit-box').hidden = !editor;
  $('new-article').hidden = !unitStaff;
  $('filter-hint').textContent = t(lister() ? 'hintList' : 'hintSearch');
}

/** Reads the list again; {@code quiet} leaves the status line to what the person just did. */
async function loadList(quiet) {
  const turn = ++listing;
  if (quiet !== true) say('loading');
  try {
    if (lister()) {
      const unit = editor ? $('filter-unit').value : '';
      const listed = await Hub.api('', API + '/articles' + (unit ? '?unit=' + encodeURIComponent(unit) : ''));
      if (turn !== listing) return;
      articles = listed;
    } else {
      const words = $('filter-text').value.trim();
      if (words.length < 2) {
        hits = null;
        if (turn !== listing) return;
        say('typeToSearch');
        renderRows();
        return;
      }
      const answer = await Hub.api('', API + '/search?limit=10&q=' + encodeURIComponent(words));
      if (turn !== listing) return;
      hits = answer.articles || [];
    }
    if (quiet !== true) say(null);
    Hub.clearError($('page-problem'));
    renderRows();
  } catch (e) {
    if (turn === listing) refused(null, e);
  }
}

/** The rows the filters let through: the service's list filtered here, or the search's hits as they came. */
function rows() {
  if (!lister()) {
    return (hits || []).map((hit) => ({ id: hit.id, unit: hit.unit, status: 'PUBLISHED', publishedVersion: hit.version,
      question: hit.question, changedAt: null }));
  }
  const words = $('filter-text').value.trim().toLowerCase();
  const state = $('filter-status').value;
  return articles.filter((a) => (!state || a.status === state) && (!words || [a.id, a.published, a.draft]
    .some((part) => part && (typeof part === 'string' ? part : [part.question, part.answer, part.answerEn]
      .concat(part.phrasings || []).join('\n')).toLowerCase().includes(words))))
    .map((a) => ({ id: a.id, unit: a.unit, status: a.status, publishedVersion: a.publishedVersion,
      question: content(a).question, changedAt: a.changedAt }));
}

function renderRows() {
  const shown = rows();
  const body = $('article-rows');
  body.replaceChildren();
  for (const row of shown) {
    const tr = document.createElement('tr');
    tr.dataset.article = row.id;
    tr.dataset.status = row.status;
    tr.classList.toggle('open', !!current && current.id === row.id);
    const question = document.createElement('td');
    const open = made('button', 'link open-article', row.question || row.id);
    open.dataset.article = row.id;
    open.addEventListener('click', () => openArticle(row.id, true));
    question.append(open, made('div', 'muted small', row.id));
    const state = document.createElement('td');
    state.append(made('span', 'state ' + row.status, stateName(row.status)));
    tr.append(question, state, made('td', null, Hub.named('units', row.unit)),
      made('td', null, row.publishedVersion ? String(row.publishedVersion) : '–'), made('td', null, when(row.changedAt)));
    body.append(tr);
  }
  $('article-caption').textContent = t('caption');
  $('articles-count').textContent = lister() ? t('count', { shown: shown.length, all: articles.length })
    : hits ? t('found', { n: shown.length }) : '';
  const empty = $('articles-empty');
  empty.hidden = shown.length > 0 || (!lister() && hits === null);
  empty.textContent = t(lister() ? 'none' : 'noneSearched');
  $('article-table').hidden = shown.length === 0;
  const waiting = editor ? articles.filter((a) => a.status === 'IN_REVIEW').length : 0;
  $('review-waiting').hidden = waiting === 0 || $('filter-status').value === 'IN_REVIEW';
  $('show-review').textContent = t('reviewWaiting', { n: waiting });
}

// ---- one article ----

async function openArticle(id, focus) {
  const turn = ++opening;
  Hub.clearError($('article-problem'));
  try {
    const [article, versions] = await Promise.all([
      Hub.api('', API + '/articles/' + encodeURIComponent(id)),
      Hub.api('', API + '/articles/' + encodeURIComponent(id) + '/history')]);
    if (turn !== opening) return;
    show(article, versions);
    history.replaceState(null, '', location.pathname + location.search + '#article=' + encodeURIComponent(id));
    if (focus) $('article-heading').focus();
  } catch (e) {
    if (turn === opening) refused(null, e);
  }
}

function show(article, versions) {
  current = article;
  // the list shows the article as it is now, before the list is read again
  const listed = articles.findIndex((a) => a.id === article.id);
  if (listed >= 0) articles[listed] = article; else if (lister() && mine(article)) articles.unshift(article);
  publications = versions || [];
  renderArticle();
  fillCompare(true);
  renderRows();
}

function renderArticle() {
  const box = $('article');
  box.hidden = !current;
  if (!current) return;
  const article = current;
  const shown = content(article);
  box.dataset.article = article.id;
  box.dataset.status = article.status;
  box.dataset.revision = String(article.revision);
  $('article-heading').textContent = shown.question || article.id;
  const version = article.publishedVersion === 0 ? t('versionNone') : t(article.status === 'RETIRED'
    ? 'versionRetired' : 'versionLive', { n: article.publishedVersion, at: when(article.publishedAt) });
  const line = $('article-state');
  line.replaceChildren(made('span', 'state ' + article.status, stateName(article.status)), ' ', version
    + (article.draft && article.published ? ' ' + t('draftPending') : ''));
  $('sent-back').hidden = !(article.status === 'SENT_BACK' && article.sentBackReason);
  $('sent-back').textContent = article.sentBackReason ? t('sentBack', { reason: article.sentBackReason }) : '';
  const fields = $('article-fields');
  fields.replaceChildren();
  const add = (label, value, testId) => {
    const dd = made('dd', null, value === null || value === undefined || value === '' ? '–' : value);
    if (testId) dd.dataset.testid = testId;
    fields.append(made('dt', null, label), dd);
  };
  add(t('id'), article.id, 'article-id');
  add(t('unit'), Hub.named('units', article.unit), 'article-unit');
  add(t('category'), Hub.named('categories', shown.category), 'article-category');
  add(t('districts'), shown.districts && shown.districts.length ? shown.districts
    .map((code) => Hub.named('districts', code)).join(Hub.language() === 'en' ? ', ' : '、') : t('wholeCity'));
  add(t('phrasings'), (shown.phrasings || []).join(Hub.language() === 'en' ? '; ' : '；'));
  add(t('basis'), shown.basis);
  add(t('valid'), shown.validFrom ? (shown.validUntil ? t('validRange', { from: shown.validFrom,
    until: shown.validUntil }) : t('validOpen', { from: shown.validFrom })) : null);
  add(t('changed'), article.updatedBy ? t('changedBy', { at: when(article.changedAt), by: article.updatedBy })
    : when(article.changedAt));
  answer('published', article.published);
  answer('draft', article.draft);
  renderSteps();
}

function answer(which, given) {
  $(which + '-box').hidden = !given;
  $(which + '-answer').textContent = given ? given.answer : '';
  $(which + '-answer-en').hidden = !(given && given.answerEn);
  $(which + '-answer-en').textContent = given && given.answerEn ? given.answerEn : '';
}

function renderSteps() {
  const article = current;
  const status = article.status;
  const own = mine(article);
  $('edit').hidden = !own || status === 'IN_REVIEW' || status === 'RETIRED' || (!!editing && editing.id === article.id);
  $('submit-review').hidden = !own || !article.draft || !(status === 'DRAFT' || status === 'SENT_BACK');
  $('publish').hidden = !editor || status !== 'IN_REVIEW';
  $('retire').hidden = !editor || status === 'RETIRED';
  $('decision').hidden = !editor || status === 'RETIRED';
  $('send-back').hidden = status !== 'IN_REVIEW';
  // those who answer calls flag what is published and in use; its unit and the editors change it themselves
  $('flag').hidden = lister() || !article.published || status === 'RETIRED';
}

// ---- flags and articles about to expire ----

const EXPIRING_DAYS = 30;
// the open flags and the expiring articles, as last read
let flags = [];
let expiring = [];

/** What the unit's staff and the editors have to see to: open flags, articles expiring within 30 days. */
async function loadAttention() {
  $('attention').hidden = !lister();
  if (!lister()) return;
  try {
    [flags, expiring] = await Promise.all([Hub.api('', API + '/flags'),
      Hub.api('', API + '/expiring?days=' + EXPIRING_DAYS)]);
    renderAttention();
  } catch (e) {
    refused(null, e);
  }
}

function renderAttention() {
  const flagList = $('flag-list');
  flagList.replaceChildren();
  if (flags.length === 0) flagList.append(made('li', 'muted', t('noFlags')));
  for (const flag of flags) {
    const item = made('li');
    item.dataset.flag = flag.id;
    // named by its question where the list holds the article, else by its id
    const listed = articles.find((a) => a.id === flag.articleId);
    const open = made('button', 'link', listed && content(listed).question ? content(listed).question
      : flag.articleId);
    open.addEventListener('click', () => openArticle(flag.articleId, true));
    const close = made('button', 'action secondary', t('flagClose'));
    close.setAttribute('aria-describedby', 'flag-line-' + flag.id);
    close.addEventListener('click', () => closeFlag(flag));
    const line = made('span', null, ' ' + t('flagLine', { reason: t('flag.' + flag.reason), note: flag.note,
      by: flag.flaggedBy, at: when(flag.flaggedAt), version: flag.version }) + ' ');
    line.id = 'flag-line-' + flag.id;
    item.append(open, line, close);
    flagList.append(item);
  }
  const expiringList = $('expiring-list');
  expiringList.replaceChildren();
  if (expiring.length === 0) expiringList.append(made('li', 'muted', t('noExpiring')));
  for (const article of expiring) {
    const item = made('li');
    item.dataset.article = article.id;
    const open = made('button', 'link', content(article).question || article.id);
    open.addEventListener('click', () => openArticle(article.id, true));
    item.append(open, made('span', 'muted', ' ' + t('expiringLine', { until: article.published.validUntil,
      unit: Hub.named('units', article.unit) })));
    expiringList.append(item);
  }
}

async function closeFlag(flag) {
  if (!await Hub.confirm({ key: 'confirmClose', values: { id: flag.articleId }, yes: 'closeYes' })) return;
  try {
    await Hub.api('', API + '/flags/' + encodeURIComponent(flag.id) + '/close', { method: 'POST', body: {} });
    say('flagClosed', { id: flag.articleId });
    await loadAttention();
    $('flags-title').focus();
  } catch (e) {
    refused(null, e);
    loadAttention();
  }
}

/** An operator or a supervisor flags the published article as wrong or outdated, with a note. */
async function sendFlag(event) {
  event.preventDefault();
  const article = current;
  const note = $('flag-note').value.trim();
  Hub.clearError($('article-problem'));
  if (!note) {
    Hub.showError($('article-problem'), t('needNote'));
    $('flag-note').setAttribute('aria-invalid', 'true');
    $('flag-note').focus();
    return;
  }
  $('flag-send').disabled = true;
  try {
    await Hub.api('', API + '/articles/' + encodeURIComponent(article.id) + '/flags',
      { method: 'POST', body: { reason: $('flag-reason').value, note } });
    $('flag-note').value = '';
    say('flagged', { id: article.id });
  } catch (e) {
    refused($('article-problem'), e);
  } finally {
    $('flag-send').disabled = false;
  }
}

function fillFlagReasons() {
  const select = $('flag-reason');
  const chosen = select.value || 'OUTDATED';
  select.replaceChildren(...['OUTDATED', 'WRONG'].map((reason) => {
    const option = made('option', null, t('flag.' + reason));
    option.value = reason;
    return option;
  }));
  select.value = chosen;
}

// ---- the workflow's steps ----

async function step(path, body, confirmation, done) {
  const article = current;
  if (!article) return;
  if (!await Hub.confirm(confirmation)) return;
  Hub.clearError($('article-problem'));
  const buttons = $('article').querySelectorAll('.steps button, .decision button');
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const changed = await Hub.api('', API + '/articles/' + encodeURIComponent(article.id) + '/' + path,
      { method: 'POST', body: Object.assign({ revision: article.revision }, body) });
    const versions = await Hub.api('', API + '/articles/' + encodeURIComponent(article.id) + '/history');
    $('reason').value = '';
    show(changed, versions);
    say(done, { id: changed.id, n: changed.publishedVersion });
    $('article-heading').focus();
    loadList(true);
    loadAttention();
  } catch (e) {
    refused($('article-problem'), e);
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

function submitForReview() {
  step('submit', {}, { key: 'confirmSubmit', values: { id: current.id }, yes: 'submitYes' }, 'submitted');
}

function publish() {
  step('publish', {}, { key: 'confirmPublish', values: { id: current.id }, yes: 'publishYes' }, 'published');
}

function sendBack() {
  const reason = $('reason').value.trim();
  if (!reason) {
    Hub.showError($('article-problem'), t('needReason'));
    $('reason').setAttribute('aria-invalid', 'true');
    $('reason').focus();
    return;
  }
  step('send-back', { reason }, { key: 'confirmSendBack', values: { id: current.id }, yes: 'sendBackYes' },
    'sentBackDone');
}

function retire() {
  step('retire', { reason: $('reason').value.trim() || null },
    { key: 'confirmRetire', values: { id: current.id }, yes: 'retireYes', danger: true }, 'retired');
}

// ---- the difference between two versions ----

/** The versions to compare: each published one, newest first, and the draft where there is one. */
function versionsToCompare() {
  const list = publications.map((v) => ({ value: 'v' + v.version, label: () => t('versionOption', { n: v.version,
    at: when(v.publishedAt) }), content: v.content }));
  if (current && current.draft) list.unshift({ value: 'draft', label: () => t('draftOption'), content: current.draft });
  return list;
}

function fillCompare(reset) {
  const options = versionsToCompare();
  const from = $('diff-from');
  const to = $('diff-to');
  const chosen = [from.value, to.value];
  [from, to].forEach((select) => {
    select.replaceChildren(...options.map((o) => new Option(o.label(), o.value)));
    select.disabled = options.length < 2;
  });
  if (reset || !options.some((o) => o.value === chosen[0]) || !options.some((o) => o.value === chosen[1])) {
    // the newest against the one before it: the draft against what is published, or the last publication
    to.value = options.length ? options[0].value : '';
    from.value = options.length > 1 ? options[1].value : to.value;
  } else {
    from.value = chosen[0];
    to.value = chosen[1];
  }
  renderDiff();
}

/** The lines of {@code before} and {@code after} in order, each kept, removed or added (a longest common run). */
function lineDiff(before, after) {
  const a = before ? before.split('\n') : [];
  const b = after ? after.split('\n') : [];
  const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (common[i + 1][j] >= common[i][j + 1]) {
      lines.push({ kind: 'removed', text: a[i++] });
    } else {
      lines.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) lines.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) lines.push({ kind: 'added', text: b[j++] });
  return lines;
}

const shownValue = (field, value) => {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('empty');
  }
  if (field === 'category') return Hub.named('categories', value);
  if (field === 'districts') return value.map((code) => Hub.named('districts', code)).join('、');
  return Array.isArray(value) ? value.join('；') : String(value);
};

function renderDiff() {
  const options = versionsToCompare();
  const lines = $('diff-lines');
  const changes = $('diff-fields');
  const summary = $('diff-summary');
  lines.replaceChildren();
  changes.replaceChildren();
  if (options.length < 2) {
    summary.textContent = t(options.length ? 'onlyOne' : 'noVersions');
    return;
  }
  const from = options.find((o) => o.value === $('diff-from').value);
  const to = options.find((o) => o.value === $('diff-to').value);
  if (!from || !to || from === to) {
    summary.textContent = t('sameVersion');
    return;
  }
  const diff = lineDiff(from.content.answer || '', to.content.answer || '');
  const count = (kind) => diff.filter((line) => line.kind === kind).length;
  const added = count('added');
  const removed = count('removed');
  summary.textContent = added || removed ? t('diffSummary', { added, removed, same: count('same') })
    : t('diffNone');
  lines.dataset.added = String(added);
  lines.dataset.removed = String(removed);
  for (const line of diff) {
    const item = made('li', line.kind);
    item.dataset.kind = line.kind;
    const marker = made('span', 'marker', line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' ');
    marker.setAttribute('aria-hidden', 'true');
    const spoken = made('span', 'sr-only', t(line.kind === 'added' ? 'lineAdded' : line.kind === 'removed'
      ? 'lineRemoved' : 'lineSame'));
    const text = made(line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span', null, line.text);
    item.append(marker, spoken, text);
    lines.append(item);
  }
  for (const field of ['question', 'phrasings', 'answerEn', 'category', 'districts', 'basis', 'validFrom',
    'validUntil']) {
    const before = shownValue(field, from.content[field]);
    const after = shownValue(field, to.content[field]);
    if (before !== after) {
      const item = made('li', null, t('fieldChanged', { field: t('field.' + field), from: before, to: after }));
      item.dataset.field = field;
      changes.append(item);
    }
  }
}

// ---- editing a draft, kept in this tab until it is saved ----

function fillEditorChoices() {
  const category = $('f-category');
  const chosen = category.value;
  category.replaceChildren(new Option(t('chooseCategory'), ''));
  Hub.city().categoryList.forEach((c) => category.append(new Option(Hub.named('categories', c.code), c.code)));
  category.value = chosen;
  const list = $('f-district-list');
  const ticked = new Set(checkedDistricts());
  list.replaceChildren();
  Object.values(Hub.city().districts).forEach((district) => {
    const label = made('label', 'check');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = district.code;
    box.id = 'f-district-' + district.code;
    box.checked = ticked.has(district.code);
    label.append(box, ' ', Hub.named('districts', district.code));
    list.append(label);
  });
}

const checkedDistricts = () => Array.from($('f-district-list').querySelectorAll('input:checked'))
  .map((box) => box.value);

function formFields() {
  return { question: $('f-question').value, phrasings: $('f-phrasings').value, answer: $('f-answer').value,
    answerEn: $('f-answer-en').value, category: $('f-category').value, districts: checkedDistricts(),
    basis: $('f-basis').value, validFrom: $('f-valid-from').value, validUntil: $('f-valid-until').value };
}

function fillForm(fields) {
  $('f-question').value = fields.question || '';
  $('f-phrasings').value = Array.isArray(fields.phrasings) ? fields.phrasings.join('\n') : fields.phrasings || '';
  $('f-answer').value = fields.answer || '';
  $('f-answer-en').value = fields.answerEn || '';
  $('f-category').value = fields.category || '';
  const ticked = new Set(fields.districts || []);
  $('f-district-list').querySelectorAll('input').forEach((box) => { box.checked = ticked.has(box.value); });
  $('f-basis').value = fields.basis || '';
  $('f-valid-from').value = fields.validFrom || '';
  $('f-valid-until').value = fields.validUntil || '';
}

function keepEdit() {
  if (!editing) return;
  try {
    sessionStorage.setItem(EDIT, JSON.stringify({ id: editing.id, revision: editing.revision,
      fields: formFields() }));
  } catch (e) {
    // storage full or refused: the form still holds what was typed
  }
}

function forgetEdit() {
  editing = null;
  restoredEdit = false;
  sessionStorage.removeItem(EDIT);
}

function showEditor() {
  const box = $('editor');
  box.hidden = !editing;
  if (!editing) return;
  box.dataset.article = editing.id || '';
  $('editor-title').textContent = editing.id ? t('editorEdit', { question: $('f-question').value || editing.id })
    : t('editorNew');
  $('editor-note').textContent = t(restoredEdit ? 'editRestored' : 'editKept');
  if (current) renderSteps();
}

function startEdit(article) {
  Hub.clearError($('editor-problem'));
  clearInvalid();
  editing = article ? { id: article.id, revision: article.revision } : { id: null, revision: null };
  restoredEdit = false;
  fillForm(article ? article.draft || article.published : { validFrom: today() });
  keepEdit();
  showEditor();
  $('editor-title').focus();
}

function clearInvalid() {
  $('editor').querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
}

async function saveDraft(event) {
  event.preventDefault();
  if (!editing) return;
  const fields = formFields();
  const body = { question: fields.question, phrasings: fields.phrasings.split('\n').map((line) => line.trim())
    .filter((line) => line), answer: fields.answer, answerEn: fields.answerEn.trim() || null,
  category: fields.category || null, districts: fields.districts, basis: fields.basis.trim() || null,
  validFrom: fields.validFrom || null, validUntil: fields.validUntil || null, revision: editing.revision };
  Hub.clearError($('editor-problem'));
  clearInvalid();
  $('save-draft').disabled = true;
  say('saving');
  try {
    const saved = editing.id
      ? await Hub.api('', API + '/articles/' + encodeURIComponent(editing.id) + '/draft', { method: 'PUT', body })
      : await Hub.api('', API + '/articles', { method: 'POST', body });
    forgetEdit();
    showEditor();
    const versions = await Hub.api('', API + '/articles/' + encodeURIComponent(saved.id) + '/history');
    show(saved, versions);
    history.replaceState(null, '', location.pathname + location.search + '#article='
      + encodeURIComponent(saved.id));
    say('saved', { id: saved.id });
    $('article-heading').focus();
    loadList(true);
  } catch (e) {
    const errors = e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
    errors.forEach((error) => {
      const id = FIELDS[String(error.field || '').split(/[.[]/)[0]];
      if (id) $(id).setAttribute('aria-invalid', 'true');
    });
    refused($('editor-problem'), e);
    const first = $('editor').querySelector('[aria-invalid="true"]');
    if (first && first.tagName !== 'FIELDSET') first.focus();
  } finally {
    $('save-draft').disabled = false;
  }
}

async function cancelEdit() {
  if (!await Hub.confirm({ key: 'confirmCancel', yes: 'cancelYes', danger: true })) return;
  const id = editing ? editing.id : null;
  forgetEdit();
  showEditor();
  Hub.clearError($('editor-problem'));
  if (current && current.id === id) {
    renderSteps();
    $('article-heading').focus();
  } else {
    $('filter-text').focus();
  }
}

/** The edit a reload interrupted, with what was typed, on the revision it was started from. */
async function restoreEdit() {
  let kept = null;
  try {
    kept = JSON.parse(sessionStorage.getItem(EDIT));
  } catch (e) {
    sessionStorage.removeItem(EDIT);
  }
  if (!kept || !kept.fields || !unitStaff) return false;
  editing = { id: kept.id || null, revision: kept.revision === undefined ? null : kept.revision };
  restoredEdit = true;
  fillForm(kept.fields);
  if (editing.id) await openArticle(editing.id, false);
  showEditor();
  return true;
}

function relabel() {
  fillFilters();
  fillFlagReasons();
  if (lister()) renderAttention();
  fillEditorChoices();
  renderRows();
  if (current) {
    renderArticle();
    fillCompare(false);
  }
  showEditor();
  if (said) Hub.notice(t(said.key, said.values), said.error);
}

async function ready(signedIn) {
  user = signedIn;
  editor = user.roles.includes('KNOWLEDGE_EDITOR');
  unitStaff = user.roles.includes('UNIT');
  fillFilters();
  fillEditorChoices();
  fillFlagReasons();
  $('knowledge').hidden = false;
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadList();
  });
  $('filter-text').addEventListener('input', () => {
    if (lister()) renderRows();
  });
  $('filter-status').addEventListener('change', renderRows);
  $('filter-unit').addEventListener('change', () => loadList());
  $('show-review').addEventListener('click', () => {
    $('filter-status').value = 'IN_REVIEW';
    renderRows();
    $('filter-status').focus();
  });
  $('new-article').addEventListener('click', () => startEdit(null));
  $('edit').addEventListener('click', () => startEdit(current));
  $('submit-review').addEventListener('click', submitForReview);
  $('publish').addEventListener('click', publish);
  $('send-back').addEventListener('click', sendBack);
  $('retire').addEventListener('click', retire);
  $('reason').addEventListener('input', () => $('reason').removeAttribute('aria-invalid'));
  $('diff-from').addEventListener('change', renderDiff);
  $('diff-to').addEventListener('change', renderDiff);
  $('editor').addEventListener('submit', saveDraft);
  $('editor').addEventListener('input', (event) => {
    event.target.removeAttribute('aria-invalid');
    keepEdit();
  });
  $('editor').addEventListener('change', (event) => {
    event.target.removeAttribute('aria-invalid');
    keepEdit();
  });
  $('f-question').addEventListener('input', () => {
    if (editing && editing.id) $('editor-title').textContent = t('editorEdit', { question: $('f-question').value });
  });
  $('cancel-edit').addEventListener('click', cancelEdit);
  $('flag').addEventListener('submit', sendFlag);
  $('flag-note').addEventListener('input', () => $('flag-note').removeAttribute('aria-invalid'));
  await Promise.all([loadList(), loadAttention()]);
  if (lister()) renderAttention();
  const restored = await restoreEdit();
  const asked = /(?:^#|&)article=([^&]+)/.exec(location.hash);
  if (!restored && asked) await openArticle(decodeURIComponent(asked[1]), false);
  document.body.dataset.ready = 'true';
}

Hub.start({ roles: ['KNOWLEDGE_EDITOR', 'UNIT', 'OPERATOR', 'SUPERVISOR'], ready, onLanguage: () => {
  if (!Hub.city() || !user) return;
  relabel();
} });
