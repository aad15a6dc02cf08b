// Says in the person's language that they signed out (here or in another tab of this service), and links back to
// the page they left, which signs in again; only a path of this service.
(function () {
  'use strict';
  const WORDS = {
    zh: { title: '12345热线 · 已退出', signedOut: '您已退出登录。', elsewhere: '您已在另一个页面退出登录。',
      again: '重新登录' },
    en: { title: '12345 hotline · signed out', signedOut: 'You have signed out.',
      elsewhere: 'You signed out in another tab.', again: 'Sign in again' }
  };
  const language = localStorage.getItem('hub.language') === 'en' ? 'en' : 'zh';
  const words = WORDS[language];
  const query = new URLSearchParams(location.search);
  const last = query.get('from') || localStorage.getItem('hub.lastPage') || '/';
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  document.title = words.title;
  document.getElementById('said').textContent = query.get('elsewhere') ? words.elsewhere : words.signedOut;
  const again = document.getElementById('again');
  again.textContent = words.again;
  again.href = /^\/(?![\/\\])/.test(last) ? last : '/';
}());
