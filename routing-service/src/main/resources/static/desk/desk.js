// The supervisor's desk: what needs the centre's hand (tickets waiting for dispatch, overdue, escalated, returned,
// reopened), each ticket with its timeline, the tickets that joined it and every text it caused.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const OWN = {
    zh: {
      pageTitle: '督办台', triage: '待人工分派', overdue: '超期', escalated: '督办', returned: '退单', reopened: '重办',
      allOpen: '全部在办', ticket: '工单', dispatch: '人工分派', dispatchReason: '分派理由', texts: '发给市民的短信',
      when: '时间', textStatus: '状态', text: '内容', legendOverdue: '已超期', legendSoon: '4小时内到期',
      PENDING: '待发送', SENT: '已发送', FAILED: '发送失败', SUPPRESSED: '未发送', DELIVERED: '已送达',
      noTexts: '没有短信。', dispatched: '已分派：{number} → {unit}'
    },
    en: {
      pageTitle: 'supervisor desk', triage: 'Awaiting dispatch', overdue: 'Overdue', escalated: 'Escalated',
      returned: 'Returned', reopened: 'Reopened', allOpen: 'All open', ticket: 'Ticket', dispatch: 'Dispatch',
      dispatchReason: 'Why this unit', texts: 'Texts to the citizen', when: 'When', textStatus: 'Status',
      text: 'Text', legendOverdue: 'overdue', legendSoon: 'due within 4 hours', PENDING: 'waiting', SENT: 'sent',
      FAILED: 'failed', SUPPRESSED: 'not sent', DELIVERED: 'delivered', noTexts: 'No texts.',
      dispatched: 'Dispatched: {number} → {unit}'
    }
  };
  const words = { zh: Object.assign({}, Tickets.WORDS.zh, OWN.zh), en: Object.assign({}, Tickets.WORDS.en, OWN.en) };
  const t = (key, values) => Hub.t(key, values);
  const LISTS = {
    triage: '/api/v1/triage', overdue: '/api/v1/tickets?overdue=true&size=200',
    escalated: '/api/v1/tickets?list=escalated&size=200', returned: '/api/v1/tickets?list=returned&size=200',
    reopened: '/api/v1/tickets?list=reopened&size=200', open: '/api/v1/tickets?list=open&size=200'
  };
  let list = 'triage';
  let lists = {};
  let chosen = null;

  async function loadLists() {
    const names = Object.keys(LISTS);
    const results = await Promise.all(names.map((name) => Hub.api('', LISTS[name])));
    names.forEach((name, i) => { lists[name] = results[i]; });
    // each list shows its most pressing 200; a full one says there are more
    showTabs();
    showQueue();
  }

  function showTabs() {
    document.querySelectorAll('#tabs button').forEach((button) => {
      button.classList.toggle('chosen', button.dataset.list === list);
      const shown = lists[button.dataset.list];
      button.querySelector('.count').textContent = !shown ? '' : ' ' + shown.length + (shown.length >= 200 ? '+' : '');
    });
  }

  function showQueue() {
    Tickets.queue($('queue'), lists[list] || [], chosen && chosen.ticketId, [
      (ticket) => Hub.named('categories', ticket.category),
      (ticket) => ticket.unitId ? Hub.named('units', ticket.unitId) : '–', (ticket) => t(ticket.status)], open);
  }

  const read = Tickets.reader();

  async function open(ticketId) {
    $('problem').textContent = '';
    try {
      const ticket = await read(ticketId);
      if (!ticket) return;
      chosen = ticket;
    } catch (e) {
      Hub.fail(e);
      return;
    }
    history.replaceState(null, '', '#ticket=' + encodeURIComponent(ticketId));
    showDetail();
    showQueue();
  }

  function showDetail() {
    $('detail').hidden = false;
    $('detail').dataset.ticket = chosen.ticketNumber;
    Tickets.details($('fields'), chosen);
    Tickets.timeline($('timeline'), chosen);
    Tickets.linked($('linked'), chosen, open).catch(Hub.fail);
    $('dispatch-box').hidden = chosen.status !== 'TRIAGE';
    showTexts().catch(Hub.fail);
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
      row.insertCell().textContent = Tickets.when(text.sentAt || text.createdAt);
      row.insertCell().textContent = t(text.deliveryStatus === 'DELIVERED' ? 'DELIVERED' : text.status);
      row.insertCell().textContent = text.text || text.suppressedBecause || '–';
    }
  }

  async function dispatch() {
    $('problem').textContent = '';
    try {
      chosen = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(chosen.ticketId) + '/assign',
        { method: 'POST', body: { unitId: $('dispatch-unit').value, reason: $('dispatch-reason').value } });
      Hub.notice(t('dispatched', { number: chosen.ticketNumber, unit: Hub.named('units', chosen.unitId) }));
      $('dispatch-reason').value = '';
      showDetail();
      await loadLists();
    } catch (e) {
      $('problem').textContent = Tickets.refusal(e);
    }
  }

  function fillUnits() {
    const select = $('dispatch-unit');
    const value = select.value;
    select.replaceChildren(...Hub.city().unitList.map((unit) => new Option(Hub.named('units', unit.code), unit.code)));
    if (value) select.value = value;
  }

  function ready() {
    $('desk').hidden = false;
    fillUnits();
    document.querySelectorAll('#tabs button').forEach((button) => {
      button.onclick = () => {
        list = button.dataset.list;
        showTabs();
        showQueue();
      };
    });
    $('dispatch').onclick = dispatch;
    setInterval(showQueue, 15000);
    setInterval(() => loadLists().catch(Hub.fail), 30000);
    const asked = /(?:^#|&)ticket=([^&]+)/.exec(location.hash);
    return loadLists().then(() => asked ? open(decodeURIComponent(asked[1])) : null).catch(Hub.fail);
  }

  Hub.start({ roles: ['SUPERVISOR'], words, ready, onLanguage: () => {
    if (!Hub.city()) return;
    fillUnits();
    showTabs();
    showQueue();
    if (chosen) showDetail();
  } });
}());
