// The provider sends the person back here with the code: trade it for tokens and return to the page that asked.
document.documentElement.lang = Hub.language() === 'en' ? 'en' : 'zh-CN';
Hub.notice({ key: 'signingIn' });
Hub.finishSignIn().catch(function (e) {
  Hub.notice({ key: 'failed', values: { why: e.message } }, true);
});
