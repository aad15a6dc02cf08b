// The citizen's follow page, reached from the link in their texts (/t/{ticketNumber}.{token}): where the ticket
// stands in plain words, who handles it and by when, its steps, the unit's answer with its photos of the place after
// the work, and the rating of that answer; and, from when the ticket is received, the rating of how the call was
// taken (受理), once, apart from the rating of the handling (一次一评, 一事一评).
// No sign-in: the token in the page's own address is the proof, sent in request bodies only (the look-up, the
// rating, the photos, each read by a POST and shown from memory), so no address the page asks for carries it, and
// no referrer leaves the page. Chinese first, with an English switch the staff pages share.
import { t as say, language, other, setLanguage, onLanguage, when as at } from '/hub/words.js';
import { problemText, refusal } from '/hub/problems.js';

const LOOK_UP = '/api/v1/public/tickets/lookup';
const RATE = '/api/v1/public/tickets/feedback';
const RATE_CALL = '/api/v1/public/tickets/call-rating';
const PHOTOS = '/api/v1/public/tickets/photos/list';
const PHOTO = '/api/v1/public/tickets/photos/read';
const WATCH_MS = 4000;
const WATCHES = 8;


let ticket = null;
let lastLookUp = null;
// what the status line and the rating's alert say, kept as keys so that a switch of language says it again
let status = { key: 'loading' };
let ratingProblem = null;
let ratedKey = null;
let callRatingProblem = null;
// what the rating of the call's taking said once sent, as a key; the look-up's callRated tells it otherwise
let callRatedKey = null;
// the unit's photos of the place after its work, as the photos' list gives them
let afterPhotos = [];
// the link's proof the photos were read with, which opening one full size sends again
let photoProof = null;

const $ = (id) => document.getElementById(id);
const when = (instant) => at(instant,
  { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The ticket's number and token from this page's own address; null when it is not a follow link. */
function link() {
  const match = /^\/t\/(12345-\d{8}-\d{4,6})\.([A-Za-z0-9_-]{16})\/?$/.exec(location.pathname);
  return match ? { ticketNumber: match[1], token: match[2] } : null;
}

async function lookUp() {
  const proof = link();
  if (!proof) {
    showNotFound();
    return;
  }
  let answer;
  try {
    answer = await post(LOOK_UP, proof);
  } catch (e) {
    setStatus({ key: 'network', error: true });
    return;
  }
  if (answer.status === 404) {
    showNotFound();
  } else if (!answer.ok) {
    setStatus({ problem: await refusal(answer), error: true });
  } else {
    ticket = await answer.json();
    lastLookUp = new Date().toISOString();
    setStatus({ key: 'updated', values: { time: () => when(lastLookUp) } });
    render();
    await loadPhotos(proof);
  }
}

/** The unit's after photos; none shown when they cannot be read, the rest of the page stands without them. */
async function loadPhotos(proof) {
  try {
    const answer = await post(PHOTOS, proof);
    if (!answer.ok) {
      return;
    }
    const listed = (await answer.json()).filter((photo) => photo.kind === 'AFTER');
    afterPhotos = await Promise.all(listed.map(async (photo) => Object.assign({
      thumbnail: await image(proof, photo.id, true)
    }, photo)));
  } catch (e) {
    return;
  }
  photoProof = proof;
  renderPhotos();
}

/** A photo or its thumbnail as a data address, read by a POST that carries the link's proof. */
async function image(proof, photoId, thumbnail) {
  const answer = await post(PHOTO, Object.assign({ photoId, thumbnail }, proof));
  if (!answer.ok) {
    throw new Error('photo ' + answer.status);
  }
  const bytes = await answer.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(bytes);
  });
}

function post(url, body) {
  return fetch(url, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, image/jpeg' },
    body: JSON.stringify(body), referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store'
  });
}

function renderPhotos() {
  const list = $('after-photo-list');
  list.replaceChildren(...afterPhotos.map((photo, index) => {
    const item = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'photo';
    const shown = document.createElement('img');
    shown.src = photo.thumbnail;
    shown.alt = say('afterPhotoAlt', { unit: unitName(), n: index + 1, count: afterPhotos.length });
    open.append(shown);
    open.onclick = () => showFull(photoProof, photo, shown.alt);
    item.append(open);
    return item;
  }));
  $('after-photos').hidden = !afterPhotos.length || !ticket;
}

/** The photo full size in the page's own dialog, closed by its button or Escape. */
async function showFull(proof, photo, alt) {
  const dialog = $('photo-view');
  try {
    $('photo-full').src = await image(proof, photo.id, false);
  } catch (e) {
    return;
  }
  $('photo-full').alt = alt;
  dialog.showModal();
  $('photo-close').focus();
}

function showNotFound() {
  ticket = null;
  setStatus({ key: 'notFound', error: true });
  $('not-found').hidden = false;
  afterPhotos = [];
  ['ticket', 'answer', 'after-photos', 'progress', 'rating', 'rated', 'call-rating', 'call-rated']
    .forEach((id) => { $(id).hidden = true; });
}

/** The status line: {key, values} of the dictionary, or a service's {problem}; said again after a switch. */
function setStatus(next) {
  status = next;
  $('status').textContent = next.problem ? problemText(next.problem) : say(next.key, next.values);
  $('status').classList.toggle('error', !!next.error);
}

function unitName() {
  return ticket.handlingUnit || say('aUnit');
}

function render() {
  if (!ticket) {
    return;
  }
  $('not-found').hidden = true;
  $('ticket').hidden = false;
  $('ticket-number').textContent = ticket.ticketNumber;
  $('stage').textContent = say('stage.' + ticket.status, { unit: unitName() });
  $('stage').dataset.status = ticket.status;
  $('unit').textContent = ticket.handlingUnit || '';
  $('unit-row').hidden = !ticket.handlingUnit;
  const open = !['RESOLVED', 'CLOSED'].includes(ticket.status);
  $('due').textContent = when(ticket.dueAt);
  $('due-row').hidden = !ticket.dueAt || !open;
  $('received').textContent = when(ticket.receivedAt);
  const joined = ticket.joinedTo;
  $('joined').hidden = !joined;
  $('joined').textContent = joined ? say('joined.' + joined.why, { number: joined.ticketNumber || '' }) : '';
  $('answer').hidden = !ticket.reply;
  $('reply').textContent = ticket.reply || '';
  const steps = $('timeline');
  steps.replaceChildren(...(ticket.timeline || []).map((step) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = step.at;
    time.textContent = when(step.at);
    item.append(time, document.createTextNode(say('step.' + step.status)));
    item.dataset.status = step.status;
    return item;
  }));
  $('progress').hidden = !(ticket.timeline || []).length;
  renderPhotos();
  $('rating').hidden = ratedKey !== null || !(standing() === 'RESOLVED' && !joined);
  renderCallRating();
}

/** The rating of how the call was taken: asked for until it is given, once per ticket, then thanked for. */
function renderCallRating() {
  const rated = callRatedKey !== null || !!ticket.callRated;
  $('call-rating').hidden = rated;
  $('call-rated').hidden = !rated;
  $('call-rated-text').textContent = rated ? say(callRatedKey || 'callRated.before') : '';
}

/** Where the ticket stands: its latest step, an escalation aside (a repeat call after the answer is one). */
function standing() {
  const steps = (ticket.timeline || []).filter((step) => step.status !== 'ESCALATED');
  return steps.length ? steps[steps.length - 1].status : ticket.status;
}

/** Says again in this language what the page's dictionary keys do not: the switch, the status, the problems. */
function translate() {
  const switcher = $('language');
  switcher.textContent = say('other');
  switcher.lang = language() === 'en' ? 'zh-CN' : 'en';
  setStatus(status);
  showRatingProblem(ratingProblem);
  showCallRatingProblem(callRatingProblem);
  if (ratedKey) {
    $('rated-text').textContent = say(ratedKey);
  }
  render();
}

function chosen(name) {
  const checked = document.querySelector('input[name="' + name + '"]:checked');
  return checked ? checked.value : null;
}

/** What keeps a rating from being sent: the answers missing, a service's refusal, or the page's own words. */
function ratingText(problem) {
  if (problem.problem) return problemText(problem.problem);
  const values = Object.assign({}, problem.values);
  if (problem.missing) {
    values.what = problem.missing.map((field) => say('missing.' + field)).join(say('listSep'));
  }
  return say(problem.key, values);
}

/** Says what keeps the rating from being sent, again after a switch of language. */
function showRatingProblem(problem) {
  ratingProblem = problem;
  if (!problem) {
    $('rating-problem').textContent = '';
    return;
  }
  $('rating-problem').textContent = ratingText(problem);
}

async function rate(event) {
  event.preventDefault();
  const solved = chosen('solved');
  const satisfaction = chosen('satisfaction');
  const missing = [];
  if (!solved) missing.push('solved');
  if (!satisfaction) missing.push('satisfaction');
  ['solved', 'satisfaction'].forEach((field) => {
    if (missing.includes(field)) $(field).setAttribute('aria-invalid', 'true');
    else $(field).removeAttribute('aria-invalid');
  });
  if (missing.length) {
    showRatingProblem({ key: 'missing', missing });
    document.querySelector('#' + missing[0] + ' input').focus();
    return;
  }
  showRatingProblem(null);
  const button = $('send-rating');
  button.disabled = true;
  button.textContent = say('sending');
  let answer;
  try {
    answer = await post(RATE, Object.assign(link(), {
      solved: solved === 'true', satisfaction, comment: $('comment').value.trim() || null
    }));
  } catch (e) {
    answer = null;
  }
  button.disabled = false;
  button.textContent = say('send');
  if (answer && answer.status === 202) {
    rated(solved === 'true' && satisfaction !== 'DISSATISFIED' ? 'rated.closed' : 'rated.reopened');
    watch(WATCHES);
  } else if (answer && answer.status === 409) {
    const problem = await answer.json().catch(() => ({}));
    rated(problem.currentState === 'RATED' ? 'alreadyRated' : 'notAwaiting');
    lookUp();
  } else if (answer && answer.status === 404) {
    showNotFound();
  } else {
    showRatingProblem(answer ? { problem: await refusal(answer) } : { key: 'network' });
  }
}

/** Says what keeps the rating of the call from being sent, again after a switch of language. */
function showCallRatingProblem(problem) {
  callRatingProblem = problem;
  if (!problem) {
    $('call-rating-problem').textContent = '';
    return;
  }
  $('call-rating-problem').textContent = ratingText(problem);
}

async function rateCall(event) {
  event.preventDefault();
  const satisfaction = chosen('call-satisfaction');
  if (!satisfaction) {
    $('call-satisfaction').setAttribute('aria-invalid', 'true');
    showCallRatingProblem({ key: 'missing', missing: ['callSatisfaction'] });
    document.querySelector('#call-satisfaction input').focus();
    return;
  }
  $('call-satisfaction').removeAttribute('aria-invalid');
  showCallRatingProblem(null);
  const button = $('send-call-rating');
  button.disabled = true;
  button.textContent = say('sending');
  let answer;
  try {
    answer = await post(RATE_CALL, Object.assign(link(), {
      satisfaction, comment: $('call-comment').value.trim() || null
    }));
  } catch (e) {
    answer = null;
  }
  button.disabled = false;
  button.textContent = say('sendCall');
  if (answer && (answer.status === 202 || answer.status === 409)) {
    // a 409 is the one rating the ticket's call takes, given before: from another device, or a second tab
    callRated(answer.status === 202 ? 'callRated.now' : 'callRated.before');
  } else if (answer && answer.status === 404) {
    showNotFound();
  } else {
    showCallRatingProblem(answer ? { problem: await refusal(answer) } : { key: 'network' });
  }
}

function callRated(key) {
  callRatedKey = key;
  renderCallRating();
  $('call-rated-heading').focus();
}

function rated(key) {
  ratedKey = key;
  $('rating').hidden = true;
  $('rated').hidden = false;
  $('rated-text').textContent = say(key);
  $('rated-heading').focus();
}

/** After a rating, looks again for a while until the ticket is closed or reopened. */
function watch(left) {
  if (left <= 0) return;
  setTimeout(async () => {
    await lookUp();
    if (ticket && standing() === 'RESOLVED') watch(left - 1);
  }, WATCH_MS);
}

$('language').addEventListener('click', () => setLanguage(other()));
onLanguage(translate);
$('rating').addEventListener('submit', rate);
$('call-rating').addEventListener('submit', rateCall);
$('photo-close').addEventListener('click', () => $('photo-view').close());
translate();
lookUp();
