// The grid worker's page, for a phone on patrol: where (the device's location, or a tap on the grid map), what
// (the words, a category the words suggest), and the ticket number once it is reported. The grid is the one the
// point lies in, found from the city's own grid outlines.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const WORDS = {
    zh: {
      pageTitle: '网格员', where: '在哪里', useLocation: '使用当前位置', locating: '正在定位…',
      noPoint: '尚未定位：点“使用当前位置”，或在地图上点出位置', outside: '该位置不在本市任何网格内',
      noLocation: '无法取得位置：{why}。请在地图上点出位置。', address: '地址或地标（可不填）', what: '发现了什么',
      descriptionHint: '看到的问题、位置细节、影响…', category: '诉求分类', categoryAuto: '按内容自动分类',
      urgency: '紧急程度', urgencyAuto: '按内容判断', NORMAL: '一般', HIGH: '较急', URGENT: '紧急',
      send: '上报', sending: '正在上报…', sent: '已上报', another: '再报一件', suggested: '建议分类：{name}',
      grid: '网格', district: '区县', street: '街道', accuracy: '精度约 {m} 米', fix: '请先更正：',
      f_description: '问题描述', f_location: '位置', f_gridId: '网格', f_category: '诉求分类',
      receiptText: '工单已进入 {grid} 网格，按规则派往承办单位。'
    },
    en: {
      pageTitle: 'grid worker', where: 'Where', useLocation: 'Use my location', locating: 'Locating …',
      noPoint: 'No location yet: use your location, or tap the map', outside: 'That point is in no grid of the city',
      noLocation: 'No location: {why}. Tap the map instead.', address: 'Address or landmark (optional)',
      what: 'What you found', descriptionHint: 'What is wrong, where exactly, who is affected …',
      category: 'Category', categoryAuto: 'Classify from the words', urgency: 'Urgency', urgencyAuto: 'From the words',
      NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent', send: 'Report', sending: 'Reporting …', sent: 'Reported',
      another: 'Report another', suggested: 'Suggested: {name}', grid: 'Grid', district: 'District',
      street: 'Street', accuracy: 'within about {m} m', fix: 'Correct first: ', f_description: 'the problem',
      f_location: 'the location', f_gridId: 'the grid', f_category: 'the category',
      receiptText: 'The ticket is in grid {grid} and goes to a unit by the rules.'
    }
  };
  const t = (key, values) => Hub.t(key, values);
  let point = null;
  let accuracy = null;
  let map = null;
  let key = crypto.randomUUID();
  let timer = null;

  // ray casting over the grid's outer ring ([lon, lat] pairs)
  function inside(ring, lon, lat) {
    let hit = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  }

  const gridAt = (p) => p ? Hub.city().outlines.find((g) => inside(g.ring, p.lon, p.lat)) || null : null;

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
      point = { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) };
      accuracy = null;
      showPlace();
    });
    showPlace();
  }

  function showPlace() {
    const line = $('place');
    const grid = gridAt(point);
    line.dataset.grid = grid ? grid.id : '';
    if (!point) {
      line.textContent = t('noPoint');
    } else if (!grid) {
      line.textContent = t('outside');
    } else {
      line.replaceChildren();
      [[t('district'), Hub.named('districts', grid.district)], [t('street'), Hub.named('streets', grid.street)],
        [t('grid'), grid.id]].forEach(([label, value], i) => {
        if (i > 0) line.append(' · ');
        const b = document.createElement('b');
        b.textContent = value;
        line.append(label + ' ', b);
      });
      if (accuracy) line.append('（' + t('accuracy', { m: Math.round(accuracy) }) + '）');
    }
    if (!map) return;
    map.svg.querySelectorAll('polygon').forEach((polygon) => {
      polygon.classList.toggle('here', !!grid && polygon.dataset.testid === 'grid-' + grid.id);
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
      point = { lat: Number(position.coords.latitude.toFixed(6)), lon: Number(position.coords.longitude.toFixed(6)) };
      accuracy = position.coords.accuracy;
      Hub.notice('');
      showPlace();
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

  async function send(event) {
    event.preventDefault();
    $('problems').textContent = '';
    const grid = gridAt(point);
    $('send').disabled = true;
    Hub.notice(t('sending'));
    try {
      const receipt = await Hub.api('', '/api/v1/grid-reports', { method: 'POST', headers: { 'Idempotency-Key': key },
        body: { description: $('description').value, location: point, gridId: grid ? grid.id : null,
          category: $('category').value || null, urgency: $('urgency').value || null,
          address: $('address').value.trim() || null } });
      $('report').hidden = true;
      $('receipt').hidden = false;
      $('receipt').dataset.ticketId = receipt.ticketId;
      $('ticket-number').textContent = receipt.ticketNumber;
      $('receipt-text').textContent = t('receiptText', { grid: grid.id });
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

  function ready() {
    $('patrol').hidden = false;
    fillCategories();
    drawMap();
    $('locate').onclick = locate;
    $('description').addEventListener('input', suggest);
    $('report').addEventListener('submit', send);
    $('another').onclick = another;
    Hub.notice('');
  }

  Hub.start({ roles: ['GRID_WORKER'], words: WORDS, ready, onLanguage: () => {
    if (!Hub.city()) return;
    fillCategories();
    drawMap();
  } });
}());
