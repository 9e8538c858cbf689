/* SPDX-License-Identifier: GPL-3.0-or-later */
// The claim page's grading controls: choose a credibility for a claim or a reliability for its
// source (with a reason), or undo a grade. Every call goes to the grades API with the session's
// CSRF token; the page reloads to show the grade in force. Text is only ever set as text.
(function () {
  'use strict';
  var root = document.getElementById('claims');
  if (!root) {
    return;
  }
  var csrf = root.getAttribute('data-csrf');
  var status = document.getElementById('grade-status');

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'hint';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok) {
          throw new Error(json && json.error && json.error.message
            ? json.error.message : 'the server answered ' + response.status);
        }
        return json;
      });
    });
  }

  function done(grade) {
    say('Grade ' + grade.id + (grade.undone ? ' undone' : ' recorded') + '.', false);
    window.location.reload();
  }

  root.querySelectorAll('tr.claim').forEach(function (row) {
    var reason = row.querySelector('.grade-reason');
    var claim = row.querySelector('.grade-claim');
    var source = row.querySelector('.grade-source');
    if (claim) {
      claim.addEventListener('change', function () {
        if (!claim.value) {
          return;
        }
        post('/api/v1/grades', {
          target: 'claim', id: row.getAttribute('data-claim'), grade: claim.value,
          reason: reason ? reason.value : ''
        }).then(done, function (e) { say(e.message, true); });
      });
    }
    if (source) {
      source.addEventListener('change', function () {
        if (!source.value) {
          return;
        }
        post('/api/v1/grades', {
          target: 'source', id: row.getAttribute('data-source'), grade: source.value,
          reason: reason ? reason.value : ''
        }).then(done, function (e) { say(e.message, true); });
      });
    }
    row.querySelectorAll('button.undo-grade').forEach(function (button) {
      button.addEventListener('click', function () {
        post('/api/v1/grades/' + encodeURIComponent(button.getAttribute('data-grade')) + '/undo')
          .then(done, function (e) { say(e.message, true); });
      });
    });
  });
}());
