// The analysts' dashboard: every figure comes from the analytics API with the analyst's own token (signed in through
// hub.js). Chinese first, English on request; the city's own names instead of codes.
(function () {
  'use strict';
  const API = '/api/v1/analytics';
  const MAX_DAYS_FROM_FACTS = 92;
  const $ = (id) => document.getElementById(id);
  const status = $('status');

  const WORDS = {
    zh: {
      decisions: '退单与延期审核', decisionsByUnit: '各单位按月（按受理月份）', month: '月份',
      returnsMade: '退单数', returnsUpheld: '审核通过', returnsRejected: '审核驳回', upheldRate: '通过率',
      extensionsAsked: '延期申请', extensionsApproved: '批准延期', extensionsShortened: '其中缩短',
      extensionsRefused: '不予延期', wentRound: '多次退单工单', hoursToRightUnit: '退单后到达承办单位（小时）',
      returnsMadeCount: '退单数', returnsUpheldCount: '退单审核通过数', returnsRejectedCount: '退单审核驳回数',
      upheldRateLong: '退单审核通过率', extensionsAskedCount: '延期申请数',
      extensionsApprovedCount: '批准延期数（含缩短）', extensionsShortenedCount: '缩短延期数',
      extensionsRefusedCount: '不予延期数', wentRoundCount: '多次退单工单数',
      hoursToRightUnitLong: '退单后到达承办单位平均用时（小时）',
      decisionsNote: '退单后到达承办单位：自该单位（全市为首次）退单起，至最终办结单位接到工单（派单，或其退单被驳回）'
        + '止的平均时长；多次退单工单：累计退单两次及以上。三率仍按当前承办单位计，审核结果不改变三率口径。',
      parts: '协办', partsByUnit: '各协办单位按月（按受理月份）', supportingUnit: '协办单位',
      partsAssigned: '协办派单', partsAcceptedOnTime: '按时签收', acceptedOnTimeRate: '按时签收率',
      partsAnswered: '协办答复', partsAnsweredOnTime: '按时答复', partsWaived: '免除协办',
      partsWaivedOverdue: '其中超期免除', answeredOnTimeRate: '按时答复率',
      partsAssignedCount: '协办派单数', partsAcceptedOnTimeCount: '协办按时签收数',
      acceptedOnTimeRateLong: '协办按时签收率', partsAnsweredCount: '协办答复数',
      partsAnsweredOnTimeCount: '协办按时答复数', partsWaivedCount: '免除协办数',
      partsWaivedOverdueCount: '超期免除数', answeredOnTimeRateLong: '协办按时答复率',
      partsNote: '协办单位不是承办单位：三率（响应率、解决率、满意率）只按主办单位计，协办的签收与答复不计入三率，'
        + '也不改变其口径。按时答复率：按时答复数 ÷（答复数 + 超期后免除数），到期前免除的不计。',
      pageTitle: '数据分析', from: '起', to: '止', show: '查询', today: '今日', limits: '办理时限',
      trend: '三率趋势', categories: '诉求分类', ranking: '月度排名', map: '热点网格地图', hotGrids: '热点网格',
      clusters: '重复诉求', rank: '名次', unit: '承办单位', composite: '综合得分', responseRate: '响应率',
      resolutionRate: '解决率', satisfactionRate: '满意率', assignedCount: '派单数', resolvedCount: '办结数',
      rated: '评价数', lastMonth: '上月名次', change: '得分变化', grid: '网格', district: '区县', tickets: '工单数',
      topCategory: '最多的诉求', ticket: '工单', category: '诉求分类', linked: '关联工单', repeatCalls: '重复来电',
      receivedCount: '受理数', answeredOnCallCount: '当场解答数', acceptedCount: '签收数',
      acceptedOnTimeCount: '按时签收数', returnsCount: '退单数', escalationsCount: '督办数',
      overdueNowCount: '当前超期数', onTimeResolutionRate: '按时办结率', returnRate: '退单率',
      medianHours: '办结时长中位数（小时）', p90Hours: '九成办结于（小时）', repeatRate: '重复诉求率',
      fcrRate: '一次办结率', nothing: '本期无数据。', loading: '正在加载…', badRange: '开始日期须早于结束日期。',
      figuresFor: '数据范围 ', lastDays: '（时限与热点为其中最近 {n} 天）',
      byDay: '全市，按日', byWeek: '全市，按周', ticketsTotal: '{n} 件', onBefore: '，较上期 {p}%',
      mapLegend: '颜色越深，工单越多', rankingNote: '尚无市民评价的单位列在最后，不排名次。',
      trendLabel: '三率趋势图（{period}）：响应率、解决率、满意率，明细见月度排名',
      mapLabel: '热点网格地图：颜色越深，工单越多；各网格的工单数见“热点网格”表',
      knowledge: '直办：知识库当场解答', mostUsed: '使用最多的文章', article: '文章', answeredCalls: '答复来电数',
      answeredFromArticleCount: '直办数（按知识库文章答复）', directRate: '直办率（直办数 ÷ 受理数）',
      articleNamed: '{question}（{id}）', byCategoryRate: '各分类直办率', byOperatorRate: '各话务员直办率',
      operator: '话务员', rateShort: '直办率',
      answeredFromArticleShort: '直办数', gaps: '知识缺口：无文章可答、已派单的咨询',
      gapQuestions: '知识缺口数（派单的咨询）', gapWord: '关键词', gapCount: '咨询数',
      gapNote: '按来电用词汇总，请相关单位补充知识库文章。',
      callSatisfaction: '受理满意度', callByChannel: '各渠道受理满意度', callByOperator: '各话务员受理满意度',
      callByDay: '按日受理满意度（有评价的日期）', channel: '受理渠道', day: '日期', callRatedCount: '受理评价数',
      callSatisfiedCount: '满意数（含基本满意）', callSatisfactionRate: '受理满意度（满意数 ÷ 受理评价数）',
      callSatisfactionNote: '市民在工单进度页对热线受理（话务员接听或网上受理）的评价，每件一次，与办理的满意率分开统计，'
        + '不计入三率。',
      'channel.PHONE': '电话', 'channel.WEB': '网站', 'channel.OPEN311': 'Open311 接口', 'channel.GRID': '网格员',
      'channel.LIAISON': '联户长'
    },
    en: {
      decisions: 'Returns and extensions reviewed by the centre',
      decisionsByUnit: 'Each unit by month (of receipt)', month: 'Month', returnsMade: 'Returns',
      returnsUpheld: 'Upheld', returnsRejected: 'Rejected', upheldRate: 'Upheld rate',
      extensionsAsked: 'Extensions asked', extensionsApproved: 'Approved', extensionsShortened: 'Of which shortened',
      extensionsRefused: 'Refused', wentRound: 'Went round', hoursToRightUnit: 'Hours to the right unit',
      returnsMadeCount: 'Returns made', returnsUpheldCount: 'Returns upheld', returnsRejectedCount: 'Returns rejected',
      upheldRateLong: 'Returns upheld (% of decided)', extensionsAskedCount: 'Extensions asked',
      extensionsApprovedCount: 'Extensions approved (incl. shortened)',
      extensionsShortenedCount: 'Extensions shortened',
      extensionsRefusedCount: 'Extensions refused', wentRoundCount: 'Tickets returned twice or more',
      hoursToRightUnitLong: 'Average hours from a return to the right unit',
      decisionsNote: 'Hours to the right unit: from the unit\'s return (for the city, the first return) to when the '
        + 'unit that resolved the ticket got it (its dispatch, or the rejection of its own return), on average. Went '
        + 'round: returned twice or more. The three rates still count a ticket for the unit that holds it; the '
        + 'centre\'s decisions do not change them.',
      parts: 'Supporting units\' parts', partsByUnit: 'Each supporting unit by month (of receipt)',
      supportingUnit: 'Supporting unit', partsAssigned: 'Parts given', partsAcceptedOnTime: 'Signed for on time',
      acceptedOnTimeRate: 'Signed for on time (%)', partsAnswered: 'Answered', partsAnsweredOnTime: 'On time',
      partsWaived: 'Waived', partsWaivedOverdue: 'Of which overdue', answeredOnTimeRate: 'Answered on time (%)',
      partsAssignedCount: 'Parts given to supporting units', partsAcceptedOnTimeCount: 'Parts signed for on time',
      acceptedOnTimeRateLong: 'Parts signed for on time (% of given)', partsAnsweredCount: 'Parts answered',
      partsAnsweredOnTimeCount: 'Parts answered on time', partsWaivedCount: 'Parts waived by the centre',
      partsWaivedOverdueCount: 'Parts waived when overdue', answeredOnTimeRateLong: 'Parts answered on time (%)',
      partsNote: 'A supporting unit is not the handling unit: the three rates (response, resolution, satisfaction) '
        + 'count a ticket for its lead alone, and a part\'s sign-for and answer are not in them and do not change '
        + 'them. Answered on time: parts answered on time ÷ (parts answered + parts waived after their due date); a '
        + 'part waived before it was due is not counted.',
      pageTitle: 'analytics', from: 'From', to: 'To', show: 'Show', today: 'Today',
      limits: 'Time limits', trend: 'Rate trends', categories: 'Categories', ranking: 'Monthly ranking',
      map: 'Hot grids on the map', hotGrids: 'Hot spots: grids', clusters: 'Hot spots: repeat complaints',
      rank: 'Rank', unit: 'Unit', composite: 'Composite score', responseRate: 'Response rate',
      resolutionRate: 'Resolution rate', satisfactionRate: 'Satisfaction rate', assignedCount: 'Assigned',
      resolvedCount: 'Resolved', rated: 'Rated', lastMonth: 'Last month\'s rank', change: 'Score change',
      grid: 'Grid', district: 'District', tickets: 'Tickets', topCategory: 'Top category', ticket: 'Ticket',
      category: 'Category', linked: 'Linked', repeatCalls: 'Repeat calls', receivedCount: 'Received',
      answeredOnCallCount: 'Answered on the call', acceptedCount: 'Signed for',
      acceptedOnTimeCount: 'Signed for on time', returnsCount: 'Returns', escalationsCount: 'Escalations',
      overdueNowCount: 'Overdue now', onTimeResolutionRate: 'On-time resolution rate', returnRate: 'Return rate',
      medianHours: 'Median hours to resolve', p90Hours: '90% resolved within (hours)',
      repeatRate: 'Repeat complaint rate', fcrRate: 'First-contact resolution rate',
      nothing: 'Nothing in this period.', loading: 'Loading …', badRange: 'Choose a start day before the end day.',
      figuresFor: 'Figures for ', lastDays: ' (time limits and hot spots for the last {n} days of it)',
      byDay: 'the whole city, by day', byWeek: 'the whole city, by week', ticketsTotal: '{n} tickets',
      onBefore: ', {p}% on the period before', mapLegend: 'the darker, the more tickets',
      rankingNote: 'Units no citizen has rated yet are listed last, without a rank.',
      trendLabel: 'Rate trends ({period}): response, resolution and satisfaction rates; the figures are in the '
        + 'monthly ranking',
      mapLabel: 'Hot grids on the map: the darker, the more tickets; each grid\'s tickets are in the hot grids table',
      knowledge: 'Answered on the call from the knowledge base', mostUsed: 'Articles used most', article: 'Article',
      answeredCalls: 'Calls answered', answeredFromArticleCount: 'Answered from an article',
      directRate: 'Direct answer rate (answered from an article ÷ received)', articleNamed: '{question} ({id})',
      byCategoryRate: 'Direct answer rate by category', byOperatorRate: 'Direct answer rate by operator',
      operator: 'Operator', rateShort: 'Direct answer rate',
      answeredFromArticleShort: 'From an article',
      gaps: 'Knowledge gaps: questions dispatched because no article answered them',
      gapQuestions: 'Knowledge gaps (questions dispatched)', gapWord: 'Word', gapCount: 'Questions',
      gapNote: 'The words callers asked in: ask the units concerned for articles.',
      callSatisfaction: 'Call satisfaction', callByChannel: 'Call satisfaction by channel',
      callByOperator: 'Call satisfaction by operator', callByDay: 'Call satisfaction by day (days with ratings)',
      channel: 'Channel', day: 'Day', callRatedCount: 'Calls rated',
      callSatisfiedCount: 'Satisfied (basically satisfied included)',
      callSatisfactionRate: 'Call satisfaction (satisfied ÷ calls rated)',
      callSatisfactionNote: 'How citizens rated the taking of their call (the operator on the phone, or the web form) '
        + 'on their follow page, once per ticket; counted apart from the satisfaction rate of the handling, and not '
        + 'in the three rates.',
      'channel.PHONE': 'Phone', 'channel.WEB': 'Website', 'channel.OPEN311': 'Open311', 'channel.GRID': 'Grid worker',
      'channel.LIAISON': 'Household liaison'
    }
  };
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
  Hub.start({ roles: ['ANALYST'], words: WORDS, ready: load, onLanguage: load });
}());
