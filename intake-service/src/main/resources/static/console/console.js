// The operator's console: a call registered while the caller speaks. As the operator types, the service says which
// category the words suggest, what in them is urgent, where the address or the point on the map lies, which open
// ticket the call would join and which of the caller's tickets was settled lately; saving shows the ticket number
// large, to read back. What is typed is kept in this tab's session storage until it is saved or cleared, so a reload
// loses nothing; only the save button (or Ctrl+Enter in the description) registers the call.
import * as Hub from '/hub/hub.js';

const $ = (id) => document.getElementById(id);
const t = (key, values) => Hub.t(key, values);
const DRAFT = 'console.draft';
// the fields a draft keeps, by element id: checkboxes by their state, the others by their value
const DRAFTED = ['phone', 'name', 'anonymous', 'contact', 'english', 'description', 'category', 'urgency', 'address',
  'on-call', 'answer', 'text-answer'];
// where each field of a refusal is typed
const FIELD_INPUT = { callerPhone: 'phone', callerName: 'name', description: 'description', address: 'address',
  location: 'address', category: 'category', urgency: 'urgency', answerGiven: 'answer', textAnswer: 'text-answer' };
let point = null;
let last = null;
let asked = 0;
let timer = null;
let knowledgeTimer = null;
let searched = 0;
/** The articles found for the words typed so far, and the one the call is answered with. */
let found = [];
let article = null;
/** The article the operator is flagging as wrong or outdated, as it was shown: id, version and question. */
let flagging = null;
let flagSending = false;
// the flag was sent without a note: said again in the other language after a switch
let flagNeedsNote = false;
let callKey = crypto.randomUUID();
let map = null;
let saving = false;
let receipt = null;
let shownTicket = null;
let shownTicketId = null;
let refusal = null;
let checkRefused = false;
let draftRestored = false;

const when = (instant) => instant ? new Date(instant).toLocaleString(Hub.language() === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: Hub.city().zone || undefined }) : '–';

// a live region announces every change of its text: set it only when it says something new
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

// the hub says these again in the other language when it switches
const say = (key) => Hub.notice(key ? { key } : '');
const refuse = (error) => Hub.fail(error);

/** The fields a save was refused for: said by the hub, in the reader's language, and marked invalid. */
function showRefusal() {
  const box = $('problems');
  document.querySelectorAll('#call [aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
  if (!refusal) {
    Hub.clearError(box);
    return;
  }
  Hub.showError(box, refusal);
  for (const error of refusal.problem.errors) {
    const input = $(FIELD_INPUT[error.field]);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'problems');
    }
  }
}

function fillCategories() {
  const select = $('category');
  const chosen = select.value;
  select.replaceChildren(new Option(t('categoryAuto'), ''));
  for (const category of Hub.city().categoryList) {
    select.append(new Option(Hub.named('categories', category.code), category.code));
  }
  select.value = chosen;
}

const gridLabel = (id) => {
  const grid = Hub.city().grids[id];
  return Hub.named('districts', grid.district) + ' · ' + Hub.named('streets', grid.street) + ' · ' + id;
};

function drawMap() {
  map = Hub.drawGrids($('map'), () => '#eef2f6', gridLabel, { keys: { live: $('map-cursor'), point: () => point,
    onChoose: mark, onClear: () => mark(null) } });
  if (!map) return;
  map.svg.addEventListener('click', (event) => {
    const [lon, lat] = map.at(event);
    mark({ lat, lon });
  });
  showPlace();
}

// false once the call is registered: its point no longer changes
function mark(at) {
  if (receipt) return false;
  point = at ? { lat: Number(at.lat.toFixed(6)), lon: Number(at.lon.toFixed(6)) } : null;
  keepDraft();
  showPlace();
  soon();
  return true;
}

function form() {
  const anonymous = $('anonymous').checked;
  return {
    callerPhone: anonymous ? null : $('phone').value.trim() || null,
    callerName: $('name').value.trim() || null,
    anonymous,
    description: $('description').value,
    address: $('address').value.trim() || null,
    location: point,
    category: $('category').value || null,
    urgency: $('urgency').value || null,
    contactAllowed: !anonymous && $('contact').checked,
    language: $('english').checked ? 'en' : 'zh',
    resolvedOnCall: $('on-call').checked,
    answerGiven: $('on-call').checked ? $('answer').value : null,
    answeredFromArticle: $('on-call').checked && article ? article.id : null,
    answeredFromVersion: $('on-call').checked && article ? article.version : null,
    // the answer goes by text only to a caller who gave a number and agrees to texts
    textAnswer: $('on-call').checked && !$('text-answer').disabled && $('text-answer').checked
  };
}

/** Whether anything was typed or marked for this call, i.e. whether clearing it loses something. */
function typed() {
  return !!point || ['phone', 'name', 'description', 'address', 'answer', 'category', 'urgency']
    .some((id) => $(id).value.trim() !== '') || $('anonymous').checked || $('on-call').checked;
}

function keepDraft() {
  if (receipt) return;
  if (!typed()) {
    sessionStorage.removeItem(DRAFT);
    return;
  }
  const fields = Object.fromEntries(DRAFTED.map((id) => [id, $(id).type === 'checkbox' ? $(id).checked
    : $(id).value]));
  sessionStorage.setItem(DRAFT, JSON.stringify({ fields, point, callKey, article }));
}

function restoreDraft() {
  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT));
  } catch (e) {
    sessionStorage.removeItem(DRAFT);
  }
  if (!draft || !draft.fields) return false;
  for (const id of DRAFTED) {
    const value = draft.fields[id];
    if (value === undefined) continue;
    if ($(id).type === 'checkbox') $(id).checked = !!value; else $(id).value = value;
  }
  point = draft.point || null;
  article = draft.article || null;
  // the same key, so that a save whose answer was lost to the reload is not registered twice
  if (draft.callKey) callKey = draft.callKey;
  followChecks();
  return true;
}

/** The fields that depend on the check boxes. */
function followChecks() {
  $('phone').disabled = $('anonymous').checked;
  $('contact').disabled = $('anonymous').checked;
  $('answer-box').hidden = !$('on-call').checked;
  $('text-answer').disabled = $('anonymous').checked || !$('contact').checked;
}

function showDraftNote() {
  $('draft-note').textContent = draftRestored ? t('draftRestored') : '';
}

function soon() {
  clearTimeout(timer);
  timer = setTimeout(check, 300);
}

/** The best three published articles for the caller's words, searched as the operator types. */
async function searchKnowledge() {
  const words = $('description').value.trim();
  const mine = ++searched;
  if (words.length < 2) {
    found = [];
    showKnowledge();
    return;
  }
  try {
    // an article of one district answers nobody calling from another: the call's district, once known, filters
    const district = last && last.place && last.place.district;
    const answer = await Hub.api('', '/api/v1/knowledge/search?limit=3&q=' + encodeURIComponent(words)
      + (district ? '&district=' + encodeURIComponent(district) : ''));
    if (mine !== searched) return;
    found = answer.articles || [];
  } catch (e) {
    // the knowledge base is a help, not a step of the call: a failed search leaves the call as it is
    if (mine === searched) found = [];
  }
  showKnowledge();
}

/** The text with each of the words it holds marked, built as text nodes so nothing in it is markup. */
function marked(text, words) {
  const fragment = document.createDocumentFragment();
  const terms = (words || []).filter((word) => word).sort((a, b) => b.length - a.length);
  let from = 0;
  while (from < text.length) {
    let at = text.length;
    let term = null;
    for (const word of terms) {
      const index = text.indexOf(word, from);
      if (index !== -1 && index < at) {
        at = index;
        term = word;
      }
    }
    if (term === null) {
      fragment.append(text.slice(from));
      break;
    }
    if (at > from) fragment.append(text.slice(from, at));
    const mark = document.createElement('mark');
    mark.textContent = term;
    fragment.append(mark);
    from = at + term.length;
  }
  return fragment;
}

function showKnowledge() {
  const list = $('knowledge-list');
  // the list is drawn again as the words change: a button of it that had the focus gets it back where its article
  // is still shown, else the focus goes back to the caller's words rather than nowhere
  const focused = list.contains(document.activeElement) ? document.activeElement.closest('li') : null;
  const refocus = focused ? { id: focused.dataset.article,
    kind: document.activeElement.classList.contains('flag-article') ? 'flag-article' : 'use-article' } : null;
  list.replaceChildren();
  $('knowledge').hidden = found.length === 0;
  $('knowledge-status').textContent = found.length ? t('knowledgeFound', { count: found.length }) : '';
  const english = Hub.language() === 'en';
  for (const hit of found) {
    const item = document.createElement('li');
    item.dataset.article = hit.id;
    const question = document.createElement('h3');
    question.append(marked(hit.question, hit.matched));
    const answer = document.createElement('p');
    answer.append(marked(english && hit.answerEn ? hit.answerEn : hit.answer, hit.matched));
    const about = document.createElement('p');
    about.className = 'muted small';
    about.textContent = [t('knowledgeBy', { unit: Hub.named('units', hit.unit) }),
      hit.districts && hit.districts.length ? t('knowledgeDistricts', { districts: hit.districts
        .map((code) => Hub.named('districts', code)).join('、') }) : null,
      hit.basis ? t('knowledgeBasis', { basis: hit.basis }) : null,
      hit.validUntil ? t('knowledgeUntil', { date: hit.validUntil }) : null].filter((part) => part).join(' · ');
    const use = document.createElement('button');
    use.type = 'button';
    use.className = 'action secondary use-article';
    use.textContent = t('knowledgeUse');
    use.setAttribute('aria-describedby', 'knowledge-q-' + hit.id);
    question.id = 'knowledge-q-' + hit.id;
    use.addEventListener('click', () => answerWith(hit));
    // the article the operator reads may be wrong or outdated: flagged from here, without leaving the call
    const flag = document.createElement('button');
    flag.type = 'button';
    flag.className = 'action secondary flag-article';
    flag.textContent = t('knowledgeFlag');
    flag.setAttribute('aria-describedby', 'knowledge-q-' + hit.id);
    flag.setAttribute('aria-controls', 'knowledge-flag-box');
    flag.setAttribute('aria-expanded', String(!!flagging && flagging.id === hit.id));
    flag.addEventListener('click', () => openFlag(hit));
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(use, flag);
    item.append(question, answer, about, actions);
    list.append(item);
  }
  if (refocus) {
    const again = list.querySelector('li[data-article="' + CSS.escape(refocus.id) + '"] button.' + refocus.kind);
    (again || $('description')).focus();
  }
}

// ---- an article flagged as wrong or outdated, from beside the call ----

function fillFlagReasons() {
  const select = $('knowledge-flag-reason');
  const chosen = select.value || 'OUTDATED';
  select.replaceChildren(...['OUTDATED', 'WRONG'].map((reason) => new Option(t('flag.' + reason), reason)));
  select.value = chosen;
}

/** The flag form for the article, its question named; it stays while the list changes under the words typed. */
function openFlag(hit) {
  const other = !flagging || flagging.id !== hit.id;
  flagging = { id: hit.id, version: hit.version, question: hit.question };
  if (other) {
    $('knowledge-flag-note').value = '';
    $('knowledge-flag-note').removeAttribute('aria-invalid');
    flagNeedsNote = false;
    Hub.clearError($('knowledge-flag-problem'));
  }
  renderFlag();
  showKnowledge();
  $('knowledge-flag-title').focus();
}

function renderFlag() {
  $('knowledge-flag-box').hidden = !flagging;
  if (!flagging) return;
  setText($('knowledge-flag-title'), t('flagTitle'));
  setText($('knowledge-flag-article'), t('flagArticle', flagging));
  $('knowledge-flag-box').dataset.article = flagging.id;
  if (flagNeedsNote) Hub.showError($('knowledge-flag-problem'), t('flagNeedNote'));
}

/** Closes the flag form; the focus goes back to the article's flag button, or to the call. */
function closeFlag() {
  const id = flagging ? flagging.id : null;
  flagging = null;
  flagNeedsNote = false;
  $('knowledge-flag-note').value = '';
  $('knowledge-flag-note').removeAttribute('aria-invalid');
  Hub.clearError($('knowledge-flag-problem'));
  renderFlag();
  showKnowledge();
  const button = id && document.querySelector('#knowledge-list li[data-article="' + CSS.escape(id)
    + '"] button.flag-article');
  (button || $('description')).focus();
}

async function sendFlag(event) {
  event.preventDefault();
  if (!flagging || flagSending) return;
  const flagged = flagging;
  const note = $('knowledge-flag-note').value.trim();
  Hub.clearError($('knowledge-flag-problem'));
  flagNeedsNote = !note;
  if (!note) {
    Hub.showError($('knowledge-flag-problem'), t('flagNeedNote'));
    $('knowledge-flag-note').setAttribute('aria-invalid', 'true');
    $('knowledge-flag-note').setAttribute('aria-describedby', 'knowledge-flag-problem');
    $('knowledge-flag-note').focus();
    return;
  }
  flagSending = true;
  $('knowledge-flag-send').disabled = true;
  say('flagSending');
  try {
    await Hub.api('', '/api/v1/knowledge/articles/' + encodeURIComponent(flagged.id) + '/flags',
      { method: 'POST', body: { reason: $('knowledge-flag-reason').value, note } });
    if (flagging === flagged) closeFlag();
    Hub.notice({ key: 'knowledgeFlagged', values: { id: flagged.id } });
  } catch (e) {
    say(null);
    Hub.showError($('knowledge-flag-problem'), e);
    if (e.problem && Array.isArray(e.problem.errors) && e.problem.errors.some((error) => error.field === 'note')) {
      $('knowledge-flag-note').setAttribute('aria-invalid', 'true');
      $('knowledge-flag-note').setAttribute('aria-describedby', 'knowledge-flag-problem');
    }
    // the send button lost the focus while it was greyed out: back to what may need changing
    if (flagging === flagged) $('knowledge-flag-note').focus();
  } finally {
    flagSending = false;
    $('knowledge-flag-send').disabled = false;
  }
}

/** Answers the call with the article: on the spot, its answer filled in for the operator to read out or edit. */
function answerWith(hit) {
  article = { id: hit.id, version: hit.version };
  $('on-call').checked = true;
  // what is read out and texted is in the caller's language
  $('answer').value = $('english').checked && hit.answerEn ? hit.answerEn : hit.answer;
  followChecks();
  showLink();
  keepDraft();
  $('draft-note').textContent = t('knowledgeUsed', article);
  $('answer').focus();
}

async function check() {
  const f = form();
  const mine = ++asked;
  try {
    const result = await Hub.api('', '/api/v1/calls/check', { method: 'POST', body: {
      callerPhone: f.callerPhone, description: f.description, address: f.address, location: f.location,
      category: f.category } });
    if (mine !== asked) return;
    const districtBefore = last && last.place ? last.place.district : null;
    last = result;
    // the address placed the call in a district: the articles shown are those that hold there
    if ((result.place ? result.place.district : null) !== districtBefore) searchKnowledge();
    if (checkRefused) say(null);
    checkRefused = false;
    show();
  } catch (e) {
    if (mine === asked) {
      checkRefused = true;
      refuse(e);
    }
  }
}

function show() {
  showSuggestions();
  showCues();
  showPlace();
  showLink();
  showRecent();
}

function showSuggestions() {
  const box = $('suggestions');
  box.replaceChildren();
  if (!last || !last.suggestion) return;
  const label = document.createElement('span');
  label.className = 'muted small';
  label.textContent = t('suggested');
  box.append(label);
  last.suggestion.choices.slice(0, 3).forEach((choice, i) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = i === 0 && !last.suggestion.needsTriage ? 'best' : '';
    button.dataset.category = choice.category;
    button.textContent = Hub.named('categories', choice.category) + ' ' + Math.round(100 * choice.confidence) + '%';
    button.onclick = () => {
      $('category').value = choice.category;
      keepDraft();
      soon();
    };
    box.append(button);
  });
}

function showCues() {
  const cues = $('cues');
  if (!last || !last.urgency) {
    cues.hidden = true;
    return;
  }
  cues.hidden = false;
  cues.className = 'cues' + (last.urgency === 'HIGH' ? ' high' : '');
  cues.dataset.urgency = last.urgency;
  const text = t(last.urgency === 'URGENT' ? 'cueUrgent' : 'cueHigh', { cue: '\u0000' });
  const [before, after] = text.split('\u0000');
  const mark = document.createElement('mark');
  mark.textContent = last.urgencyCue;
  cues.replaceChildren(document.createTextNode(before), mark, document.createTextNode(after));
}

function showPlace() {
  const place = last ? last.place : null;
  const line = $('place');
  // the line is a live region: rebuilt only when what it says changes
  const parts = place ? [[t('district'), Hub.named('districts', place.district)],
    [t('street'), place.street ? Hub.named('streets', place.street) : null],
    [t('grid'), place.gridId], [t('office'), place.streetOffice ? Hub.named('units', place.streetOffice) : null]]
    .filter(([, value]) => value) : [];
  const said = place ? JSON.stringify(parts) : $('address').value.trim() || point ? t('noPlace') : '';
  if (line.dataset.said !== said) {
    line.dataset.said = said;
    line.replaceChildren();
    if (place) {
      parts.forEach(([label, value], i) => {
        if (i > 0) line.append(' · ');
        const b = document.createElement('b');
        b.textContent = value;
        line.append(label + ' ', b);
      });
    } else {
      line.textContent = said;
    }
  }
  line.dataset.grid = place ? place.gridId || '' : '';
  if (!map) return;
  map.svg.querySelectorAll('polygon').forEach((polygon) => {
    const id = polygon.dataset.testid.slice(5);
    polygon.classList.toggle('here', !!place && place.gridId === id);
    polygon.classList.toggle('district', !!place && !place.gridId && Hub.city().grids[id].district === place.district
      && (!place.street || Hub.city().grids[id].street === place.street));
  });
  map.svg.querySelectorAll('circle.point').forEach((c) => c.remove());
  if (point) {
    const [x, y] = map.project(point.lon, point.lat);
    const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    dot.setAttribute('class', 'point');
    dot.setAttribute('cx', x); dot.setAttribute('cy', y); dot.setAttribute('r', 6);
    map.svg.append(dot);
  }
}

function showLink() {
  const box = $('link-warning');
  const link = last ? last.link : null;
  if (!link || $('on-call').checked) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.why = link.why;
  box.dataset.ticket = link.ticketNumber;
  setText($('link-title'), t(link.why === 'REPEAT' ? 'repeatTitle' : 'incidentTitle'));
  setText($('link-text'), t(link.why === 'REPEAT' ? 'repeatText' : 'incidentText', {
    category: Hub.named('categories', link.category), number: link.ticketNumber, status: t(link.status),
    when: when(link.receivedAt) }));
  $('link-open').onclick = () => showTicket(link.ticketId);
}

function showRecent() {
  const box = $('recent-hint');
  const recent = last ? last.recentlySettled : null;
  if (!recent) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.ticket = recent.ticketNumber;
  box.dataset.status = recent.status;
  setText($('recent-title'), t('recentTitle'));
  setText($('recent-text'), t('recentText', { number: recent.ticketNumber,
    status: t('recentStatus_' + recent.status), when: when(recent.at) }));
}

async function showTicket(ticketId) {
  try {
    shownTicket = await Hub.api('', '/api/v1/intake/tickets/' + encodeURIComponent(ticketId));
    if (shownTicketId !== ticketId) forgetPhotos();
    shownTicketId = ticketId;
    renderTicket();
    loadPhotos(ticketId);
  } catch (e) {
    refuse(e);
  }
}

// ---- the photos of the ticket shown: what the caller sent, attached by the operator, and any others ----

const PHOTO_BYTES = 10 * 1024 * 1024;
const photosPath = (ticketId) => '/api/v1/intake/tickets/' + encodeURIComponent(ticketId) + '/photos';
/** The shown ticket's photos as listed, oldest first; their thumbnails as data addresses by photo id. */
let photos = [];
const thumbnails = new Map();
/** What went wrong with the photos sent last, each {name, rule} or {name, error}; said again after a switch. */
let photoProblems = [];
let photoListError = null;
let photoStatus = null;
let attaching = false;

function forgetPhotos() {
  photos = [];
  thumbnails.clear();
  photoProblems = [];
  photoListError = null;
  photoStatus = null;
}

async function loadPhotos(ticketId) {
  let listed;
  try {
    listed = await Hub.api('', photosPath(ticketId));
  } catch (e) {
    if (shownTicketId !== ticketId) return;
    photoListError = e;
    renderPhotos();
    return;
  }
  if (shownTicketId !== ticketId) return;
  photos = listed;
  photoListError = null;
  renderPhotos();
  for (const photo of listed) {
    if (thumbnails.has(photo.id)) continue;
    try {
      thumbnails.set(photo.id, await Hub.image('', photo.thumbnailHref));
    } catch (e) {
      // the photo stays listed without its picture; the next listing tries again
      continue;
    }
    if (shownTicketId !== ticketId) return;
    renderPhotos();
  }
}

/** Sends the files chosen, one after the other, as what the caller sent; the form of the call is not touched. */
async function attachPhotos() {
  const input = $('photo-input');
  const files = Array.from(input.files || []);
  input.value = '';
  const ticketId = shownTicketId;
  if (!files.length || !ticketId || attaching) return;
  attaching = true;
  photoProblems = [];
  let added = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      photoStatus = { key: 'photoSending', values: { n: i + 1, count: files.length } };
      renderPhotos();
      // a photo too large is not sent at all: the service would refuse it after the whole upload
      if (file.size > PHOTO_BYTES) {
        photoProblems.push({ name: file.name, rule: 'size' });
        continue;
      }
      const form = new FormData();
      form.append('photo', file, file.name);
      try {
        await Hub.api('', photosPath(ticketId) + '?kind=CALLER', { method: 'POST', body: form });
        added++;
      } catch (e) {
        photoProblems.push({ name: file.name, error: e });
        // the ticket has its share: the files after this one would be refused alike
        if (e.status === 409) break;
      }
    }
  } finally {
    attaching = false;
  }
  photoStatus = added ? { key: 'photosAdded', values: { count: added } } : null;
  if (shownTicketId === ticketId) await loadPhotos(ticketId);
  renderPhotos();
}

function photoProblemText(problem) {
  const PHOTO_RULES = ['format', 'size', 'range', 'invalid'];
  const error = problem.error;
  const fields = error && error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  const refused = fields.find((field) => field.field === 'photo');
  const rule = problem.rule || (refused ? (PHOTO_RULES.includes(refused.code) ? refused.code : 'invalid') : null);
  const why = rule ? t('photoRule.' + rule) : error && error.status === 409 ? t('photosFull')
    : Hub.problemText(error);
  return t('photoRefused', { name: problem.name, why });
}

function renderPhotos() {
  const list = $('photo-list');
  list.replaceChildren(...photos.map((photo, index) => {
    const item = document.createElement('li');
    item.dataset.photo = photo.id;
    item.dataset.kind = photo.kind;
    const alt = t('photoAlt', { kind: t('kind.' + photo.kind), n: index + 1, count: photos.length,
      when: when(photo.addedAt) });
    if (thumbnails.has(photo.id)) {
      const shown = document.createElement('img');
      shown.src = thumbnails.get(photo.id);
      shown.alt = alt;
      item.append(shown);
    } else {
      item.textContent = alt;
    }
    return item;
  }));
  const problem = $('photo-problem');
  const said = photoProblems.map(photoProblemText);
  if (photoListError) said.push(t('photoListFailed', { why: Hub.problemText(photoListError) }));
  setText(problem, said.join(' '));
  $('photo-input').setAttribute('aria-invalid', said.length ? 'true' : 'false');
  setText($('photo-status'), photoStatus ? t(photoStatus.key, photoStatus.values)
    : photos.length ? '' : t('noPhotos'));
}

function renderTicket() {
  const ticket = shownTicket;
  $('ticket').hidden = !ticket;
  if (!ticket) return;
  const fields = $('ticket-fields');
  fields.replaceChildren();
  const add = (label, value) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined || value === '' ? '–' : value;
    fields.append(dt, dd);
  };
  add(t('number'), ticket.ticketNumber);
  add(t('status'), t(ticket.status));
  add(t('category'), Hub.named('categories', ticket.category));
  add(t('description'), ticket.description);
  add(t('masked'), ticket.maskedPhone);
  add(t('unit'), ticket.unitId ? Hub.named('units', ticket.unitId) : null);
  add(t('received'), when(ticket.receivedAt));
  if (ticket.linkedTo) {
    add(t('linkedTo'), t('linkedValue', { number: ticket.linkedTo.ticketNumber,
      status: t(ticket.linkedTo.status) }));
  }
  $('ticket').dataset.ticket = ticket.ticketNumber;
  renderPhotos();
}

async function save(event) {
  event.preventDefault();
  if (saving || receipt) return;
  saving = true;
  try {
    // asked while the save button can still take the focus back
    if ($('on-call').checked && !await Hub.confirm({ key: 'confirmOnCall', yes: 'saveYes' })) return;
    $('save').disabled = true;
    refusal = null;
    showRefusal();
    say('saving');
    const call = form();
    receipt = await Hub.api('', '/api/v1/calls', { method: 'POST', body: call,
      headers: { 'Idempotency-Key': callKey } });
    receipt.textAnswer = call.textAnswer;
    // the link the registration decided, which may differ from the last warning
    const joined = receipt.repeatOf || receipt.parentIncidentId;
    receipt.joinedNumber = joined && last && last.link && last.link.ticketId === joined ? last.link.ticketNumber
      : joined;
    sessionStorage.removeItem(DRAFT);
    draftRestored = false;
    showDraftNote();
    renderReceipt();
    $('receipt').hidden = false;
    $('receipt').dataset.ticketId = receipt.ticketId;
    $('call').querySelectorAll('input, textarea, select').forEach((field) => { field.disabled = true; });
    $('clear-call').disabled = true;
    say(null);
    $('ticket-number').focus();
    showTicket(receipt.ticketId);
  } catch (e) {
    receipt = null;
    if (e.problem && e.problem.errors) {
      refusal = e;
      showRefusal();
      say(null);
    } else {
      refuse(e);
    }
  } finally {
    saving = false;
    if (!receipt) $('save').disabled = false;
  }
}

function receiptText() {
  return receipt.status === 'RESOLVED_AT_INTAKE' ? t(receipt.textAnswer ? 'savedOnCallTexted' : 'savedOnCall')
    : receipt.repeatOf ? t('savedRepeat', { number: receipt.joinedNumber })
      : receipt.parentIncidentId ? t('savedIncident', { number: receipt.joinedNumber })
        : t('saved', { when: when(receipt.receivedAt) });
}

function renderReceipt() {
  if (!receipt) {
    setText($('saved-announcement'), '');
    return;
  }
  $('ticket-number').textContent = receipt.ticketNumber;
  $('receipt-text').textContent = receiptText();
  setText($('saved-announcement'), t('savedAnnouncement', { number: receipt.ticketNumber,
    detail: receiptText() }));
}

/** Empties the form for the next call, and forgets its draft. */
function emptyCall() {
  // a check of the last call still on its way is not shown on this one
  clearTimeout(timer);
  asked++;
  callKey = crypto.randomUUID();
  point = null;
  last = null;
  searched++;
  clearTimeout(knowledgeTimer);
  found = [];
  article = null;
  flagging = null;
  flagNeedsNote = false;
  renderFlag();
  receipt = null;
  shownTicket = null;
  shownTicketId = null;
  forgetPhotos();
  refusal = null;
  draftRestored = false;
  sessionStorage.removeItem(DRAFT);
  $('call').reset();
  $('call').querySelectorAll('input, textarea, select').forEach((field) => { field.disabled = false; });
  $('save').disabled = false;
  $('clear-call').disabled = false;
  $('receipt').hidden = true;
  $('answer-box').hidden = true;
  if (map) map.keys.reset();
  showRefusal();
  showDraftNote();
  renderReceipt();
  renderTicket();
  show();
  showKnowledge();
  say(null);
  $('phone').focus();
}

async function clearCall() {
  if (typed() && !await Hub.confirm({ key: 'confirmClear', yes: 'clearYes', danger: true })) return;
  emptyCall();
}

/** Enter in a one-line field must not register a half-typed call; Ctrl+Enter in the description does. */
function keys(event) {
  if (event.key !== 'Enter' || event.isComposing) return;
  if (event.target.id === 'description' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    if (!$('save').disabled) $('call').requestSubmit($('save'));
  } else if (event.target.tagName === 'INPUT') {
    event.preventDefault();
  }
}

function ready() {
  fillCategories();
  drawMap();
  draftRestored = restoreDraft();
  $('console').hidden = false;
  ['phone', 'description', 'address'].forEach((id) => $(id).addEventListener('input', soon));
  $('description').addEventListener('input', () => {
    clearTimeout(knowledgeTimer);
    knowledgeTimer = setTimeout(searchKnowledge, 300);
  });
  $('category').addEventListener('change', soon);
  $('call').addEventListener('input', keepDraft);
  $('call').addEventListener('change', keepDraft);
  $('call').addEventListener('keydown', keys);
  $('call').addEventListener('input', (event) => event.target.removeAttribute('aria-invalid'));
  $('anonymous').addEventListener('change', () => {
    followChecks();
    soon();
  });
  $('contact').addEventListener('change', followChecks);
  $('on-call').addEventListener('change', () => {
    // a call no longer answered on the spot is answered from no article
    if (!$('on-call').checked) article = null;
    followChecks();
    showLink();
    keepDraft();
  });
  $('call').addEventListener('submit', save);
  fillFlagReasons();
  $('knowledge-flag').addEventListener('submit', sendFlag);
  $('knowledge-flag-cancel').addEventListener('click', closeFlag);
  $('knowledge-flag').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      closeFlag();
    }
  });
  $('knowledge-flag-note').addEventListener('input', () => {
    $('knowledge-flag-note').removeAttribute('aria-invalid');
    if (flagNeedsNote && $('knowledge-flag-note').value.trim()) {
      flagNeedsNote = false;
      Hub.clearError($('knowledge-flag-problem'));
    }
  });
  $('next-call').addEventListener('click', emptyCall);
  $('photo-input').addEventListener('change', attachPhotos);
  $('clear-call').addEventListener('click', clearCall);
  say(null);
  showDraftNote();
  if (draftRestored) {
    showPlace();
    check();
    searchKnowledge();
  }
  $('phone').focus();
}

Hub.start({ roles: ['OPERATOR'], ready, onLanguage: () => {
  if (!Hub.city()) return;
  fillCategories();
  drawMap();
  show();
  renderReceipt();
  renderTicket();
  showDraftNote();
  showKnowledge();
  fillFlagReasons();
  renderFlag();
} });
