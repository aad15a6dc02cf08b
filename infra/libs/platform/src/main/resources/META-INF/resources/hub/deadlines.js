// The ticket's deadlines as every page says them: which one runs now, the time left to it or past it, and whether it
// is about to breach. One rule for the unit's workbench, the centre's desk and the grid worker's page.
import { t } from '/hub/words.js';

// the centre's own deadlines (a review, a decision on more time) warn within four hours
const SOON_MS = 4 * 3600 * 1000;

/** A span of time in words: days and hours, or hours and minutes, never less than a minute. */
export function span(ms) {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
  const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
  return [d ? t('days', { n: d }) : '', h ? t('hours', { n: h }) : '', !d && m ? t('minutes', { n: m }) : '']
    .filter(Boolean).join(' ');
}

/** The deadline that runs now: signing for an assigned ticket, else resolving it; null when none runs. */
export function deadline(ticket) {
  // a part overdue in the centre's queue: the part's deadline it missed
  if (ticket.reviewing === 'part') return { kind: ticket.late === 'ACCEPT' ? 'accept' : 'part', at: ticket.deadline };
  // a supporting unit's part: signing for it, then answering it to the lead
  if (ticket.part) {
    if (ticket.part.state === 'ASSIGNED') return { kind: 'accept', at: ticket.part.acceptBy };
    return ticket.part.state === 'ACCEPTED' ? { kind: 'part', at: ticket.part.dueBy } : null;
  }
  // a request for more time in the centre's queue: what runs is the centre's time to decide
  if (ticket.reviewing === 'extension') return { kind: 'decide', at: ticket.decideBy };
  if (ticket.status === 'ASSIGNED') return { kind: 'accept', at: ticket.acceptBy };
  // a return waits for the centre: what runs is the centre's time to decide
  if (ticket.status === 'RETURN_REVIEW') return { kind: 'review', at: ticket.reviewBy };
  if (['ACCEPTED', 'EXTENDED', 'REOPENED'].includes(ticket.status)) return { kind: 'resolve', at: ticket.resolveBy };
  return null;
}

/**
 * {text, state}: the countdown to the running deadline and whether it is overdue, about to breach or fine. A unit's
 * deadline is about to breach from the {@code warnAt} its urgency class sets; the centre's own (a review, a
 * decision on more time) within four hours. The state is said in words too, never by colour alone.
 */
export function countdown(ticket, now) {
  const running = deadline(ticket);
  if (!running || !running.at) return { text: '–', state: '' };
  const left = Date.parse(running.at) - now;
  if (left < 0) return { text: t('overdueBy', { left: span(left) }), state: 'overdue' };
  const key = { accept: 'leftToAccept', review: 'leftToReview', decide: 'leftToDecide',
    part: 'leftToAnswerPart' }[running.kind] || 'leftToResolve';
  const text = t(key, { left: span(left) });
  const unitsOwn = running.kind === 'accept' || running.kind === 'resolve';
  const soon = unitsOwn && ticket.warnAt ? now >= Date.parse(ticket.warnAt) : left < SOON_MS;
  return soon ? { text: t('aboutToBreach', { countdown: text }), state: 'soon' } : { text, state: '' };
}
