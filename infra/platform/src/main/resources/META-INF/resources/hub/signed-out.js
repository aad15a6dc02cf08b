// Back to the page the person signed out of, which signs in again; only a path of this service.
(function () {
  'use strict';
  const last = localStorage.getItem('hub.lastPage') || '/';
  document.getElementById('again').href = /^\/(?![\/\\])/.test(last) ? last : '/';
}());
