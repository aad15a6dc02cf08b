// The analysts' dashboard: every figure comes from the analytics API with the analyst's own token, which stays in
// this tab's session storage only.
(function () {
  'use strict';
  const API = '/api/v1/analytics';
  const MAX_DAYS_FROM_FACTS = 92;
  const $ = (id) => document.getElementById(id);
  const status = $('status');

  function takeTokenFromFragment() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      sessionStorage.setItem('analystToken', decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function daysBetween(from, to) {
    return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
  }

  function atMostDaysBefore(from, to, days) {
    // dates parse as UTC midnight, so this is calendar arithmetic whatever the browser's zone
    const earliest = new Date(Date.parse(to) - days * 86400000).toISOString().slice(0, 10);
    return from < earliest ? earliest : from;
  }

  async function get(path) {
    const response = await fetch(API + path, {
      headers: { Authorization: 'Bearer ' + sessionStorage.getItem('analystToken'), Accept: 'application/json' }
    });
    if (response.status === 401) throw new Error('The token was refused: sign in again with a valid analyst token.');
    if (response.status === 403) throw new Error('This token has no ANALYST role.');
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || (path + ' answered ' + response.status));
    }
    return response.json();
  }

  function text(value, suffix) {
    return value === null || value === undefined ? '–' : String(value) + (suffix || '');
  }

  function tile(container, id, label, value, suffix) {
    const div = document.createElement('div');
    div.className = 'tile';
    const b = document.createElement('b');
    b.dataset.testid = id;
    b.dataset.value = value === null || value === undefined ? '' : String(value);
    b.textContent = text(value, suffix);
    const span = document.createElement('span');
    span.textContent = label;
    div.append(b, span);
    container.append(div);
  }

  function rows(table, items, cells) {
    const body = $(table).querySelector('tbody');
    body.replaceChildren();
    if (items.length === 0) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = $(table).querySelectorAll('th').length;
      td.className = 'empty';
      td.textContent = 'Nothing in this period.';
      return;
    }
    for (const item of items) {
      const tr = body.insertRow();
      for (const cell of cells(item)) {
        const td = tr.insertCell();
        td.textContent = typeof cell === 'object' && cell !== null ? cell.text : text(cell);
        if (typeof cell === 'object' && cell !== null && cell.className) td.className = cell.className;
      }
    }
  }

  function showToday(overview) {
    $('today-date').textContent = overview.from;
    const today = $('today');
    today.replaceChildren();
    tile(today, 'today-received', 'received', overview.received);
    tile(today, 'today-resolved-at-intake', 'answered on the call', overview.resolvedAtIntake);
    tile(today, 'today-assigned', 'assigned', overview.assigned);
    tile(today, 'today-accepted', 'signed for', overview.accepted);
    tile(today, 'today-accepted-on-time', 'signed for on time', overview.acceptedOnTime);
    tile(today, 'today-resolved', 'resolved', overview.resolved);
    tile(today, 'today-returns', 'returned', overview.returns);
    tile(today, 'today-escalations', 'escalated', overview.escalations);
  }

  function showLimits(report) {
    $('limits-range').textContent = report.from + ' – ' + report.to;
    const limits = $('limits');
    limits.replaceChildren();
    const city = report.groups[0] || {};
    tile(limits, 'limits-overdue', 'overdue now', city.overdueNow === undefined ? 0 : city.overdueNow);
    tile(limits, 'limits-on-time-acceptance', 'signed for on time', city.onTimeAcceptanceRate, '%');
    tile(limits, 'limits-on-time-resolution', 'resolved on time', city.onTimeResolutionRate, '%');
    tile(limits, 'limits-median-hours', 'median hours to resolve', city.medianHandlingHours);
    tile(limits, 'limits-p90-hours', '90% resolved within hours', city.p90HandlingHours);
    tile(limits, 'limits-return-rate', 'returned', city.returnRate, '%');
    tile(limits, 'limits-repeat-rate', 'repeat complaints', city.repeatRate, '%');
    tile(limits, 'limits-fcr', 'first-contact resolution', city.firstContactResolutionRate, '%');
  }

  function showTrend(rates, period) {
    $('trend-period').textContent = 'the whole city, by ' + period;
    const chart = $('trend');
    chart.replaceChildren();
    if (rates.length === 0) {
      chart.textContent = 'Nothing in this period.';
      chart.className = 'chart empty';
      return;
    }
    chart.className = 'chart';
    const ns = 'http://www.w3.org/2000/svg';
    const width = 600, height = 220, left = 34, bottom = 22, top = 8;
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('preserveAspectRatio', 'none');
    const x = (i) => left + (rates.length === 1 ? (width - left) / 2 : i * (width - left - 6) / (rates.length - 1));
    const y = (v) => top + (100 - v) * (height - top - bottom) / 100;
    for (const level of [0, 50, 100]) {
      const line = document.createElementNS(ns, 'line');
      line.setAttribute('class', 'axis');
      line.setAttribute('x1', left); line.setAttribute('x2', width);
      line.setAttribute('y1', y(level)); line.setAttribute('y2', y(level));
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', 2); label.setAttribute('y', y(level) + 4);
      label.textContent = level + '%';
      svg.append(line, label);
    }
    for (const [index, row] of [[0, rates[0]], [rates.length - 1, rates[rates.length - 1]]]) {
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', Math.min(x(index), width - 60)); label.setAttribute('y', height - 4);
      label.textContent = row.period;
      svg.append(label);
    }
    const colours = { responseRate: '#2f6fdb', resolutionRate: '#1f9d6b', satisfactionRate: '#e0862b' };
    for (const [rate, colour] of Object.entries(colours)) {
      const points = rates.map((row, i) => row[rate] === null ? null : x(i) + ',' + y(row[rate]))
        .filter((p) => p !== null);
      const line = document.createElementNS(ns, 'polyline');
      line.setAttribute('points', points.join(' '));
      line.setAttribute('fill', 'none'); line.setAttribute('stroke', colour); line.setAttribute('stroke-width', 2);
      line.dataset.testid = 'trend-' + rate;
      line.dataset.values = rates.map((row) => text(row[rate], '')).join(',');
      svg.append(line);
      // a dot per period, so that a single day shows too
      rates.forEach((row, i) => {
        if (row[rate] === null) return;
        const dot = document.createElementNS(ns, 'circle');
        dot.setAttribute('cx', x(i)); dot.setAttribute('cy', y(row[rate])); dot.setAttribute('r', 3);
        dot.setAttribute('fill', colour);
        const title = document.createElementNS(ns, 'title');
        title.textContent = row.period + ': ' + row[rate] + '%';
        dot.append(title);
        svg.append(dot);
      });
    }
    chart.append(svg);
  }

  function showCategories(volume) {
    const totals = {};
    for (const bucket of volume.buckets) {
      for (const [category, count] of Object.entries(bucket.byCategory)) {
        totals[category] = (totals[category] || 0) + count;
      }
    }
    $('volume-total').textContent = volume.tickets + ' tickets'
      + (volume.changePercent === null ? '' : ', ' + (volume.changePercent > 0 ? '+' : '') + volume.changePercent
        + '% on the period before');
    const bars = $('categories');
    bars.replaceChildren();
    const sorted = Object.entries(totals).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const most = sorted.length ? sorted[0][1] : 1;
    for (const [category, count] of sorted) {
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.dataset.testid = 'category-' + category;
      bar.dataset.value = String(count);
      const name = document.createElement('span');
      name.textContent = category;
      const fill = document.createElement('div');
      fill.className = 'fill';
      fill.style.width = (100 * count / most) + '%';
      const number = document.createElement('span');
      number.className = 'count';
      number.textContent = count;
      bar.append(name, fill, number);
      bars.append(bar);
    }
    if (sorted.length === 0) bars.textContent = 'Nothing in this period.';
  }

  function showRanking(month, entries) {
    $('ranking-month').textContent = month;
    rows('ranking', entries, (e) => [e.rank, e.unitName + ' (' + e.unitId + ')', e.composite, e.responseRate,
      e.resolutionRate, e.satisfactionRate, e.assigned, e.rated, e.previousRank,
      { text: e.compositeChange === null ? '–' : (e.compositeChange > 0 ? '+' : '') + e.compositeChange,
        className: e.compositeChange > 0 ? 'up' : e.compositeChange < 0 ? 'down' : '' }]);
  }

  function showHotspots(hotspots) {
    rows('hot-grids', hotspots.grids, (g) => [g.gridId, g.district, g.tickets, g.topCategory]);
    rows('clusters', hotspots.clusters, (c) => [c.ticketNumber || c.ticketId, c.category, c.gridId,
      c.linkedTickets, c.repeatCalls]);
  }

  // the range starts as this month of the city's calendar, which the service knows and the browser may not
  let rangeChosen = false;

  async function load() {
    if (!sessionStorage.getItem('analystToken')) {
      return;
    }
    let overview;
    try {
      overview = await get('/overview');
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
      return;
    }
    if (!rangeChosen) {
      $('to').value = overview.to;
      $('from').value = overview.to.slice(0, 8) + '01';
    }
    const from = $('from').value;
    const to = $('to').value;
    if (!from || !to || from > to) {
      status.className = 'error';
      status.textContent = 'Choose a start day before the end day.';
      return;
    }
    status.className = '';
    status.textContent = 'Loading …';
    const factsFrom = atMostDaysBefore(from, to, MAX_DAYS_FROM_FACTS - 1);
    const period = daysBetween(from, to) > 62 ? 'week' : 'day';
    const month = to.slice(0, 7);
    const range = 'from=' + from + '&to=' + to;
    try {
      const [limits, trend, volume, ranking, hotspots] = await Promise.all([
        get('/deadlines?groupBy=city&from=' + factsFrom + '&to=' + to),
        get('/rates?groupBy=city&period=' + period + '&' + range),
        get('/volume?by=day&' + range),
        get('/ranking?month=' + month),
        get('/hotspots?from=' + factsFrom + '&to=' + to)
      ]);
      showToday(overview);
      showLimits(limits);
      showTrend(trend, period);
      showCategories(volume);
      showRanking(month, ranking);
      showHotspots(hotspots);
      $('board').hidden = false;
      status.textContent = 'Figures for ' + from + ' – ' + to + (factsFrom !== from
        ? ' (time limits and hot spots for the last ' + MAX_DAYS_FROM_FACTS + ' days of it)' : '') + '.';
      document.body.dataset.loaded = 'true';
    } catch (error) {
      status.className = 'error';
      status.textContent = error.message;
    }
  }

  takeTokenFromFragment();
  $('signin').addEventListener('submit', (event) => {
    event.preventDefault();
    if ($('token').value.trim()) {
      sessionStorage.setItem('analystToken', $('token').value.trim());
      $('token').value = '';
    }
    load();
  });
  // a link with a new #token= opens on the page already loaded: take the token and load again
  window.addEventListener('hashchange', () => {
    takeTokenFromFragment();
    load();
  });
  $('range').addEventListener('submit', (event) => {
    event.preventDefault();
    rangeChosen = true;
    load();
  });
  load();
}());
