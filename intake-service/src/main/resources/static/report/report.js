// The citizen's report page (/report): a complaint filed on a phone without an account, Chinese first with an
// English switch. The words with the category they suggest, where (the device's location or an address typed, no map
// needed), up to four photos, the phone number and whether the report may be published; before it is sent, the open
// published reports of the same category within 200 m, any of which the citizen may join as theirs too. The phone is
// proven by the code in the first text: the receipt text carries the follow link, and its token, pasted here, opens
// the follow page and lets the photos be added. Everything typed is kept in this tab's session storage, so that a
// reload loses nothing but the photos' bytes; the follow token is never stored.
import { t as say, has, language, other, setLanguage, onLanguage, when } from '/hub/words.js';
import { problemText as refusalText, refusal } from '/hub/problems.js';

const DRAFT = 'report.draft';
const COMPLAIN = '/api/v1/complaints';
const CATEGORIES = '/api/v1/public/categories';
const SUGGEST = '/api/v1/public/categories/suggest';
const NEARBY = '/api/v1/public/reports/nearby';
const LOOK_UP = '/api/v1/public/tickets/lookup';
const PHOTO = '/api/v1/public/tickets/photos';
const MAX_PHOTOS = 4;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MIN_DESCRIPTION = 4;
const SUGGEST_AFTER_MS = 600;

// the service's field names to this page's: the form's phone is checked as the call's callerPhone
const FIELDS = { description: 'description', category: 'category', address: 'address', location: 'location',
  'location.lat': 'location', 'location.lon': 'location', phone: 'phone', callerPhone: 'phone' };
// where the summary's link for a field leads
const FOCUS = { description: 'description', category: 'category', location: 'use-location', address: 'address',
  phone: 'phone', photos: 'photos-input', form: 'description' };

let draft = readDraft();
let categories = [];
let suggestion = null;
let suggesting = false;
let nearby = { state: 'none', reports: [] };
// the photos chosen, in memory only: { name, file, data }
let photos = [];
let photoNotes = [];
// what is on screen in words, kept as keys so that a switch of language says it again
let status = null;
let fieldErrors = [];
let sendProblem = null;
let codeProblem = null;
let locationNote = null;
let uploadNote = null;
let restoredNote = null;
let suggestTimer = null;
let nearbyAsked = 0;

const $ = (id) => document.getElementById(id);
const categoryName = (code) => {
  const found = categories.find((c) => c.code === code);
  return found ? (language() === 'en' ? found.en : found.zh) : code;
};

function emptyDraft() {
  return { step: 'compose', description: '', category: '', categoryChosen: false, address: '', location: null,
    phone: '', publish: false, joins: null, photosChosen: 0, key: newKey(), receipt: null };
}

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function readDraft() {
  try {
    const kept = JSON.parse(sessionStorage.getItem(DRAFT));
    if (kept && typeof kept === 'object') {
      return Object.assign(emptyDraft(), kept);
    }
  } catch (e) {
    // a draft that cannot be read is started afresh
  }
  return null;
}

function keep() {
  draft.photosChosen = photos.length;
  sessionStorage.setItem(DRAFT, JSON.stringify(draft));
}

async function send(path, options) {
  return fetch(path, Object.assign({ referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store' },
    options));
}

function postJson(path, body, headers) {
  return send(path, { method: 'POST', body: JSON.stringify(body),
    headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}) });
}

/** A refusal as the pages read one, with the fields it names and their rules at hand. */
async function problemOf(answer) {
  const refused = await refusal(answer);
  return Object.assign(refused, { errors: Array.isArray(refused.problem.errors) ? refused.problem.errors : [] });
}

/** What a refusal that names no field says, in this language: the pages' one rendering, but for the photos' limit. */
function problemText(problem) {
  if (!problem) return '';
  if (problem.network) return say('problem.network');
  if (problem.status === 409 && /PHOTOS_FULL/.test(problem.problem.currentState || '')) return say('problem.photos-full');
  return refusalText(problem);
}

function ruleText(field, code) {
  const own = 'rule.' + field + '.' + code;
  if (has(own)) return say(own);
  return say(has('rule.' + code) ? 'rule.' + code : 'rule.invalid');
}

// ---- the form ----

function fillForm() {
  $('description').value = draft.description;
  $('address').value = draft.address;
  $('phone').value = draft.phone;
  $('publish').checked = !!draft.publish;
  renderCategories();
}

function renderCategories() {
  const select = $('category');
  const none = document.createElement('option');
  none.value = '';
  none.textContent = say('categoryNone');
  select.replaceChildren(none, ...categories.map((c) => {
    const option = document.createElement('option');
    option.value = c.code;
    option.textContent = language() === 'en' ? c.en : c.zh;
    return option;
  }));
  select.value = draft.category || '';
}

async function loadCategories() {
  try {
    const answer = await send(CATEGORIES, { headers: { Accept: 'application/json' } });
    if (answer.ok) {
      categories = await answer.json();
    }
  } catch (e) {
    // the form works without the list: the hotline decides the category
  }
  renderCategories();
  renderSuggestion();
  findNearby();
}

function onDescription() {
  draft.description = $('description').value;
  keep();
  if ([...draft.description.trim()].length >= MIN_DESCRIPTION) clearFieldError('description');
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, SUGGEST_AFTER_MS);
}

async function suggest() {
  const text = draft.description.trim();
  if ([...text].length < MIN_DESCRIPTION) {
    suggestion = null;
    renderSuggestion();
    return;
  }
  suggesting = true;
  renderSuggestion();
  let found = null;
  try {
    const answer = await postJson(SUGGEST, { text: text.slice(0, 2000) });
    found = answer.ok ? await answer.json() : null;
  } catch (e) {
    found = null;
  }
  suggesting = false;
  if (text !== draft.description.trim()) {
    return;
  }
  suggestion = found;
  if (found && !found.needsTriage && found.category && !draft.categoryChosen
      && categories.some((c) => c.code === found.category) && draft.category !== found.category) {
    setCategory(found.category, false);
  }
  renderSuggestion();
}

function renderSuggestion() {
  const box = $('suggestion');
  const choices = $('suggestion-choices');
  choices.replaceChildren();
  if (suggesting && !suggestion) {
    box.hidden = false;
    $('suggestion-text').textContent = say('suggesting');
    return;
  }
  if (!suggestion) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  // "other" is what the hotline decides when nothing fits: no help as a suggestion
  const offered = (suggestion.choices || []).filter((choice) => choice.category !== 'OTHER'
    && categories.some((c) => c.code === choice.category)).slice(0, 3);
  if (suggestion.needsTriage || !offered.length) {
    $('suggestion-text').textContent = say('noSuggestion');
  } else if (!draft.categoryChosen && draft.category === suggestion.category) {
    $('suggestion-text').textContent = say('suggestedChosen', { name: categoryName(suggestion.category) });
  } else {
    $('suggestion-text').textContent = say('suggested');
  }
  offered.filter((choice) => choice.category !== draft.category).forEach((choice) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = say('useSuggestion', { name: categoryName(choice.category) });
    button.addEventListener('click', () => {
      setCategory(choice.category, true);
      renderSuggestion();
      $('category').focus();
    });
    choices.append(button);
  });
}

function setCategory(code, byPerson) {
  draft.category = code || '';
  draft.categoryChosen = byPerson;
  $('category').value = draft.category;
  keep();
  findNearby();
}

// ---- where ----

function useLocation() {
  if (!navigator.geolocation) {
    showLocationNote({ key: 'noGeolocation', error: true });
    return;
  }
  showLocationNote({ key: 'locating' });
  navigator.geolocation.getCurrentPosition((position) => {
    draft.location = { lat: Number(position.coords.latitude.toFixed(6)),
      lon: Number(position.coords.longitude.toFixed(6)),
      accuracy: Math.round(position.coords.accuracy || 0) };
    keep();
    clearFieldError('location');
    showLocationNote({ key: 'located', values: { metres: draft.location.accuracy } });
    renderLocation();
    findNearby();
  }, (failure) => {
    showLocationNote({ key: failure && failure.code === 1 ? 'locationDenied' : 'locationFailed', error: true });
  }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
}

function clearLocation() {
  draft.location = null;
  keep();
  showLocationNote(null);
  renderLocation();
  findNearby();
  $('use-location').focus();
}

function showLocationNote(note) {
  locationNote = note;
  $('location-text').textContent = note ? say(note.key, note.values) : '';
  $('location-text').classList.toggle('field-error', !!(note && note.error));
}

function renderLocation() {
  $('clear-location').hidden = !draft.location;
  if (draft.location && !locationNote) {
    showLocationNote({ key: 'locatedKept' });
  }
}

// ---- reports nearby ----

async function findNearby() {
  const asked = ++nearbyAsked;
  if (!draft.category || !draft.location || draft.step !== 'compose') {
    nearby = { state: 'none', reports: [] };
    dropJoinUnlessListed();
    renderNearby();
    return;
  }
  nearby = { state: 'loading', reports: nearby.reports };
  renderNearby();
  let found = null;
  try {
    const answer = await postJson(NEARBY, { category: draft.category,
      location: { lat: draft.location.lat, lon: draft.location.lon } });
    found = answer.ok ? await answer.json() : null;
  } catch (e) {
    found = null;
  }
  if (asked !== nearbyAsked) {
    return;
  }
  nearby = found ? { state: 'shown', reports: found } : { state: 'failed', reports: [] };
  dropJoinUnlessListed();
  renderNearby();
}

/** A report joined is one listed for the category and point now; another category or place drops it. */
function dropJoinUnlessListed() {
  if (draft.joins && nearby.state !== 'loading'
      && !nearby.reports.some((report) => report.ticketNumber === draft.joins)) {
    draft.joins = null;
    keep();
  }
}

function renderNearby() {
  const section = $('nearby');
  section.hidden = nearby.state === 'none';
  const list = $('nearby-list');
  $('nearby-help').textContent = say(nearby.state === 'loading' ? 'nearbyLoading'
    : nearby.state === 'failed' ? 'nearbyFailed' : nearby.reports.length ? 'nearbyHelp' : 'nearbyNone');
  list.replaceChildren(...nearby.reports.map((report, index) => {
    const item = document.createElement('li');
    item.className = 'nearby-report';
    item.dataset.ticket = report.ticketNumber;
    const words = document.createElement('p');
    words.className = 'nearby-words';
    words.id = 'nearby-words-' + index;
    words.textContent = report.description || '';
    const meta = document.createElement('p');
    meta.className = 'muted small';
    meta.id = 'nearby-meta-' + index;
    meta.textContent = say('nearbyMeta', { metres: report.metres, when: when(report.receivedAt) })
      + (report.handlingUnit ? say('nearbyUnit', { unit: report.handlingUnit }) : '') + ' · '
      + say('nearbyNumber', { number: report.ticketNumber });
    const join = document.createElement('button');
    join.type = 'button';
    join.className = 'join';
    join.textContent = say('joinThis');
    join.setAttribute('aria-pressed', String(draft.joins === report.ticketNumber));
    join.setAttribute('aria-describedby', words.id + ' ' + meta.id);
    join.addEventListener('click', () => {
      draft.joins = draft.joins === report.ticketNumber ? null : report.ticketNumber;
      keep();
      renderNearby();
      list.querySelector('li[data-ticket="' + report.ticketNumber + '"] button.join').focus();
    });
    item.classList.toggle('chosen', draft.joins === report.ticketNumber);
    item.append(words, meta, join);
    return item;
  }));
  $('joined-text').textContent = draft.joins ? say('joined', { number: draft.joins }) : '';
}

// ---- photos ----

function addPhotos() {
  const input = $('photos-input');
  const chosen = Array.from(input.files || []);
  input.value = '';
  photoNotes = [];
  chosen.forEach((file) => {
    if (!PHOTO_TYPES.includes(file.type)) {
      photoNotes.push({ key: 'photo.type', values: { name: file.name } });
    } else if (file.size > MAX_PHOTO_BYTES) {
      photoNotes.push({ key: 'photo.size', values: { name: file.name } });
    } else if (photos.length >= MAX_PHOTOS) {
      if (!photoNotes.some((note) => note.key === 'photo.many')) photoNotes.push({ key: 'photo.many' });
    } else {
      const photo = { name: file.name, file, data: null };
      photos.push(photo);
      const reader = new FileReader();
      reader.onload = () => {
        photo.data = reader.result;
        renderPhotos();
      };
      reader.readAsDataURL(file);
    }
  });
  keep();
  renderPhotos();
}

function renderPhotos() {
  if (restoredNote === 'restoredPhotos' && photos.length) {
    restoredNote = 'restored';
    $('restored').textContent = say(restoredNote);
  }
  const list = $('photo-list');
  list.replaceChildren(...photos.map((photo, index) => {
    const item = document.createElement('li');
    if (photo.data) {
      const shown = document.createElement('img');
      shown.src = photo.data;
      shown.alt = say('photoAlt', { n: index + 1, name: photo.name });
      item.append(shown);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link';
    remove.textContent = say('removePhoto', { n: index + 1 });
    remove.addEventListener('click', () => {
      photos.splice(index, 1);
      keep();
      renderPhotos();
      $('photos-input').focus();
    });
    item.append(remove);
    return item;
  }));
  const error = $('photos-error');
  error.textContent = photoNotes.map((note) => say(note.key, note.values)).join(' ');
  error.hidden = !photoNotes.length;
  $('photos-help').textContent = say('photosHelp') + (photos.length ? ' ' + say('photoCount',
    { count: photos.length }) : '');
  const waiting = $('photos-waiting');
  if (draft.step === 'verify') {
    waiting.hidden = !photos.length && !draft.photosLost;
    waiting.textContent = photos.length ? say('photosWaiting', { count: photos.length })
      : draft.photosLost ? say('photosLost') : '';
  }
}

// ---- sending ----

/** What the page can tell before sending: the words, where, and the phone; the service checks the rest. */
function checked() {
  const errors = [];
  if ([...draft.description.trim()].length === 0) errors.push({ field: 'description', code: 'required' });
  else if ([...draft.description.trim()].length < MIN_DESCRIPTION) {
    errors.push({ field: 'description', code: 'too-short' });
  }
  if (!draft.location && !draft.address.trim()) errors.push({ field: 'location', code: 'location-required' });
  if (!draft.phone.trim()) errors.push({ field: 'phone', code: 'required' });
  return errors;
}

async function sendReport(event) {
  event.preventDefault();
  const errors = checked();
  if (errors.length) {
    showFieldErrors(errors);
    return;
  }
  showFieldErrors([]);
  showSendProblem(null);
  const button = $('send');
  button.disabled = true;
  button.textContent = say('sending');
  const body = {
    phone: draft.phone.trim(), description: draft.description.trim(), address: draft.address.trim() || null,
    location: draft.location ? { lat: draft.location.lat, lon: draft.location.lon } : null,
    category: draft.category || null, language: language(), publish: !!draft.publish, joins: draft.joins || null
  };
  let answer = null;
  try {
    answer = await postJson(COMPLAIN, body, { 'Idempotency-Key': draft.key });
  } catch (e) {
    answer = null;
  }
  button.disabled = false;
  button.textContent = say('send');
  if (!answer) {
    showSendProblem({ network: true });
    return;
  }
  if (answer.status === 202) {
    const receipt = await answer.json();
    draft.receipt = { ticketNumber: receipt.ticketNumber, receivedAt: receipt.receivedAt };
    draft.step = 'verify';
    keep();
    showStep();
    $('verify-heading').focus();
    return;
  }
  const problem = await problemOf(answer);
  const named = problem.errors.filter((e) => FIELDS[e.field]);
  if (named.length) {
    showFieldErrors(named.map((e) => ({ field: FIELDS[e.field], code: e.code })));
  } else if (problem.errors.length) {
    showFieldErrors([{ field: 'form', code: problem.errors[0].code }]);
  } else {
    showSendProblem(problem);
  }
}

function showSendProblem(problem) {
  sendProblem = problem;
  $('send-problem').textContent = problemText(problem);
}

function clearFieldError(field) {
  if (fieldErrors.some((e) => e.field === field)) {
    showFieldErrors(fieldErrors.filter((e) => e.field !== field), true);
  }
}

/** Each field's error beside it and named in the summary, which takes the focus unless {@code quiet}. */
function showFieldErrors(errors, quiet) {
  const seen = new Set();
  fieldErrors = errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
  ['description', 'category', 'location', 'address', 'phone'].forEach((field) => {
    const error = fieldErrors.find((e) => e.field === field);
    const element = $(field + '-error');
    element.hidden = !error;
    element.textContent = error ? ruleText(field, error.code) : '';
    const input = field === 'location' ? null : $(field);
    if (input) {
      if (error) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  });
  const list = $('error-list');
  list.replaceChildren(...fieldErrors.map((error) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '#' + FOCUS[error.field];
    link.textContent = say('field.' + error.field) + say('colon') + ruleText(error.field, error.code);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      $(FOCUS[error.field]).focus();
    });
    item.append(link);
    return item;
  }));
  $('error-summary').hidden = !fieldErrors.length;
  if (fieldErrors.length && !quiet) {
    $('error-summary').focus();
  }
}

// ---- proving the phone ----

/** The number and token in what was pasted: the whole link, or the token alone. */
function proofIn(text) {
  const pasted = text.trim();
  const inLink = /(12345-\d{8}-\d{4,6})\.([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])/.exec(pasted);
  if (inLink) return { ticketNumber: inLink[1], token: inLink[2] };
  const alone = /^([A-Za-z0-9_-]{16})$/.exec(pasted);
  return alone ? { ticketNumber: draft.receipt.ticketNumber, token: alone[1] } : null;
}

async function verify(event) {
  event.preventDefault();
  const pasted = $('code').value;
  if (!pasted.trim()) {
    showCodeProblem({ key: 'code.required' });
    return;
  }
  const proof = proofIn(pasted);
  if (!proof) {
    showCodeProblem({ key: 'code.format' });
    return;
  }
  if (proof.ticketNumber !== draft.receipt.ticketNumber) {
    showCodeProblem({ key: 'code.other', values: { number: proof.ticketNumber } });
    return;
  }
  const button = $('verify-button');
  button.disabled = true;
  button.textContent = say('verifying');
  let answer = null;
  try {
    answer = await postJson(LOOK_UP, proof);
  } catch (e) {
    answer = null;
  }
  button.disabled = false;
  button.textContent = say('verify');
  if (!answer) {
    showCodeProblem({ problem: { network: true } });
  } else if (answer.status === 404) {
    showCodeProblem({ key: 'code.wrong' });
  } else if (!answer.ok) {
    showCodeProblem({ problem: await problemOf(answer) });
  } else {
    showCodeProblem(null);
    await uploadAndFollow(proof);
  }
}

function showCodeProblem(problem) {
  codeProblem = problem;
  const text = !problem ? '' : problem.problem ? problemText(problem.problem) : say(problem.key, problem.values);
  $('code-error').textContent = text;
  if (problem) $('code').setAttribute('aria-invalid', 'true');
  else $('code').removeAttribute('aria-invalid');
  if (problem) $('code').focus();
}

/** Adds the photos with the proven token, then opens the follow page; a photo refused is said, not lost quietly. */
async function uploadAndFollow(proof) {
  const failed = [];
  for (let i = 0; i < photos.length; i++) {
    showUploadNote({ key: 'uploading', values: { n: i + 1, count: photos.length } });
    const form = new FormData();
    form.append('ticketNumber', proof.ticketNumber);
    form.append('token', proof.token);
    form.append('photo', photos[i].file, photos[i].name);
    let answer = null;
    try {
      answer = await send(PHOTO, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
    } catch (e) {
      answer = null;
    }
    if (!answer || !answer.ok) {
      failed.push({ name: photos[i].name, problem: answer ? await problemOf(answer) : { network: true } });
    }
  }
  const follow = '/t/' + proof.ticketNumber + '.' + proof.token;
  sessionStorage.removeItem(DRAFT);
  if (failed.length) {
    showUploadNote({ failed });
    $('verify-form').hidden = true;
    $('go-follow').hidden = false;
    $('go-follow').onclick = () => location.assign(follow);
    $('go-follow').focus();
    return;
  }
  showUploadNote(photos.length ? { key: 'uploaded' } : null);
  location.assign(follow);
}

function showUploadNote(note) {
  uploadNote = note;
  if (!note) {
    $('upload-text').textContent = '';
  } else if (note.failed) {
    $('upload-text').textContent = say('uploadFailed', { what: note.failed.map((f) => f.name + say('colon')
      + (f.problem.errors && f.problem.errors.length ? ruleText('photo', f.problem.errors[0].code)
        : problemText(f.problem))).join(say('listSep')) });
  } else {
    $('upload-text').textContent = say(note.key, note.values);
  }
}

// ---- the page ----

function showStep() {
  const verifying = draft.step === 'verify' && draft.receipt;
  $('compose').hidden = !!verifying;
  $('verify').hidden = !verifying;
  if (verifying) {
    // the photos are chosen again here when a reload lost them, and added once the phone is proven
    $('verify-form').before($('photos-section'));
    $('ticket-number').textContent = draft.receipt.ticketNumber;
    $('received-at').textContent = say('receivedAt', { time: when(draft.receipt.receivedAt) });
    renderPhotos();
  }
}

function startOver() {
  sessionStorage.removeItem(DRAFT);
  location.assign('/report');
}

/** Says again in this language what the page's dictionary keys do not: the switch, the notes, the problems. */
function translate() {
  const switcher = $('language');
  switcher.textContent = say('other');
  switcher.lang = language() === 'en' ? 'zh-CN' : 'en';
  $('status').textContent = status ? say(status.key, status.values) : '';
  $('restored').textContent = restoredNote ? say(restoredNote) : '';
  renderCategories();
  renderSuggestion();
  showLocationNote(locationNote);
  renderNearby();
  renderPhotos();
  showFieldErrors(fieldErrors, true);
  showSendProblem(sendProblem);
  if (codeProblem) {
    $('code-error').textContent = codeProblem.problem ? problemText(codeProblem.problem)
      : say(codeProblem.key, codeProblem.values);
  }
  showUploadNote(uploadNote);
  showStep();
}

function start() {
  if (draft) {
    restoredNote = draft.photosChosen > 0 ? 'restoredPhotos' : 'restored';
    draft.photosLost = draft.photosChosen > 0;
    $('restored').hidden = draft.step !== 'compose';
  } else {
    draft = emptyDraft();
  }
  fillForm();
  renderLocation();
  $('language').addEventListener('click', () => setLanguage(other()));
  onLanguage(translate);
  $('description').addEventListener('input', onDescription);
  $('category').addEventListener('change', () => setCategory($('category').value, true));
  $('address').addEventListener('input', () => {
    draft.address = $('address').value;
    keep();
    if (draft.address.trim()) clearFieldError('location');
  });
  $('phone').addEventListener('input', () => {
    draft.phone = $('phone').value;
    keep();
    if (draft.phone.trim()) clearFieldError('phone');
  });
  $('publish').addEventListener('change', () => {
    draft.publish = $('publish').checked;
    keep();
  });
  $('use-location').addEventListener('click', useLocation);
  $('clear-location').addEventListener('click', clearLocation);
  $('photos-input').addEventListener('change', addPhotos);
  $('compose').addEventListener('submit', sendReport);
  $('verify-form').addEventListener('submit', verify);
  $('start-over').addEventListener('click', startOver);
  translate();
  loadCategories();
  if (draft.description.trim()) suggest();
}

start();
