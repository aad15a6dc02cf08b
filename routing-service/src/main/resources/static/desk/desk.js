// The supervisor's desk: what needs the centre's hand (tickets waiting for dispatch, returns and requests for more
// time to review, about to breach, overdue, escalated, returned, reopened) and what was done, any ticket found by its
// number, the caller's phone or its words, each ticket with its place, its timeline, the tickets that joined it and
// every text it caused.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const OWN = {
    zh: {
      pageTitle: '督办台', lists: '工单列表', triage: '待人工分派', overdue: '超期', escalated: '督办', returned: '退单',
      reopened: '重办', allOpen: '全部在办', done: '已办结', found: '查找结果', ticket: '工单', dispatch: '人工分派',
      dispatchReason: '分派理由', texts: '发给市民的短信', when: '时间', textStatus: '状态', text: '内容',
      legendOverdue: '已超期', legendSoon: '即将超期（已进入时限类别的预警时段）', dueSoon: '即将超期',
      PENDING: '待发送', SENT: '已发送', FAILED: '发送失败',
      SUPPRESSED: '未发送', DELIVERED: '已送达', noTexts: '没有短信。', dispatched: '已分派：{number} → {unit}',
      searchLabel: '查找工单（工单号、来电号码或诉求中的文字，含已办结）', searchGo: '查找',
      foundSome: '找到 {n} 张工单。', foundNone: '没有找到工单：{q}', notFound: '没有找到工单 {number}。',
      lastReturn: '退单理由', resolvedAtHead: '办结时间', receivedAtHead: '受理时间',
      returnReason: '{unit}：{code}——{text}', reviews: '退单审核', reviewReturn: '退单审核',
      reviewUnit: '改派单位（维持退单时）', reviewReason: '审核意见（必填）', upholdReturn: '维持退单并改派',
      rejectReturn: '驳回退单', suggested: '规则建议：{unit}', noSuggestion: '无规则建议，请选择单位',
      waitingReturn: '{reason}；规则建议：{unit}', upheld: '已维持退单：{number} → {unit}',
      returnRejected: '已驳回退单：{number} 退回{unit}', extensions: '延期审批', extensionAsked: '延期申请',
      waitingExtension: '{unit}申请延至 {to}（现时限 {from}）：{reason}', decideExtension: '延期审批',
      extensionRequest: '{unit}申请延期至 {to}，现时限 {from}（{state}）：{reason}', deadlineRuns: '时限照常计算',
      deadlinePassed: '已超过现时限', extensionTo: '批准的办结时限（缩短时填写，留空即按申请）',
      extensionReason: '审批意见（不同意或缩短时必填）', approveExtension: '同意延期', refuseExtension: '不同意延期',
      extensionApproved: '已同意延期：{number} 延至 {to}', extensionRefused: '已不同意延期：{number}，时限不变',
      partsOverdue: '协办超期', partLate: '超期的协办', latePart: '{unit}：{what}（时限 {at}）', lateACCEPT: '未按时签收',
      lateANSWER: '未按时答复', waiveReason: '{unit}：免除理由（必填）', waivePart: '免除{unit}的协办',
      partWaived: '已免除协办：{number}，{unit}', dispatchCo: '协办单位（可多选，按住 Ctrl 或 Shift 选择）'
    },
    en: {
      pageTitle: 'supervisor desk', lists: 'Ticket lists', triage: 'Awaiting dispatch', overdue: 'Overdue',
      escalated: 'Escalated', returned: 'Returned', reopened: 'Reopened', allOpen: 'All open', done: 'Done',
      found: 'Found', ticket: 'Ticket', dispatch: 'Dispatch', dispatchReason: 'Why this unit',
      texts: 'Texts to the citizen', when: 'When', textStatus: 'Status', text: 'Text', legendOverdue: 'overdue',
      legendSoon: 'about to breach (inside its urgency class\'s warning window)', dueSoon: 'About to breach',
      PENDING: 'waiting', SENT: 'sent', FAILED: 'failed', SUPPRESSED: 'not sent',
      DELIVERED: 'delivered', noTexts: 'No texts.', dispatched: 'Dispatched: {number} → {unit}',
      searchLabel: 'Find a ticket (number, caller\'s phone or words it holds, closed ones included)', searchGo: 'Find',
      foundSome: '{n} tickets found.', foundNone: 'No ticket found: {q}', notFound: 'No ticket {number} found.',
      lastReturn: 'Why returned', resolvedAtHead: 'Resolved', receivedAtHead: 'Received',
      returnReason: '{unit}: {code} — {text}', reviews: 'Returns to review', reviewReturn: 'Review the return',
      reviewUnit: 'Next unit (if upheld)', reviewReason: 'The centre\'s reason (required)',
      upholdReturn: 'Uphold and send on', rejectReturn: 'Reject the return',
      suggested: 'The rules suggest {unit}', noSuggestion: 'No rule suggests a unit: choose one',
      waitingReturn: '{reason}; the rules suggest {unit}', upheld: 'Return upheld: {number} → {unit}',
      returnRejected: 'Return rejected: {number} back to {unit}', extensions: 'Extensions to review',
      extensionAsked: 'More time asked', waitingExtension: '{unit} asks until {to} (now {from}): {reason}',
      decideExtension: 'Decide more time',
      extensionRequest: '{unit} asks for more time, to {to}; the deadline is {from} ({state}): {reason}',
      deadlineRuns: 'it runs meanwhile', deadlinePassed: 'it has passed',
      extensionTo: 'Deadline granted (to shorten it; empty grants the date asked)',
      extensionReason: 'The centre\'s reason (required to refuse or shorten)', approveExtension: 'Approve',
      refuseExtension: 'Refuse', extensionApproved: 'More time approved: {number} to {to}',
      extensionRefused: 'More time refused: {number}; the deadline stands',
      partsOverdue: 'Parts overdue', partLate: 'Part overdue', latePart: '{unit}: {what} (due {at})',
      lateACCEPT: 'not signed for in time', lateANSWER: 'not answered in time',
      waiveReason: '{unit}: why waive it (required)', waivePart: 'Waive {unit}\'s part',
      partWaived: 'Part waived: {number}, {unit}',
      dispatchCo: 'Supporting units (choose several with Ctrl or Shift)'
    }
  };
  const words = { zh: Object.assign({}, Tickets.WORDS.zh, OWN.zh), en: Object.assign({}, Tickets.WORDS.en, OWN.en) };
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

  Hub.start({ roles: ['SUPERVISOR'], words, ready, onLanguage: () => {
    Tickets.relabel();
    if (!Hub.city()) return;
    fillUnits();
    showTabs();
    showQueue();
    if (chosen) showDetail();
  } });
}());
