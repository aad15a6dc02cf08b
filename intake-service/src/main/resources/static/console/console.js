// The operator's console: a call registered while the caller speaks. As the operator types, the service says which
// category the words suggest, what in them is urgent, where the address or the point on the map lies, and which
// open ticket the call would join; saving shows the ticket number large, to read back.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const WORDS = {
    zh: {
      pageTitle: '话务台', caller: '来电人', phone: '来电号码', name: '姓名（可不填）', anonymous: '匿名来电（不发短信）',
      contactAllowed: '同意接收短信和回访', textsInEnglish: '短信用英文', problem: '诉求', description: '诉求内容（边听边记）',
      descriptionHint: '记录来电人所说的问题、时间和影响…', category: '诉求分类', categoryAuto: '按内容自动分类',
      urgency: '紧急程度', urgencyAuto: '按内容判断', NORMAL: '一般', HIGH: '较急', URGENT: '紧急', where: '地点', cityMap: '网格地图',
      address: '地址', addressHint: '如：云岩区中华北路18号', mapHint: '点击地图标出问题所在位置',
      openLinked: '查看该工单', answeredOnCall: '当场解答（咨询类）', answerGiven: '解答内容', save: '登记工单',
      readBack: '请向来电人读出工单号', nextCall: '下一个来电', ticketDetails: '工单详情',
      suggested: '建议', cueUrgent: '紧急线索：{cue}，将按“紧急”办理', cueHigh: '较急线索：{cue}，将按“较急”办理',
      district: '区县', street: '街道', grid: '网格', office: '街道办事处', noPlace: '地址未能匹配到本市的区县或街道',
      repeatTitle: '可能是重复来电', incidentTitle: '附近已有人反映同一问题',
      repeatText: '该号码 7 天内已就“{category}”来电：工单 {number}（{status}），{when}。登记后本次来电将关联到该工单。',
      incidentText: '200 米内 48 小时内已有他人反映“{category}”：工单 {number}（{status}），{when}。登记后将作为同一事件关联。',
      saved: '已登记 {when}。', savedRepeat: '已登记，并关联到重复来电的原工单 {number}。',
      savedIncident: '已登记，并作为同一事件关联到工单 {number}。', savedOnCall: '已登记为当场解答，无需派单。',
      saving: '正在登记…', fix: '请先更正：', number: '工单号', status: '状态', channel: '渠道', received: '受理时间',
      unit: '承办单位', linkedTo: '关联到', masked: '来电号码',
      RECEIVED: '已受理', ASSIGNED: '已派单', ACCEPTED: '已签收', IN_PROGRESS: '办理中', EXTENDED: '已延期',
      RESOLVED: '已办结', CLOSED: '已关闭', REOPENED: '已重办', TRIAGE: '待人工分派', LINKED: '已关联',
      RESOLVED_AT_INTAKE: '当场解答', WITHDRAWN: '已撤回', PHONE: '电话',
      f_callerPhone: '来电号码', f_description: '诉求内容', f_location: '地点', f_address: '地址',
      f_category: '诉求分类', f_answerGiven: '解答内容'
    },
    en: {
      pageTitle: 'operator console', caller: 'Caller', phone: 'Phone number', name: 'Name (optional)',
      anonymous: 'Anonymous caller (no texts)', contactAllowed: 'Agrees to texts and call-backs',
      textsInEnglish: 'Texts in English', problem: 'The problem', description: 'What the caller says',
      descriptionHint: 'What is wrong, since when, who is affected …', category: 'Category',
      categoryAuto: 'Classify from the words', urgency: 'Urgency', urgencyAuto: 'From the words', NORMAL: 'normal',
      HIGH: 'high', URGENT: 'urgent', where: 'Where', cityMap: 'Grid map', address: 'Address', addressHint: 'e.g. 18 Zhonghua North Road',
      mapHint: 'Click the map where the problem is', openLinked: 'Open that ticket',
      answeredOnCall: 'Answered on the call (a question)', answerGiven: 'The answer given', save: 'Register the ticket',
      readBack: 'Read the ticket number back to the caller', nextCall: 'Next call', ticketDetails: 'The ticket',
      suggested: 'Suggested', cueUrgent: 'Urgent: "{cue}", it will be handled as urgent',
      cueHigh: 'Pressing: "{cue}", it will be handled as high', district: 'District', street: 'Street',
      grid: 'Grid', office: 'Street office', noPlace: 'The address names no district or street of the city',
      repeatTitle: 'This looks like a repeat call', incidentTitle: 'Someone nearby reported the same problem',
      repeatText: 'This number called about "{category}" within 7 days: ticket {number} ({status}), {when}. '
        + 'Saved, this call joins that ticket.',
      incidentText: 'Another caller reported "{category}" within 200 m and 48 hours: ticket {number} ({status}), '
        + '{when}. Saved, it joins that incident.',
      saved: 'Registered {when}.', savedRepeat: 'Registered and linked to the original ticket {number} as a repeat.',
      savedIncident: 'Registered and linked to ticket {number} as the same incident.',
      savedOnCall: 'Registered as answered on the call; nothing to dispatch.', saving: 'Registering …',
      fix: 'Correct first: ', number: 'Number', status: 'Status', channel: 'Channel', received: 'Received',
      unit: 'Unit', linkedTo: 'Linked to', masked: 'Phone',
      RECEIVED: 'received', ASSIGNED: 'assigned', ACCEPTED: 'signed for', IN_PROGRESS: 'in progress',
      EXTENDED: 'extended', RESOLVED: 'resolved', CLOSED: 'closed', REOPENED: 'reopened', TRIAGE: 'awaiting dispatch',
      LINKED: 'linked', RESOLVED_AT_INTAKE: 'answered on the call', WITHDRAWN: 'withdrawn', PHONE: 'phone',
      f_callerPhone: 'phone number', f_description: 'what the caller says', f_location: 'where',
      f_address: 'address', f_category: 'category', f_answerGiven: 'the answer given'
    }
  };
  const t = (key, values) => Hub.t(key, values);
  let point = null;
  let last = null;
  let asked = 0;
  let timer = null;
  let callKey = crypto.randomUUID();
  let map = null;

  const when = (instant) => instant ? new Date(instant).toLocaleString(Hub.language() === 'en' ? 'en-GB' : 'zh-CN',
    { timeZone: Hub.city().zone || undefined }) : '–';

  function fillCategories() {
    const select = $('category');
    const chosen = select.value;
    select.replaceChildren(new Option(t('categoryAuto'), ''));
    for (const category of Hub.city().categoryList) {
      select.append(new Option(Hub.named('categories', category.code), category.code));
    }
    select.value = chosen;
  }

  function drawMap() {
    map = Hub.drawGrids($('map'), () => '#eef2f6', (id) => {
      const grid = Hub.city().grids[id];
      return Hub.named('districts', grid.district) + ' · ' + Hub.named('streets', grid.street) + ' · ' + id;
    });
    if (!map) return;
    map.svg.addEventListener('click', (event) => {
      const [lon, lat] = map.at(event);
      point = { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) };
      soon();
    });
    showPlace();
  }

  function form() {
    const anonymous = $('anonymous').checked;
    return {
      callerPhone: anonymous ? null : $('phone').value.trim() || null,
      callerName: $('name').value.trim() || null,
      anonymous,
      description: $('description').value,
      address: $('address').value.trim() || null,
      location: point,
      category: $('category').value || null,
      urgency: $('urgency').value || null,
      contactAllowed: !anonymous && $('contact').checked,
      language: $('english').checked ? 'en' : 'zh',
      resolvedOnCall: $('on-call').checked,
      answerGiven: $('on-call').checked ? $('answer').value : null
    };
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  async function check() {
    const f = form();
    const mine = ++asked;
    try {
      const result = await Hub.api('', '/api/v1/calls/check', { method: 'POST', body: {
        callerPhone: f.callerPhone, description: f.description, address: f.address, location: f.location,
        category: f.category } });
      if (mine !== asked) return;
      last = result;
      show();
    } catch (e) {
      if (mine === asked) Hub.fail(e);
    }
  }

  function show() {
    showSuggestions();
    showCues();
    showPlace();
    showLink();
  }

  function showSuggestions() {
    const box = $('suggestions');
    box.replaceChildren();
    if (!last || !last.suggestion) return;
    const label = document.createElement('span');
    label.className = 'muted small';
    label.textContent = t('suggested') + '：';
    box.append(label);
    last.suggestion.choices.slice(0, 3).forEach((choice, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = i === 0 && !last.suggestion.needsTriage ? 'best' : '';
      button.dataset.category = choice.category;
      button.textContent = Hub.named('categories', choice.category) + ' ' + Math.round(100 * choice.confidence) + '%';
      button.onclick = () => {
        $('category').value = choice.category;
        soon();
      };
      box.append(button);
    });
  }

  function showCues() {
    const cues = $('cues');
    if (!last || !last.urgency) {
      cues.hidden = true;
      return;
    }
    cues.hidden = false;
    cues.className = 'cues' + (last.urgency === 'HIGH' ? ' high' : '');
    cues.dataset.urgency = last.urgency;
    const text = t(last.urgency === 'URGENT' ? 'cueUrgent' : 'cueHigh', { cue: '\u0000' });
    const [before, after] = text.split('\u0000');
    const mark = document.createElement('mark');
    mark.textContent = last.urgencyCue;
    cues.replaceChildren(document.createTextNode(before), mark, document.createTextNode(after));
  }

  function showPlace() {
    const place = last ? last.place : null;
    const line = $('place');
    line.replaceChildren();
    if (place) {
      const parts = [[t('district'), Hub.named('districts', place.district)],
        [t('street'), place.street ? Hub.named('streets', place.street) : null],
        [t('grid'), place.gridId], [t('office'), place.streetOffice ? Hub.named('units', place.streetOffice) : null]];
      parts.filter(([, value]) => value).forEach(([label, value], i) => {
        if (i > 0) line.append(' · ');
        const b = document.createElement('b');
        b.textContent = value;
        line.append(label + ' ', b);
      });
      line.dataset.grid = place.gridId || '';
    } else if ($('address').value.trim() || point) {
      line.textContent = t('noPlace');
      line.dataset.grid = '';
    }
    if (!map) return;
    map.svg.querySelectorAll('polygon').forEach((polygon) => {
      const id = polygon.dataset.testid.slice(5);
      polygon.classList.toggle('here', !!place && place.gridId === id);
      polygon.classList.toggle('district', !!place && !place.gridId && Hub.city().grids[id].district === place.district
        && (!place.street || Hub.city().grids[id].street === place.street));
    });
    map.svg.querySelectorAll('circle').forEach((c) => c.remove());
    if (point) {
      const [x, y] = map.project(point.lon, point.lat);
      const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      dot.setAttribute('cx', x); dot.setAttribute('cy', y); dot.setAttribute('r', 6);
      map.svg.append(dot);
    }
  }

  function showLink() {
    const box = $('link-warning');
    const link = last ? last.link : null;
    if (!link || $('on-call').checked) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    box.dataset.why = link.why;
    box.dataset.ticket = link.ticketNumber;
    $('link-title').textContent = t(link.why === 'REPEAT' ? 'repeatTitle' : 'incidentTitle');
    $('link-text').textContent = t(link.why === 'REPEAT' ? 'repeatText' : 'incidentText', {
      category: Hub.named('categories', link.category), number: link.ticketNumber, status: t(link.status),
      when: when(link.receivedAt) });
    $('link-open').onclick = (event) => {
      event.preventDefault();
      showTicket(link.ticketId);
    };
  }

  async function showTicket(ticketId) {
    try {
      const ticket = await Hub.api('', '/api/v1/intake/tickets/' + encodeURIComponent(ticketId));
      const fields = $('ticket-fields');
      fields.replaceChildren();
      const add = (label, value) => {
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = value === null || value === undefined || value === '' ? '–' : value;
        fields.append(dt, dd);
      };
      add(t('number'), ticket.ticketNumber);
      add(t('status'), t(ticket.status));
      add(t('category'), Hub.named('categories', ticket.category));
      add(t('description'), ticket.description);
      add(t('masked'), ticket.maskedPhone);
      add(t('unit'), ticket.unitId ? Hub.named('units', ticket.unitId) : null);
      add(t('received'), when(ticket.receivedAt));
      if (ticket.linkedTo) {
        add(t('linkedTo'), ticket.linkedTo.ticketNumber + '（' + t(ticket.linkedTo.status) + '）');
      }
      $('ticket').hidden = false;
      $('ticket').dataset.ticket = ticket.ticketNumber;
    } catch (e) {
      Hub.fail(e);
    }
  }

  async function save(event) {
    event.preventDefault();
    $('problems').textContent = '';
    $('save').disabled = true;
    Hub.notice(t('saving'));
    try {
      const receipt = await Hub.api('', '/api/v1/calls', { method: 'POST', body: form(),
        headers: { 'Idempotency-Key': callKey } });
      $('ticket-number').textContent = receipt.ticketNumber;
      // the link the registration decided, which may differ from the last warning
      const joined = receipt.repeatOf || receipt.parentIncidentId;
      const shown = joined && last && last.link && last.link.ticketId === joined ? last.link.ticketNumber : joined;
      $('receipt-text').textContent = receipt.status === 'RESOLVED_AT_INTAKE' ? t('savedOnCall')
        : receipt.repeatOf ? t('savedRepeat', { number: shown })
          : receipt.parentIncidentId ? t('savedIncident', { number: shown })
            : t('saved', { when: when(receipt.receivedAt) });
      $('receipt').hidden = false;
      $('receipt').dataset.ticketId = receipt.ticketId;
      $('call').querySelectorAll('input, textarea, select').forEach((field) => { field.disabled = true; });
      Hub.notice('');
      showTicket(receipt.ticketId);
    } catch (e) {
      $('save').disabled = false;
      if (e.problem && e.problem.errors) {
        $('problems').textContent = t('fix') + e.problem.errors.map((error) => t('f_' + error.field) + ' '
          + error.message).join('；');
        Hub.notice('');
      } else {
        Hub.fail(e);
      }
    }
  }

  function nextCall() {
    // a check of the last call still on its way is not shown on this one
    clearTimeout(timer);
    asked++;
    callKey = crypto.randomUUID();
    point = null;
    last = null;
    $('call').reset();
    $('call').querySelectorAll('input, textarea, select').forEach((field) => { field.disabled = false; });
    $('save').disabled = false;
    $('receipt').hidden = true;
    $('ticket').hidden = true;
    $('answer-box').hidden = true;
    show();
    $('phone').focus();
  }

  function ready() {
    fillCategories();
    drawMap();
    $('console').hidden = false;
    ['phone', 'description', 'address'].forEach((id) => $(id).addEventListener('input', soon));
    $('category').addEventListener('change', soon);
    $('anonymous').addEventListener('change', () => {
      $('phone').disabled = $('anonymous').checked;
      $('contact').disabled = $('anonymous').checked;
      soon();
    });
    $('on-call').addEventListener('change', () => {
      $('answer-box').hidden = !$('on-call').checked;
      showLink();
    });
    $('call').addEventListener('submit', save);
    $('next-call').addEventListener('click', nextCall);
    Hub.notice('');
    $('phone').focus();
  }

  Hub.start({ roles: ['OPERATOR'], words: WORDS, ready, onLanguage: () => {
    if (!Hub.city()) return;
    fillCategories();
    drawMap();
    show();
  } });
}());
