// The provider sends the person back here with the code: trade it for tokens and return to the page that asked.
Hub.finishSignIn().catch(function (e) {
  Hub.notice('登录失败 Sign-in failed: ' + e.message, true);
});
