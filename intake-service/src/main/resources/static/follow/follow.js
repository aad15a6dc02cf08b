// The citizen's follow page, reached from the link in their texts (/t/{ticketNumber}.{token}): where the ticket
// stands in plain words, who handles it and by when, its steps, the unit's answer with its photos of the place after
// the work, and the rating of that answer; and, from when the ticket is received, the rating of how the call was
// taken (受理), once, apart from the rating of the handling (一次一评, 一事一评).
// No sign-in: the token in the page's own address is the proof, sent in request bodies only (the look-up, the
// rating, the photos, each read by a POST and shown from memory), so no address the page asks for carries it, and
// no referrer leaves the page. Chinese first, with an English switch the staff pages share.
(function () {
  'use strict';
  const LANGUAGE = 'hub.language';
  const LOOK_UP = '/api/v1/public/tickets/lookup';
  const RATE = '/api/v1/public/tickets/feedback';
  const RATE_CALL = '/api/v1/public/tickets/call-rating';
  const PHOTOS = '/api/v1/public/tickets/photos/list';
  const PHOTO = '/api/v1/public/tickets/photos/read';
  const WATCH_MS = 4000;
  const WATCHES = 8;

  const WORDS = {
    zh: {
      title: '12345热线 · 工单进度', brand: '12345热线', other: 'English', heading: '我的诉求办理进度',
      loading: '正在查询…', number: '工单号', unit: '承办单位', due: '办结时限', received: '受理时间',
      notFound: '未找到该工单', notFoundHelp: '请检查短信中的链接是否完整。如需帮助，请拨打12345。',
      tooMany: '查询太频繁，请 {seconds} 秒后再试。', failed: '暂时无法查询，请稍后再试。',
      network: '无法连接服务，请检查网络后再试。', updated: '已更新：{time}',
      answer: '承办单位的答复', progress: '办理经过',
      afterPhotos: '办理后的现场照片', afterPhotosHelp: '承办单位办结后拍摄。点击照片查看大图。', closePhoto: '关闭大图',
      afterPhotoAlt: '{unit}办理后的现场照片，第{n}张，共{count}张，点击查看大图',
      'stage.RECEIVED': '已受理，正在分派给承办单位', 'stage.ASSIGNED': '已转{unit}办理',
      'stage.ACCEPTED': '{unit}正在办理', 'stage.EXTENDED': '{unit}正在办理（办结时限已延长）',
      'stage.ESCALATED': '{unit}正在办理，热线中心正在督办', 'stage.REJECTED': '正在重新分派承办单位',
      'stage.RESOLVED': '{unit}已答复', 'stage.REOPENED': '已退回{unit}重新办理', 'stage.CLOSED': '已办结',
      'stage.LINKED': '已并入同一问题的工单一并办理', aUnit: '承办单位',
      'step.RECEIVED': '热线受理', 'step.LINKED': '并入同一问题的工单', 'step.ASSIGNED': '转承办单位办理',
      'step.ACCEPTED': '承办单位签收', 'step.REJECTED': '承办单位退回，重新分派', 'step.EXTENDED': '延长办结时限',
      'step.ESCALATED': '热线中心督办', 'step.RESOLVED': '承办单位答复', 'step.REOPENED': '退回重新办理',
      'step.CLOSED': '办结归档',
      'joined.REPEAT': '这是您就同一问题的再次反映，随工单{number}一并办理。',
      'joined.SAME_INCIDENT': '附近有人反映了同一问题，您的诉求随之一并办理。',
      rate: '评价本次办理', rateHelp: '每次答复可评价一次。不满意或未解决的，将退回承办单位重新办理。',
      solvedQuestion: '问题解决了吗？', solvedYes: '已解决', solvedNo: '未解决',
      satisfactionQuestion: '您对办理结果满意吗？', SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意',
      DISSATISFIED: '不满意', comment: '意见或建议（可不填）', commentHelp: '最多500字，请勿填写身份证号等个人信息。',
      send: '提交评价', sending: '正在提交…', missing: '请选择：{what}。', listSep: '、',
      'missing.solved': '问题是否解决', 'missing.satisfaction': '满意程度',
      thanks: '感谢您的评价', 'rated.closed': '您的评价已收到，工单将办结。',
      'rated.reopened': '您的评价已收到，工单将退回承办单位重新办理。',
      alreadyRated: '这次答复已经评价过了，感谢您。', notAwaiting: '该工单目前不在评价阶段，请刷新后再看。',
      rateCall: '评价热线受理',
      rateCallHelp: '请评价热线受理您诉求的服务（话务员接听或网上受理），与对办理结果的评价分开计算。每件诉求可评价一次。',
      callSatisfactionQuestion: '您对本次受理满意吗？', callComment: '对受理的意见或建议（可不填）',
      sendCall: '提交受理评价', 'missing.callSatisfaction': '对受理的满意程度', callThanks: '感谢您对受理的评价',
      'callRated.now': '您对本次受理的评价已收到。', 'callRated.before': '您已评价过本次受理，感谢您。'
    },
    en: {
      title: '12345 hotline · your ticket', brand: '12345 hotline', other: '中文', heading: 'How your request is going',
      loading: 'Looking it up…', number: 'Ticket', unit: 'Handled by', due: 'Due by', received: 'Received',
      notFound: 'Ticket not found', notFoundHelp: 'Check that the link from your text is complete. For help, call 12345.',
      tooMany: 'Too many look-ups; try again in {seconds} seconds.', failed: 'Cannot look it up now; try again later.',
      network: 'Cannot reach the service; check your connection and try again.', updated: 'Updated {time}',
      answer: 'The answer of the unit', progress: 'What has happened',
      afterPhotos: 'Photos of the place after the work',
      afterPhotosHelp: 'Taken by the unit when it finished. Select a photo to see it full size.',
      closePhoto: 'Close the photo',
      afterPhotoAlt: 'The place after the work of {unit}, photo {n} of {count}; opens full size',
      'stage.RECEIVED': 'Received, being passed to the unit that handles it', 'stage.ASSIGNED': 'Assigned to {unit}',
      'stage.ACCEPTED': 'Being handled by {unit}', 'stage.EXTENDED': 'Being handled by {unit} (more time given)',
      'stage.ESCALATED': 'Being handled by {unit}; the hotline centre is chasing it',
      'stage.REJECTED': 'Being passed to another unit', 'stage.RESOLVED': 'Answered by {unit}',
      'stage.REOPENED': 'Sent back to {unit} to be handled again', 'stage.CLOSED': 'Closed',
      'stage.LINKED': 'Joined to the ticket about the same problem', aUnit: 'the unit',
      'step.RECEIVED': 'Received by the hotline', 'step.LINKED': 'Joined to the ticket about the same problem',
      'step.ASSIGNED': 'Passed to the unit', 'step.ACCEPTED': 'The unit took it on',
      'step.REJECTED': 'The unit passed it back; being passed on again', 'step.EXTENDED': 'More time given',
      'step.ESCALATED': 'Chased by the hotline centre', 'step.RESOLVED': 'The unit answered',
      'step.REOPENED': 'Sent back to be handled again', 'step.CLOSED': 'Closed',
      'joined.REPEAT': 'You reported this again; it is handled with ticket {number}.',
      'joined.SAME_INCIDENT': 'Someone nearby reported the same problem; yours is handled with theirs.',
      rate: 'Rate how it was handled',
      rateHelp: 'Each answer can be rated once. If it is not solved or you are not satisfied, it goes back to the unit.',
      solvedQuestion: 'Is the problem solved?', solvedYes: 'Solved', solvedNo: 'Not solved',
      satisfactionQuestion: 'How satisfied are you with the result?', SATISFIED: 'Satisfied',
      BASICALLY_SATISFIED: 'Basically satisfied', DISSATISFIED: 'Dissatisfied',
      comment: 'Comments or suggestions (optional)',
      commentHelp: 'At most 500 characters; please leave out identity numbers and other personal details.',
      send: 'Send rating', sending: 'Sending…', missing: 'Please choose: {what}.', listSep: ', ',
      'missing.solved': 'whether it is solved', 'missing.satisfaction': 'how satisfied you are',
      thanks: 'Thank you for rating', 'rated.closed': 'Your rating is in; the ticket will be closed.',
      'rated.reopened': 'Your rating is in; the ticket goes back to the unit to be handled again.',
      alreadyRated: 'This answer has been rated already. Thank you.',
      notAwaiting: 'This ticket is not waiting for a rating now; look again later.',
      rateCall: 'Rate how your request was taken',
      rateCallHelp: 'How the hotline took your request (the operator on the phone, or the web form), rated apart '
        + 'from how it is handled. Each request can be rated once.',
      callSatisfactionQuestion: 'How satisfied are you with how your request was taken?',
      callComment: 'Comments on how it was taken (optional)', sendCall: 'Send rating of the call',
      'missing.callSatisfaction': 'how satisfied you are with how it was taken',
      callThanks: 'Thank you for rating how your request was taken',
      'callRated.now': 'Your rating of how your request was taken is in.',
      'callRated.before': 'You have rated how your request was taken already. Thank you.'
    }
  };

  let language = localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'zh';
  let ticket = null;
  let lastLookUp = null;
  // what the status line and the rating's alert say, kept as keys so that a switch of language says it again
  let status = { key: 'loading' };
  let ratingProblem = null;
  let ratedKey = null;
  let callRatingProblem = null;
  // what the rating of the call's taking said once sent, as a key; the look-up's callRated tells it otherwise
  let callRatedKey = null;
  // the unit's photos of the place after its work, as the photos' list gives them
  let afterPhotos = [];
  // the link's proof the photos were read with, which opening one full size sends again
  let photoProof = null;

  const $ = (id) => document.getElementById(id);
  const say = (key, values) => {
    const text = WORDS[language][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (all, name) => values && values[name] != null ? values[name] : all);
  };
  const when = (instant) => instant ? new Date(instant).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN',
      { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

  /** The ticket's number and token from this page's own address; null when it is not a follow link. */
  function link() {
    const match = /^\/t\/(12345-\d{8}-\d{4,6})\.([A-Za-z0-9_-]{16})\/?$/.exec(location.pathname);
    return match ? { ticketNumber: match[1], token: match[2] } : null;
  }

  async function post(path, body) {
    return fetch(path, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body), referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store'
    });
  }

  async function lookUp() {
    const proof = link();
    if (!proof) {
      showNotFound();
      return;
    }
    let answer;
    try {
      answer = await post(LOOK_UP, proof);
    } catch (e) {
      setStatus({ key: 'network', error: true });
      return;
    }
    if (answer.status === 404) {
      showNotFound();
    } else if (answer.status === 429) {
      setStatus({ key: 'tooMany', values: { seconds: answer.headers.get('Retry-After') || '60' }, error: true });
    } else if (!answer.ok) {
      setStatus({ key: 'failed', error: true });
    } else {
      ticket = await answer.json();
      lastLookUp = new Date().toISOString();
      setStatus({ key: 'updated', values: { time: () => when(lastLookUp) } });
      render();
      await loadPhotos(proof);
    }
  }

  /** The unit's after photos; none shown when they cannot be read, the rest of the page stands without them. */
  async function loadPhotos(proof) {
    try {
      const answer = await post(PHOTOS, proof);
      if (!answer.ok) {
        return;
      }
      const listed = (await answer.json()).filter((photo) => photo.kind === 'AFTER');
      afterPhotos = await Promise.all(listed.map(async (photo) => Object.assign({
        thumbnail: await image(proof, photo.id, true)
      }, photo)));
    } catch (e) {
      return;
    }
    photoProof = proof;
    renderPhotos();
  }

  /** A photo or its thumbnail as a data address, read by a POST that carries the link's proof. */
  async function image(proof, photoId, thumbnail) {
    const answer = await post(PHOTO, Object.assign({ photoId, thumbnail }, proof));
    if (!answer.ok) {
      throw new Error('photo ' + answer.status);
    }
    const bytes = await answer.blob();
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(bytes);
    });
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, image/jpeg' },
      body: JSON.stringify(body), referrerPolicy: 'no-referrer', credentials: 'omit', cache: 'no-store'
    });
  }

  function renderPhotos() {
    const list = $('after-photo-list');
    list.replaceChildren(...afterPhotos.map((photo, index) => {
      const item = document.createElement('li');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'photo';
      const shown = document.createElement('img');
      shown.src = photo.thumbnail;
      shown.alt = say('afterPhotoAlt', { unit: unitName(), n: index + 1, count: afterPhotos.length });
      open.append(shown);
      open.onclick = () => showFull(photoProof, photo, shown.alt);
      item.append(open);
      return item;
    }));
    $('after-photos').hidden = !afterPhotos.length || !ticket;
  }

  /** The photo full size in the page's own dialog, closed by its button or Escape. */
  async function showFull(proof, photo, alt) {
    const dialog = $('photo-view');
    try {
      $('photo-full').src = await image(proof, photo.id, false);
    } catch (e) {
      return;
    }
    $('photo-full').alt = alt;
    dialog.showModal();
    $('photo-close').focus();
  }

  function showNotFound() {
    ticket = null;
    setStatus({ key: 'notFound', error: true });
    $('not-found').hidden = false;
    afterPhotos = [];
    ['ticket', 'answer', 'after-photos', 'progress', 'rating', 'rated', 'call-rating', 'call-rated']
      .forEach((id) => { $(id).hidden = true; });
  }

  function setStatus(next) {
    status = next;
    const values = {};
    Object.entries(next.values || {}).forEach(([name, value]) => {
      values[name] = typeof value === 'function' ? value() : value;
    });
    $('status').textContent = say(next.key, values);
    $('status').classList.toggle('error', !!next.error);
  }

  function unitName() {
    return ticket.handlingUnit || say('aUnit');
  }

  function render() {
    if (!ticket) {
      return;
    }
    $('not-found').hidden = true;
    $('ticket').hidden = false;
    $('ticket-number').textContent = ticket.ticketNumber;
    $('stage').textContent = say('stage.' + ticket.status, { unit: unitName() });
    $('stage').dataset.status = ticket.status;
    $('unit').textContent = ticket.handlingUnit || '';
    $('unit-row').hidden = !ticket.handlingUnit;
    const open = !['RESOLVED', 'CLOSED'].includes(ticket.status);
    $('due').textContent = when(ticket.dueAt);
    $('due-row').hidden = !ticket.dueAt || !open;
    $('received').textContent = when(ticket.receivedAt);
    const joined = ticket.joinedTo;
    $('joined').hidden = !joined;
    $('joined').textContent = joined ? say('joined.' + joined.why, { number: joined.ticketNumber || '' }) : '';
    $('answer').hidden = !ticket.reply;
    $('reply').textContent = ticket.reply || '';
    const steps = $('timeline');
    steps.replaceChildren(...(ticket.timeline || []).map((step) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = step.at;
      time.textContent = when(step.at);
      item.append(time, document.createTextNode(say('step.' + step.status)));
      item.dataset.status = step.status;
      return item;
    }));
    $('progress').hidden = !(ticket.timeline || []).length;
    renderPhotos();
    $('rating').hidden = ratedKey !== null || !(standing() === 'RESOLVED' && !joined);
    renderCallRating();
  }

  /** The rating of how the call was taken: asked for until it is given, once per ticket, then thanked for. */
  function renderCallRating() {
    const rated = callRatedKey !== null || !!ticket.callRated;
    $('call-rating').hidden = rated;
    $('call-rated').hidden = !rated;
    $('call-rated-text').textContent = rated ? say(callRatedKey || 'callRated.before') : '';
  }

  /** Where the ticket stands: its latest step, an escalation aside (a repeat call after the answer is one). */
  function standing() {
    const steps = (ticket.timeline || []).filter((step) => step.status !== 'ESCALATED');
    return steps.length ? steps[steps.length - 1].status : ticket.status;
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
    setStatus(status);
    showRatingProblem(ratingProblem);
    showCallRatingProblem(callRatingProblem);
    if (ratedKey) {
      $('rated-text').textContent = say(ratedKey);
    }
    render();
  }

  function chosen(name) {
    const checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : null;
  }

  /** Says what keeps the rating from being sent, again after a switch of language. */
  function showRatingProblem(problem) {
    ratingProblem = problem;
    if (!problem) {
      $('rating-problem').textContent = '';
      return;
    }
    const values = Object.assign({}, problem.values);
    if (problem.missing) {
      values.what = problem.missing.map((field) => say('missing.' + field)).join(say('listSep'));
    }
    $('rating-problem').textContent = say(problem.key, values);
  }

  async function rate(event) {
    event.preventDefault();
    const solved = chosen('solved');
    const satisfaction = chosen('satisfaction');
    const missing = [];
    if (!solved) missing.push('solved');
    if (!satisfaction) missing.push('satisfaction');
    ['solved', 'satisfaction'].forEach((field) => {
      if (missing.includes(field)) $(field).setAttribute('aria-invalid', 'true');
      else $(field).removeAttribute('aria-invalid');
    });
    if (missing.length) {
      showRatingProblem({ key: 'missing', missing });
      document.querySelector('#' + missing[0] + ' input').focus();
      return;
    }
    showRatingProblem(null);
    const button = $('send-rating');
    button.disabled = true;
    button.textContent = say('sending');
    let answer;
    try {
      answer = await post(RATE, Object.assign(link(), {
        solved: solved === 'true', satisfaction, comment: $('comment').value.trim() || null
      }));
    } catch (e) {
      answer = null;
    }
    button.disabled = false;
    button.textContent = say('send');
    if (answer && answer.status === 202) {
      rated(solved === 'true' && satisfaction !== 'DISSATISFIED' ? 'rated.closed' : 'rated.reopened');
      watch(WATCHES);
    } else if (answer && answer.status === 409) {
      const problem = await answer.json().catch(() => ({}));
      rated(problem.currentState === 'RATED' ? 'alreadyRated' : 'notAwaiting');
      lookUp();
    } else if (answer && answer.status === 404) {
      showNotFound();
    } else if (answer && answer.status === 429) {
      showRatingProblem({ key: 'tooMany', values: { seconds: answer.headers.get('Retry-After') || '60' } });
    } else {
      showRatingProblem({ key: answer ? 'failed' : 'network' });
    }
  }

  /** Says what keeps the rating of the call from being sent, again after a switch of language. */
  function showCallRatingProblem(problem) {
    callRatingProblem = problem;
    if (!problem) {
      $('call-rating-problem').textContent = '';
      return;
    }
    const values = Object.assign({}, problem.values);
    if (problem.missing) {
      values.what = problem.missing.map((field) => say('missing.' + field)).join(say('listSep'));
    }
    $('call-rating-problem').textContent = say(problem.key, values);
  }

  async function rateCall(event) {
    event.preventDefault();
    const satisfaction = chosen('call-satisfaction');
    if (!satisfaction) {
      $('call-satisfaction').setAttribute('aria-invalid', 'true');
      showCallRatingProblem({ key: 'missing', missing: ['callSatisfaction'] });
      document.querySelector('#call-satisfaction input').focus();
      return;
    }
    $('call-satisfaction').removeAttribute('aria-invalid');
    showCallRatingProblem(null);
    const button = $('send-call-rating');
    button.disabled = true;
    button.textContent = say('sending');
    let answer;
    try {
      answer = await post(RATE_CALL, Object.assign(link(), {
        satisfaction, comment: $('call-comment').value.trim() || null
      }));
    } catch (e) {
      answer = null;
    }
    button.disabled = false;
    button.textContent = say('sendCall');
    if (answer && (answer.status === 202 || answer.status === 409)) {
      // a 409 is the one rating the ticket's call takes, given before: from another device, or a second tab
      callRated(answer.status === 202 ? 'callRated.now' : 'callRated.before');
    } else if (answer && answer.status === 404) {
      showNotFound();
    } else if (answer && answer.status === 429) {
      showCallRatingProblem({ key: 'tooMany', values: { seconds: answer.headers.get('Retry-After') || '60' } });
    } else {
      showCallRatingProblem({ key: answer ? 'failed' : 'network' });
    }
  }

  function callRated(key) {
    callRatedKey = key;
    renderCallRating();
    $('call-rated-heading').focus();
  }

  function rated(key) {
    ratedKey = key;
    $('rating').hidden = true;
    $('rated').hidden = false;
    $('rated-text').textContent = say(key);
    $('rated-heading').focus();
  }

  /** After a rating, looks again for a while until the ticket is closed or reopened. */
  function watch(left) {
    if (left <= 0) return;
    setTimeout(async () => {
      await lookUp();
      if (ticket && standing() === 'RESOLVED') watch(left - 1);
    }, WATCH_MS);
  }

  $('language').addEventListener('click', () => {
    language = language === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANGUAGE, language);
    translate();
  });
  $('rating').addEventListener('submit', rate);
  $('call-rating').addEventListener('submit', rateCall);
  $('photo-close').addEventListener('click', () => $('photo-view').close());
  translate();
  lookUp();
}());
