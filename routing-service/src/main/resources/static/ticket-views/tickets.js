// What the unit workbench and the supervisor desk both show of a ticket: its deadline as a countdown (with a warning in
// words once it is inside its urgency class's warning window), its fields, where
// it is on the city's map, the tickets that joined it and its timeline; and what both pages need around it: drafts
// that survive a reload, notices that follow a switch of language. The confirmation before what cannot be undone
// and the caller's number on request are the hub's (Hub.confirm, Hub.callerContact).
(function () {
  'use strict';
  const SOON_MS = 4 * 3600 * 1000;
  const SVG = 'http://www.w3.org/2000/svg';
  const WORDS = {
    zh: {
      number: '工单号', category: '诉求分类', status: '状态', deadline: '时限', urgency: '紧急程度', unit: '承办单位',
      grid: '网格', district: '区县', channel: '渠道', description: '诉求内容', received: '受理', assignedTo: '派给',
      accepted: '签收', resolved: '办结', closed: '归档', progress: '进展', returnedBy: '曾退单单位',
      acceptBy: '签收时限', resolveBy: '办结时限', leftToAccept: '签收剩余 {left}', leftToResolve: '办结剩余 {left}',
      leftToReview: '审核剩余 {left}', upheldStep: '中心维持退单，改派{next}：{reason}',
      rejectedStep: '中心驳回退单，退回{unit}：{reason}',
      overdueBy: '已超期 {left}', why: '派单依据', linked: '关联工单', linkedNone: '无', repeat: '重复来电',
      sameIncident: '同一事件', joined: '已关联到工单 {number}', joinedElsewhere: '已关联到另一张工单', reply: '答复',
      result: '办理结果', extensions: '延期次数', reopenings: '重办次数', escalations: '督办次数', timeline: '办理过程',
      nothing: '暂无工单。', days: '{n}天', hours: '{n}小时', minutes: '{n}分', SOLVED: '已解决',
      PARTLY_SOLVED: '部分解决', CANNOT_SOLVE: '无法解决', RECEIVED: '已受理', TRIAGE: '待人工分派', ASSIGNED: '待签收',
      ACCEPTED: '办理中', REJECTED: '已退单', EXTENDED: '已延期', RESOLVED: '已办结待评价', REOPENED: '重办中',
      RETURN_REVIEW: '退单待中心审核',
      LINKED: '已关联', CLOSED: '已归档', URGENT: '紧急', HIGH: '较急', NORMAL: '一般', CONSULTATION: '咨询',
      PHONE: '电话', WEB: '网站', OPEN311: 'Open311', GRID: '网格员', LIAISON: '联户长', WECHAT: '微信',
      address: '地址', noAddress: '来电人未说明地址', where: '位置',
      mapPoint: '地图：工单位置在{place}', mapGrid: '地图：工单位于{place}，没有具体定位点', mapNone: '此工单没有地图位置。',
      gridPlace: '网格 {grid}（{place}）', pointTitle: '工单位置',
      byRule: '按规则派单：{cues}', byRuleBare: '按规则派单', listSep: '，',
      cueCategory: '类别为{name}', cueDistrict: '位于{name}', cueGrid: '位于{place}', cueChannel: '来自{name}渠道',
      cueUrgency: '紧急程度为{name}', cueHours: '受理时间在 {hours} 之间', cueWord: '诉求中提到“{word}”',
      bySupervisor: '由中心督办人员人工分派：{reason}', bySupervisorBare: '由中心督办人员人工分派',
      noRule: '无规则匹配，待人工分派', noOtherRule: '退单后没有其他单位的规则匹配，待人工分派',
      NOT_OURS: '不属本单位职责', OUTSIDE_AREA: '不在本单位辖区', NOT_ACTIONABLE: '诉求不明确，无法办理',
      NOT_OUR_DUTY: '不属本单位职责', WRONG_PLACE: '不在本单位辖区', NEEDS_OTHER_UNIT: '需其他单位办理',
      DUPLICATE: '重复工单', OTHER: '其他原因',
      noteStep: '进展：{text}', returnStep: '{unit}退单（{code}）：{text}', escalationStep: '督办：{why}',
      escalationPlain: '督办', ACCEPT_OVERDUE: '签收超时', RESOLVE_OVERDUE: '办结超时', REPEAT_CALL: '市民重复来电',
      extensionStep: '延期至 {to}：{reason}', revealStep: '{who}查看了来电号码', revealWho: '{name}（{from}）',
      extensionAskedStep: '{unit}申请延期至 {to}，待中心审批：{reason}',
      extensionApprovedStep: '中心同意延期至 {to}（申请延至 {asked}）：{reason}', extensionRefusedStep: '中心不同意延期：{reason}',
      extensionLapsedStep: '延期申请未经审批即失效：工单已办结或退回', extensionByCentreStep: '中心延期至 {to}：{reason}',
      extensionPending: '延期待审批', leftToDecide: '审批剩余 {left}',
      urgencyClass: '时限类别', byPriority: '按紧急程度', aboutToBreach: '即将超期 · {countdown}',
      classLimits: '{name}（{dispatch}内签收，{answer}内办结，到期前{warn}预警）',
      classLimitsLonger: '{name}（{dispatch}内签收，{answer}内办结，经中心批准最长{longest}，到期前{warn}预警）',
      supportingUnits: '协办单位', leadUnit: '主办单位', partState: '协办状态', partStateASSIGNED: '待签收',
      partStateACCEPTED: '协办中', partStateANSWERED: '已答复主办单位', partStateWAIVED: '中心已免除',
      partStateWITHDRAWN: '已撤回', leftToAnswerPart: '答复剩余 {left}',
      partLine: '{unit}：{state}，{accept}前签收，{due}前答复', partAnsweredLine: '{unit}：已答复——{answer}',
      partWaivedLine: '{unit}：中心已免除——{reason}',
      partAssignedStep: '{unit}协办，{due}前答复主办单位', partAcceptedStep: '{unit}签收协办',
      partAnsweredStep: '{unit}协办答复：{text}', partWaivedStep: '中心免除{unit}的协办：{reason}',
      ANSWERED: '协办已答复', WAIVED: '协办已免除', WITHDRAWN: '协办已撤回', 'action.WORK_PART': '办理协办',
      'action.WAIVE_PART': '免除协办'
    },
    en: {
      number: 'Number', category: 'Category', status: 'Status', deadline: 'Deadline', urgency: 'Urgency',
      unit: 'Unit', grid: 'Grid', district: 'District', channel: 'Channel', description: 'What the citizen said',
      received: 'Received', assignedTo: 'Assigned to', accepted: 'Signed for', resolved: 'Resolved',
      closed: 'Closed', progress: 'Progress', returnedBy: 'Returned by', acceptBy: 'Sign for by',
      resolveBy: 'Resolve by', leftToAccept: '{left} left to sign for', leftToResolve: '{left} left to resolve',
      leftToReview: '{left} left to review', upheldStep: 'The centre upheld the return, on to {next}: {reason}',
      rejectedStep: 'The centre rejected the return, back to {unit}: {reason}',
      overdueBy: 'overdue by {left}', why: 'Why here', linked: 'Linked tickets', linkedNone: 'none',
      repeat: 'repeat call', sameIncident: 'same incident', joined: 'joined ticket {number}',
      joinedElsewhere: 'joined another ticket', reply: 'Reply', result: 'Result', extensions: 'Extensions',
      reopenings: 'Reopened', escalations: 'Escalated', timeline: 'What happened', nothing: 'No tickets.',
      days: '{n} d', hours: '{n} h', minutes: '{n} min', SOLVED: 'solved', PARTLY_SOLVED: 'partly solved',
      CANNOT_SOLVE: 'cannot be solved', RECEIVED: 'received', TRIAGE: 'awaiting dispatch', ASSIGNED: 'to sign for',
      ACCEPTED: 'in hand', REJECTED: 'returned', EXTENDED: 'extended', RESOLVED: 'resolved, awaiting rating',
      RETURN_REVIEW: 'return under the centre\'s review',
      REOPENED: 'reopened', LINKED: 'linked', CLOSED: 'closed', URGENT: 'urgent', HIGH: 'high', NORMAL: 'normal',
      CONSULTATION: 'consultation', PHONE: 'phone', WEB: 'web', OPEN311: 'Open311', GRID: 'grid worker',
      LIAISON: 'household liaison', WECHAT: 'WeChat',
      address: 'Address', noAddress: 'the caller gave no address', where: 'Where',
      mapPoint: 'Map: the ticket is in {place}', mapGrid: 'Map: the ticket lies in {place}, with no exact point',
      mapNone: 'This ticket has no place on the map.', gridPlace: 'grid {grid} ({place})', pointTitle: 'where it is',
      byRule: 'Dispatched by rule: {cues}', byRuleBare: 'Dispatched by rule', listSep: ', ',
      cueCategory: 'the category is {name}', cueDistrict: 'in {name}', cueGrid: 'in {place}',
      cueChannel: 'it came by {name}', cueUrgency: 'the urgency is {name}', cueHours: 'received between {hours}',
      cueWord: 'the citizen mentioned “{word}”', bySupervisor: 'Dispatched by a supervisor: {reason}',
      bySupervisorBare: 'Dispatched by a supervisor', noRule: 'No rule matched: waiting for a supervisor',
      noOtherRule: 'Returned, and no other unit\'s rule matches: waiting for a supervisor',
      NOT_OURS: 'not our responsibility', OUTSIDE_AREA: 'outside our area', NOT_ACTIONABLE: 'unclear, cannot act',
      NOT_OUR_DUTY: 'not our responsibility', WRONG_PLACE: 'outside our area',
      NEEDS_OTHER_UNIT: 'needs another unit', DUPLICATE: 'duplicate ticket', OTHER: 'other reason',
      noteStep: 'Progress: {text}',
      returnStep: '{unit} returned it ({code}): {text}', escalationStep: 'Escalated: {why}',
      escalationPlain: 'Escalated', ACCEPT_OVERDUE: 'not signed for in time', RESOLVE_OVERDUE: 'not resolved in time',
      REPEAT_CALL: 'the citizen called again', extensionStep: 'Extended to {to}: {reason}',
      revealStep: '{who} saw the caller\'s number', revealWho: '{name} ({from})',
      extensionAskedStep: '{unit} asked for more time, to {to}, for the centre to decide: {reason}',
      extensionApprovedStep: 'The centre approved more time, to {to} (asked: {asked}): {reason}',
      extensionRefusedStep: 'The centre refused more time: {reason}',
      extensionLapsedStep: 'The request for more time lapsed undecided: the ticket was resolved or returned',
      extensionByCentreStep: 'The centre extended it to {to}: {reason}', extensionPending: 'more time asked',
      leftToDecide: '{left} left to decide',
      urgencyClass: 'Urgency class', byPriority: 'by its urgency', aboutToBreach: 'about to breach · {countdown}',
      classLimits: '{name} (sign for within {dispatch}, resolve within {answer}, warned {warn} before)',
      classLimitsLonger: '{name} (sign for within {dispatch}, resolve within {answer}, up to {longest} with the '
        + 'centre\'s approval, warned {warn} before)',
      supportingUnits: 'Supporting units', leadUnit: 'Lead unit', partState: 'Part', partStateASSIGNED: 'to sign for',
      partStateACCEPTED: 'in hand', partStateANSWERED: 'answered to the lead', partStateWAIVED: 'waived by the centre',
      partStateWITHDRAWN: 'withdrawn', leftToAnswerPart: '{left} left to answer',
      partLine: '{unit}: {state}; sign for by {accept}, answer by {due}',
      partAnsweredLine: '{unit}: answered — {answer}', partWaivedLine: '{unit}: waived by the centre — {reason}',
      partAssignedStep: '{unit} supports, to answer the lead by {due}', partAcceptedStep: '{unit} signed for its part',
      partAnsweredStep: '{unit} answered its part: {text}',
      partWaivedStep: 'The centre waived {unit}\'s part: {reason}', ANSWERED: 'part answered', WAIVED: 'part waived',
      WITHDRAWN: 'part withdrawn', 'action.WORK_PART': 'work the part',
      'action.WAIVE_PART': 'waive the part'
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
  function countdown(ticket, now) {
    const running = deadline(ticket);
    if (!running || !running.at) return { text: '–', state: '' };
    const left = Date.parse(running.at) - now;
    if (left < 0) return { text: Hub.t('overdueBy', { left: span(left) }), state: 'overdue' };
    const key = { accept: 'leftToAccept', review: 'leftToReview', decide: 'leftToDecide',
      part: 'leftToAnswerPart' }[running.kind]
      || 'leftToResolve';
    const text = Hub.t(key, { left: span(left) });
    const unitsOwn = running.kind === 'accept' || running.kind === 'resolve';
    const soon = unitsOwn && ticket.warnAt ? now >= Date.parse(ticket.warnAt) : left < SOON_MS;
    return soon ? { text: Hub.t('aboutToBreach', { countdown: text }), state: 'soon' } : { text, state: '' };
  }

  // ---- urgency classes: read once a page, named in the page's language ----

  let classes = {};
  let classesRead = null;

  /** Reads the city's urgency classes once; a page awaits it before it first shows tickets. */
  function loadClasses() {
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
  function urgencyClass(ticket) {
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
  function gridPlace(gridId) {
    const grid = Hub.city().grids[gridId];
    if (!grid) return Hub.t('gridPlace', { grid: gridId, place: '–' });
    const place = [Hub.named('districts', grid.district), grid.street ? Hub.named('streets', grid.street) : '']
      .filter((part) => part && part !== '–').join(' · ');
    return Hub.t('gridPlace', { grid: gridId, place: place || '–' });
  }

  /** Reason code names of a return, in words. */
  const returnCode = (code) => Hub.t(code);

  /** Why the ticket went where it is, in words: the rule's conditions as a sentence, never the rule's syntax. */
  function because(ticket) {
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
  function details(list, ticket) {
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
  function map(container, caption, ticket) {
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
  function timeline(list, ticket, more) {
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

  const partsOf = (ticket) => ticket.parts || [];

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
  function partLine(part) {
    const t = Hub.t;
    const unit = Hub.named('units', part.unitId);
    if (part.state === 'ANSWERED') return t('partAnsweredLine', { unit, answer: part.answer || '–' });
    if (part.state === 'WAIVED') return t('partWaivedLine', { unit, reason: part.waiveReason || '–' });
    const left = part.state === 'ASSIGNED' || part.state === 'ACCEPTED' ? countdown({ part }, Date.now()) : null;
    return t('partLine', { unit, state: t('partState' + part.state), accept: when(part.acceptBy),
      due: when(part.dueBy) }) + (left && left.text !== '–' ? ' · ' + left.text : '');
  }

  /** The parts that are neither in nor waived: the lead resolves only without any. */
  const openParts = (ticket) => partsOf(ticket).filter((part) => part.state === 'ASSIGNED'
    || part.state === 'ACCEPTED');

  /** The request for more time that waits for the centre, or null. */
  function waitingExtension(ticket) {
    const last = (ticket.extensionHistory || []).slice(-1)[0];
    return last && last.state === 'WAITING' ? last : null;
  }

  /** The record of who saw the caller's number, as timeline steps. */
  function reveals(list) {
    return (list || []).map((seen) => {
      const from = seen.unitId ? Hub.named('units', seen.unitId) : seen.role ? Hub.t(seen.role) : '';
      const who = seen.name && from ? Hub.t('revealWho', { name: seen.name, from }) : seen.name || from || '–';
      return { at: seen.at, kind: 'revealed', text: Hub.t('revealStep', { who }) };
    });
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
  function queue(table, tickets, chosenId, columns, open) {
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

  // ---- drafts: what a person typed survives a reload, per ticket and field, in this tab only ----

  /**
   * Keeps the values of {@code fields} per ticket in session storage as they are typed; {@code show(ticketId)}
   * puts back that ticket's drafts (or the fields' defaults), {@code done(fields)} forgets them after a success.
   */
  function drafts(page, fields) {
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

  // ---- notices that follow the language ----

  let said = null;

  const sayNow = () => Hub.notice(Hub.t(said.key, Object.fromEntries(Object.entries(said.values || {})
    .map(([name, value]) => [name, typeof value === 'function' ? value() : value]))));

  /**
   * Tells the person {@code key} in the page's live region, said again in the other language after a switch; a
   * value that is a function is asked again then (a unit's name, say).
   */
  function say(key, values) {
    said = { key, values };
    sayNow();
  }

  /** Re-renders what this file put on screen outside the pages' own re-rendering, after a language switch. */
  function relabel() {
    if (said) sayNow();
  }

  /** The ticket a {@code #ticket=…} in the address names: a ticket number or an id. */
  function askedFor() {
    const match = /(?:^#|&)ticket=([^&]+)/.exec(location.hash);
    if (!match) return null;
    const value = decodeURIComponent(match[1]).trim();
    return { value, isNumber: /^\d+-\d{8}-\d+$/.test(value) };
  }

  window.Tickets = { WORDS, when, countdown, deadline, loadClasses, urgencyClass, details, because, gridPlace, map, timeline, reveals, linked,
    queue, reader, drafts, say, relabel, askedFor, returnCode, waitingExtension, partsOf, partLine, openParts };
}());
