// The analysts' dashboard: every figure comes from the analytics API with the analyst's own token (signed in through
// hub.js). Chinese first, English on request; the city's own names instead of codes.
import * as Hub from '/hub/hub.js';

const API = '/api/v1/analytics';
const MAX_DAYS_FROM_FACTS = 92;
const $ = (id) => document.getElementById(id);
const status = $('status');

const t = (key, values) => Hub.t(key, values);
const named = (table, code) => Hub.named(table, code);
const gridName = (id) => {
  const grid = Hub.city().grids[id];
  return grid ? named('districts', grid.district) + ' ' + id : (id || '–');
};

function say(key, values, error) {
  status.className = error ? 'error' : '';
  status.dataset.key = key;
  status.textContent = t(key, values);
}

function daysBetween(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

function atMostDaysBefore(from, to, days) {
  // dates parse as UTC midnight, so this is calendar arithmetic whatever the browser's zone
  const earliest = new Date(Date.parse(to) - days * 86400000).toISOString().slice(0, 10);
  return from < earliest ? earliest : from;
}

const get = (path) => Hub.api('', API + path);

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
    td.textContent = t('nothing');
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
  // counts here, each named "…数"; the time-limit panel's rates are named "…率"
  tile(today, 'today-received', t('receivedCount'), overview.received);
  tile(today, 'today-resolved-at-intake', t('answeredOnCallCount'), overview.resolvedAtIntake);
  tile(today, 'today-assigned', t('assignedCount'), overview.assigned);
  tile(today, 'today-accepted', t('acceptedCount'), overview.accepted);
  tile(today, 'today-accepted-on-time', t('acceptedOnTimeCount'), overview.acceptedOnTime);
  tile(today, 'today-resolved', t('resolvedCount'), overview.resolved);
  tile(today, 'today-returns', t('returnsCount'), overview.returns);
  tile(today, 'today-escalations', t('escalationsCount'), overview.escalations);
}

// the calls answered on the spot from a knowledge article (直办) and the articles used most
function showKnowledge(figures) {
  $('knowledge-range').textContent = figures.from + ' – ' + figures.to;
  const tiles = $('knowledge-tiles');
  tiles.replaceChildren();
  tile(tiles, 'knowledge-received', t('receivedCount'), figures.received);
  tile(tiles, 'knowledge-answered-on-call', t('answeredOnCallCount'), figures.answeredOnCall);
  tile(tiles, 'knowledge-answered-from-article', t('answeredFromArticleCount'), figures.answeredFromArticle);
  tile(tiles, 'knowledge-direct-rate', t('directRate'), figures.directRate, '%');
  const gaps = figures.gaps || { questions: 0, byCategory: [], words: [] };
  tile(tiles, 'knowledge-gap-questions', t('gapQuestions'), gaps.questions);
  // an article the city's folder ships is named by its question; one the units wrote since by its id
  rows('knowledge-articles', figures.articles, (a) => [
    { text: a.question ? t('articleNamed', { question: a.question, id: a.articleId }) : a.articleId },
    a.unit ? named('units', a.unit) : '–', a.tickets]);
  $('knowledge-articles').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (figures.articles[i]) tr.dataset.article = figures.articles[i].articleId;
  });
  rows('knowledge-categories', figures.byCategory || [], (c) => [named('categories', c.category), c.received,
    c.answeredOnCall, c.answeredFromArticle, text(c.directRate, '%')]);
  rows('knowledge-operators', figures.byOperator || [], (o) => [o.operator, o.received, o.answeredOnCall,
    o.answeredFromArticle, text(o.directRate, '%')]);
  // the words the dispatched questions were asked in, each with the categories they came in
  rows('knowledge-gaps', gaps.words, (w) => [w.word, w.questions,
    w.categories.map((c) => named('categories', c)).join('、')]);
  $('knowledge-gaps').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (gaps.words[i]) tr.dataset.word = gaps.words[i].word;
  });
}

// 受理满意度: the ratings of how calls were taken, apart from the satisfaction rate of the handling
function showCallSatisfaction(figures) {
  $('call-satisfaction-range').textContent = figures.from + ' – ' + figures.to;
  const tiles = $('call-satisfaction-tiles');
  tiles.replaceChildren();
  tile(tiles, 'call-satisfaction-rate', t('callSatisfactionRate'), figures.callSatisfactionRate, '%');
  tile(tiles, 'call-rated', t('callRatedCount'), figures.rated);
  tile(tiles, 'call-satisfied', t('callSatisfiedCount'), figures.satisfied);
  const cells = (name) => (g) => [name(g), g.received, g.rated, g.satisfied, text(g.callSatisfactionRate, '%')];
  rows('call-satisfaction-channels', figures.byChannel, cells((g) => t('channel.' + g.channel)));
  rows('call-satisfaction-operators', figures.byOperator, cells((g) => g.operator));
  rows('call-satisfaction-days', figures.byDay.filter((d) => d.rated > 0), cells((d) => d.day));
  $('call-satisfaction-channels').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (figures.byChannel[i]) tr.dataset.channel = figures.byChannel[i].channel;
  });
}

// the centre's decisions on returns and extensions: the city's totals over the months, then each unit by month
function showDecisions(report) {
  $('decisions-range').textContent = report.from + ' – ' + report.to;
  const sum = (key) => report.city.reduce((total, month) => total + month[key], 0);
  const upheld = sum('returnsUpheld'), rejected = sum('returnsRejected'), reached = sum('reachedRightUnit');
  const hours = report.city.reduce((total, month) => total + (month.averageHoursToRightUnit || 0)
    * month.reachedRightUnit, 0);
  const tiles = $('decisions-tiles');
  tiles.replaceChildren();
  tile(tiles, 'decisions-returns-made', t('returnsMadeCount'), sum('returnsMade'));
  tile(tiles, 'decisions-returns-upheld', t('returnsUpheldCount'), upheld);
  tile(tiles, 'decisions-returns-rejected', t('returnsRejectedCount'), rejected);
  tile(tiles, 'decisions-upheld-rate', t('upheldRateLong'), upheld + rejected === 0 ? null
    : Math.round(10000 * upheld / (upheld + rejected)) / 100, '%');
  tile(tiles, 'decisions-extensions-asked', t('extensionsAskedCount'), sum('extensionsAsked'));
  tile(tiles, 'decisions-extensions-approved', t('extensionsApprovedCount'), sum('extensionsApproved'));
  tile(tiles, 'decisions-extensions-shortened', t('extensionsShortenedCount'), sum('extensionsShortened'));
  tile(tiles, 'decisions-extensions-refused', t('extensionsRefusedCount'), sum('extensionsRefused'));
  tile(tiles, 'decisions-went-round', t('wentRoundCount'), sum('wentRound'));
  tile(tiles, 'decisions-hours-to-right-unit', t('hoursToRightUnitLong'), reached === 0 ? null
    : Math.round(100 * hours / reached) / 100);
  rows('decisions-units', report.units, (u) => [u.month,
    Hub.city().units[u.group] ? named('units', u.group) : u.unitName, u.returnsMade, u.returnsUpheld,
    u.returnsRejected, text(u.upheldRate, '%'), u.extensionsAsked, u.extensionsApproved, u.extensionsShortened,
    u.extensionsRefused, u.wentRound, u.averageHoursToRightUnit]);
  $('decisions-units').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (report.units[i]) tr.dataset.unit = report.units[i].group + '|' + report.units[i].month;
  });
}

// the supporting units' parts (协办): the city's totals over the months, then each supporting unit by month
function showParts(report) {
  $('parts-range').textContent = report.from + ' – ' + report.to;
  const sum = (key) => report.city.reduce((total, month) => total + month[key], 0);
  const assigned = sum('partsAssigned'), acceptedOnTime = sum('partsAcceptedOnTime');
  const answered = sum('partsAnswered'), answeredOnTime = sum('partsAnsweredOnTime');
  const waivedOverdue = sum('partsWaivedOverdue');
  const percent = (part, whole) => whole === 0 ? null : Math.round(10000 * part / whole) / 100;
  const tiles = $('parts-tiles');
  tiles.replaceChildren();
  tile(tiles, 'parts-assigned', t('partsAssignedCount'), assigned);
  tile(tiles, 'parts-accepted-on-time', t('partsAcceptedOnTimeCount'), acceptedOnTime);
  tile(tiles, 'parts-accepted-on-time-rate', t('acceptedOnTimeRateLong'), percent(acceptedOnTime, assigned), '%');
  tile(tiles, 'parts-answered', t('partsAnsweredCount'), answered);
  tile(tiles, 'parts-answered-on-time', t('partsAnsweredOnTimeCount'), answeredOnTime);
  tile(tiles, 'parts-answered-on-time-rate', t('answeredOnTimeRateLong'),
    percent(answeredOnTime, answered + waivedOverdue), '%');
  tile(tiles, 'parts-waived', t('partsWaivedCount'), sum('partsWaived'));
  tile(tiles, 'parts-waived-overdue', t('partsWaivedOverdueCount'), waivedOverdue);
  rows('parts-units', report.units, (u) => [u.month,
    Hub.city().units[u.group] ? named('units', u.group) : u.unitName, u.partsAssigned, u.partsAcceptedOnTime,
    text(u.acceptedOnTimeRate, '%'), u.partsAnswered, u.partsAnsweredOnTime, u.partsWaived, u.partsWaivedOverdue,
    text(u.answeredOnTimeRate, '%')]);
  $('parts-units').querySelectorAll('tbody tr').forEach((tr, i) => {
    if (report.units[i]) tr.dataset.unit = report.units[i].group + '|' + report.units[i].month;
  });
}

function showLimits(report) {
  $('limits-range').textContent = report.from + ' – ' + report.to;
  const limits = $('limits');
  limits.replaceChildren();
  const whole = report.groups[0] || {};
  tile(limits, 'limits-overdue', t('overdueNowCount'), whole.overdueNow === undefined ? 0 : whole.overdueNow);
  // signed for on time of those assigned: the same measure as the trend's and the ranking's response rate
  tile(limits, 'limits-on-time-acceptance', t('responseRate'), whole.onTimeAcceptanceRate, '%');
  tile(limits, 'limits-on-time-resolution', t('onTimeResolutionRate'), whole.onTimeResolutionRate, '%');
  tile(limits, 'limits-median-hours', t('medianHours'), whole.medianHandlingHours);
  tile(limits, 'limits-p90-hours', t('p90Hours'), whole.p90HandlingHours);
  tile(limits, 'limits-return-rate', t('returnRate'), whole.returnRate, '%');
  tile(limits, 'limits-repeat-rate', t('repeatRate'), whole.repeatRate, '%');
  tile(limits, 'limits-fcr', t('fcrRate'), whole.firstContactResolutionRate, '%');
}

function showTrend(rates, period) {
  $('trend-period').textContent = t(period === 'week' ? 'byWeek' : 'byDay');
  const chart = $('trend');
  chart.setAttribute('aria-label', t('trendLabel', { period: t(period === 'week' ? 'byWeek' : 'byDay') }));
  chart.replaceChildren();
  if (rates.length === 0) {
    chart.textContent = t('nothing');
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
  $('volume-total').textContent = t('ticketsTotal', { n: volume.tickets })
    + (volume.changePercent === null ? '' : t('onBefore', { p: (volume.changePercent > 0 ? '+' : '')
      + volume.changePercent }));
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
    name.textContent = named('categories', category);
    name.title = category;
    const fill = document.createElement('div');
    fill.className = 'fill';
    fill.style.width = (100 * count / most) + '%';
    const number = document.createElement('span');
    number.className = 'count';
    number.textContent = count;
    bar.append(name, fill, number);
    bars.append(bar);
  }
  if (sorted.length === 0) bars.textContent = t('nothing');
}

function showRanking(month, entries) {
  $('ranking-month').textContent = month;
  rows('ranking', entries, (e) => [e.rank, Hub.city().units[e.unitId] ? named('units', e.unitId) : e.unitName,
    e.composite, e.responseRate,
    e.resolutionRate, e.satisfactionRate, e.assigned, e.resolved, e.rated, e.previousRank,
    { text: e.compositeChange === null ? '–' : (e.compositeChange > 0 ? '+' : '') + e.compositeChange,
      className: e.compositeChange > 0 ? 'up' : e.compositeChange < 0 ? 'down' : '' }]);
}

function showHotspots(hotspots) {
  rows('hot-grids', hotspots.grids, (g) => [gridName(g.gridId), named('districts', g.district), g.tickets,
    named('categories', g.topCategory)]);
  rows('clusters', hotspots.clusters, (c) => [c.ticketNumber || c.ticketId, named('categories', c.category),
    gridName(c.gridId), c.linkedTickets, c.repeatCalls]);
  showMap(hotspots.grids);
}

// the city's grids drawn from their outlines, each shaded by its tickets in the period
function showMap(hotGrids) {
  const map = $('map');
  $('map-legend').textContent = t('mapLegend');
  map.setAttribute('aria-label', t('mapLabel'));
  const tickets = {};
  hotGrids.forEach((g) => { tickets[g.gridId] = g.tickets; });
  const most = Math.max(1, ...Object.values(tickets));
  Hub.drawGrids(map, (id) => (tickets[id] || 0) === 0 ? '#eef2f6'
    : 'rgba(200, 64, 47, ' + (0.2 + 0.8 * tickets[id] / most) + ')',
  (id) => gridName(id) + ': ' + t('ticketsTotal', { n: tickets[id] || 0 }));
  map.querySelectorAll('polygon').forEach((polygon) => {
    polygon.dataset.value = String(tickets[polygon.dataset.testid.slice(5)] || 0);
  });
}

// the range starts as this month of the city's calendar, which the service knows and the browser may not
let rangeChosen = false;

async function load() {
  let overview;
  try {
    overview = await get('/overview');
  } catch (error) {
    status.className = 'error';
    Hub.showError(status, error);
    return;
  }
  if (!rangeChosen) {
    $('to').value = overview.to;
    $('from').value = overview.to.slice(0, 8) + '01';
  }
  const from = $('from').value;
  const to = $('to').value;
  if (!from || !to || from > to) {
    say('badRange', {}, true);
    return;
  }
  say('loading');
  const factsFrom = atMostDaysBefore(from, to, MAX_DAYS_FROM_FACTS - 1);
  const period = daysBetween(from, to) > 62 ? 'week' : 'day';
  const month = to.slice(0, 7);
  const range = 'from=' + from + '&to=' + to;
  try {
    const [limits, trend, volume, ranking, hotspots, knowledge, callSatisfaction, decisions, parts] =
      await Promise.all([
      get('/deadlines?groupBy=city&from=' + factsFrom + '&to=' + to),
      get('/rates?groupBy=city&period=' + period + '&' + range),
      get('/volume?by=day&' + range),
      get('/ranking?month=' + month),
      get('/hotspots?from=' + factsFrom + '&to=' + to),
      get('/knowledge?top=10&' + range),
      get('/call-satisfaction?' + range),
      get('/decisions?' + range),
      get('/parts?' + range)
    ]);
    showToday(overview);
    showLimits(limits);
    showTrend(trend, period);
    showCategories(volume);
    showRanking(month, ranking);
    showHotspots(hotspots);
    showKnowledge(knowledge);
    showCallSatisfaction(callSatisfaction);
    showDecisions(decisions);
    showParts(parts);
    $('board').hidden = false;
    status.textContent = t('figuresFor') + from + ' – ' + to + (factsFrom !== from
      ? t('lastDays', { n: MAX_DAYS_FROM_FACTS }) : '');
    document.body.dataset.loaded = 'true';
  } catch (error) {
    status.className = 'error';
    Hub.showError(status, error);
  }
}

$('range').addEventListener('submit', (event) => {
  event.preventDefault();
  rangeChosen = true;
  load();
});
Hub.start({ roles: ['ANALYST'], ready: load, onLanguage: load });
