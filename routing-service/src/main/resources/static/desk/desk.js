// The supervisor's desk: what needs the centre's hand (tickets waiting for dispatch, returns and requests for more
// time to review, about to breach, overdue, escalated, returned, reopened) and what was done, any ticket found by its
// number, the caller's phone or its words, each ticket with its place, its timeline, the tickets that joined it, its
// photos and every text it caused.
import * as Hub from '/hub/hub.js';
import * as Tickets from '/ticket-views/tickets.js';

const $ = (id) => document.getElementById(id);
const t = (key, values) => Hub.t(key, values);
const LISTS = {
  triage: '/api/v1/triage', reviews: '/api/v1/reviews/returns?size=200',
  extensions: '/api/v1/reviews/extensions?size=200', parts: '/api/v1/reviews/parts?size=200',
  dueSoon: '/api/v1/tickets?dueSoon=true&size=200',
  overdue: '/api/v1/tickets?overdue=true&size=200',
  escalated: '/api/v1/tickets?list=escalated&size=200', returned: '/api/v1/tickets?list=returned&size=200',
  reopened: '/api/v1/tickets?list=reopened&size=200', open: '/api/v1/tickets?list=open&size=200',
  done: '/api/v1/tickets?list=done&size=200'
};
// what a list shows besides the common columns: its own column's heading and each ticket's text in it
const EXTRA = {
  returned: { head: 'lastReturn', cell: (ticket) => ({ text: lastReturn(ticket), className: 'wraps' }) },
  reviews: { head: 'lastReturn', cell: (waiting) => ({ className: 'wraps', text: t('waitingReturn', {
    reason: t('returnReason', { unit: Hub.named('units', waiting.unitId),
      code: Tickets.returnCode(waiting.reasonCode), text: waiting.reasonText || '–' }),
    unit: waiting.suggestedUnitId ? Hub.named('units', waiting.suggestedUnitId) : '–' }) }) },
  extensions: { head: 'extensionAsked', cell: (waiting) => ({ className: 'wraps', text: t('waitingExtension', {
    unit: Hub.named('units', waiting.unitId), to: Tickets.when(waiting.requestedResolveBy),
    from: Tickets.when(waiting.resolveBy), reason: waiting.reason || '–' }) }) },
  parts: { head: 'partLate', cell: (late) => ({ className: 'wraps', text: t('latePart', {
    unit: Hub.named('units', late.supportingUnitId), what: t('late' + late.late), at: Tickets.when(late.deadline) })
  }) },
  done: { head: 'resolvedAtHead', cell: (ticket) => Tickets.when(ticket.resolvedAt || ticket.closedAt) },
  search: { head: 'receivedAtHead', cell: (ticket) => Tickets.when(ticket.receivedAt) }
};
let list = 'triage';
const lists = {};
let chosen = null;
let reveals = [];
let drafts = null;

const failed = (e) => Hub.showError($('page-problem'), e);

function lastReturn(ticket) {
  const back = (ticket.returns || []).slice().sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).pop();
  return back ? t('returnReason', { unit: Hub.named('units', back.unitId), code: Tickets.returnCode(back.reasonCode),
    text: back.reasonText || '–' }) : '–';
}

async function loadLists() {
  await Tickets.loadClasses();
  const names = Object.keys(LISTS);
  const results = await Promise.all(names.map((name) => Hub.api('', LISTS[name])));
  names.forEach((name, i) => { lists[name] = results[i]; });
  // a waiting return reads as a ticket in review, so that the queue counts down the centre's time to decide
  lists.reviews = lists.reviews.map((waiting) => Object.assign({ status: 'RETURN_REVIEW' }, waiting));
  // a waiting request for more time counts down the centre's time to decide it, not the unit's deadline
  lists.extensions = lists.extensions.map((waiting) => Object.assign({ reviewing: 'extension' }, waiting));
  // a part overdue names the lead as the ticket's unit, the supporting unit in its own column, and counts the
  // part's missed deadline
  lists.parts = lists.parts.map((late) => Object.assign({}, late, { reviewing: 'part', unitId: late.leadUnitId,
    supportingUnitId: late.unitId }));
  Hub.clearError($('page-problem'));
  // each list shows its most pressing 200; a full one says there are more
  showTabs();
  showQueue();
}

function showTabs() {
  document.querySelectorAll('#tabs button').forEach((button) => {
    const chosenTab = button.dataset.list === list;
    button.classList.toggle('chosen', chosenTab);
    button.setAttribute('aria-pressed', String(chosenTab));
    const shown = lists[button.dataset.list];
    if (button.dataset.list === 'search') button.hidden = !shown;
    button.querySelector('.count').textContent = !shown ? '' : ' ' + shown.length + (shown.length >= 200 ? '+' : '');
  });
}

function showQueue() {
  const extra = EXTRA[list];
  $('extra-head').hidden = !extra;
  $('extra-head').textContent = extra ? t(extra.head) : '';
  Tickets.queue($('queue'), lists[list] || [], chosen && chosen.ticketId, [
    (ticket) => Hub.named('categories', ticket.category),
    (ticket) => ticket.unitId ? Hub.named('units', ticket.unitId) : '–', (ticket) => t(ticket.status)]
    .concat(extra ? [extra.cell] : []), open);
}

function choose(name) {
  list = name;
  showTabs();
  showQueue();
}

/** Tickets by number, phone or words, closed ones included; {@code quiet} when a link asked, not a person. */
async function search(q, quiet) {
  const asked = q.trim();
  if (!asked) return null;
  Hub.clearError($('page-problem'));
  const found = await Hub.api('', '/api/v1/tickets/search?q=' + encodeURIComponent(asked));
  lists.search = found;
  choose('search');
  // the words searched for may be a phone number: they are said back only when nothing was found, and kept nowhere
  if (!found.length) Tickets.say('foundNone', { q: asked });
  else if (!quiet) Tickets.say('foundSome', { n: found.length });
  return found;
}

const read = Tickets.reader();
const photos = Tickets.photos();

async function open(ticketId) {
  Hub.clearError($('problem'));
  try {
    const ticket = await read(ticketId);
    if (!ticket) return;
    if (!chosen || chosen.ticketId !== ticket.ticketId) reveals = [];
    chosen = ticket;
  } catch (e) {
    failed(e);
    return;
  }
  Hub.clearError($('page-problem'));
  history.replaceState(null, '', '#ticket=' + encodeURIComponent(chosen.ticketNumber));
  drafts.show(chosen.ticketId);
  showDetail();
  showQueue();
  $('detail-heading').focus();
  loadReveals().catch(failed);
  photos.show(chosen.ticketId);
}

/** Who saw the caller's number, for the timeline. */
async function loadReveals() {
  const about = chosen.ticketId;
  const seen = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(about) + '/caller-reveals');
  if (!chosen || chosen.ticketId !== about) return;
  reveals = seen || [];
  Tickets.timeline($('timeline'), chosen, Tickets.reveals(reveals));
}

function showDetail() {
  $('detail').hidden = false;
  $('detail').dataset.ticket = chosen.ticketNumber;
  $('detail-title').textContent = chosen.ticketNumber;
  Tickets.details($('fields'), chosen);
  Tickets.map($('map'), $('map-caption'), chosen);
  Hub.callerContact($('caller'), chosen, { onShown: () => loadReveals().catch(failed) });
  Tickets.timeline($('timeline'), chosen, Tickets.reveals(reveals));
  Tickets.linked($('linked'), chosen, open).catch(failed);
  $('dispatch-box').hidden = chosen.status !== 'TRIAGE';
  $('review-box').hidden = chosen.status !== 'RETURN_REVIEW';
  if (chosen.status === 'RETURN_REVIEW') fillReviewUnits();
  const asked = Tickets.waitingExtension(chosen);
  $('extension-box').hidden = !asked;
  $('extension-request').textContent = !asked ? '' : t('extensionRequest', {
    unit: Hub.named('units', asked.unitId), to: Tickets.when(asked.requestedResolveBy),
    from: Tickets.when(chosen.resolveBy), reason: asked.reason || '–',
    state: t(Date.parse(chosen.resolveBy) < Date.now() ? 'deadlinePassed' : 'deadlineRuns') });
  showParts();
  showTexts().catch(failed);
  photos.paint();
}

/** Each supporting unit's part with where it stands; an open one can be waived by the centre with a reason. */
function showParts() {
  const parts = Tickets.partsOf(chosen);
  $('parts-box').hidden = !parts.length;
  const kept = {};
  $('parts-lines').querySelectorAll('input').forEach((input) => { kept[input.id] = input.value; });
  $('parts-lines').replaceChildren(...parts.map((part) => {
    const div = document.createElement('div');
    div.dataset.testid = 'part-' + part.unitId;
    const p = document.createElement('p');
    p.textContent = Tickets.partLine(part);
    div.append(p);
    const open = part.state === 'ASSIGNED' || part.state === 'ACCEPTED';
    if (!open || !['ASSIGNED', 'ACCEPTED', 'EXTENDED', 'REOPENED'].includes(chosen.status)) return div;
    const unit = Hub.named('units', part.unitId);
    const id = 'waive-reason-' + part.unitId;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t('waiveReason', { unit });
    const input = document.createElement('input');
    input.id = id;
    input.maxLength = 500;
    input.autocomplete = 'off';
    input.value = kept[id] || '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'action danger';
    button.dataset.testid = 'waive-' + part.unitId;
    button.textContent = t('waivePart', { unit });
    button.onclick = () => waive(part.unitId, input, button);
    div.append(label, input, button);
    return div;
  }));
}

/** The centre waives a supporting unit's part with its reason. */
async function waive(unitId, input, button) {
  Hub.clearError($('problem'));
  const ticket = chosen;
  button.disabled = true;
  try {
    const answer = await Hub.api('', '/api/v1/reviews/parts/' + encodeURIComponent(ticket.ticketId) + '/'
      + encodeURIComponent(unitId) + '/waive', { method: 'POST', body: { reason: input.value } });
    input.value = '';
    Tickets.say('partWaived', { number: ticket.ticketNumber, unit: () => Hub.named('units', unitId) });
    if (chosen && chosen.ticketId === ticket.ticketId) {
      chosen = answer;
      showDetail();
    }
    await loadLists();
  } catch (e) {
    Hub.showError($('problem'), e);
  } finally {
    button.disabled = false;
  }
}

async function showTexts() {
  const about = chosen.ticketId;
  const texts = await Hub.api('notification', '/api/v1/notifications?ticketId=' + encodeURIComponent(about));
  if (!chosen || chosen.ticketId !== about) return;
  const body = $('texts').querySelector('tbody');
  body.replaceChildren();
  if (!texts.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = 3;
    cell.className = 'empty';
    cell.textContent = t('noTexts');
    return;
  }
  for (const text of texts) {
    const row = body.insertRow();
    row.dataset.trigger = text.trigger;
    [[Tickets.when(text.sentAt || text.createdAt), 'when'],
      [t(text.deliveryStatus === 'DELIVERED' ? 'DELIVERED' : text.status), 'text-status'],
      [text.text || text.suppressedBecause || '–', 'text']].forEach(([value, className]) => {
      const cell = row.insertCell();
      cell.className = className;
      cell.textContent = value;
    });
  }
}

async function dispatch() {
  Hub.clearError($('problem'));
  const ticket = chosen;
  $('dispatch').disabled = true;
  try {
    const answer = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId) + '/assign',
      { method: 'POST', body: { unitId: $('dispatch-unit').value, reason: $('dispatch-reason').value,
        coUnitIds: [...$('dispatch-co').selectedOptions].map((option) => option.value) } });
    drafts.done();
    [...$('dispatch-co').options].forEach((option) => { option.selected = false; });
    Tickets.say('dispatched', { number: answer.ticketNumber, unit: () => Hub.named('units', answer.unitId) });
    if (chosen && chosen.ticketId === ticket.ticketId) {
      chosen = answer;
      showDetail();
    }
    await loadLists();
  } catch (e) {
    Hub.showError($('problem'), e);
  } finally {
    $('dispatch').disabled = false;
  }
}

/** The units a return may go on to, the rules' suggestion first (sent as no unit, so the rules decide). */
function fillReviewUnits() {
  const select = $('review-unit');
  const value = select.value;
  const waiting = (lists.reviews || []).find((entry) => entry.ticketId === chosen.ticketId);
  const suggested = waiting && waiting.suggestedUnitId;
  const first = new Option(suggested ? t('suggested', { unit: Hub.named('units', suggested) }) : t('noSuggestion'),
    '');
  select.replaceChildren(first, ...Hub.city().unitList.filter((unit) => unit.code !== chosen.unitId)
    .map((unit) => new Option(Hub.named('units', unit.code), unit.code)));
  if (value) select.value = value;
}

/**
 * Sends the centre's {@code decision} on the open ticket's return or request for more time ({@code review}:
 * {@code returns} or {@code extensions}) with what {@code body()} reads from the decision box, and says
 * {@code said(answer)} when the service took it; {@code fields} are emptied only then.
 */
async function decide(review, decision, buttons, body, fields, said) {
  Hub.clearError($('problem'));
  const ticket = chosen;
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const answer = await Hub.api('', '/api/v1/reviews/' + review + '/' + encodeURIComponent(ticket.ticketId) + '/'
      + decision, { method: 'POST', body: body() });
    drafts.done(fields);
    Tickets.say(...said(answer));
    if (chosen && chosen.ticketId === ticket.ticketId) {
      chosen = answer;
      showDetail();
    }
    await loadLists();
  } catch (e) {
    Hub.showError($('problem'), e);
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

/** Upholds the return (on to the unit chosen, else the rules' suggestion) or rejects it. */
function decideReturn(decision) {
  return decide('returns', decision, [$('uphold-return'), $('reject-return')], () => {
    const body = { reason: $('review-reason').value };
    if (decision === 'uphold' && $('review-unit').value) body.unitId = $('review-unit').value;
    return body;
  }, [$('review-reason')], (answer) => [decision === 'uphold' ? 'upheld' : 'returnRejected',
    { number: answer.ticketNumber, unit: () => Hub.named('units', answer.unitId) }]);
}

/** Approves the request for more time that waits (to a shorter date when one is given) or refuses it. */
function decideExtension(decision) {
  return decide('extensions', decision, [$('approve-extension'), $('refuse-extension')], () => {
    const body = { reason: $('extension-reason').value };
    if (decision === 'approve' && $('extension-to').value) {
      body.resolveBy = new Date($('extension-to').value).toISOString();
    }
    return body;
  }, [$('extension-to'), $('extension-reason')], (answer) => [decision === 'approve' ? 'extensionApproved'
    : 'extensionRefused', { number: answer.ticketNumber, to: () => Tickets.when(answer.resolveBy) }]);
}

function fillUnits() {
  const select = $('dispatch-unit');
  const value = select.value;
  select.replaceChildren(...Hub.city().unitList.map((unit) => new Option(Hub.named('units', unit.code), unit.code)));
  if (value) select.value = value;
  const co = $('dispatch-co');
  const chosenCo = new Set([...co.selectedOptions].map((option) => option.value));
  co.replaceChildren(...Hub.city().unitList.map((unit) => {
    const option = new Option(Hub.named('units', unit.code), unit.code);
    option.selected = chosenCo.has(unit.code);
    return option;
  }));
}

/** The ticket the address names: by its number (12345-YYYYMMDD-NNNN), or by its id. */
async function openAsked() {
  const asked = Tickets.askedFor();
  if (!asked) return;
  if (chosen && (asked.isNumber ? chosen.ticketNumber : chosen.ticketId) === asked.value) return;
  if (!asked.isNumber) {
    await open(asked.value);
    return;
  }
  const found = await search(asked.value, true);
  const match = (found || []).find((ticket) => ticket.ticketNumber === asked.value);
  if (match) await open(match.ticketId); else Tickets.say('notFound', { number: asked.value });
}

function ready() {
  $('desk').hidden = false;
  fillUnits();
  drafts = Tickets.drafts('desk', [$('dispatch-unit'), $('dispatch-reason'), $('review-reason'), $('extension-to'),
    $('extension-reason')]);
  document.querySelectorAll('#tabs button').forEach((button) => {
    button.onclick = () => choose(button.dataset.list);
  });
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    search($('search').value).then((found) => {
      // a number that names exactly one ticket opens it at once
      const q = $('search').value.trim();
      const only = found && found.length === 1 && found[0].ticketNumber === q ? found[0] : null;
      if (only) open(only.ticketId);
    }).catch(failed);
  });
  $('dispatch').onclick = dispatch;
  $('uphold-return').onclick = () => decideReturn('uphold');
  $('reject-return').onclick = () => decideReturn('reject');
  $('approve-extension').onclick = () => decideExtension('approve');
  $('refuse-extension').onclick = () => decideExtension('refuse');
  window.addEventListener('hashchange', () => openAsked().catch(failed));
  // the countdowns move on their own and the lists are read again every half minute; neither touches the fields
  // of the detail, so nothing being typed is disturbed
  setInterval(showQueue, 15000);
  setInterval(() => loadLists().catch(failed), 30000);
  return loadLists().then(openAsked).catch(failed);
}

Hub.start({ roles: ['SUPERVISOR'], ready, onLanguage: () => {
  Tickets.relabel();
  if (!Hub.city()) return;
  fillUnits();
  showTabs();
  showQueue();
  if (chosen) showDetail();
} });
