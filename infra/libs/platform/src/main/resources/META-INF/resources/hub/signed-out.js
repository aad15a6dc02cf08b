// Says in the person's language that they signed out (here or in another tab of this service), and links back to
// the page they left, which signs in again; only a path of this service.
import { t } from '/hub/words.js';

const query = new URLSearchParams(location.search);
const last = query.get('from') || localStorage.getItem('hub.lastPage') || '/';
document.getElementById('said').textContent = t(query.get('elsewhere') ? 'elsewhere' : 'signedOut');
const again = document.getElementById('again');
again.href = /^\/(?![\/\\])/.test(last) ? last : '/';
