// The provider sends the person back here with the code: trade it for tokens and return to the page that asked.
import { notice, finishSignIn } from '/hub/hub.js';

notice({ key: 'signingIn' });
finishSignIn().catch((e) => notice({ key: 'failed', values: { why: e.message } }, true));
