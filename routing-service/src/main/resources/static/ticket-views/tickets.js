// What the unit workbench and the supervisor desk both show of a ticket: its deadline as a countdown (with a warning in
// words once it is inside its urgency class's warning window), its fields, where it is on the city's map, the
// tickets that joined it, its timeline and its photos; and what both pages need around it: drafts
// that survive a reload, notices that follow a switch of language. The confirmation before what cannot be undone
// and the caller's number on request are the hub's (Hub.confirm, Hub.callerContact).
import * as Hub from '/hub/hub.js';
import { countdown, deadline, span } from '/hub/deadlines.js';

export { countdown, deadline } from '/hub/deadlines.js';

const SVG = 'http://www.w3.org/2000/svg';

export const when = (instant) => instant ? new Date(instant).toLocaleString(Hub.language() === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: Hub.city().zone || undefined, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
  : '–';

// ---- urgency classes: read once a page, named in the page's language ----

let classes = {};
let classesRead = null;

/** Reads the city's urgency classes once; a page awaits it before it first shows tickets. */
export function loadClasses() {
  if (!classesRead) {
    classesRead = Hub.api('', '/api/v1/urgency-classes').then((list) => {
      classes = Object.fromEntries(list.map((c) => [c.code, c]));
    }).catch((e) => {
      classesRead = null;
      throw e;
    });
  }
  return classesRead;
}

/** A ticket's urgency class with its limits in words; the priority's limits where its category has none. */
export function urgencyClass(ticket) {
  if (!ticket.urgencyClass) return ticket.priority ? Hub.t('byPriority') + ' · ' + Hub.t(ticket.priority) : '–';
  const c = classes[ticket.urgencyClass];
  if (!c) return ticket.urgencyClass;
  const minutes = (n) => span(n * 60000);
  return Hub.t(c.longestAnswerMinutes ? 'classLimitsLonger' : 'classLimits', {
    name: Hub.language() === 'en' ? c.en : c.zh, dispatch: minutes(c.dispatchMinutes),
    answer: minutes(c.answerMinutes), warn: minutes(c.warnMinutes),
    longest: c.longestAnswerMinutes ? minutes(c.longestAnswerMinutes) : '' });
}

function field(list, label, value) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  if (value instanceof Node) dd.append(value); else dd.textContent = value === null || value === undefined
    || value === '' ? '–' : String(value);
  list.append(dt, dd);
  return dd;
}

/** A grid by its id with the district and street it lies in, e.g. "网格 YY-04（云岩区 · 中华北路街道）". */
export function gridPlace(gridId) {
  const grid = Hub.city().grids[gridId];
  if (!grid) return Hub.t('gridPlace', { grid: gridId, place: '–' });
  const place = [Hub.named('districts', grid.district), grid.street ? Hub.named('streets', grid.street) : '']
    .filter((part) => part && part !== '–').join(' · ');
  return Hub.t('gridPlace', { grid: gridId, place: place || '–' });
}

/** Reason code names of a return, in words. */
export const returnCode = (code) => Hub.t(code);

/** Why the ticket went where it is, in words: the rule's conditions as a sentence, never the rule's syntax. */
export function because(ticket) {
  const t = Hub.t;
  const reason = ticket.reason;
  const cues = new Map(((reason && reason.cues) || []).map((cue) => {
    const at = cue.indexOf('=');
    return at < 0 ? [cue, ''] : [cue.slice(0, at), cue.slice(at + 1)];
  }));
  if (!reason || !reason.ruleId) {
    if (cues.has('supervisor')) {
      return cues.get('reason') ? t('bySupervisor', { reason: cues.get('reason') }) : t('bySupervisorBare');
    }
    return (ticket.returnedBy || []).length ? t('noOtherRule') : t('noRule');
  }
  const said = {
    category: (value) => t('cueCategory', { name: Hub.named('categories', value) }),
    district: (value) => t('cueDistrict', { name: Hub.named('districts', value) }),
    grid: (value) => t('cueGrid', { place: gridPlace(value) }),
    channel: (value) => t('cueChannel', { name: t(value) }),
    urgency: (value) => t('cueUrgency', { name: t(value) }),
    hours: (value) => t('cueHours', { hours: value.replace('-', '–') }),
    word: (value) => t('cueWord', { word: value })
  };
  const parts = [...cues.entries()].filter(([name]) => said[name]).map(([name, value]) => said[name](value));
  return parts.length ? t('byRule', { cues: parts.join(t('listSep')) }) : t('byRuleBare');
}

/** The ticket's fields into a {@code dl}. */
export function details(list, ticket) {
  list.replaceChildren();
  const t = Hub.t;
  field(list, t('number'), ticket.ticketNumber).dataset.testid = 'detail-number';
  field(list, t('status'), t(ticket.status)).dataset.testid = 'detail-status';
  field(list, t('category'), Hub.named('categories', ticket.category));
  field(list, t('urgency'), t(ticket.urgency) + ' · ' + t(ticket.priority));
  field(list, t('channel'), t(ticket.channel));
  field(list, t('address'), ticket.address || t('noAddress')).dataset.testid = 'detail-address';
  const grid = ticket.gridId ? Hub.city().grids[ticket.gridId] : null;
  field(list, t('district'), Hub.named('districts', ticket.district)
    + (grid && grid.street ? ' · ' + Hub.named('streets', grid.street) : ''));
  if (ticket.gridId) field(list, t('grid'), ticket.gridId);
  field(list, t('unit'), ticket.unitId ? Hub.named('units', ticket.unitId) : null);
  const running = deadline(ticket);
  if (running) field(list, t(running.kind === 'accept' ? 'acceptBy' : 'resolveBy'), when(running.at));
  if (running) {
    const left = countdown(ticket, Date.now());
    const dd = field(list, t('deadline'), left.text);
    if (left.state) dd.className = 'deadline-' + left.state;
    dd.dataset.testid = 'detail-countdown';
  }
  field(list, t('urgencyClass'), urgencyClass(ticket)).dataset.testid = 'detail-urgency-class';
  field(list, t('description'), ticket.description).dataset.testid = 'detail-description';
  field(list, t('why'), because(ticket)).dataset.testid = 'detail-why';
  if ((ticket.returnedBy || []).length) {
    field(list, t('returnedBy'), ticket.returnedBy.map((u) => Hub.named('units', u))
      .join(t('listSep')));
  }
  if (ticket.extensions) field(list, t('extensions'), ticket.extensions);
  if (ticket.reopenings) field(list, t('reopenings'), ticket.reopenings);
  if (ticket.escalations) field(list, t('escalations'), ticket.escalations);
  if (ticket.result) field(list, t('result'), t(ticket.result));
  if (ticket.reply) field(list, t('reply'), ticket.reply).dataset.testid = 'detail-reply';
}

/**
 * The city's grids into {@code container} with the ticket's grid shaded and its point marked; {@code caption}
 * says in words what the map shows, for those who cannot see it.
 */
export function map(container, caption, ticket) {
  const t = Hub.t;
  const point = ticket.location && Number.isFinite(ticket.location.lat) && Number.isFinite(ticket.location.lon)
    ? ticket.location : null;
  if (!point && !ticket.gridId) {
    container.replaceChildren();
    container.hidden = true;
    caption.textContent = t('mapNone');
    return;
  }
  container.hidden = false;
  const drawn = Hub.drawGrids(container, (id) => id === ticket.gridId ? '#cfe0fb' : '#eef2f6', gridPlace);
  const place = ticket.gridId ? gridPlace(ticket.gridId) : Hub.named('districts', ticket.district);
  const said = t(point ? 'mapPoint' : 'mapGrid', { place });
  caption.textContent = said;
  if (!drawn) return;
  drawn.svg.setAttribute('role', 'img');
  drawn.svg.setAttribute('aria-label', said);
  drawn.svg.querySelectorAll('polygon').forEach((polygon) => {
    polygon.classList.toggle('here', polygon.dataset.testid === 'grid-' + ticket.gridId);
  });
  if (!point) return;
  const [x, y] = drawn.project(point.lon, point.lat);
  const dot = document.createElementNS(SVG, 'circle');
  dot.setAttribute('cx', x.toFixed(1));
  dot.setAttribute('cy', y.toFixed(1));
  dot.setAttribute('r', '7');
  dot.setAttribute('class', 'point');
  dot.dataset.testid = 'map-point';
  dot.dataset.lat = String(point.lat);
  dot.dataset.lon = String(point.lon);
  const title = document.createElementNS(SVG, 'title');
  title.textContent = t('pointTitle');
  dot.append(title);
  drawn.svg.append(dot);
}

/**
 * What happened, oldest first, from the ticket's own record; {@code more} adds steps the page read elsewhere
 * (the supervisor's record of who saw the caller's number), each {at, kind, text}.
 */
export function timeline(list, ticket, more) {
  const t = Hub.t;
  const steps = [{ at: ticket.receivedAt, kind: 'received', text: t('received') + ' · ' + t(ticket.channel) }];
  (ticket.returns || []).forEach((back) => steps.push({ at: back.at, kind: 'returned', text: t('returnStep', {
    unit: Hub.named('units', back.unitId), code: returnCode(back.reasonCode), text: back.reasonText || '–' }) }));
  (ticket.returnDecisions || []).forEach((decided) => steps.push({ at: decided.at, kind: 'review',
    text: decided.decision === 'UPHELD'
      ? t('upheldStep', { next: Hub.named('units', decided.nextUnitId), reason: decided.reason || '–' })
      : t('rejectedStep', { unit: Hub.named('units', decided.unitId), reason: decided.reason || '–' }) }));
  if (ticket.assignedAt && ticket.unitId) {
    steps.push({ at: ticket.assignedAt, kind: 'assigned', text: t('assignedTo') + ' ' + Hub.named('units',
      ticket.unitId) });
  }
  if (ticket.acceptedAt) steps.push({ at: ticket.acceptedAt, kind: 'accepted', text: t('accepted') });
  (ticket.notes || []).forEach((note) => steps.push({ at: note.at, kind: 'note',
    text: t('noteStep', { text: note.text }) }));
  escalationsOf(ticket).forEach((step) => steps.push({ at: step.at, kind: 'escalated', text: (step.reason
    ? t('escalationStep', { why: t(step.reason) }) : t('escalationPlain'))
    + (step.unitId ? ' · ' + Hub.named('units', step.unitId) : '') }));
  extensionsOf(ticket).forEach((step) => steps.push(...extensionSteps(step)));
  partsOf(ticket).forEach((part) => steps.push(...partSteps(part)));
  if (ticket.resolvedAt) steps.push({ at: ticket.resolvedAt, kind: 'resolved', text: t('resolved')
    + (ticket.result ? ' · ' + t(ticket.result) : '') });
  if (ticket.closedAt) steps.push({ at: ticket.closedAt, kind: 'closed', text: t('closed') });
  steps.push(...(more || []));
  list.replaceChildren(...steps.filter((step) => step.at).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((step) => {
      const li = document.createElement('li');
      li.dataset.kind = step.kind;
      const time = document.createElement('time');
      time.className = 'muted';
      time.dateTime = step.at;
      time.textContent = when(step.at) + ' ';
      li.append(time, step.text);
      return li;
    }));
}

// each escalation with its time and why ({at, reason, unitId}); each extension asked for or given, with where it
// stands, where the view carries them, else the count among the fields stands for them
const escalationsOf = (ticket) => ticket.escalationHistory || [];
const extensionsOf = (ticket) => ticket.extensionHistory || [];

/** An extension as timeline steps: the unit's request, and the centre's decision on it when it took one. */
function extensionSteps(step) {
  const t = Hub.t;
  const reason = step.reason || '–';
  if (step.state === 'BY_CENTRE') {
    return [{ at: step.at, kind: 'extended', text: t('extensionByCentreStep', { to: when(step.resolveBy),
      reason }) }];
  }
  if (step.state === 'GRANTED' || !step.state) {
    return [{ at: step.at, kind: 'extended', text: t('extensionStep', { to: when(step.resolveBy), reason }) }];
  }
  const steps = [{ at: step.at, kind: 'extension-asked', text: t('extensionAskedStep', {
    unit: Hub.named('units', step.unitId), to: when(step.requestedResolveBy), reason }) }];
  const decision = step.decisionReason || '–';
  if (step.state === 'APPROVED') {
    steps.push({ at: step.decidedAt, kind: 'extended', text: t('extensionApprovedStep', {
      to: when(step.resolveBy), asked: when(step.requestedResolveBy), reason: decision }) });
  } else if (step.state === 'REFUSED') {
    steps.push({ at: step.decidedAt, kind: 'extension-refused', text: t('extensionRefusedStep',
      { reason: decision }) });
  } else if (step.state === 'LAPSED') {
    steps.push({ at: step.decidedAt, kind: 'extension-lapsed', text: t('extensionLapsedStep') });
  }
  return steps;
}

export const partsOf = (ticket) => ticket.parts || [];

/** A supporting unit's part as timeline steps: given, signed for, answered or waived. */
function partSteps(part) {
  const t = Hub.t;
  const unit = Hub.named('units', part.unitId);
  return [
    { at: part.assignedAt, kind: 'part-assigned', text: t('partAssignedStep', { unit, due: when(part.dueBy) }) },
    { at: part.acceptedAt, kind: 'part-accepted', text: t('partAcceptedStep', { unit }) },
    { at: part.answeredAt, kind: 'part-answered', text: t('partAnsweredStep', { unit, text: part.answer || '–' }) },
    { at: part.waivedAt, kind: 'part-waived', text: t('partWaivedStep', { unit, reason: part.waiveReason || '–' }) }
  ].filter((step) => step.at);
}

/** Where a part stands, in one line: its state and deadlines, or the answer, or the centre's waiver. */
export function partLine(part) {
  const t = Hub.t;
  const unit = Hub.named('units', part.unitId);
  if (part.state === 'ANSWERED') return t('partAnsweredLine', { unit, answer: part.answer || '–' });
  if (part.state === 'WAIVED') return t('partWaivedLine', { unit, reason: part.waiveReason || '–' });
  const left = part.state === 'ASSIGNED' || part.state === 'ACCEPTED' ? countdown({ part }, Date.now()) : null;
  return t('partLine', { unit, state: t('partState' + part.state), accept: when(part.acceptBy),
    due: when(part.dueBy) }) + (left && left.text !== '–' ? ' · ' + left.text : '');
}

/** The parts that are neither in nor waived: the lead resolves only without any. */
export const openParts = (ticket) => partsOf(ticket).filter((part) => part.state === 'ASSIGNED'
  || part.state === 'ACCEPTED');

/** The request for more time that waits for the centre, or null. */
export function waitingExtension(ticket) {
  const last = (ticket.extensionHistory || []).slice(-1)[0];
  return last && last.state === 'WAITING' ? last : null;
}

/** The record of who saw the caller's number, as timeline steps. */
export function reveals(list) {
  return (list || []).map((seen) => {
    const from = seen.unitId ? Hub.named('units', seen.unitId) : seen.role ? Hub.t(seen.role) : '';
    const who = seen.name && from ? Hub.t('revealWho', { name: seen.name, from }) : seen.name || from || '–';
    return { at: seen.at, kind: 'revealed', text: Hub.t('revealStep', { who }) };
  });
}

/** The tickets that joined this one, each with why; a linked ticket itself names the one it joined. */
export async function linked(container, ticket, open) {
  const t = Hub.t;
  container.replaceChildren();
  // an answer that arrives after another ticket was opened is not shown under it
  container.dataset.about = ticket.ticketId;
  const still = () => container.dataset.about === ticket.ticketId;
  if (ticket.repeatOf || ticket.parentIncidentId) {
    const parentId = ticket.repeatOf || ticket.parentIncidentId;
    const parent = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(parentId)).catch(() => null);
    if (!still()) return;
    const why = '（' + t(ticket.repeatOf ? 'repeat' : 'sameIncident') + '）';
    // a ticket out of this person's reach is named, never by its internal id, and not offered as a link
    if (!parent) {
      container.textContent = t('joinedElsewhere') + why;
      return;
    }
    const a = document.createElement('a');
    a.href = '#ticket=' + encodeURIComponent(parent.ticketNumber);
    a.dataset.testid = 'joined';
    a.textContent = t('joined', { number: parent.ticketNumber }) + why;
    a.onclick = (event) => { event.preventDefault(); open(parentId); };
    container.append(a);
    return;
  }
  const joined = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId) + '/linked');
  if (!still()) return;
  if (!joined.length) {
    container.textContent = t('linkedNone');
    return;
  }
  const ul = document.createElement('ul');
  for (const other of joined) {
    const li = document.createElement('li');
    li.dataset.testid = 'linked-' + other.ticketNumber;
    li.textContent = other.ticketNumber + ' · ' + t(other.repeatOf ? 'repeat' : 'sameIncident') + ' · '
      + when(other.receivedAt) + ' · ' + other.description;
    ul.append(li);
  }
  container.append(ul);
}

/**
 * The rows of a queue into {@code table}'s body: the number as a button that opens the ticket, the
 * {@code columns} (each a ticket's text, or {text, className}) and the countdown, the chosen ticket marked; a line
 * saying so when there is none. A refresh keeps the keyboard's place.
 */
export function queue(table, tickets, chosenId, columns, open) {
  const now = Date.now();
  const body = table.querySelector('tbody');
  const focused = body.contains(document.activeElement) && document.activeElement.closest('tr')
    ? document.activeElement.closest('tr').dataset.ticket : null;
  body.replaceChildren();
  if (!tickets.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = columns.length + 2;
    cell.className = 'empty';
    cell.textContent = Hub.t('nothing');
    return;
  }
  for (const ticket of tickets) {
    const row = body.insertRow();
    const left = countdown(ticket, now);
    const chosen = chosenId === ticket.ticketId;
    row.className = [left.state, chosen ? 'chosen' : ''].join(' ').trim();
    row.dataset.ticket = ticket.ticketNumber;
    row.dataset.ticketId = ticket.ticketId;
    row.dataset.state = left.state;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'open-ticket';
    button.textContent = ticket.ticketNumber;
    if (chosen) button.setAttribute('aria-current', 'true');
    row.insertCell().append(button);
    columns.forEach((column) => {
      const value = column(ticket);
      const cell = row.insertCell();
      if (value && typeof value === 'object') {
        cell.textContent = value.text;
        cell.className = value.className || '';
      } else {
        cell.textContent = value;
      }
    });
    const cell = row.insertCell();
    cell.className = 'deadline';
    cell.textContent = left.text;
    // the button is the keyboard's way in (Enter, Space); a click anywhere on the row does the same
    row.onclick = () => open(ticket.ticketId);
    if (focused === ticket.ticketNumber) button.focus();
  }
}

/**
 * Reads a ticket for a page that shows one at a time: resolves to null for an answer that arrives after another
 * ticket was asked for, so that it is not shown under that one.
 */
export function reader() {
  let asked = 0;
  return async (ticketId) => {
    const mine = ++asked;
    try {
      const ticket = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(ticketId));
      return mine === asked ? ticket : null;
    } catch (e) {
      if (mine === asked) throw e;
      return null;
    }
  };
}

// ---- drafts: what a person typed survives a reload, per ticket and field, in this tab only ----

/**
 * Keeps the values of {@code fields} per ticket in session storage as they are typed; {@code show(ticketId)}
 * puts back that ticket's drafts (or the fields' defaults), {@code done(fields)} forgets them after a success.
 */
export function drafts(page, fields) {
  let about = null;
  const prefix = (ticketId) => 'hub.draft.' + page + '.' + ticketId + '.';
  const key = (input) => prefix(about) + input.id;
  const valueOf = (input) => input.type === 'checkbox' ? String(input.checked) : input.value;
  const reset = (input) => {
    if (input.type === 'checkbox') input.checked = input.defaultChecked;
    else if (input.tagName === 'SELECT') input.selectedIndex = Math.max(0, [...input.options]
      .findIndex((option) => option.defaultSelected));
    else input.value = input.defaultValue;
  };
  fields.forEach((input) => {
    const save = () => {
      if (!about) return;
      const value = valueOf(input);
      const blank = input.type === 'checkbox' ? input.checked === input.defaultChecked : value === '';
      try {
        if (blank) sessionStorage.removeItem(key(input)); else sessionStorage.setItem(key(input), value);
      } catch (e) {
        // storage full or refused: the field still holds what was typed
      }
    };
    input.addEventListener('input', save);
    input.addEventListener('change', save);
  });
  return {
    show(ticketId) {
      about = ticketId;
      fields.forEach((input) => {
        const kept = ticketId ? sessionStorage.getItem(key(input)) : null;
        if (kept === null) reset(input);
        else if (input.type === 'checkbox') input.checked = kept === 'true';
        else input.value = kept;
      });
    },
    done(which) {
      (which || fields).forEach((input) => {
        if (about) sessionStorage.removeItem(key(input));
        reset(input);
      });
    },
    forget(ticketId) {
      const gone = prefix(ticketId);
      Object.keys(sessionStorage).filter((name) => name.startsWith(gone))
        .forEach((name) => sessionStorage.removeItem(name));
    }
  };
}

// ---- a ticket's photos, which intake keeps: what the caller sent, the grid worker's and the unit's before and
// after; thumbnails that open full size ----

const PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_RULES = ['format', 'size', 'range', 'invalid'];
const photosPath = (ticketId) => '/api/v1/intake/tickets/' + encodeURIComponent(ticketId) + '/photos';

/**
 * A copy of the page's photo section ({@code #photos}) and dialog ({@code #photo-view}) for a second ticket, put
 * after {@code place}: every id in them, and every reference to one, after {@code prefix}, for
 * {@code photos(prefix)}. Its words follow the language as the page's do.
 */
export function copyPhotoSection(prefix, place) {
  let after = place;
  for (const id of ['photos', 'photo-view']) {
    const copy = document.getElementById(id).cloneNode(true);
    for (const element of [copy, ...copy.querySelectorAll('*')]) {
      if (element.id) element.id = prefix + element.id;
      for (const naming of ['aria-labelledby', 'aria-describedby', 'for', 'data-testid']) {
        const named = element.getAttribute(naming);
        if (named) element.setAttribute(naming, named.split(' ').map((one) => prefix + one).join(' '));
      }
    }
    after.after(copy);
    after = copy;
  }
}

/**
 * The photos of the ticket shown, in the page's {@code #photo-list} with {@code #photo-status} and
 * {@code #photo-list-problem}, each opening full size in {@code dialog#photo-view}. {@code show(ticketId)} reads
 * them (null empties them); {@code add(kind, input)} sends the file chosen in {@code input} as a photo of
 * {@code kind}, its outcome said in {@code #photo-before-status} and {@code #photo-before-problem} (after: alike);
 * {@code paint()} says everything again, in the language of the moment. Every id is read after {@code prefix}, so
 * that a page can show a second ticket's photos (a supporting unit's part: {@code photos('part-')}).
 */
export function photos(prefix = '') {
  const $ = (id) => document.getElementById(prefix + id);
  let about = null;
  let listed = [];
  const thumbnails = new Map();
  let listError = null;
  /** Per kind added here: {key, values} said once sent, {rule} or {error} when refused. */
  const said = {};
  const refused = {};
  let opener = null;

  async function show(ticketId) {
    if (ticketId !== about) {
      about = ticketId;
      listed = [];
      thumbnails.clear();
      listError = null;
      Object.keys(said).forEach((kind) => { delete said[kind]; });
      Object.keys(refused).forEach((kind) => { delete refused[kind]; });
    }
    paint();
    if (!ticketId) return;
    try {
      const answer = await Hub.api('intake', photosPath(ticketId));
      if (about !== ticketId) return;
      listed = answer || [];
      listError = null;
    } catch (e) {
      if (about !== ticketId) return;
      listError = e;
    }
    paint();
    for (const photo of listed) {
      if (thumbnails.has(photo.id)) continue;
      try {
        const shown = await Hub.image('intake', photo.thumbnailHref);
        if (about !== ticketId) return;
        thumbnails.set(photo.id, shown);
      } catch (e) {
        // the photo stays listed by its words, and opens full size all the same; the next reading tries again
        continue;
      }
      paint();
    }
  }

  async function add(kind, input) {
    const file = input.files && input.files[0];
    input.value = '';
    const ticketId = about;
    if (!file || !ticketId) return;
    delete refused[kind];
    delete said[kind];
    // a photo too large is not sent at all: the service would refuse it after the whole upload
    if (file.size > PHOTO_BYTES) {
      refused[kind] = { rule: 'size', name: file.name };
      paint();
      return;
    }
    said[kind] = { key: 'photoSending' };
    paint();
    const form = new FormData();
    form.append('photo', file, file.name || 'photo.jpg');
    try {
      await Hub.api('intake', photosPath(ticketId) + '?kind=' + kind, { method: 'POST', body: form });
      if (about !== ticketId) return;
      said[kind] = { key: 'photoAdded', values: { name: file.name } };
    } catch (e) {
      if (about !== ticketId) return;
      delete said[kind];
      refused[kind] = { error: e, name: file.name };
    }
    await show(ticketId);
  }

  function refusalText(refusal) {
    const error = refusal.error;
    const fields = error && error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
    const field = fields.find((one) => one.field === 'photo');
    const rule = refusal.rule || (field ? (PHOTO_RULES.includes(field.code) ? field.code : 'invalid') : null);
    return Hub.t('photoRefused', { name: refusal.name, why: rule ? Hub.t('photoRule.' + rule)
      : error && error.status === 409 ? Hub.t('photosFull') : Hub.problemText(error) });
  }

  const altOf = (photo, index) => Hub.t('photoAlt', { kind: Hub.t('kind.' + photo.kind), n: index + 1,
    count: listed.length, when: when(photo.addedAt) });

  const setText = (element, text) => {
    if (element && element.textContent !== text) element.textContent = text;
  };

  // everything the photos show, from what is held: safe on every reading and language switch
  function paint() {
    const list = $('photo-list');
    if (!list) return;
    const focused = list.contains(document.activeElement) ? document.activeElement.closest('li').dataset.photo
      : null;
    list.replaceChildren(...listed.map((photo, index) => {
      const item = document.createElement('li');
      item.dataset.photo = photo.id;
      item.dataset.kind = photo.kind;
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'photo';
      const name = Hub.t('openPhoto', { photo: altOf(photo, index) });
      if (thumbnails.has(photo.id)) {
        const shown = document.createElement('img');
        shown.src = thumbnails.get(photo.id);
        shown.alt = name;
        open.append(shown);
      } else {
        open.textContent = name;
      }
      open.onclick = () => showFull(photo, index);
      item.append(open);
      return item;
    }));
    // a thumbnail that arrives redraws the list: the keyboard keeps its place
    const back = focused && list.querySelector('li[data-photo="' + CSS.escape(focused) + '"] button');
    if (back) back.focus();
    setText($('photo-list-problem'), listError ? Hub.t('photoListFailed', { why: Hub.problemText(listError) }) : '');
    setText($('photo-status'), listed.length || listError ? '' : Hub.t('noPhotos'));
    for (const kind of ['BEFORE', 'AFTER']) {
      const input = $('photo-' + kind.toLowerCase());
      if (!input) continue;
      const problem = refused[kind] ? refusalText(refused[kind]) : '';
      setText($('photo-' + kind.toLowerCase() + '-problem'), problem);
      input.setAttribute('aria-invalid', problem ? 'true' : 'false');
      const note = said[kind];
      setText($('photo-' + kind.toLowerCase() + '-status'), note ? Hub.t(note.key, Object.assign({
        kind: Hub.t('kind.' + kind) }, note.values)) : '');
    }
    const dialog = $('photo-view');
    if (dialog && dialog.open && opener) {
      const index = listed.findIndex((photo) => photo.id === opener.photoId);
      if (index >= 0) $('photo-full').alt = altOf(listed[index], index);
    }
  }

  /** The photo full size in the page's own dialog, closed by its button or Escape; the focus goes back. */
  async function showFull(photo, index) {
    const ticketId = about;
    let full;
    try {
      full = await Hub.image('intake', photo.href);
    } catch (e) {
      setText($('photo-list-problem'), Hub.t('photoOpenFailed', { why: Hub.problemText(e) }));
      return;
    }
    if (about !== ticketId) return;
    opener = { photoId: photo.id };
    const dialog = $('photo-view');
    $('photo-full').src = full;
    $('photo-full').alt = altOf(photo, index);
    dialog.showModal();
    $('photo-close').focus();
  }

  const dialog = $('photo-view');
  if (dialog) {
    $('photo-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      const back = opener && $('photo-list')
        .querySelector('li[data-photo="' + CSS.escape(opener.photoId) + '"] button');
      opener = null;
      $('photo-full').removeAttribute('src');
      if (back) back.focus();
    });
  }
  return { show, add, paint };
}

// ---- notices that follow the language ----

let said = null;

const sayNow = () => Hub.notice(Hub.t(said.key, Object.fromEntries(Object.entries(said.values || {})
  .map(([name, value]) => [name, typeof value === 'function' ? value() : value]))));

/**
 * Tells the person {@code key} in the page's live region, said again in the other language after a switch; a
 * value that is a function is asked again then (a unit's name, say).
 */
export function say(key, values) {
  said = { key, values };
  sayNow();
}

/** Re-renders what this file put on screen outside the pages' own re-rendering, after a language switch. */
export function relabel() {
  if (said) sayNow();
}

/** The ticket a {@code #ticket=…} in the address names: a ticket number or an id. */
export function askedFor() {
  const match = /(?:^#|&)ticket=([^&]+)/.exec(location.hash);
  if (!match) return null;
  const value = decodeURIComponent(match[1]).trim();
  return { value, isNumber: /^\d+-\d{8}-\d+$/.test(value) };
}
