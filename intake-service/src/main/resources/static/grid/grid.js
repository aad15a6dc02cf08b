// The grid worker's page, for a phone on patrol: the tickets the rules send to this grid's worker, to settle on the
// spot (就地化解) or hand up to a department with a note; and a report: where (the device's location, or a tap on the
// grid map, placed in its grid by routing), what (the words, a category the words suggest), and the ticket number
// once it is reported.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const WORDS = {
    zh: {
      pageTitle: '网格员 · 联户长', where: '在哪里', useLocation: '使用当前位置', locating: '正在定位…',
      noPoint: '尚未定位：点“使用当前位置”，或在地图上点出位置', outside: '该位置不在本市任何网格内',
      noLocation: '无法取得位置：{why}。请在地图上点出位置。', address: '地址或地标（可不填）', what: '发现了什么',
      descriptionHint: '看到的问题、位置细节、影响…', category: '诉求分类', categoryAuto: '按内容自动分类',
      urgency: '紧急程度', urgencyAuto: '按内容判断', NORMAL: '一般', HIGH: '较急', URGENT: '紧急',
      send: '上报', sending: '正在上报…', sent: '已上报', another: '再报一件', suggested: '建议分类：{name}',
      grid: '网格', district: '区县', street: '街道', accuracy: '精度约 {m} 米', fix: '请先更正：',
      f_description: '问题描述', f_location: '位置', f_gridId: '网格', f_category: '诉求分类',
      receiptText: '工单已进入 {grid} 网格，按规则派往承办单位。', mine: '派给我的工单', none: '暂无派给本网格的工单。',
      count: '{n} 件', settle: '就地化解', handUp: '上交部门', noteHint: '处理情况（就地化解时发给市民）或上交原因',
      needNote: '请先写处理情况或上交原因。', settled: '已就地化解：{number}', handedUp: '已上交：{number}',
      left: '剩余 {t}', overdue: '已超期 {t}', hours: '{n}小时', minutes: '{n}分'
    },
    en: {
      pageTitle: 'grid worker · household liaison', where: 'Where', useLocation: 'Use my location', locating: 'Locating …',
      noPoint: 'No location yet: use your location, or tap the map', outside: 'That point is in no grid of the city',
      noLocation: 'No location: {why}. Tap the map instead.', address: 'Address or landmark (optional)',
      what: 'What you found', descriptionHint: 'What is wrong, where exactly, who is affected …',
      category: 'Category', categoryAuto: 'Classify from the words', urgency: 'Urgency', urgencyAuto: 'From the words',
      NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent', send: 'Report', sending: 'Reporting …', sent: 'Reported',
      another: 'Report another', suggested: 'Suggested: {name}', grid: 'Grid', district: 'District',
      street: 'Street', accuracy: 'within about {m} m', fix: 'Correct first: ', f_description: 'the problem',
      f_location: 'the location', f_gridId: 'the grid', f_category: 'the category',
      receiptText: 'The ticket is in grid {grid} and goes to a unit by the rules.', mine: 'Tickets for me',
      none: 'No tickets for this grid.', count: '{n}', settle: 'Settle on the spot', handUp: 'Hand up',
      noteHint: 'What was done (texted to the citizen when settled) or why it goes up',
      needNote: 'Write what was done or why it goes up first.', settled: 'Settled: {number}',
      handedUp: 'Handed up: {number}', left: '{t} left', overdue: 'overdue by {t}', hours: '{n} h', minutes: '{n} min'
    }
  };
  const t = (key, values) => Hub.t(key, values);
  let point = null;
  let accuracy = null;
  let map = null;
  let key = crypto.randomUUID();
  let timer = null;

  let grid = null;
  let placing = 0;

  // the grid the point lies in, as routing places tickets (GET /api/v1/grids/locate); none when it lies in none
  async function place(at, within) {
    point = at;
    accuracy = within;
    const mine = ++placing;
    let found = null;
    try {
      found = await Hub.api('routing', '/api/v1/grids/locate?lat=' + at.lat + '&lon=' + at.lon);
    } catch (e) {
      if (e.status !== 404) Hub.fail(e);
    }
    if (mine !== placing) return;
    grid = found;
    showPlace();
  }

  function fillCategories() {
    const select = $('category');
    const chosen = select.value;
    select.replaceChildren(new Option(t('categoryAuto'), ''));
    Hub.city().categoryList.forEach((c) => select.append(new Option(Hub.named('categories', c.code), c.code)));
    select.value = chosen;
  }

  function drawMap() {
    map = Hub.drawGrids($('map'), () => '#eef2f6', (id) => Hub.named('districts', Hub.city().grids[id].district)
      + ' · ' + id);
    if (!map) return;
    map.svg.addEventListener('click', (event) => {
      const [lon, lat] = map.at(event);
      place({ lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) }, null);
    });
    showPlace();
  }

  function showPlace() {
    const line = $('place');
    line.dataset.grid = grid ? grid.gridId : '';
    if (!point) {
      line.textContent = t('noPoint');
    } else if (!grid) {
      line.textContent = t('outside');
    } else {
      line.replaceChildren();
      [[t('district'), Hub.named('districts', grid.district)], [t('street'), Hub.named('streets', grid.street)],
        [t('grid'), grid.gridId]].forEach(([label, value], i) => {
        if (i > 0) line.append(' · ');
        const b = document.createElement('b');
        b.textContent = value;
        line.append(label + ' ', b);
      });
      if (accuracy) line.append('（' + t('accuracy', { m: Math.round(accuracy) }) + '）');
    }
    if (!map) return;
    map.svg.querySelectorAll('polygon').forEach((polygon) => {
      polygon.classList.toggle('here', !!grid && polygon.dataset.testid === 'grid-' + grid.gridId);
    });
    map.svg.querySelectorAll('circle').forEach((c) => c.remove());
    if (point) {
      const [x, y] = map.project(point.lon, point.lat);
      const dot = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      dot.setAttribute('cx', x); dot.setAttribute('cy', y); dot.setAttribute('r', 7);
      map.svg.append(dot);
    }
  }

  function locate() {
    if (!navigator.geolocation) {
      Hub.notice(t('noLocation', { why: 'geolocation' }), true);
      return;
    }
    Hub.notice(t('locating'));
    navigator.geolocation.getCurrentPosition((position) => {
      Hub.notice('');
      place({ lat: Number(position.coords.latitude.toFixed(6)), lon: Number(position.coords.longitude.toFixed(6)) },
        position.coords.accuracy);
    }, (error) => Hub.notice(t('noLocation', { why: error.message }), true),
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  }

  function suggest() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const words = $('description').value.trim();
      if (words.length < 4) {
        $('suggested').textContent = '';
        return;
      }
      try {
        const suggestion = await Hub.api('', '/api/v1/classify', { method: 'POST', body: { text: words } });
        const best = suggestion.choices[0];
        $('suggested').dataset.category = suggestion.needsTriage ? '' : best.category;
        $('suggested').textContent = suggestion.needsTriage ? '' : t('suggested', {
          name: Hub.named('categories', best.category) });
      } catch (e) {
        Hub.fail(e);
      }
    }, 400);
  }

  // a household liaison (联户长) reports the same way, as a channel of its own, and is sent no tickets
  let liaison = false;

  async function send(event) {
    event.preventDefault();
    $('problems').textContent = '';
    $('send').disabled = true;
    Hub.notice(t('sending'));
    try {
      const receipt = await Hub.api('', liaison ? '/api/v1/liaison-reports' : '/api/v1/grid-reports', { method: 'POST', headers: { 'Idempotency-Key': key },
        body: { description: $('description').value, location: point, gridId: grid ? grid.gridId : null,
          category: $('category').value || null, urgency: $('urgency').value || null,
          address: $('address').value.trim() || null } });
      $('report').hidden = true;
      $('receipt').hidden = false;
      $('receipt').dataset.ticketId = receipt.ticketId;
      $('ticket-number').textContent = receipt.ticketNumber;
      $('receipt-text').textContent = t('receiptText', { grid: grid.gridId });
      Hub.notice('');
    } catch (e) {
      if (e.problem && e.problem.errors) {
        $('problems').textContent = t('fix') + e.problem.errors.map((error) => t('f_' + error.field.split('.')[0])
          + ' ' + error.message).join('；');
        Hub.notice('');
      } else {
        Hub.fail(e);
      }
    } finally {
      $('send').disabled = false;
    }
  }

  function another() {
    key = crypto.randomUUID();
    $('report').reset();
    $('report').hidden = false;
    $('receipt').hidden = true;
    $('suggested').textContent = '';
    showPlace();
  }

  function span(ms) {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60000));
    const h = Math.floor(minutes / 60);
    return (h ? t('hours', { n: h }) + ' ' : '') + (h < 24 ? t('minutes', { n: minutes % 60 }) : '');
  }

  // the tickets the rules send to this grid's worker, to settle on the spot or hand up to a department
  async function loadMine() {
    const tickets = await Hub.api('routing', '/api/v1/tickets?list=open&size=50');
    $('mine-count').textContent = t('count', { n: tickets.length });
    const box = $('tickets');
    box.replaceChildren();
    if (!tickets.length) {
      box.textContent = t('none');
      box.className = 'empty';
      return;
    }
    box.className = '';
    for (const ticket of tickets) {
      const due = Date.parse(ticket.status === 'ASSIGNED' ? ticket.acceptBy : ticket.resolveBy) - Date.now();
      const card = document.createElement('article');
      card.className = 'ticket' + (due < 0 ? ' overdue' : '');
      card.dataset.ticket = ticket.ticketNumber;
      const head = document.createElement('header');
      const title = document.createElement('span');
      title.textContent = Hub.named('categories', ticket.category) + ' · ' + ticket.ticketNumber;
      const deadline = document.createElement('span');
      deadline.className = 'deadline';
      deadline.textContent = t(due < 0 ? 'overdue' : 'left', { t: span(due) });
      head.append(title, deadline);
      const words = document.createElement('p');
      words.textContent = ticket.description;
      const note = document.createElement('textarea');
      note.maxLength = 500;
      note.placeholder = t('noteHint');
      const buttons = document.createElement('div');
      buttons.className = 'buttons';
      const settle = document.createElement('button');
      settle.type = 'button';
      settle.className = 'action settle';
      settle.textContent = t('settle');
      const handUp = document.createElement('button');
      handUp.type = 'button';
      handUp.className = 'action secondary hand-up';
      handUp.textContent = t('handUp');
      settle.onclick = () => act(ticket, note.value, true);
      handUp.onclick = () => act(ticket, note.value, false);
      buttons.append(settle, handUp);
      card.append(head, words, note, buttons);
      box.append(card);
    }
  }

  async function act(ticket, note, settle) {
    if (!note.trim()) {
      Hub.notice(t('needNote'), true);
      return;
    }
    const path = '/api/v1/tickets/' + encodeURIComponent(ticket.ticketId);
    try {
      if (settle) {
        if (ticket.status === 'ASSIGNED') await Hub.api('routing', path + '/accept', { method: 'POST', body: {} });
        await Hub.api('routing', path + '/resolve', { method: 'POST', body: { result: 'SOLVED', reply: note } });
      } else {
        await Hub.api('routing', path + '/reject', { method: 'POST',
          body: { reasonCode: 'HANDED_UP', reasonText: note } });
      }
      Hub.notice(t(settle ? 'settled' : 'handedUp', { number: ticket.ticketNumber }));
      await loadMine();
    } catch (e) {
      Hub.fail(e);
    }
  }

  function ready(user) {
    liaison = !user.roles.includes('GRID_WORKER');
    $('patrol').hidden = false;
    $('mine').hidden = liaison;
    fillCategories();
    drawMap();
    $('locate').onclick = locate;
    $('description').addEventListener('input', suggest);
    $('report').addEventListener('submit', send);
    $('another').onclick = another;
    Hub.notice('');
    if (liaison) return null;
    setInterval(() => loadMine().catch(Hub.fail), 30000);
    return loadMine().catch(Hub.fail);
  }

  Hub.start({ roles: ['GRID_WORKER', 'LIAISON'], words: WORDS, ready, onLanguage: () => {
    if (!Hub.city()) return;
    fillCategories();
    drawMap();
  } });
}());
