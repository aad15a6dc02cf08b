// The services' problems (RFC 9457, with a code of the hub's own) said in the reader's language, once for every page,
// the citizens' and the staff's: for bad fields "<label>：<rule>" each, otherwise a sentence per problem code. The
// services' English detail is never shown.
import { t, has, pageHas } from '/hub/words.js';

/** A refused call: {@code status}, and {@code problem} the service's problem body (with its {@code code}). */
export function failure(status, problem, message) {
  const error = new Error(message);
  error.status = status;
  error.problem = problem;
  return error;
}

/**
 * A refusal read from a service's answer, as {@link failure} makes it, for pages that call the services without
 * a session (the citizen's): the problem's body when it has one, its Retry-After when the body has none.
 */
export async function refusal(response) {
  const body = await response.json().catch(() => null);
  const problem = body && typeof body === 'object' ? body : {};
  if (problem.retryAfter === undefined && response.headers.get('Retry-After')) {
    problem.retryAfter = Number(response.headers.get('Retry-After'));
  }
  return failure(response.status, problem, problem.title || String(response.status));
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The label of a field: the page's field.<name>, then the shared one, for a nested name its first part. */
export function fieldLabel(field) {
  const name = String(field || '');
  const plain = name.replace(/\[\d+\]/g, '');
  const head = name.split(/[.[]/)[0];
  const key = ['field.' + name, 'field.' + plain, 'field.' + head, 'f_' + name, 'f_' + head].find(has);
  return key ? t(key) : name;
}

/** What a field's broken rule says; a rule this page does not know is "please check this field". */
export function ruleText(code) {
  return t(has('problem.' + code) ? 'problem.' + code : 'problem.invalid');
}

export function stateName(state) {
  if (!state) return null;
  if (pageHas('status.' + state)) return t('status.' + state);
  if (pageHas(state)) return t(state);
  return has('status.' + state) ? t('status.' + state) : null;
}

export function resourceName(resource) {
  const kind = resource ? capital(String(resource)) : '';
  return t(kind && has('resource.' + kind) ? 'resource.' + kind : 'resource.any');
}

/**
 * What went wrong, in this language, from the problem's codes: for bad fields "<label>：<rule>" each, otherwise a
 * sentence per problem code. The services' English {@code detail} is never shown; an error that is no problem (a
 * page's own) keeps its message.
 */
export function problemText(error) {
  if (error === null || error === undefined) return '';
  if (typeof error === 'string') return error;
  const problem = error.problem && typeof error.problem === 'object' ? error.problem : null;
  if (!problem) {
    // fetch fails with a TypeError when the service cannot be reached at all
    if (error.name === 'TypeError' && !error.status) return t('problem.network');
    return error.status ? t('problem.other', { status: error.status }) : String(error.message || error);
  }
  const code = problem.code;
  const errors = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.length > 0) {
    return t('problem.fix') + errors.map((e) => fieldLabel(e.field) + t('problem.colon') + ruleText(e.code))
      .join(t('problem.and'));
  }
  if (code === 'transition') {
    const state = stateName(problem.currentState);
    const action = problem.action && has('action.' + problem.action) ? 'action.' + problem.action : null;
    const named = { resource: resourceName('Ticket'), Resource: capital(resourceName('Ticket')), state };
    if (!state) return t('problem.transition.unknown', named);
    return action ? t('problem.transition.action', Object.assign(named, { action: t(action) }))
      : t('problem.transition', named);
  }
  if (code && has('problem.' + code)) {
    const resource = resourceName(problem.resource);
    return t('problem.' + code, { resource, Resource: capital(resource), seconds: problem.retryAfter || 60,
      status: problem.status || error.status });
  }
  const status = problem.status || error.status;
  if (status === 401) return t('problem.unauthorized');
  if (status >= 500) return t(status === 503 ? 'problem.dependency-unavailable' : 'problem.server-error');
  return t('problem.other', { status });
}

