/* SPDX-License-Identifier: GPL-3.0-or-later */
// The claim and entity pages' controls: grade a claim's credibility or its source's reliability
// (with a reason), or undo a grade; declare a link of derivation or record an assessment, or undo
// one. Every call goes to the API with the session's CSRF token; the page reloads to show what is
// in force. Text is only ever set as text.
(function () {
  'use strict';
  var root = document.getElementById('claims') || document.getElementById('facts');
  if (!root || !root.hasAttribute('data-csrf')) {
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

  // The grade forms post themselves without JavaScript; here they go to the API instead, and a
  // refusal is shown without leaving the page.
  root.querySelectorAll('form.grade-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!form.elements.grade.value) {
        say('Choose a grade first.', true);
        return;
      }
      post('/api/v1/grades', {
        target: form.elements.target.value, id: form.elements.id.value,
        grade: form.elements.grade.value,
        reason: form.elements.reason ? form.elements.reason.value : ''
      }).then(done, function (e) { say(e.message, true); });
    });
  });
  root.querySelectorAll('form.undo-grade-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('button.undo-grade');
      post('/api/v1/grades/' + encodeURIComponent(button.getAttribute('data-grade')) + '/undo')
        .then(done, function (e) { say(e.message, true); });
    });
  });

  // Declared links and assessments: a refusal (a circle, a likelihood off the scale) is shown
  // beside the form that sent it, and nothing reloads.
  function tell(id, text) {
    var where = document.getElementById(id);
    where.textContent = text;
    where.className = 'error';
  }

  function reload() {
    window.location.reload();
  }

  var linkForm = document.getElementById('link-form');
  if (linkForm) {
    linkForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/api/v1/origin-links', {
        from: linkForm.elements.from.value, kind: linkForm.elements.kind.value,
        to: linkForm.elements.to.value, reason: linkForm.elements.reason.value
      }).then(reload, function (e) { tell('link-status', e.message); });
    });
  }
  root.querySelectorAll('button.undo-link').forEach(function (button) {
    button.addEventListener('click', function () {
      post('/api/v1/origin-links/' + encodeURIComponent(button.getAttribute('data-link')) + '/undo')
        .then(reload, function (e) { tell('link-status', e.message); });
    });
  });

  var assessForm = document.getElementById('assess-form');
  if (assessForm) {
    assessForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/api/v1/assessments', {
        subject: assessForm.getAttribute('data-subject'),
        likelihood: assessForm.elements.likelihood.value,
        statement: assessForm.elements.statement.value
      }).then(reload, function (e) { tell('assess-status', e.message); });
    });
  }
  root.querySelectorAll('button.undo-assessment').forEach(function (button) {
    button.addEventListener('click', function () {
      post('/api/v1/assessments/' + encodeURIComponent(button.getAttribute('data-assessment'))
        + '/undo').then(reload, function (e) { tell('assess-status', e.message); });
    });
  });
}());
