// What the unit workbench and the supervisor desk both show of a ticket: its deadline as a countdown, its fields,
// the tickets that joined it, and its timeline.
(function () {
  'use strict';
  const SOON_MS = 4 * 3600 * 1000;
  const WORDS = {
    zh: {
      number: '工单号', category: '诉求分类', status: '状态', deadline: '时限', urgency: '紧急程度', unit: '承办单位',
      grid: '网格', district: '区县', channel: '渠道', description: '诉求内容', received: '受理', assignedTo: '派给',
      accepted: '签收', resolved: '办结', closed: '归档', progress: '进展', returnedBy: '曾退单单位',
      acceptBy: '签收时限', resolveBy: '办结时限', leftToAccept: '签收剩余 {left}', leftToResolve: '办结剩余 {left}',
      overdueBy: '已超期 {left}', why: '派单依据', rule: '规则 {rule}（第 {version} 版）', cues: '匹配：{cues}',
      noRule: '无规则匹配，人工分派', linked: '关联工单', linkedNone: '无', repeat: '重复来电', sameIncident: '同一事件',
      joined: '已关联到工单 {number}', reply: '答复', result: '办理结果', extensions: '延期次数',
      reopenings: '重办次数', escalations: '督办次数', timeline: '办理过程', nothing: '暂无工单。', days: '{n}天',
      hours: '{n}小时', minutes: '{n}分', SOLVED: '已解决', PARTLY_SOLVED: '部分解决', CANNOT_SOLVE: '无法解决',
      RECEIVED: '已受理', TRIAGE: '待人工分派', ASSIGNED: '待签收', ACCEPTED: '办理中', REJECTED: '已退单',
      EXTENDED: '已延期', RESOLVED: '已办结待评价', REOPENED: '重办中', LINKED: '已关联', CLOSED: '已归档',
      URGENT: '紧急', HIGH: '较急', NORMAL: '一般', CONSULTATION: '咨询', PHONE: '电话', WEB: '网站',
      OPEN311: 'Open311', GRID: '网格员', LIAISON: '联户长', WECHAT: '微信'
    },
    en: {
      number: 'Number', category: 'Category', status: 'Status', deadline: 'Deadline', urgency: 'Urgency',
      unit: 'Unit', grid: 'Grid', district: 'District', channel: 'Channel', description: 'What the citizen said',
      received: 'Received', assignedTo: 'Assigned to', accepted: 'Signed for', resolved: 'Resolved',
      closed: 'Closed', progress: 'Progress', returnedBy: 'Returned by', acceptBy: 'Sign for by',
      resolveBy: 'Resolve by', leftToAccept: '{left} left to sign for', leftToResolve: '{left} left to resolve',
      overdueBy: 'overdue by {left}', why: 'Why here', rule: 'rule {rule} (version {version})',
      cues: 'matched: {cues}', noRule: 'no rule matched: dispatched by hand', linked: 'Linked tickets',
      linkedNone: 'none', repeat: 'repeat call', sameIncident: 'same incident', joined: 'joined ticket {number}',
      reply: 'Reply', result: 'Result', extensions: 'Extensions', reopenings: 'Reopened', escalations: 'Escalated',
      timeline: 'What happened', nothing: 'No tickets.', days: '{n} d', hours: '{n} h', minutes: '{n} min',
      SOLVED: 'solved', PARTLY_SOLVED: 'partly solved', CANNOT_SOLVE: 'cannot be solved', RECEIVED: 'received',
      TRIAGE: 'awaiting dispatch', ASSIGNED: 'to sign for', ACCEPTED: 'in hand', REJECTED: 'returned',
      EXTENDED: 'extended', RESOLVED: 'resolved, awaiting rating', REOPENED: 'reopened', LINKED: 'linked',
      CLOSED: 'closed', URGENT: 'urgent', HIGH: 'high', NORMAL: 'normal', CONSULTATION: 'consultation',
      PHONE: 'phone', WEB: 'web', OPEN311: 'Open311', GRID: 'grid worker', LIAISON: 'household liaison', WECHAT: 'WeChat'
    }
  };

  const when = (instant) => instant ? new Date(instant).toLocaleString(Hub.language() === 'en' ? 'en-GB' : 'zh-CN',
    { timeZone: Hub.city().zone || undefined, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : '–';

  function span(ms) {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
    const d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
    return [d ? Hub.t('days', { n: d }) : '', h ? Hub.t('hours', { n: h }) : '', !d && m ? Hub.t('minutes', { n: m }) : '']
      .filter(Boolean).join(' ');
  }

  /** The deadline that runs now: signing for an assigned ticket, else resolving it; null when none runs. */
  function deadline(ticket) {
    if (ticket.status === 'ASSIGNED') return { kind: 'accept', at: ticket.acceptBy };
    if (['ACCEPTED', 'EXTENDED', 'REOPENED'].includes(ticket.status)) return { kind: 'resolve', at: ticket.resolveBy };
    return null;
  }

  /** {text, state}: the countdown to the running deadline and whether it is overdue, soon due or fine. */
  function countdown(ticket, now) {
    const running = deadline(ticket);
    if (!running || !running.at) return { text: '–', state: '' };
    const left = Date.parse(running.at) - now;
    if (left < 0) return { text: Hub.t('overdueBy', { left: span(left) }), state: 'overdue' };
    return { text: Hub.t(running.kind === 'accept' ? 'leftToAccept' : 'leftToResolve', { left: span(left) }),
      state: left < SOON_MS ? 'soon' : '' };
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

  /** The ticket's fields into a {@code dl}. */
  function details(list, ticket) {
    list.replaceChildren();
    const t = Hub.t;
    field(list, t('number'), ticket.ticketNumber).dataset.testid = 'detail-number';
    field(list, t('status'), t(ticket.status)).dataset.testid = 'detail-status';
    field(list, t('category'), Hub.named('categories', ticket.category));
    field(list, t('urgency'), t(ticket.urgency) + ' · ' + t(ticket.priority));
    field(list, t('channel'), t(ticket.channel));
    field(list, t('district'), Hub.named('districts', ticket.district) + (ticket.gridId ? ' · ' + ticket.gridId : ''));
    field(list, t('unit'), ticket.unitId ? Hub.named('units', ticket.unitId) : null);
    const running = deadline(ticket);
    if (running) field(list, t(running.kind === 'accept' ? 'acceptBy' : 'resolveBy'), when(running.at));
    field(list, t('description'), ticket.description).dataset.testid = 'detail-description';
    const reason = ticket.reason;
    field(list, t('why'), !reason || !reason.ruleId ? t('noRule') : t('rule', { rule: reason.ruleId,
      version: reason.ruleSetVersion }) + (reason.cues.length ? '；' + t('cues', { cues: reason.cues.join('、') }) : ''));
    if (ticket.returnedBy.length) field(list, t('returnedBy'), ticket.returnedBy.map((u) => Hub.named('units', u))
      .join('、'));
    if (ticket.extensions) field(list, t('extensions'), ticket.extensions);
    if (ticket.reopenings) field(list, t('reopenings'), ticket.reopenings);
    if (ticket.escalations) field(list, t('escalations'), ticket.escalations);
    if (ticket.result) field(list, t('result'), t(ticket.result));
    if (ticket.reply) field(list, t('reply'), ticket.reply).dataset.testid = 'detail-reply';
  }

  /** What happened, oldest first, from the ticket's own record. */
  function timeline(list, ticket) {
    const t = Hub.t;
    const steps = [[ticket.receivedAt, t('received') + ' · ' + t(ticket.channel)]];
    if (ticket.assignedAt && ticket.unitId) {
      steps.push([ticket.assignedAt, t('assignedTo') + ' ' + Hub.named('units', ticket.unitId)]);
    }
    if (ticket.acceptedAt) steps.push([ticket.acceptedAt, t('accepted')]);
    (ticket.notes || []).forEach((note) => steps.push([note.at, t('progress') + '：' + note.text]));
    if (ticket.resolvedAt) steps.push([ticket.resolvedAt, t('resolved') + (ticket.result ? ' · ' + t(ticket.result)
      : '')]);
    if (ticket.closedAt) steps.push([ticket.closedAt, t('closed')]);
    steps.sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]));
    list.replaceChildren(...steps.map(([at, text]) => {
      const li = document.createElement('li');
      const time = document.createElement('time');
      time.className = 'muted';
      time.textContent = when(at) + ' ';
      li.append(time, text);
      return li;
    }));
  }

  /** The tickets that joined this one, each with why; a linked ticket itself names the one it joined. */
  async function linked(container, ticket, open) {
    const t = Hub.t;
    container.replaceChildren();
    // an answer that arrives after another ticket was opened is not shown under it
    container.dataset.about = ticket.ticketId;
    const still = () => container.dataset.about === ticket.ticketId;
    if (ticket.repeatOf || ticket.parentIncidentId) {
      const parentId = ticket.repeatOf || ticket.parentIncidentId;
      const a = document.createElement('a');
      a.href = '#';
      a.dataset.testid = 'joined';
      const parent = await Hub.api('', '/api/v1/tickets/' + encodeURIComponent(parentId)).catch(() => null);
      if (!still()) return;
      a.textContent = t('joined', { number: parent ? parent.ticketNumber : parentId })
        + '（' + t(ticket.repeatOf ? 'repeat' : 'sameIncident') + '）';
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
   * The rows of a queue into {@code table}'s body: the number, the {@code columns} (each a ticket's text) and the
   * countdown, the chosen ticket marked, a click opening one; a line saying so when there is none.
   */
  function queue(table, tickets, chosenId, columns, open) {
    const now = Date.now();
    const body = table.querySelector('tbody');
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
      row.className = [left.state, chosenId === ticket.ticketId ? 'chosen' : ''].join(' ').trim();
      row.dataset.ticket = ticket.ticketNumber;
      row.dataset.state = left.state;
      row.insertCell().textContent = ticket.ticketNumber;
      columns.forEach((column) => { row.insertCell().textContent = column(ticket); });
      const cell = row.insertCell();
      cell.className = 'deadline';
      cell.textContent = left.text;
      row.onclick = () => open(ticket.ticketId);
    }
  }

  /**
   * Reads a ticket for a page that shows one at a time: resolves to null for an answer that arrives after another
   * ticket was asked for, so that it is not shown under that one.
   */
  function reader() {
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

  /** What a refused change says: each field with its problem, or the problem's detail. */
  function refusal(e) {
    return e.problem && e.problem.errors
      ? e.problem.errors.map((error) => error.field + ' ' + error.message).join('；') : e.message;
  }

  window.Tickets = { WORDS, when, countdown, deadline, details, timeline, linked, queue, reader, refusal };
}());
