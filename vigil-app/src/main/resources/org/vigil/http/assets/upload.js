/* SPDX-License-Identifier: GPL-3.0-or-later */
// The upload page: each chosen file is sent on its own, with its own progress bar and outcome.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var list = document.getElementById("uploads");
  if (!form || !list) {
    return;
  }
  var meta = document.querySelector("meta[name=csrf-token]");
  var csrf = meta ? meta.getAttribute("content") : "";
  var maxBytes = Number(form.getAttribute("data-max-bytes"));

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function size(bytes) {
    return bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + " KB" : megabytes(bytes);
  }

  function row(file) {
    var item = document.createElement("li");
    item.className = "upload-item";
    var name = document.createElement("span");
    name.className = "file-name";
    name.textContent = file.name + " (" + size(file.size) + ")";
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    var status = document.createElement("span");
    status.className = "upload-status";
    status.textContent = "waiting";
    item.appendChild(name);
    item.appendChild(bar);
    item.appendChild(status);
    list.appendChild(item);
    return { item: item, bar: bar, status: status };
  }

  function done(view, kind, message, id) {
    view.item.classList.add(kind);
    view.status.textContent = message;
    if (id) {
      var link = document.createElement("a");
      link.href = "/documents/" + encodeURIComponent(id);
      link.textContent = "open";
      link.className = "open-document";
      view.status.appendChild(document.createTextNode(" "));
      view.status.appendChild(link);
    }
  }

  function entityLink(entity) {
    var link = document.createElement("a");
    link.href = entity.href;
    link.textContent = entity.caption;
    link.title = entity.schema;
    return link;
  }

  // What the document connected to: known entities, new links and events, list matches.
  function consequences(view, answer) {
    var parts = [
      ["Known entities it mentions", answer.knownEntities || [], entityLink],
      ["New links", answer.newLinks || [], entityLink],
      ["New events", answer.newEvents || [], entityLink],
      ["Possible list matches", answer.listMatches || [], function (m) {
        var span = document.createElement("span");
        span.appendChild(entityLink(m.entity));
        span.appendChild(document.createTextNode(" may be "));
        span.appendChild(entityLink(m.entry));
        span.appendChild(document.createTextNode(" (" + m.dataset + ", " +
          Math.round(m.score * 100) + "%)"));
        return span;
      }]
    ];
    var shown = document.createElement("dl");
    shown.className = "upload-consequences";
    parts.forEach(function (part) {
      if (part[1].length === 0) {
        return;
      }
      var term = document.createElement("dt");
      term.textContent = part[0];
      shown.appendChild(term);
      part[1].forEach(function (one) {
        var item = document.createElement("dd");
        item.appendChild(part[2](one));
        shown.appendChild(item);
      });
    });
    if (shown.childNodes.length > 0) {
      view.item.appendChild(shown);
    }
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function describe(answer) {
    if (answer.status === "exact_duplicate") {
      // Nothing was read again: the counts of this answer are those of no new work.
      return "already stored: the same text was uploaded before, so nothing new was read";
    }
    var text = answer.status === "near_duplicate" ? "stored (a near copy of another document)" : "stored";
    return text + ": " + plural(answer.mentions || 0, "mention", "mentions") + ", " +
      plural(answer.relations || 0, "relation", "relations") + ", " +
      plural(answer.events || 0, "event", "events");
  }

  function send(file, view, marking, reliability) {
    return new Promise(function (resolve) {
      if (file.size > maxBytes) {
        done(view, "failed", "refused: the file is " + megabytes(file.size) +
          "; the limit is " + megabytes(maxBytes) + ". It was not sent.");
        resolve();
        return;
      }
      var data = new FormData();
      data.append("file", file, file.name);
      data.append("marking", marking);
      data.append("reliability", reliability);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.getAttribute("action"));
      xhr.setRequestHeader("X-CSRF-Token", csrf);
      xhr.responseType = "json";
      view.status.textContent = "sending";
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          view.bar.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      xhr.upload.addEventListener("load", function () {
        view.bar.value = 100;
        view.status.textContent = "reading and extracting";
      });
      xhr.addEventListener("load", function () {
        var answer = xhr.response || {};
        if (xhr.status === 200 || xhr.status === 201) {
          done(view, "stored", describe(answer), answer.id);
          consequences(view, answer);
        } else {
          var message = answer.error && answer.error.message ? answer.error.message :
            "the server answered " + xhr.status;
          done(view, "failed", "refused: " + message +
            (message.indexOf("no document was stored") >= 0 ? "." : ". No document was stored."));
        }
        resolve();
      });
      xhr.addEventListener("error", function () {
        done(view, "failed", "the upload failed: the connection was lost before the server" +
          " answered; reload the home page to see whether it was stored.");
        resolve();
      });
      xhr.send(data);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.querySelector("input[type=file]");
    var files = Array.prototype.slice.call(input.files);
    var marking = form.querySelector("select[name=marking]").value;
    var reliability = form.querySelector("select[name=reliability]").value;
    var views = files.map(row);
    // One after another: the server reads each file fully, and two cores are shared.
    files.reduce(function (previous, file, i) {
      return previous.then(function () {
        return send(file, views[i], marking, reliability);
      });
    }, Promise.resolve()).then(function () {
      input.value = "";
      list.setAttribute("data-finished", String(files.length));
    });
  });
})();
