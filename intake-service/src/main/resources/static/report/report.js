// The citizen's report page (/report): a complaint filed on a phone without an account, Chinese first with an
// English switch. The words with the category they suggest, where (the device's location or an address typed, no map
// needed), up to four photos, the phone number and whether the report may be published; before it is sent, the open
// published reports of the same category within 200 m, any of which the citizen may join as theirs too. The phone is
// proven by the code in the first text: the receipt text carries the follow link, and its token, pasted here, opens
// the follow page and lets the photos be added. Everything typed is kept in this tab's session storage, so that a
// reload loses nothing but the photos' bytes; the follow token is never stored.
(function () {
  'use strict';
  const LANGUAGE = 'hub.language';
  const DRAFT = 'report.draft';
  const COMPLAIN = '/api/v1/complaints';
  const CATEGORIES = '/api/v1/public/categories';
  const SUGGEST = '/api/v1/public/categories/suggest';
  const NEARBY = '/api/v1/public/reports/nearby';
  const LOOK_UP = '/api/v1/public/tickets/lookup';
  const PHOTO = '/api/v1/public/tickets/photos';
  const MAX_PHOTOS = 4;
  const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
  const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
  const MIN_DESCRIPTION = 4;
  const SUGGEST_AFTER_MS = 600;

  const WORDS = {
    zh: {
      title: '12345热线 · 我要反映', brand: '12345热线', other: 'English', heading: '我要反映问题',
      intro: '无需注册。提交后，工单号和查看进度的链接会以短信发到您的手机。带 * 的为必填项。',
      restored: '已恢复您上次填写的内容。', restoredPhotos: '已恢复您上次填写的内容；照片需要重新选择。',
      what: '反映什么问题', description: '问题描述 *',
      descriptionHelp: '请写清楚是什么问题、从什么时候开始。最多2000字。',
      category: '问题分类', categoryHelp: '可以不选，热线会根据描述判断；选择后可查看附近已有的同类反映。',
      categoryNone: '不确定，由热线判断', suggesting: '正在根据描述推荐分类…',
      suggested: '根据您的描述，推荐分类：', suggestedChosen: '已按您的描述选择“{name}”，可以更改。',
      useSuggestion: '选择“{name}”', noSuggestion: '无法根据描述判断分类，可以自己选择或交由热线判断。',
      where: '问题在哪里 *', whereHelp: '使用当前位置或填写地址，二者填一项即可。',
      useLocation: '使用我的当前位置', locating: '正在获取位置…', clearLocation: '清除位置',
      located: '已获取当前位置（精度约 {metres} 米）。', locatedKept: '已使用您的位置。',
      noGeolocation: '此浏览器无法获取位置，请填写地址。',
      locationDenied: '未获得位置权限，请填写地址，或在浏览器设置中允许获取位置。',
      locationFailed: '暂时无法获取位置，请填写地址或稍后再试。',
      address: '地址或地点', addressHelp: '如：南明区花果园大街1号附近，或小区、路口名称。最多200字。',
      nearby: '附近已有的同类反映',
      nearbyHelp: '以下是200米内尚未办结的公开反映。如果是同一个问题，请点“这也是我要反映的”，您的诉求将与它一并办理。',
      nearbyNone: '200米内没有尚未办结的同类公开反映。', nearbyLoading: '正在查找附近的同类反映…',
      nearbyFailed: '暂时无法查找附近的反映，不影响提交。',
      nearbyMeta: '约 {metres} 米 · {when}受理', nearbyUnit: ' · {unit}正在办理', nearbyNumber: '工单号 {number}',
      joinThis: '这也是我要反映的', joined: '您的诉求将与工单 {number} 一并办理。再点一次可取消。',
      photos: '现场照片（可不传）', addPhotos: '选择照片',
      photosHelp: '最多4张，每张不超过10MB，JPG、PNG 或 WebP。照片中的位置和相机信息会被去除。验证手机后上传。',
      photoAlt: '照片 {n}：{name}', removePhoto: '删除照片 {n}', photoCount: '已选 {count} 张，最多4张。',
      'photo.type': '“{name}”不是 JPG、PNG 或 WebP 图片。', 'photo.size': '“{name}”超过10MB。',
      'photo.many': '最多4张照片，其余未添加。',
      contact: '联系方式', phone: '手机号码 *',
      phoneHelp: '用于接收短信（工单号、查看进度的链接和办理结果），不会公开。',
      publish: '同意公开本诉求',
      publishHelp: '公开时不含电话和地址，位置精确到约100米，其他市民可以看到并一并反映。',
      send: '提交诉求', sending: '正在提交…', fixThese: '请先更正以下内容：',
      sent: '诉求已提交', number: '工单号', receivedAt: '受理时间：{time}',
      verifyHelp: '我们正在向您的手机发送短信，短信中有查看进度的链接。收到后，请把整个链接或链接末尾的16位验证码粘贴到下面，以验证手机号码。',
      code: '短信中的链接或验证码 *', codeHelp: '例如链接 …/t/工单号.AbCdEf0123456789 中点号后的16位。',
      verify: '验证并查看进度', verifying: '正在验证…',
      'code.required': '请粘贴短信中的链接或验证码。',
      'code.format': '没有找到16位验证码，请粘贴短信中的整个链接。',
      'code.other': '这是工单 {number} 的链接，不是本次诉求的。',
      'code.wrong': '验证码与本次诉求不符，请检查后再试。',
      photosWaiting: '验证后将上传您选择的 {count} 张照片。',
      photosLost: '页面刷新后照片未能保留；如需上传，请在验证前重新选择。',
      uploading: '正在上传照片 {n}/{count}…', uploaded: '照片已上传，正在打开进度页面…',
      uploadFailed: '有照片未能上传：{what}', goFollow: '查看办理进度', startOver: '重新填写一件诉求',
      startOverDone: '已清空，可以填写新的诉求。',
      // what the service's problems say, by code
      'problem.too-many-requests': '操作太频繁，请 {seconds} 秒后再试。',
      'problem.too-large': '内容太多，请删减后再提交。',
      'problem.dependency-unavailable': '服务暂时无法完成，请稍后再试。您填写的内容已保留。',
      'problem.server-error': '服务出错了，请稍后再试。您填写的内容已保留。',
      'problem.network': '无法连接服务，请检查网络后再试。您填写的内容已保留。',
      'problem.idempotency-key-reused': '这次提交与刚才的提交不一致，请点“重新填写一件诉求”。',
      'problem.unreadable': '请求无法读取，请刷新页面后重试。',
      'problem.other': '服务拒绝了请求（{status}），请稍后再试。',
      'problem.photos-full': '这件诉求已有4张照片。',
      'rule.required': '必填', 'rule.size': '长度不符合要求', 'rule.format': '格式不正确',
      'rule.range': '超出允许的范围', 'rule.type': '类型不正确', 'rule.unknown': '不是本市已有的选项',
      'rule.phone': '不是有效的中国大陆电话号码', 'rule.location-required': '请使用当前位置或填写地址',
      'rule.too-short': '太短，请写清楚是什么问题', 'rule.invalid': '请检查此项',
      'rule.photo.format': '不是 JPG、PNG 或 WebP 图片', 'rule.photo.size': '超过10MB',
      'rule.photo.range': '像素太多', 'rule.photo.invalid': '无法读取此图片',
      'field.description': '问题描述', 'field.category': '问题分类', 'field.location': '问题在哪里',
      'field.address': '地址或地点', 'field.phone': '手机号码', 'field.photos': '现场照片', 'field.form': '表单',
      colon: '：', listSep: '；'
    },
    en: {
      title: '12345 hotline · report a problem', brand: '12345 hotline', other: '中文', heading: 'Report a problem',
      intro: 'No account needed. Once it is sent, the ticket number and a link to follow it come to your phone by text. Fields marked * are required.',
      restored: 'What you typed before is back.', restoredPhotos: 'What you typed before is back; choose the photos again.',
      what: 'What is the problem', description: 'Describe the problem *',
      descriptionHelp: 'Say what is wrong and since when. At most 2000 characters.',
      category: 'Kind of problem',
      categoryHelp: 'Optional: the hotline decides from your words. Once chosen, reports of the same kind nearby are shown.',
      categoryNone: 'Not sure; let the hotline decide', suggesting: 'Suggesting a kind from your words…',
      suggested: 'From your words, perhaps:', suggestedChosen: 'Chose “{name}” from your words; you can change it.',
      useSuggestion: 'Choose “{name}”', noSuggestion: 'Your words do not say which kind; choose one or let the hotline decide.',
      where: 'Where is it *', whereHelp: 'Use your current location or type an address; either one is enough.',
      useLocation: 'Use my current location', locating: 'Finding your location…', clearLocation: 'Clear the location',
      located: 'Location found (to about {metres} m).', locatedKept: 'Your location is used.',
      noGeolocation: 'This browser cannot give a location; please type an address.',
      locationDenied: 'No permission for the location; type an address, or allow it in the browser’s settings.',
      locationFailed: 'Cannot find the location now; type an address or try again later.',
      address: 'Address or place', addressHelp: 'E.g. near 1 Huaguoyuan Street, Nanming, or the name of an estate or crossing. At most 200 characters.',
      nearby: 'Reports of the same kind nearby',
      nearbyHelp: 'Open public reports within 200 m. If one is the same problem, choose “This is mine too” and yours is handled with it.',
      nearbyNone: 'No open public report of this kind within 200 m.', nearbyLoading: 'Looking for reports nearby…',
      nearbyFailed: 'Cannot look for reports nearby now; you can still send yours.',
      nearbyMeta: 'About {metres} m away · received {when}', nearbyUnit: ' · handled by {unit}',
      nearbyNumber: 'Ticket {number}',
      joinThis: 'This is mine too', joined: 'Yours will be handled with ticket {number}. Choose it again to undo.',
      photos: 'Photos of the place (optional)', addPhotos: 'Choose photos',
      photosHelp: 'Up to 4, each at most 10 MB, JPG, PNG or WebP. Location and camera data are removed. They are added once your phone is confirmed.',
      photoAlt: 'Photo {n}: {name}', removePhoto: 'Remove photo {n}', photoCount: '{count} chosen, at most 4.',
      'photo.type': '“{name}” is not a JPG, PNG or WebP image.', 'photo.size': '“{name}” is larger than 10 MB.',
      'photo.many': 'At most 4 photos; the others were not added.',
      contact: 'How to reach you', phone: 'Mobile number *',
      phoneHelp: 'For the texts (ticket number, the link to follow it, the answer); never shown publicly.',
      publish: 'The report may be published',
      publishHelp: 'Published without your number or address, its place rounded to about 100 m, so that others can see it and join it.',
      send: 'Send the report', sending: 'Sending…', fixThese: 'Please correct these first:',
      sent: 'Your report is in', number: 'Ticket', receivedAt: 'Received {time}',
      verifyHelp: 'A text with a link to follow your report is on its way to your phone. When it arrives, paste the whole link or the 16-character code at its end below to confirm your number.',
      code: 'The link or code from the text *', codeHelp: 'E.g. the 16 characters after the dot in …/t/ticket-number.AbCdEf0123456789.',
      verify: 'Confirm and follow it', verifying: 'Checking…',
      'code.required': 'Paste the link or the code from the text.',
      'code.format': 'No 16-character code found; paste the whole link from the text.',
      'code.other': 'This is the link of ticket {number}, not of this report.',
      'code.wrong': 'The code does not match this report; check it and try again.',
      photosWaiting: 'The {count} photos you chose are added once your phone is confirmed.',
      photosLost: 'The photos were not kept when the page reloaded; choose them again before confirming to add them.',
      uploading: 'Adding photo {n} of {count}…', uploaded: 'Photos added; opening your report…',
      uploadFailed: 'Some photos could not be added: {what}', goFollow: 'Follow your report',
      startOver: 'Start a new report', startOverDone: 'Cleared; you can write a new report.',
      'problem.too-many-requests': 'Too many requests; try again in {seconds} seconds.',
      'problem.too-large': 'Too much; shorten it and send again.',
      'problem.dependency-unavailable': 'The service cannot finish this now; try again later. What you typed is kept.',
      'problem.server-error': 'Something went wrong in the service; try again later. What you typed is kept.',
      'problem.network': 'Cannot reach the service; check your connection and try again. What you typed is kept.',
      'problem.idempotency-key-reused': 'This differs from what was just sent; choose “Start a new report”.',
      'problem.unreadable': 'The request could not be read; reload the page and try again.',
      'problem.other': 'The service refused the request ({status}); try again later.',
      'problem.photos-full': 'This report has 4 photos already.',
      'rule.required': 'is required', 'rule.size': 'is too long or too short', 'rule.format': 'is not in the right form',
      'rule.range': 'is out of range', 'rule.type': 'is of the wrong type', 'rule.unknown': 'is not one the city has',
      'rule.phone': 'is not a mainland China phone number', 'rule.location-required': 'use your location or type an address',
      'rule.too-short': 'is too short; say what the problem is', 'rule.invalid': 'please check it',
      'rule.photo.format': 'is not a JPG, PNG or WebP image', 'rule.photo.size': 'is larger than 10 MB',
      'rule.photo.range': 'has too many pixels', 'rule.photo.invalid': 'cannot be read as an image',
      'field.description': 'Description', 'field.category': 'Kind of problem', 'field.location': 'Where',
      'field.address': 'Address or place', 'field.phone': 'Mobile number', 'field.photos': 'Photos',
      'field.form': 'The form', colon: ': ', listSep: '; '
    }
  };

  // the service's field names to this page's: the form's phone is checked as the call's callerPhone
  const FIELDS = { description: 'description', category: 'category', address: 'address', location: 'location',
    'location.lat': 'location', 'location.lon': 'location', phone: 'phone', callerPhone: 'phone' };
  // where the summary's link for a field leads
  const FOCUS = { description: 'description', category: 'category', location: 'use-location', address: 'address',
    phone: 'phone', photos: 'photos-input', form: 'description' };

  let language = localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'zh';
  let draft = readDraft();
  let categories = [];
  let suggestion = null;
  let suggesting = false;
  let nearby = { state: 'none', reports: [] };
  // the photos chosen, in memory only: { name, file, data }
  let photos = [];
  let photoNotes = [];
  // what is on screen in words, kept as keys so that a switch of language says it again
  let status = null;
  let fieldErrors = [];
  let sendProblem = null;
  let codeProblem = null;
  let locationNote = null;
  let uploadNote = null;
  let restoredNote = null;
  let suggestTimer = null;
  let nearbyAsked = 0;

  const $ = (id) => document.getElementById(id);
  const say = (key, values) => {
    const text = WORDS[language][key] ?? WORDS.zh[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (all, name) => values && values[name] != null ? values[name] : all);
  };
  const when = (instant) => instant ? new Date(instant).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN',
      { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';
  const categoryName = (code) => {
    const found = categories.find((c) => c.code === code);
    return found ? (language === 'en' ? found.en : found.zh) : code;
  };

  function emptyDraft() {
    return { step: 'compose', description: '', category: '', categoryChosen: false, address: '', location: null,
      phone: '', publish: false, joins: null, photosChosen: 0, key: newKey(), receipt: null };
  }

  function newKey() {
    return crypto.randomUUID ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function readDraft() {
    try {
      const kept = JSON.parse(sessionStorage.getItem(DRAFT));
      if (kept && typeof kept === 'object') {
        return Object.assign(emptyDraft(), kept);
      }
    } catch (e) {
      // a draft that cannot be read is started afresh
    }
    return null;
  }

  function keep() {
    draft.photosChosen = photos.length;
    sessionStorage.setItem(DRAFT, JSON.stringify(draft));
  }

  async function send(path, options) {
    return fetch(path, Object.assign({ referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store' },
      options));
  }

  function postJson(path, body, headers) {
    return send(path, { method: 'POST', body: JSON.stringify(body),
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}) });
  }

  /** A refusal as keys of this page: the problem's code, its fields and rules, and its numbers. */
  async function problemOf(answer) {
    const problem = await answer.json().catch(() => ({}));
    const seconds = problem.retryAfter || answer.headers.get('Retry-After') || 60;
    return { status: answer.status, code: problem.code, seconds, currentState: problem.currentState,
      errors: Array.isArray(problem.errors) ? problem.errors : [] };
  }

  /** What a refusal that names no field says, in this language. */
  function problemText(problem) {
    if (!problem) return '';
    if (problem.network) return say('problem.network');
    if (problem.status === 409 && /PHOTOS_FULL/.test(problem.currentState || '')) return say('problem.photos-full');
    if (problem.code && WORDS.zh['problem.' + problem.code]) {
      return say('problem.' + problem.code, { seconds: problem.seconds, status: problem.status });
    }
    if (problem.status === 503) return say('problem.dependency-unavailable');
    if (problem.status >= 500) return say('problem.server-error');
    return say('problem.other', { status: problem.status });
  }

  function ruleText(field, code) {
    const own = 'rule.' + field + '.' + code;
    if (WORDS.zh[own]) return say(own);
    return say(WORDS.zh['rule.' + code] ? 'rule.' + code : 'rule.invalid');
  }

  // ---- the form ----

  function fillForm() {
    $('description').value = draft.description;
    $('address').value = draft.address;
    $('phone').value = draft.phone;
    $('publish').checked = !!draft.publish;
    renderCategories();
  }

  function renderCategories() {
    const select = $('category');
    const none = document.createElement('option');
    none.value = '';
    none.textContent = say('categoryNone');
    select.replaceChildren(none, ...categories.map((c) => {
      const option = document.createElement('option');
      option.value = c.code;
      option.textContent = language === 'en' ? c.en : c.zh;
      return option;
    }));
    select.value = draft.category || '';
  }

  async function loadCategories() {
    try {
      const answer = await send(CATEGORIES, { headers: { Accept: 'application/json' } });
      if (answer.ok) {
        categories = await answer.json();
      }
    } catch (e) {
      // the form works without the list: the hotline decides the category
    }
    renderCategories();
    renderSuggestion();
    findNearby();
  }

  function onDescription() {
    draft.description = $('description').value;
    keep();
    if ([...draft.description.trim()].length >= MIN_DESCRIPTION) clearFieldError('description');
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(suggest, SUGGEST_AFTER_MS);
  }

  async function suggest() {
    const text = draft.description.trim();
    if ([...text].length < MIN_DESCRIPTION) {
      suggestion = null;
      renderSuggestion();
      return;
    }
    suggesting = true;
    renderSuggestion();
    let found = null;
    try {
      const answer = await postJson(SUGGEST, { text: text.slice(0, 2000) });
      found = answer.ok ? await answer.json() : null;
    } catch (e) {
      found = null;
    }
    suggesting = false;
    if (text !== draft.description.trim()) {
      return;
    }
    suggestion = found;
    if (found && !found.needsTriage && found.category && !draft.categoryChosen
        && categories.some((c) => c.code === found.category) && draft.category !== found.category) {
      setCategory(found.category, false);
    }
    renderSuggestion();
  }

  function renderSuggestion() {
    const box = $('suggestion');
    const choices = $('suggestion-choices');
    choices.replaceChildren();
    if (suggesting && !suggestion) {
      box.hidden = false;
      $('suggestion-text').textContent = say('suggesting');
      return;
    }
    if (!suggestion) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    // "other" is what the hotline decides when nothing fits: no help as a suggestion
    const offered = (suggestion.choices || []).filter((choice) => choice.category !== 'OTHER'
      && categories.some((c) => c.code === choice.category)).slice(0, 3);
    if (suggestion.needsTriage || !offered.length) {
      $('suggestion-text').textContent = say('noSuggestion');
    } else if (!draft.categoryChosen && draft.category === suggestion.category) {
      $('suggestion-text').textContent = say('suggestedChosen', { name: categoryName(suggestion.category) });
    } else {
      $('suggestion-text').textContent = say('suggested');
    }
    offered.filter((choice) => choice.category !== draft.category).forEach((choice) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.textContent = say('useSuggestion', { name: categoryName(choice.category) });
      button.addEventListener('click', () => {
        setCategory(choice.category, true);
        renderSuggestion();
        $('category').focus();
      });
      choices.append(button);
    });
  }

  function setCategory(code, byPerson) {
    draft.category = code || '';
    draft.categoryChosen = byPerson;
    $('category').value = draft.category;
    keep();
    findNearby();
  }

  // ---- where ----

  function useLocation() {
    if (!navigator.geolocation) {
      showLocationNote({ key: 'noGeolocation', error: true });
      return;
    }
    showLocationNote({ key: 'locating' });
    navigator.geolocation.getCurrentPosition((position) => {
      draft.location = { lat: Number(position.coords.latitude.toFixed(6)),
        lon: Number(position.coords.longitude.toFixed(6)),
        accuracy: Math.round(position.coords.accuracy || 0) };
      keep();
      clearFieldError('location');
      showLocationNote({ key: 'located', values: { metres: draft.location.accuracy } });
      renderLocation();
      findNearby();
    }, (failure) => {
      showLocationNote({ key: failure && failure.code === 1 ? 'locationDenied' : 'locationFailed', error: true });
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  }

  function clearLocation() {
    draft.location = null;
    keep();
    showLocationNote(null);
    renderLocation();
    findNearby();
    $('use-location').focus();
  }

  function showLocationNote(note) {
    locationNote = note;
    $('location-text').textContent = note ? say(note.key, note.values) : '';
    $('location-text').classList.toggle('field-error', !!(note && note.error));
  }

  function renderLocation() {
    $('clear-location').hidden = !draft.location;
    if (draft.location && !locationNote) {
      showLocationNote({ key: 'locatedKept' });
    }
  }

  // ---- reports nearby ----

  async function findNearby() {
    const asked = ++nearbyAsked;
    if (!draft.category || !draft.location || draft.step !== 'compose') {
      nearby = { state: 'none', reports: [] };
      dropJoinUnlessListed();
      renderNearby();
      return;
    }
    nearby = { state: 'loading', reports: nearby.reports };
    renderNearby();
    let found = null;
    try {
      const answer = await postJson(NEARBY, { category: draft.category,
        location: { lat: draft.location.lat, lon: draft.location.lon } });
      found = answer.ok ? await answer.json() : null;
    } catch (e) {
      found = null;
    }
    if (asked !== nearbyAsked) {
      return;
    }
    nearby = found ? { state: 'shown', reports: found } : { state: 'failed', reports: [] };
    dropJoinUnlessListed();
    renderNearby();
  }

  /** A report joined is one listed for the category and point now; another category or place drops it. */
  function dropJoinUnlessListed() {
    if (draft.joins && nearby.state !== 'loading'
        && !nearby.reports.some((report) => report.ticketNumber === draft.joins)) {
      draft.joins = null;
      keep();
    }
  }

  function renderNearby() {
    const section = $('nearby');
    section.hidden = nearby.state === 'none';
    const list = $('nearby-list');
    $('nearby-help').textContent = say(nearby.state === 'loading' ? 'nearbyLoading'
      : nearby.state === 'failed' ? 'nearbyFailed' : nearby.reports.length ? 'nearbyHelp' : 'nearbyNone');
    list.replaceChildren(...nearby.reports.map((report, index) => {
      const item = document.createElement('li');
      item.className = 'nearby-report';
      item.dataset.ticket = report.ticketNumber;
      const words = document.createElement('p');
      words.className = 'nearby-words';
      words.id = 'nearby-words-' + index;
      words.textContent = report.description || '';
      const meta = document.createElement('p');
      meta.className = 'muted small';
      meta.id = 'nearby-meta-' + index;
      meta.textContent = say('nearbyMeta', { metres: report.metres, when: when(report.receivedAt) })
        + (report.handlingUnit ? say('nearbyUnit', { unit: report.handlingUnit }) : '') + ' · '
        + say('nearbyNumber', { number: report.ticketNumber });
      const join = document.createElement('button');
      join.type = 'button';
      join.className = 'join';
      join.textContent = say('joinThis');
      join.setAttribute('aria-pressed', String(draft.joins === report.ticketNumber));
      join.setAttribute('aria-describedby', words.id + ' ' + meta.id);
      join.addEventListener('click', () => {
        draft.joins = draft.joins === report.ticketNumber ? null : report.ticketNumber;
        keep();
        renderNearby();
        list.querySelector('li[data-ticket="' + report.ticketNumber + '"] button.join').focus();
      });
      item.classList.toggle('chosen', draft.joins === report.ticketNumber);
      item.append(words, meta, join);
      return item;
    }));
    $('joined-text').textContent = draft.joins ? say('joined', { number: draft.joins }) : '';
  }

  // ---- photos ----

  function addPhotos() {
    const input = $('photos-input');
    const chosen = Array.from(input.files || []);
    input.value = '';
    photoNotes = [];
    chosen.forEach((file) => {
      if (!PHOTO_TYPES.includes(file.type)) {
        photoNotes.push({ key: 'photo.type', values: { name: file.name } });
      } else if (file.size > MAX_PHOTO_BYTES) {
        photoNotes.push({ key: 'photo.size', values: { name: file.name } });
      } else if (photos.length >= MAX_PHOTOS) {
        if (!photoNotes.some((note) => note.key === 'photo.many')) photoNotes.push({ key: 'photo.many' });
      } else {
        const photo = { name: file.name, file, data: null };
        photos.push(photo);
        const reader = new FileReader();
        reader.onload = () => {
          photo.data = reader.result;
          renderPhotos();
        };
        reader.readAsDataURL(file);
      }
    });
    keep();
    renderPhotos();
  }

  function renderPhotos() {
    if (restoredNote === 'restoredPhotos' && photos.length) {
      restoredNote = 'restored';
      $('restored').textContent = say(restoredNote);
    }
    const list = $('photo-list');
    list.replaceChildren(...photos.map((photo, index) => {
      const item = document.createElement('li');
      if (photo.data) {
        const shown = document.createElement('img');
        shown.src = photo.data;
        shown.alt = say('photoAlt', { n: index + 1, name: photo.name });
        item.append(shown);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link';
      remove.textContent = say('removePhoto', { n: index + 1 });
      remove.addEventListener('click', () => {
        photos.splice(index, 1);
        keep();
        renderPhotos();
        $('photos-input').focus();
      });
      item.append(remove);
      return item;
    }));
    const error = $('photos-error');
    error.textContent = photoNotes.map((note) => say(note.key, note.values)).join(' ');
    error.hidden = !photoNotes.length;
    $('photos-help').textContent = say('photosHelp') + (photos.length ? ' ' + say('photoCount',
      { count: photos.length }) : '');
    const waiting = $('photos-waiting');
    if (draft.step === 'verify') {
      waiting.hidden = !photos.length && !draft.photosLost;
      waiting.textContent = photos.length ? say('photosWaiting', { count: photos.length })
        : draft.photosLost ? say('photosLost') : '';
    }
  }

  // ---- sending ----

  /** What the page can tell before sending: the words, where, and the phone; the service checks the rest. */
  function checked() {
    const errors = [];
    if ([...draft.description.trim()].length === 0) errors.push({ field: 'description', code: 'required' });
    else if ([...draft.description.trim()].length < MIN_DESCRIPTION) {
      errors.push({ field: 'description', code: 'too-short' });
    }
    if (!draft.location && !draft.address.trim()) errors.push({ field: 'location', code: 'location-required' });
    if (!draft.phone.trim()) errors.push({ field: 'phone', code: 'required' });
    return errors;
  }

  async function sendReport(event) {
    event.preventDefault();
    const errors = checked();
    if (errors.length) {
      showFieldErrors(errors);
      return;
    }
    showFieldErrors([]);
    showSendProblem(null);
    const button = $('send');
    button.disabled = true;
    button.textContent = say('sending');
    const body = {
      phone: draft.phone.trim(), description: draft.description.trim(), address: draft.address.trim() || null,
      location: draft.location ? { lat: draft.location.lat, lon: draft.location.lon } : null,
      category: draft.category || null, language, publish: !!draft.publish, joins: draft.joins || null
    };
    let answer = null;
    try {
      answer = await postJson(COMPLAIN, body, { 'Idempotency-Key': draft.key });
    } catch (e) {
      answer = null;
    }
    button.disabled = false;
    button.textContent = say('send');
    if (!answer) {
      showSendProblem({ network: true });
      return;
    }
    if (answer.status === 202) {
      const receipt = await answer.json();
      draft.receipt = { ticketNumber: receipt.ticketNumber, receivedAt: receipt.receivedAt };
      draft.step = 'verify';
      keep();
      showStep();
      $('verify-heading').focus();
      return;
    }
    const problem = await problemOf(answer);
    const named = problem.errors.filter((e) => FIELDS[e.field]);
    if (named.length) {
      showFieldErrors(named.map((e) => ({ field: FIELDS[e.field], code: e.code })));
    } else if (problem.errors.length) {
      showFieldErrors([{ field: 'form', code: problem.errors[0].code }]);
    } else {
      showSendProblem(problem);
    }
  }

  function showSendProblem(problem) {
    sendProblem = problem;
    $('send-problem').textContent = problemText(problem);
  }

  function clearFieldError(field) {
    if (fieldErrors.some((e) => e.field === field)) {
      showFieldErrors(fieldErrors.filter((e) => e.field !== field), true);
    }
  }

  /** Each field's error beside it and named in the summary, which takes the focus unless {@code quiet}. */
  function showFieldErrors(errors, quiet) {
    const seen = new Set();
    fieldErrors = errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
    ['description', 'category', 'location', 'address', 'phone'].forEach((field) => {
      const error = fieldErrors.find((e) => e.field === field);
      const element = $(field + '-error');
      element.hidden = !error;
      element.textContent = error ? ruleText(field, error.code) : '';
      const input = field === 'location' ? null : $(field);
      if (input) {
        if (error) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    });
    const list = $('error-list');
    list.replaceChildren(...fieldErrors.map((error) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#' + FOCUS[error.field];
      link.textContent = say('field.' + error.field) + say('colon') + ruleText(error.field, error.code);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        $(FOCUS[error.field]).focus();
      });
      item.append(link);
      return item;
    }));
    $('error-summary').hidden = !fieldErrors.length;
    if (fieldErrors.length && !quiet) {
      $('error-summary').focus();
    }
  }

  // ---- proving the phone ----

  /** The number and token in what was pasted: the whole link, or the token alone. */
  function proofIn(text) {
    const pasted = text.trim();
    const inLink = /(12345-\d{8}-\d{4,6})\.([A-Za-z0-9_-]{16})(?![A-Za-z0-9_-])/.exec(pasted);
    if (inLink) return { ticketNumber: inLink[1], token: inLink[2] };
    const alone = /^([A-Za-z0-9_-]{16})$/.exec(pasted);
    return alone ? { ticketNumber: draft.receipt.ticketNumber, token: alone[1] } : null;
  }

  async function verify(event) {
    event.preventDefault();
    const pasted = $('code').value;
    if (!pasted.trim()) {
      showCodeProblem({ key: 'code.required' });
      return;
    }
    const proof = proofIn(pasted);
    if (!proof) {
      showCodeProblem({ key: 'code.format' });
      return;
    }
    if (proof.ticketNumber !== draft.receipt.ticketNumber) {
      showCodeProblem({ key: 'code.other', values: { number: proof.ticketNumber } });
      return;
    }
    const button = $('verify-button');
    button.disabled = true;
    button.textContent = say('verifying');
    let answer = null;
    try {
      answer = await postJson(LOOK_UP, proof);
    } catch (e) {
      answer = null;
    }
    button.disabled = false;
    button.textContent = say('verify');
    if (!answer) {
      showCodeProblem({ problem: { network: true } });
    } else if (answer.status === 404) {
      showCodeProblem({ key: 'code.wrong' });
    } else if (!answer.ok) {
      showCodeProblem({ problem: await problemOf(answer) });
    } else {
      showCodeProblem(null);
      await uploadAndFollow(proof);
    }
  }

  function showCodeProblem(problem) {
    codeProblem = problem;
    const text = !problem ? '' : problem.problem ? problemText(problem.problem) : say(problem.key, problem.values);
    $('code-error').textContent = text;
    if (problem) $('code').setAttribute('aria-invalid', 'true');
    else $('code').removeAttribute('aria-invalid');
    if (problem) $('code').focus();
  }

  /** Adds the photos with the proven token, then opens the follow page; a photo refused is said, not lost quietly. */
  async function uploadAndFollow(proof) {
    const failed = [];
    for (let i = 0; i < photos.length; i++) {
      showUploadNote({ key: 'uploading', values: { n: i + 1, count: photos.length } });
      const form = new FormData();
      form.append('ticketNumber', proof.ticketNumber);
      form.append('token', proof.token);
      form.append('photo', photos[i].file, photos[i].name);
      let answer = null;
      try {
        answer = await send(PHOTO, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
      } catch (e) {
        answer = null;
      }
      if (!answer || !answer.ok) {
        failed.push({ name: photos[i].name, problem: answer ? await problemOf(answer) : { network: true } });
      }
    }
    const follow = '/t/' + proof.ticketNumber + '.' + proof.token;
    sessionStorage.removeItem(DRAFT);
    if (failed.length) {
      showUploadNote({ failed });
      $('verify-form').hidden = true;
      $('go-follow').hidden = false;
      $('go-follow').onclick = () => location.assign(follow);
      $('go-follow').focus();
      return;
    }
    showUploadNote(photos.length ? { key: 'uploaded' } : null);
    location.assign(follow);
  }

  function showUploadNote(note) {
    uploadNote = note;
    if (!note) {
      $('upload-text').textContent = '';
    } else if (note.failed) {
      $('upload-text').textContent = say('uploadFailed', { what: note.failed.map((f) => f.name + say('colon')
        + (f.problem.errors && f.problem.errors.length ? ruleText('photo', f.problem.errors[0].code)
          : problemText(f.problem))).join(say('listSep')) });
    } else {
      $('upload-text').textContent = say(note.key, note.values);
    }
  }

  // ---- the page ----

  function showStep() {
    const verifying = draft.step === 'verify' && draft.receipt;
    $('compose').hidden = !!verifying;
    $('verify').hidden = !verifying;
    if (verifying) {
      // the photos are chosen again here when a reload lost them, and added once the phone is proven
      $('verify-form').before($('photos-section'));
      $('ticket-number').textContent = draft.receipt.ticketNumber;
      $('received-at').textContent = say('receivedAt', { time: when(draft.receipt.receivedAt) });
      renderPhotos();
    }
  }

  function startOver() {
    sessionStorage.removeItem(DRAFT);
    location.assign('/report');
  }

  function translate() {
    document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
    document.title = say('title');
    document.querySelectorAll('[data-i18n]').forEach((element) => {
      element.textContent = say(element.dataset.i18n);
    });
    const switcher = $('language');
    switcher.textContent = say('other');
    switcher.lang = language === 'en' ? 'zh-CN' : 'en';
    $('status').textContent = status ? say(status.key, status.values) : '';
    $('restored').textContent = restoredNote ? say(restoredNote) : '';
    renderCategories();
    renderSuggestion();
    showLocationNote(locationNote);
    renderNearby();
    renderPhotos();
    showFieldErrors(fieldErrors, true);
    showSendProblem(sendProblem);
    if (codeProblem) {
      $('code-error').textContent = codeProblem.problem ? problemText(codeProblem.problem)
        : say(codeProblem.key, codeProblem.values);
    }
    showUploadNote(uploadNote);
    showStep();
  }

  function start() {
    if (draft) {
      restoredNote = draft.photosChosen > 0 ? 'restoredPhotos' : 'restored';
      draft.photosLost = draft.photosChosen > 0;
      $('restored').hidden = draft.step !== 'compose';
    } else {
      draft = emptyDraft();
    }
    fillForm();
    renderLocation();
    $('language').addEventListener('click', () => {
      language = language === 'zh' ? 'en' : 'zh';
      localStorage.setItem(LANGUAGE, language);
      translate();
    });
    $('description').addEventListener('input', onDescription);
    $('category').addEventListener('change', () => setCategory($('category').value, true));
    $('address').addEventListener('input', () => {
      draft.address = $('address').value;
      keep();
      if (draft.address.trim()) clearFieldError('location');
    });
    $('phone').addEventListener('input', () => {
      draft.phone = $('phone').value;
      keep();
      if (draft.phone.trim()) clearFieldError('phone');
    });
    $('publish').addEventListener('change', () => {
      draft.publish = $('publish').checked;
      keep();
    });
    $('use-location').addEventListener('click', useLocation);
    $('clear-location').addEventListener('click', clearLocation);
    $('photos-input').addEventListener('change', addPhotos);
    $('compose').addEventListener('submit', sendReport);
    $('verify-form').addEventListener('submit', verify);
    $('start-over').addEventListener('click', startOver);
    translate();
    loadCategories();
    if (draft.description.trim()) suggest();
  }

  start();
}());
