// The unit's workbench: the tickets it holds, the most pressing deadline first, each with a countdown, its address and
// point on the map and the caller's number on request; sign for, return with a reason, record progress, ask for more
// time, resolve with the reply the citizen will read; the ticket's photos (the caller's, the grid worker's, the unit's),
// a photo of the place before the work with the progress and after it with the resolution; where its returns and
// requests for more time stand with the centre. What is typed is kept per ticket until it is sent.
import * as Hub from '/hub/hub.js';
import * as Tickets from '/ticket-views/tickets.js';

const $ = (id) => document.getElementById(id);
const t = (key, values) => Hub.t(key, values);
let tickets = null;
let inReview = [];
let parts = [];
let chosen = null;
let chosenPart = null;
let drafts = null;
let partDrafts = null;
const photos = Tickets.photos();
// a part shows the ticket's photos too, to look at only: adding them is the lead's
Tickets.copyPhotoSection('part-', $('part-fields'));
const partPhotos = Tickets.photos('part-');

async function loadQueue() {
  await Tickets.loadClasses();
  [tickets, inReview, parts] = await Promise.all([Hub.api('', '/api/v1/tickets?list=open&size=200'),
    Hub.api('', '/api/v1/tickets?status=RETURN_REVIEW&size=200'), Hub.api('', '/api/v1/parts?size=200')]);
  Hub.clearError($('page-problem'));
  showQueue();
}

/** A ticket's status, and that the centre decides on more time for it while one is asked. */
const statusOf = (ticket) => t(ticket.status) + (Tickets.waitingExtension(ticket) ? ' · ' + t('extensionPending')
  : '');

function showQueue() {
  if (!tickets) return;
  // the most pressing 200; a full queue says there are more
  const now = Date.now();
  const soon = tickets.filter((ticket) => Tickets.countdown(ticket, now).state === 'soon').length;
  $('queue-count').textContent = t(tickets.length === 1 ? 'countOne' : 'count', { n: tickets.length + (tickets.length >= 200 ? '+' : '') })
    + (soon ? t('countSoon', { soon }) : '');
  Tickets.queue($('queue'), tickets, chosen && chosen.ticketId, [
    (ticket) => Hub.named('categories', ticket.category), statusOf], open);
  // the unit's returns the centre has not decided yet: no longer its to work, but it sees where each stands
  $('reviewing-section').hidden = !inReview.length;
  Tickets.queue($('reviewing'), inReview, chosen && chosen.ticketId, [
    (ticket) => Hub.named('categories', ticket.category), statusOf], open);
  // the parts of tickets other units lead that this unit supports (协办)
  $('parts-section').hidden = !parts.length;
  $('parts-count').textContent = t('partsCount', { n: parts.length });
  Tickets.queue($('parts'), parts, chosenPart && chosenPart.ticketId, [
    (part) => Hub.named('categories', part.category), (part) => Hub.named('units', part.leadUnitId),
    (part) => t('partState' + part.part.state)], openPart);
}

/**
 * One of the unit's parts: what the ticket is about, its photos, the lead, the part's deadlines; signing for,
 * answering.
 */
async function openPart(ticketId) {
  Hub.clearError($('part-problem'));
  try {
    chosenPart = await Hub.api('', '/api/v1/parts/' + encodeURIComponent(ticketId));
  } catch (e) {
    failed(e);
    return;
  }
  Hub.clearError($('page-problem'));
  if (chosen) closeDetail();
  history.replaceState(null, '', '#part=' + encodeURIComponent(chosenPart.ticketNumber));
  partDrafts.show(chosenPart.ticketId);
  showPart();
  showQueue();
  $('part-heading').focus();
  partPhotos.show(chosenPart.ticketId);
}

function showPart() {
  const view = chosenPart;
  const part = view.part;
  $('part-detail').hidden = false;
  $('part-detail').dataset.ticket = view.ticketNumber;
  $('part-title').textContent = view.ticketNumber;
  const list = $('part-fields');
  list.replaceChildren();
  const field = (label, value, testid) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value === null || value === undefined || value === '' ? '–' : String(value);
    if (testid) dd.dataset.testid = testid;
    list.append(dt, dd);
    return dd;
  };
  field(t('partState'), t('partState' + part.state), 'part-state');
  field(t('leadUnit'), Hub.named('units', view.leadUnitId), 'part-lead');
  field(t('category'), Hub.named('categories', view.category));
  field(t('urgency'), t(view.urgency) + ' · ' + t(view.priority));
  field(t('address'), view.address || t('noAddress'));
  field(t('district'), Hub.named('districts', view.district) + (view.gridId ? ' · ' + view.gridId : ''));
  field(t('description'), view.description, 'part-description');
  field(t('partAcceptBy'), Tickets.when(part.acceptBy));
  field(t('partDueBy'), Tickets.when(part.dueBy), 'part-due');
  const left = Tickets.countdown(view, Date.now());
  if (left.text !== '–') {
    const dd = field(t('deadline'), left.text, 'part-countdown');
    if (left.state) dd.className = 'deadline-' + left.state;
  }
  field(t('leadDeadline'), Tickets.when(view.leadResolveBy));
  if (part.answer) field(t('partAnswered'), part.answer, 'part-answer-sent');
  if (part.waiveReason) field(t('partWaivedWhy'), part.waiveReason);
  $('part-accept').hidden = part.state !== 'ASSIGNED';
  $('part-answer-box').hidden = part.state !== 'ACCEPTED';
  partPhotos.paint();
}

function closePart() {
  chosenPart = null;
  if (partDrafts) partDrafts.show(null);
  partPhotos.show(null);
  $('part-detail').hidden = true;
  $('part-detail').dataset.ticket = '';
}

/** Signs for the open part or sends its answer; what was typed is forgotten only once the service took it. */
async function actOnPart(button, action, body, fields, done) {
  Hub.clearError($('part-problem'));
  const view = chosenPart;
  button.disabled = true;
  try {
    const answer = await Hub.api('', '/api/v1/parts/' + encodeURIComponent(view.ticketId) + '/' + action,
      { method: 'POST', body: body() });
    partDrafts.done(fields);
    if (chosenPart && chosenPart.ticketId === view.ticketId) {
      chosenPart = answer;
      showPart();
    }
    Tickets.say(done, { number: view.ticketNumber });
    await loadQueue().catch(failed);
  } catch (e) {
    Hub.showError($('part-problem'), e);
    if (e.status === 404) await loadQueue().catch(failed);
  } finally {
    button.disabled = false;
  }
}

const read = Tickets.reader();
const failed = (e) => Hub.showError($('page-problem'), e);

async function open(ticketId) {
  Hub.clearError($('problem'));
  try {
    const ticket = await read(ticketId);
    if (!ticket) return;
    chosen = ticket;
  } catch (e) {
    failed(e);
    return;
  }
  Hub.clearError($('page-problem'));
  closePart();
  history.replaceState(null, '', '#ticket=' + encodeURIComponent(chosen.ticketNumber));
  drafts.show(chosen.ticketId);
  showDetail();
  showQueue();
  $('detail-heading').focus();
  photos.show(chosen.ticketId);
}

function showDetail() {
  $('detail').hidden = false;
  $('detail').dataset.ticket = chosen.ticketNumber;
  $('detail-title').textContent = chosen.ticketNumber;
  Tickets.details($('fields'), chosen);
  Tickets.map($('map'), $('map-caption'), chosen);
  Hub.callerContact($('caller'), chosen);
  Tickets.timeline($('timeline'), chosen);
  Tickets.linked($('linked'), chosen, open).catch(failed);
  const status = chosen.status;
  const inHand = ['ACCEPTED', 'EXTENDED', 'REOPENED'].includes(status);
  $('accept').hidden = status !== 'ASSIGNED';
  $('reject-box').hidden = status !== 'ASSIGNED';
  $('progress-box').hidden = !inHand;
  // one request for more time at a time: while the centre decides, the unit works on but asks no more
  $('extend-box').hidden = !inHand || Boolean(Tickets.waitingExtension(chosen));
  // the lead resolves once each supporting unit's part is in or waived by the centre
  const waitingFor = Tickets.openParts(chosen);
  $('resolve-box').hidden = !inHand || waitingFor.length > 0;
  $('photo-help').hidden = !inHand;
  photos.paint();
  showStanding();
  showLeadParts(waitingFor);
}

/** The lead's view of its supporting units: where each part stands, and what the resolution waits for. */
function showLeadParts(waitingFor) {
  const all = Tickets.partsOf(chosen);
  $('lead-parts').hidden = !all.length;
  $('lead-parts-lines').replaceChildren(...all.map((part) => {
    const li = document.createElement('li');
    li.dataset.testid = 'lead-part-' + part.unitId;
    li.textContent = Tickets.partLine(part);
    return li;
  }));
  const wait = $('lead-parts-wait');
  wait.hidden = !waitingFor.length || !['ACCEPTED', 'EXTENDED', 'REOPENED'].includes(chosen.status);
  wait.textContent = waitingFor.length ? t('partsWait', { units: waitingFor.map((part) => Hub.named('units',
    part.unitId)).join(t('listSep')) }) : '';
}

/**
 * Where the unit's return and its latest request for more time stand: waiting for the centre, or what the centre
 * decided and why.
 */
function showStanding() {
  const lines = [];
  if (chosen.status === 'RETURN_REVIEW') {
    lines.push(['return', t('returnWaiting', { by: Tickets.when(chosen.reviewBy) })]);
  } else {
    const decided = (chosen.returnDecisions || []).filter((d) => d.assignment === chosen.assignment
      && d.unitId === chosen.unitId).slice(-1)[0];
    if (decided && decided.decision === 'REJECTED') {
      lines.push(['return', t('returnRejectedBack', { reason: decided.reason || '–' })]);
    }
  }
  const last = (chosen.extensionHistory || []).filter((e) => e.state !== 'BY_CENTRE').slice(-1)[0];
  if (last) {
    const values = { to: Tickets.when(last.state === 'APPROVED' || last.state === 'GRANTED' ? last.resolveBy
      : last.requestedResolveBy), asked: Tickets.when(last.requestedResolveBy), by: Tickets.when(last.decideBy),
    from: Tickets.when(chosen.resolveBy), reason: last.decisionReason || '–' };
    const key = { WAITING: 'extensionWaiting', APPROVED: 'extensionApproved', REFUSED: 'extensionRefused',
      GRANTED: 'extensionGranted', LAPSED: 'extensionLapsed' }[last.state];
    if (key) lines.push(['extension', t(key, values)]);
  }
  $('standing').hidden = !lines.length;
  $('standing-lines').replaceChildren(...lines.map(([kind, text]) => {
    const p = document.createElement('p');
    p.dataset.testid = 'standing-' + kind;
    p.textContent = text;
    return p;
  }));
}

/** The detail closes: nothing of a ticket the unit no longer holds stays on screen. */
function closeDetail() {
  chosen = null;
  drafts.show(null);
  photos.show(null);
  Hub.callerContact($('caller'), null);
  $('detail').hidden = true;
  $('detail').dataset.ticket = '';
  history.replaceState(null, '', location.pathname + location.search);
}

/**
 * Sends {@code action} for the open ticket with {@code body()} and says {@code done} when the service took it;
 * the {@code fields} it sent are emptied and their drafts forgotten only then.
 */
async function act(button, action, body, fields, done) {
  Hub.clearError($('problem'));
  const ticket = chosen;
  button.disabled = true;
  try {
    const answer = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId) + '/' + action,
      { method: 'POST', body: body() });
    drafts.done(fields);
    if (action === 'reject') {
      returned(ticket, answer);
      return;
    }
    if (chosen && chosen.ticketId === ticket.ticketId) {
      chosen = answer;
      showDetail();
    }
    Tickets.say(typeof done === 'function' ? done(answer) : done, { number: ticket.ticketNumber });
    await loadQueue().catch(failed);
  } catch (e) {
    Hub.showError($('problem'), e);
    if (e.status === 404) await loadQueue().catch(failed);
  } finally {
    button.disabled = false;
  }
}

/**
 * A return took: the ticket leaves this unit's list and the detail; the centre dispatches it again, or first reviews
 * the return, and then it is listed among the returns the centre is reviewing.
 */
function returned(ticket, answer) {
  drafts.forget(ticket.ticketId);
  if (chosen && chosen.ticketId === ticket.ticketId) closeDetail();
  tickets = (tickets || []).filter((held) => held.ticketId !== ticket.ticketId);
  showQueue();
  Tickets.say(answer && answer.status === 'RETURN_REVIEW' ? 'doneRejectReview' : 'doneReject',
    { number: ticket.ticketNumber });
  $('queue-heading').focus();
  loadQueue().catch(failed);
}

const confirmed = (key, yes, danger) => Hub.confirm({ key, values: { number: chosen.ticketNumber }, yes, danger });

/** The ticket the address names (#ticket=number, or an id), once the queue is read. */
function openAsked() {
  const askedPart = /(?:^#|&)part=([^&]+)/.exec(location.hash);
  if (askedPart) {
    const number = decodeURIComponent(askedPart[1]);
    const held = parts.find((view) => view.ticketNumber === number || view.ticketId === number);
    if (held) return openPart(held.ticketId);
    Tickets.say('gone', { number });
    return null;
  }
  const asked = Tickets.askedFor();
  if (!asked) return null;
  const held = (tickets || []).concat(inReview).find((ticket) => asked.isNumber
    ? ticket.ticketNumber === asked.value : ticket.ticketId === asked.value);
  if (held) return open(held.ticketId);
  if (!asked.isNumber) return open(asked.value);
  Tickets.say('gone', { number: asked.value });
  return null;
}

function ready(user) {
  if (!user.unit) {
    Hub.notice(t('noUnit'), true);
    return null;
  }
  $('workbench').hidden = false;
  drafts = Tickets.drafts('workbench', ['reject-code', 'reject-text', 'progress-text', 'extend-to',
    'extend-reason', 'resolve-result', 'resolve-reply', 'resolve-public'].map($));
  partDrafts = Tickets.drafts('workbench-part', [$('part-answer-text')]);
  $('part-accept').onclick = () => actOnPart($('part-accept'), 'accept', () => ({}), [], 'donePartAccept');
  $('part-answer').onclick = () => actOnPart($('part-answer'), 'answer', () => ({ answer: $('part-answer-text')
    .value }), [$('part-answer-text')], 'donePartAnswer');
  $('photo-before').addEventListener('change', () => photos.add('BEFORE', $('photo-before')));
  $('photo-after').addEventListener('change', () => photos.add('AFTER', $('photo-after')));
  $('accept').onclick = () => act($('accept'), 'accept', () => ({}), [], 'doneAccept');
  $('reject').onclick = async () => {
    if (!await confirmed('confirmReject', 'reject', true)) return;
    act($('reject'), 'reject', () => ({ reasonCode: $('reject-code').value, reasonText: $('reject-text').value }),
      [$('reject-code'), $('reject-text')], 'doneReject');
  };
  $('progress').onclick = () => act($('progress'), 'progress', () => ({ note: $('progress-text').value }),
    [$('progress-text')], 'doneProgress');
  $('extend').onclick = () => act($('extend'), 'extend', () => ({ resolveBy: $('extend-to').value
    ? new Date($('extend-to').value).toISOString() : null, reason: $('extend-reason').value }),
  [$('extend-to'), $('extend-reason')], (answer) => Tickets.waitingExtension(answer) ? 'doneExtendWaiting'
    : 'doneExtend');
  $('resolve').onclick = async () => {
    if (!await confirmed('confirmResolve', 'resolve', false)) return;
    act($('resolve'), 'resolve', () => ({ result: $('resolve-result').value, reply: $('resolve-reply').value,
      replyPublic: $('resolve-public').checked }), [$('resolve-result'), $('resolve-reply'), $('resolve-public')],
    'doneResolve');
  };
  window.addEventListener('hashchange', () => {
    const asked = Tickets.askedFor();
    if (asked && (!chosen || (asked.isNumber ? chosen.ticketNumber : chosen.ticketId) !== asked.value)) openAsked();
  });
  // the countdowns move on their own; the queue is read again every half minute for new tickets. Neither touches
  // the detail's fields, so nothing being typed is disturbed
  setInterval(showQueue, 15000);
  setInterval(() => loadQueue().catch(failed), 30000);
  return loadQueue().then(openAsked).catch(failed);
}

Hub.start({ roles: ['UNIT'], ready, onLanguage: () => {
  Tickets.relabel();
  if (!tickets) return;
  showQueue();
  if (chosen) showDetail();
  if (chosenPart) showPart();
} });
