/* SPDX-License-Identifier: GPL-3.0-or-later */
// The entity page's resolution controls: choose another entity by searching, then judge the pair
// (same = merge, different, unsure), or undo a judgement (a merge undone is a split). Every call
// goes to the judgements API with the session's CSRF token; text is only ever set as text.
(function () {
  'use strict';
  var root = document.getElementById('resolution');
  if (!root) {
    return;
  }
  var entity = root.getAttribute('data-entity');
  var csrf = root.getAttribute('data-csrf');
  var status = document.getElementById('judge-status');
  var search = document.getElementById('judge-search');
  var candidates = document.getElementById('judge-candidates');
  var chosen = document.getElementById('judge-chosen');
  var other = document.getElementById('judge-other');
  var note = document.getElementById('judge-note');
  var verdicts = root.querySelectorAll('button[data-verdict]');

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : 'hint';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? '{}' : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok) {
          var message = json && json.error && json.error.message
            ? json.error.message
            : 'the server answered ' + response.status;
          throw new Error(message);
        }
        return json;
      });
    });
  }

  function choose(hit) {
    other.value = hit.id;
    chosen.textContent = 'Chosen: ' + hit.caption + ' (' + hit.schema + ', ' + hit.id + ')';
    chosen.className = 'chosen';
    verdicts.forEach(function (b) { b.disabled = false; });
    while (candidates.firstChild) {
      candidates.removeChild(candidates.firstChild);
    }
  }

  var pending = null;
  function lookUp() {
    var q = search.value.trim();
    if (q.length < 2) {
      return;
    }
    fetch('/api/v1/entities?limit=8&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (result) {
        while (candidates.firstChild) {
          candidates.removeChild(candidates.firstChild);
        }
        result.hits.forEach(function (hit) {
          if (hit.id === entity) {
            return;
          }
          var li = document.createElement('li');
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'candidate';
          button.setAttribute('data-id', hit.id);
          button.textContent = hit.caption + ' · ' + hit.schema + ' · ' + hit.id;
          button.addEventListener('click', function () { choose(hit); });
          li.appendChild(button);
          candidates.appendChild(li);
        });
        if (!candidates.firstChild) {
          var none = document.createElement('li');
          none.className = 'hint';
          none.textContent = 'No other entity matches “' + q + '”.';
          candidates.appendChild(none);
        }
      });
  }

  if (search) {
    search.addEventListener('input', function () {
      clearTimeout(pending);
      pending = setTimeout(lookUp, 250);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        clearTimeout(pending);
        lookUp();
      }
    });
  }

  verdicts.forEach(function (button) {
    button.addEventListener('click', function () {
      if (!other.value) {
        say('Choose the other entity first.', true);
        return;
      }
      var verdict = button.getAttribute('data-verdict');
      var body = { left: entity, right: other.value, verdict: verdict };
      if (note.value.trim()) {
        body.note = note.value.trim();
      }
      say('Recording “' + verdict + '” …', false);
      post('/api/v1/judgements', body)
        .then(function (j) {
          var text = 'Recorded judgement ' + j.id + ': ' + j.verdict + '.';
          if (j.contradicts && j.contradicts.length) {
            text += ' It contradicts judgement ' + j.contradicts.join(', ') + ', still on record.';
          }
          say(text + ' Reloading …', false);
          setTimeout(function () { window.location.reload(); }, 600);
        })
        .catch(function (e) { say('Not recorded: ' + e.message, true); });
    });
  });

  root.querySelectorAll('button.undo').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-judgement');
      say('Undoing judgement ' + id + ' …', false);
      post('/api/v1/judgements/' + encodeURIComponent(id) + '/undo')
        .then(function () {
          say('Judgement ' + id + ' undone. Reloading …', false);
          setTimeout(function () { window.location.reload(); }, 600);
        })
        .catch(function (e) { say('Not undone: ' + e.message, true); });
    });
  });
}());
