// The unit's workbench: the tickets it holds, the most pressing deadline first, each with a countdown; sign for,
// return with a reason, record progress, ask for more time, resolve with the reply the citizen will read.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const OWN = {
    zh: {
      pageTitle: '承办单位工作台', queue: '待办工单', ticket: '工单', accept: '签收', reject: '退单',
      rejectHint: '退单理由（必填）', progress: '进展', progressHint: '已做了什么、下一步', addProgress: '记录进展',
      extend: '申请延期', extendHint: '延期理由（必填）', resolve: '办结', replyToCitizen: '给市民的答复（将以短信发送）',
      replyPublic: '答复可公开', NOT_OURS: '不属本单位职责', OUTSIDE_AREA: '不在本单位辖区',
      NOT_ACTIONABLE: '诉求不明确，无法办理', legendOverdue: '已超期', legendSoon: '4小时内到期', count: '共 {n} 件',
      done: '已{action}：{number}', noUnit: '您的账号未绑定承办单位。'
    },
    en: {
      pageTitle: 'unit workbench', queue: 'Tickets to work', ticket: 'Ticket', accept: 'Sign for', reject: 'Return',
      rejectHint: 'why (required)', progress: 'Progress', progressHint: 'what was done, what is next',
      addProgress: 'Add progress', extend: 'Ask for more time', extendHint: 'why (required)', resolve: 'Resolve',
      replyToCitizen: 'Reply to the citizen (sent as a text)', replyPublic: 'The reply may be public',
      NOT_OURS: 'not our responsibility', OUTSIDE_AREA: 'outside our area', NOT_ACTIONABLE: 'unclear, cannot act',
      legendOverdue: 'overdue', legendSoon: 'due within 4 hours', count: '{n} tickets', done: '{action}: {number}',
      noUnit: 'Your account names no unit.'
    }
  };
  const words = { zh: Object.assign({}, Tickets.WORDS.zh, OWN.zh), en: Object.assign({}, Tickets.WORDS.en, OWN.en) };
  const t = (key, values) => Hub.t(key, values);
  let tickets = [];
  let chosen = null;

  async function loadQueue() {
    tickets = await Hub.api('', '/api/v1/tickets?list=open&size=200');
    showQueue();
  }

  function showQueue() {
    // the most pressing 200; a full queue says there are more
    $('queue-count').textContent = t('count', { n: tickets.length + (tickets.length >= 200 ? '+' : '') });
    Tickets.queue($('queue'), tickets, chosen && chosen.ticketId, [
      (ticket) => Hub.named('categories', ticket.category), (ticket) => t(ticket.status)], open);
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
    showDetail();
    showQueue();
  }

  function showDetail() {
    $('detail').hidden = false;
    $('detail').dataset.ticket = chosen.ticketNumber;
    Tickets.details($('fields'), chosen);
    Tickets.timeline($('timeline'), chosen);
    Tickets.linked($('linked'), chosen, open).catch(Hub.fail);
    const status = chosen.status;
    const inHand = ['ACCEPTED', 'EXTENDED', 'REOPENED'].includes(status);
    $('accept').hidden = status !== 'ASSIGNED';
    $('reject-box').hidden = status !== 'ASSIGNED';
    $('progress-box').hidden = !inHand;
    $('extend-box').hidden = !inHand;
    $('resolve-box').hidden = !inHand;
  }

  async function act(action, body, label) {
    $('problem').textContent = '';
    try {
      chosen = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(chosen.ticketId) + '/' + action,
        { method: 'POST', body: body || {} });
      Hub.notice(t('done', { action: label, number: chosen.ticketNumber }));
      document.querySelectorAll('#actions input, #actions textarea').forEach((field) => {
        if (field.type !== 'checkbox') field.value = '';
      });
      showDetail();
      await loadQueue();
    } catch (e) {
      $('problem').textContent = Tickets.refusal(e);
    }
  }

  function ready(user) {
    if (!user.unit) {
      Hub.notice(t('noUnit'), true);
      return;
    }
    $('workbench').hidden = false;
    $('accept').onclick = () => act('accept', null, t('accept'));
    $('reject').onclick = () => act('reject', { reasonCode: $('reject-code').value,
      reasonText: $('reject-text').value }, t('reject'));
    $('progress').onclick = () => act('progress', { note: $('progress-text').value }, t('addProgress'));
    $('extend').onclick = () => act('extend', { resolveBy: $('extend-to').value
      ? new Date($('extend-to').value).toISOString() : null, reason: $('extend-reason').value }, t('extend'));
    $('resolve').onclick = () => act('resolve', { result: $('resolve-result').value,
      reply: $('resolve-reply').value, replyPublic: $('resolve-public').checked }, t('resolve'));
    // the countdowns move on their own; the queue is read again every half minute for new tickets
    setInterval(showQueue, 15000);
    setInterval(() => loadQueue().catch(Hub.fail), 30000);
    return loadQueue().catch(Hub.fail);
  }

  Hub.start({ roles: ['UNIT'], words, ready, onLanguage: () => {
    if (!tickets) return;
    showQueue();
    if (chosen) showDetail();
  } });
}());
