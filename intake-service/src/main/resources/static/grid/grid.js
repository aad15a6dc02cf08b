// The grid worker's page, for a phone on patrol: the tickets the rules send to this grid's worker, each with its
// address, its point on the grid map and the caller's number on request (recorded), to settle on the spot (就地化解)
// or hand up to a department with a note; and a report: where (the device's location, or a tap or the arrow keys on
// the grid map, placed in its grid by routing), what (the words, a category the words suggest), and the ticket
// number once it is reported. The refresh every half minute patches the cards in place, so that a note being typed
// is never touched; notes are kept as drafts in this tab until they are sent.
import * as Hub from '/hub/hub.js';
import { countdown } from '/hub/deadlines.js';

const $ = (id) => document.getElementById(id);
const t = (key, values) => Hub.t(key, values);
const SVG = 'http://www.w3.org/2000/svg';
let point = null;
let accuracy = null;
let map = null;
let key = crypto.randomUUID();
let timer = null;

let grid = null;
let placing = 0;

// ---- what the page says, said again in the other language after a switch ----

let said = null;

function say(key, values, error) {
  said = key ? { key, values, error } : null;
  Hub.notice(key ? t(key, values) : '', error);
}

function clearError(element) {
  if (Hub.clearError) {
    Hub.clearError(element);
  } else {
    element.textContent = '';
  }
}

// a refusal of the services, in the reader's language (hub.js renders it again after a switch)
function refused(e) {
  say(null);
  Hub.showError($('page-problem'), e);
}

// ---- the report's point and the grid map ----

// the grid the point lies in, as routing places tickets; none when it lies in none
async function place(at, within) {
  point = at;
  accuracy = within;
  const mine = ++placing;
  let found = null;
  try {
    found = await Hub.locate(at);
  } catch (e) {
    refused(e);
  }
  if (mine !== placing) return;
  grid = found;
  showPlace();
}

function unplace() {
  placing++;
  point = null;
  accuracy = null;
  grid = null;
  showPlace();
}

function fillCategories() {
  const select = $('category');
  const chosen = select.value;
  select.replaceChildren(new Option(t('categoryAuto'), ''));
  Hub.city().categoryList.forEach((c) => select.append(new Option(Hub.named('categories', c.code), c.code)));
  select.value = chosen;
}

function drawMap() {
  const box = $('map');
  map = Hub.drawGrids(box, () => '#eef2f6', (id) => Hub.named('districts', Hub.city().grids[id].district)
    + ' · ' + id, { keys: { live: $('map-cursor'), point: () => point, onChoose: (at) => place(at, null),
    onClear: unplace } });
  box.setAttribute('aria-label', t('mapLabel'));
  if (!map) return;
  map.svg.addEventListener('click', (event) => {
    const [lon, lat] = map.at(event);
    place({ lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) }, null);
  });
  showPlace();
}

function dot(at, className, label) {
  const [x, y] = map.project(at.lon, at.lat);
  const circle = document.createElementNS(SVG, 'circle');
  circle.setAttribute('cx', x); circle.setAttribute('cy', y); circle.setAttribute('r', 7);
  circle.setAttribute('class', className);
  if (label) {
    const title = document.createElementNS(SVG, 'title');
    title.textContent = label;
    circle.append(title);
  }
  map.svg.append(circle);
  return circle;
}

function showPlace() {
  const line = $('place');
  line.dataset.grid = grid ? grid.gridId : '';
  if (!point) {
    line.textContent = t('noPoint');
  } else if (!grid) {
    line.textContent = t('outside');
  } else {
    line.replaceChildren();
    [[t('district'), Hub.named('districts', grid.district)], [t('street'), Hub.named('streets', grid.street)],
      [t('grid'), grid.gridId]].forEach(([label, value], i) => {
      if (i > 0) line.append(' · ');
      const b = document.createElement('b');
      b.textContent = value;
      line.append(label + ' ', b);
    });
    if (accuracy) line.append('（' + t('accuracy', { m: Math.round(accuracy) }) + '）');
  }
  if (!map) return;
  map.svg.querySelectorAll('polygon').forEach((polygon) => {
    polygon.classList.toggle('here', !!grid && polygon.dataset.testid === 'grid-' + grid.gridId);
  });
  // the keyboard's cursor is the hub's
  map.svg.querySelectorAll('circle.ticket-point, circle.report-point').forEach((c) => c.remove());
  if (shown) {
    dot(shown.location, 'ticket-point', shown.number).dataset.ticket = shown.number;
  }
  if (point) dot(point, 'report-point');
  showMapCaption();
}

// ---- a ticket's point on the page's map ----

let shown = null;

function showMapCaption() {
  const caption = $('map-caption');
  caption.textContent = shown ? t('shownOnMap', { number: shown.number, lat: shown.location.lat,
    lon: shown.location.lon }) : '';
  caption.dataset.ticket = shown ? shown.number : '';
}

function showOnMap(ticket) {
  shown = { number: ticket.ticketNumber, location: ticket.location };
  showPlace();
  $('map').scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function locate() {
  if (!navigator.geolocation) {
    say('noLocation', { why: t('whyUnsupported') }, true);
    return;
  }
  say('locating');
  navigator.geolocation.getCurrentPosition((position) => {
    say(null);
    place({ lat: Number(position.coords.latitude.toFixed(6)), lon: Number(position.coords.longitude.toFixed(6)) },
      position.coords.accuracy);
  }, (error) => say('noLocation', { why: t({ 1: 'whyDenied', 2: 'whyUnavailable', 3: 'whyTimeout' }[error.code]
    || 'whyUnavailable') }, true),
  { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
}

// ---- the report ----

let suggestion = null;

function showSuggestion() {
  $('suggested').dataset.category = suggestion || '';
  $('suggested').textContent = suggestion ? t('suggested', { name: Hub.named('categories', suggestion) }) : '';
}

function suggest() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const words = $('description').value.trim();
    if (words.length < 4) {
      suggestion = null;
      showSuggestion();
      return;
    }
    try {
      const answer = await Hub.api('', '/api/v1/classify', { method: 'POST', body: { text: words } });
      suggestion = answer.needsTriage ? null : answer.choices[0].category;
      showSuggestion();
    } catch (e) {
      refused(e);
    }
  }, 400);
}

// a household liaison (联户长) reports the same way, as a channel of its own, and is sent no tickets
let liaison = false;
let receiptGrid = null;

async function send(event) {
  event.preventDefault();
  clearError($('problems'));
  clearError($('page-problem'));
  // grid workers and liaisons report in the grid they answer for (the service refuses others); say so first
  const own = Hub.user() && Hub.user().grid;
  if (own && grid && grid.gridId !== own) {
    say('notYourGrid', { here: grid.gridId, grid: own }, true);
    return;
  }
  $('send').disabled = true;
  say('sending');
  try {
    const receipt = await Hub.api('', liaison ? '/api/v1/liaison-reports' : '/api/v1/grid-reports', { method: 'POST', headers: { 'Idempotency-Key': key },
      body: { description: $('description').value, location: point, gridId: grid ? grid.gridId : null,
        category: $('category').value || null, urgency: $('urgency').value || null,
        address: $('address').value.trim() || null } });
    $('report').hidden = true;
    $('receipt').hidden = false;
    $('receipt').dataset.ticketId = receipt.ticketId;
    $('ticket-number').textContent = receipt.ticketNumber;
    receiptGrid = grid.gridId;
    $('receipt-text').textContent = t('receiptText', { grid: receiptGrid });
    say(null);
    $('ticket-number').focus();
  } catch (e) {
    say(null);
    Hub.showError(e.problem && e.problem.errors ? $('problems') : $('page-problem'), e);
  } finally {
    $('send').disabled = false;
  }
}

function another() {
  key = crypto.randomUUID();
  $('report').reset();
  $('report').hidden = false;
  $('receipt').hidden = true;
  suggestion = null;
  receiptGrid = null;
  showSuggestion();
  showPlace();
  $('description').focus();
}

// ---- the tickets sent to this grid: cards patched in place, never re-rendered under the person's hands ----

const draftKey = (ticketId) => 'hub.draft.grid.' + ticketId + '.note';

function keepDraft(ticketId, text) {
  try {
    if (text) sessionStorage.setItem(draftKey(ticketId), text); else sessionStorage.removeItem(draftKey(ticketId));
  } catch (e) {
    // storage full or refused: the field still holds what was typed
  }
}

/** The cards on screen by ticket id, each with its parts and what it shows. */
const cards = new Map();
let listed = 0;
let loading = 0;

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

function newCard(ticket) {
  const id = ticket.ticketId;
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '_');
  const card = element('article', 'ticket');
  card.dataset.ticket = ticket.ticketNumber;
  card.dataset.ticketId = id;
  card.setAttribute('aria-labelledby', 'title-' + safe);
  const head = element('header');
  const title = element('span', 'title');
  title.id = 'title-' + safe;
  const deadline = element('span', 'deadline');
  head.append(title, deadline);
  const words = element('p', 'words');
  const facts = element('dl', 'where');
  const addressLabel = element('dt');
  const address = element('dd', 'address');
  address.dataset.testid = 'address';
  const pointLabel = element('dt');
  const pointLine = element('dd', 'point');
  facts.append(addressLabel, address, pointLabel, pointLine);
  const contact = element('div', 'contact');
  const noteLabel = element('label');
  noteLabel.htmlFor = 'note-' + safe;
  const note = element('textarea', 'note');
  note.id = 'note-' + safe;
  note.maxLength = 500;
  note.value = sessionStorage.getItem(draftKey(id)) || '';
  const draft = element('p', 'draft muted small');
  draft.id = 'draft-' + safe;
  note.setAttribute('aria-describedby', draft.id);
  const problem = element('p', 'problems card-problem');
  problem.setAttribute('role', 'alert');
  const photoBox = newPhotos(id, safe);
  const buttons = element('div', 'buttons');
  const settle = element('button', 'action settle');
  settle.type = 'button';
  const handUp = element('button', 'action secondary hand-up');
  handUp.type = 'button';
  buttons.append(settle, handUp);
  card.append(head, words, facts, contact, photoBox.box, noteLabel, note, draft, problem, buttons);
  const entry = { ticket, safe, card, title, deadline, words, addressLabel, address, pointLabel, pointLine, contact,
    noteLabel, note, draft, problem, settle, handUp, message: null, photos: photoBox };
  loadPhotos(photoBox);
  note.addEventListener('input', () => {
    keepDraft(id, note.value);
    draft.hidden = !note.value;
  });
  settle.onclick = () => act(entry, true);
  handUp.onclick = () => act(entry, false);
  return entry;
}

// everything the card shows except what the person types: safe to run on every refresh and language switch
function paint(entry) {
  const ticket = entry.ticket;
  const due = countdown(ticket, Date.now());
  entry.card.classList.toggle('overdue', due.state === 'overdue');
  entry.card.classList.toggle('soon', due.state === 'soon');
  entry.title.textContent = Hub.named('categories', ticket.category) + ' · ' + ticket.ticketNumber;
  entry.deadline.textContent = due.text;
  entry.words.textContent = ticket.description;
  entry.addressLabel.textContent = t('ticketAddress');
  entry.address.textContent = ticket.address || t('noAddress');
  entry.address.classList.toggle('muted', !ticket.address);
  entry.pointLabel.textContent = t('ticketPoint');
  paintPoint(entry);
  // the caller's number on request, kept with the card while it is on screen
  Hub.callerContact(entry.contact, ticket, { idSuffix: '-' + entry.safe });
  entry.noteLabel.textContent = t('noteLabel');
  entry.note.placeholder = t('noteHint');
  entry.draft.textContent = t('draftKept');
  entry.draft.hidden = !entry.note.value;
  if (entry.message) entry.problem.textContent = t(entry.message);
  entry.settle.textContent = t('settle');
  entry.handUp.textContent = t('handUp');
  paintPhotos(entry.photos);
}

// ---- a ticket's photos: the place before and after the work, taken on the spot; and what the caller sent ----

const PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_RULES = ['format', 'size', 'range', 'invalid'];
const photosPath = (ticketId) => '/api/v1/intake/tickets/' + encodeURIComponent(ticketId) + '/photos';

/** A card's photo part: a camera input per kind the grid worker adds, what went wrong, and the thumbnails. */
function newPhotos(ticketId, safe) {
  const box = element('section', 'card-photos');
  box.setAttribute('aria-labelledby', 'photos-' + safe);
  const heading = element('h3');
  heading.id = 'photos-' + safe;
  const help = element('p', 'muted small');
  help.id = 'photo-help-' + safe;
  const problem = element('p', 'problems photo-problem');
  problem.id = 'photo-problem-' + safe;
  problem.setAttribute('role', 'alert');
  const status = element('p', 'muted small photo-status');
  status.setAttribute('role', 'status');
  const inputs = {};
  const labels = {};
  const takes = element('div', 'takes');
  const part = { ticketId, box, heading, help, problem, status, inputs, labels, list: element('ul', 'photos'),
    listed: [], thumbnails: new Map(), refusal: null, listError: null, said: null };
  for (const kind of ['BEFORE', 'AFTER']) {
    const input = element('input', 'photo-input');
    input.type = 'file';
    input.accept = 'image/*';
    input.setAttribute('capture', 'environment');
    input.id = 'photo-' + kind.toLowerCase() + '-' + safe;
    input.dataset.kind = kind;
    input.setAttribute('aria-describedby', help.id + ' ' + problem.id);
    const label = element('label', 'take');
    label.htmlFor = input.id;
    input.addEventListener('change', () => addPhoto(part, kind, input));
    inputs[kind] = input;
    labels[kind] = label;
    takes.append(label, input);
  }
  box.append(heading, takes, help, problem, status, part.list);
  return part;
}

async function loadPhotos(part) {
  try {
    part.listed = await Hub.api('', photosPath(part.ticketId));
    part.listError = null;
  } catch (e) {
    part.listError = e;
  }
  paintPhotos(part);
  for (const photo of part.listed) {
    if (part.thumbnails.has(photo.id)) continue;
    try {
      part.thumbnails.set(photo.id, await Hub.image('', photo.thumbnailHref));
    } catch (e) {
      // listed without its picture; the next listing tries again
      continue;
    }
    paintPhotos(part);
  }
}

async function addPhoto(part, kind, input) {
  const file = input.files && input.files[0];
  input.value = '';
  if (!file) return;
  part.refusal = null;
  // a photo too large is not sent at all: the service would refuse it after the whole upload
  if (file.size > PHOTO_BYTES) {
    part.refusal = { rule: 'size' };
    part.said = null;
    paintPhotos(part);
    return;
  }
  part.said = { key: 'photoSending' };
  paintPhotos(part);
  const form = new FormData();
  form.append('photo', file, file.name || 'photo.jpg');
  try {
    await Hub.api('', photosPath(part.ticketId) + '?kind=' + kind, { method: 'POST', body: form });
    part.said = { key: 'photoAdded', kind };
  } catch (e) {
    part.said = null;
    part.refusal = { error: e };
  }
  await loadPhotos(part);
}

function refusalText(refusal) {
  const error = refusal.error;
  const fields = error && error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  const refused = fields.find((field) => field.field === 'photo');
  const rule = refusal.rule || (refused ? (PHOTO_RULES.includes(refused.code) ? refused.code : 'invalid') : null);
  return t('photoRefused', { why: rule ? t('photoRule.' + rule) : error && error.status === 409 ? t('photosFull')
    : Hub.problemText(error) });
}

// everything the photo part shows, from what it holds: safe on every refresh and language switch
function paintPhotos(part) {
  part.heading.textContent = t('photos');
  part.help.textContent = t('photoHelp');
  part.labels.BEFORE.textContent = t('takeBefore');
  part.labels.AFTER.textContent = t('takeAfter');
  const problems = [];
  if (part.refusal) problems.push(refusalText(part.refusal));
  if (part.listError) problems.push(t('photoListFailed', { why: Hub.problemText(part.listError) }));
  const problem = problems.join(' ');
  if (part.problem.textContent !== problem) part.problem.textContent = problem;
  const status = part.said ? t(part.said.key, { kind: part.said.kind ? t('kind.' + part.said.kind) : '' })
    : part.listed.length ? '' : t('noPhotos');
  if (part.status.textContent !== status) part.status.textContent = status;
  part.list.replaceChildren(...part.listed.map((photo, index) => {
    const item = element('li');
    item.dataset.photo = photo.id;
    item.dataset.kind = photo.kind;
    const alt = t('photoAlt', { kind: t('kind.' + photo.kind), n: index + 1, count: part.listed.length });
    if (part.thumbnails.has(photo.id)) {
      const shown = element('img');
      shown.src = part.thumbnails.get(photo.id);
      shown.alt = alt;
      item.append(shown);
    } else {
      item.textContent = alt;
    }
    return item;
  }));
}

function paintPoint(entry) {
  const location = entry.ticket.location;
  let button = entry.pointLine.querySelector('button');
  if (!location) {
    entry.pointLine.textContent = t('noTicketPoint');
    entry.pointLine.classList.add('muted');
    return;
  }
  entry.pointLine.classList.remove('muted');
  if (!button) {
    entry.pointLine.replaceChildren();
    button = element('button', 'link show-on-map');
    button.type = 'button';
    button.setAttribute('aria-describedby', entry.title.id);
    button.onclick = () => showOnMap(entry.ticket);
    entry.pointLine.append(button);
  }
  button.dataset.lat = location.lat;
  button.dataset.lon = location.lon;
  button.textContent = t('showOnMap');
}

function showCount() {
  $('mine-count').textContent = t('count', { n: listed });
  $('tickets-empty').textContent = t('none');
  $('tickets-empty').hidden = listed > 0;
}

// the tickets the rules send to this grid's worker, to settle on the spot or hand up to a department
async function loadMine() {
  const mine = ++loading;
  const tickets = await Hub.api('routing', '/api/v1/tickets?list=open&size=50');
  if (mine !== loading) return;
  const box = $('tickets');
  const now = new Set(tickets.map((ticket) => ticket.ticketId));
  for (const [id, entry] of cards) {
    if (!now.has(id)) {
      forget(id, entry);
    }
  }
  // new cards go in the list's order; cards already on screen stay where they are, so focus is never moved
  let after = null;
  for (const ticket of tickets) {
    let entry = cards.get(ticket.ticketId);
    if (entry) {
      entry.ticket = ticket;
    } else {
      entry = newCard(ticket);
      cards.set(ticket.ticketId, entry);
      box.insertBefore(entry.card, after ? after.card.nextSibling : box.firstChild);
    }
    paint(entry);
    after = entry;
  }
  listed = tickets.length;
  showCount();
  // how many times the list was read, for people and tests to tell a refresh happened
  box.dataset.loads = String(Number(box.dataset.loads || 0) + 1);
}

function forget(id, entry) {
  entry.card.remove();
  cards.delete(id);
  if (shown && shown.number === entry.ticket.ticketNumber) {
    shown = null;
    showPlace();
  }
}

async function act(entry, settle) {
  const ticket = entry.ticket;
  const note = entry.note.value.trim();
  clearError(entry.problem);
  if (!note) {
    entry.message = 'needNote';
    entry.problem.textContent = t('needNote');
    entry.note.focus();
    return;
  }
  entry.message = null;
  if (!await Hub.confirm({ key: settle ? 'confirmSettle' : 'confirmHandUp',
    values: { number: ticket.ticketNumber }, yes: settle ? 'settle' : 'handUp' })) return;
  const path = '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId);
  entry.settle.disabled = true;
  entry.handUp.disabled = true;
  try {
    if (settle) {
      if (ticket.status === 'ASSIGNED') await Hub.api('routing', path + '/accept', { method: 'POST', body: {} });
      await Hub.api('routing', path + '/resolve', { method: 'POST', body: { result: 'SOLVED', reply: note } });
    } else {
      await Hub.api('routing', path + '/reject', { method: 'POST',
        body: { reasonCode: 'HANDED_UP', reasonText: note } });
    }
    keepDraft(ticket.ticketId, '');
    forget(ticket.ticketId, entry);
    listed = Math.max(0, listed - 1);
    showCount();
    clearError($('page-problem'));
    say(settle ? 'settled' : 'handedUp', { number: ticket.ticketNumber });
    $('mine').querySelector('h2').focus();
    await loadMine();
  } catch (e) {
    entry.settle.disabled = false;
    entry.handUp.disabled = false;
    Hub.showError(entry.problem, e);
  }
}

function relabel() {
  fillCategories();
  drawMap();
  showSuggestion();
  if (receiptGrid) $('receipt-text').textContent = t('receiptText', { grid: receiptGrid });
  cards.forEach(paint);
  showCount();
  if (said) Hub.notice(t(said.key, said.values), said.error);
}

function ready(user) {
  liaison = !user.roles.includes('GRID_WORKER');
  $('patrol').hidden = false;
  $('mine').hidden = liaison;
  fillCategories();
  drawMap();
  $('locate').onclick = locate;
  $('description').addEventListener('input', suggest);
  $('report').addEventListener('submit', send);
  $('another').onclick = another;
  say(null);
  if (liaison) return null;
  setInterval(() => loadMine().catch(refused), 30000);
  return loadMine().catch(refused);
}

Hub.start({ roles: ['GRID_WORKER', 'LIAISON'], ready, onLanguage: () => {
  if (!Hub.city()) return;
  relabel();
} });
