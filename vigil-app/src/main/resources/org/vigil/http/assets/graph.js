/* SPDX-License-Identifier: GPL-3.0-or-later */
// The graph explorer: draws an entity's neighbourhood from the graph API with Cytoscape.js, expands
// a node's neighbours when it is clicked, filters by relation, date and confidence, finds paths to
// another entity, colours communities, sizes nodes by centrality, and opens the evidence of a
// link in the side panel. The API applies the reader's markings; this file only shows what it
// answers. All text reaches the page as text, never as markup.
(function () {
  'use strict';
  var app = document.getElementById('graph-app');
  if (!app || typeof window.cytoscape !== 'function') {
    var s = document.getElementById('graph-status');
    if (s) {
      s.textContent = 'The graph library could not be loaded.';
      s.className = 'error';
    }
    return;
  }
  var start = app.getAttribute('data-entity');
  var limit = parseInt(app.getAttribute('data-limit'), 10) || 500;
  var form = document.getElementById('graph-filters');
  var statusLine = document.getElementById('graph-status');
  var panel = document.getElementById('graph-panel');
  var expanded = {};
  var truncatedAt = {};
  // Past this many elements, drawing switches to the cheaper settings.
  var LARGE = 1500;
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
  var TLP_COLOURS = { 'CLEAR': '#9aa5b1', 'GREEN': '#2e9d3a', 'AMBER': '#e0a000',
    'AMBER+STRICT': '#e0a000', 'RED': '#d62020' };

  var cy = window.cytoscape({
    container: document.getElementById('cy'),
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'label': 'data(caption)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 'data(size)', 'height': 'data(size)', 'background-color': 'data(colour)',
        'border-width': 1, 'border-color': '#ffffff', 'text-wrap': 'ellipsis',
        'text-max-width': 120, 'min-zoomed-font-size': 7 } },
      { selector: 'node[schema = "Person"]', style: { 'shape': 'ellipse' } },
      { selector: 'node[schema = "Organization"], node[schema = "PublicBody"], node[schema = "Company"]',
        style: { 'shape': 'round-rectangle' } },
      { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#14202e' } },
      { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 3 } },
      { selector: 'edge', style: {
        'width': 'mapData(confidence, 0, 1, 1, 4)', 'line-color': 'data(colour)',
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
        'target-arrow-color': 'data(colour)', 'arrow-scale': 0.7, 'opacity': 0.85 } },
      { selector: 'edge[tlp = "AMBER+STRICT"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge.labelled', style: {
        'label': 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate',
        'color': '#38506b', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8 } },
      { selector: 'edge.path', style: { 'line-color': '#c2185b', 'target-arrow-color': '#c2185b',
        'width': 5, 'opacity': 1 } },
      { selector: 'node.path', style: { 'border-color': '#c2185b', 'border-width': 4 } },
      { selector: ':selected', style: { 'overlay-color': '#3d7be0', 'overlay-opacity': 0.25 } }
    ]
  });
  // Reachable from the console and from browser tests, which click links at their drawn place.
  window.vigilGraph = cy;
  cy.on('mouseover', 'node', function () { document.body.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', function () { document.body.style.cursor = ''; });

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? 'error' : 'hint';
  }

  function clear(el) {
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function badge(tlp) {
    var b = el('span', 'TLP:' + (tlp || '?'), 'tlp tlp-' + String(tlp || 'clear').toLowerCase().replace('+', '-'));
    return b;
  }

  function filters() {
    var params = new URLSearchParams();
    var data = new FormData(form);
    var schemas = data.getAll('schema');
    var all = form.querySelectorAll('input[name=schema]').length;
    if (schemas.length > 0 && schemas.length < all) {
      params.set('schema', schemas.join(','));
    }
    ['from', 'to'].forEach(function (name) {
      var v = String(data.get(name) || '').trim();
      if (v) {
        params.set(name, v);
      }
    });
    var confidence = parseFloat(data.get('minConfidence'));
    if (confidence > 0) {
      params.set('minConfidence', String(confidence));
    }
    return params;
  }

  function depth() {
    return String(new FormData(form).get('depth') || '2');
  }

  function api(path, params) {
    return fetch('/api/v1/graph/' + path + '?' + params.toString(), { credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (json) {
          if (!response.ok) {
            var message = json && json.error && json.error.message
              ? json.error.message : 'the server answered ' + response.status;
            throw new Error(message);
          }
          return json;
        });
      });
  }

  function nodeId(id) { return 'n:' + id; }
  function edgeId(id) { return 'e:' + id; }

  // Adds what the API answered, keeping what is drawn already; returns the new elements.
  function add(graph) {
    var added = cy.collection();
    cy.batch(function () {
      (graph.nodes || []).forEach(function (n) {
        var id = nodeId(n.id);
        var existing = cy.getElementById(id);
        if (existing.nonempty()) {
          if (n.community !== undefined && n.community !== null) {
            existing.data('community', n.community);
          }
          if (n.centrality) {
            existing.data('centrality', n.centrality);
          }
          return;
        }
        added = added.union(cy.add({ group: 'nodes', data: {
          id: id, entity: n.id, caption: n.caption || n.id, schema: n.schema, tlp: n.tlp,
          community: n.community, centrality: n.centrality || null,
          size: 24, colour: schemaColour(n.schema) } }));
      });
      (graph.edges || []).forEach(function (e) {
        var id = edgeId(e.id);
        if (cy.getElementById(id).nonempty()) {
          return;
        }
        if (cy.getElementById(nodeId(e.source)).empty() || cy.getElementById(nodeId(e.target)).empty()) {
          return;
        }
        added = added.union(cy.add({ group: 'edges', data: {
          id: id, link: e.id, source: nodeId(e.source), target: nodeId(e.target),
          schema: e.schema, label: e.label || e.schema, confidence: numberOr(e.confidence, 0.5),
          start: e.start || null, end: e.end || null, tlp: e.tlp,
          colour: TLP_COLOURS[e.tlp] || '#9aa5b1', evidence: e.evidence || [] } }));
      });
      var labelled = cy.edges().length <= 300;
      cy.edges().toggleClass('labelled', labelled);
    });
    cy.getElementById(nodeId(start)).addClass('start');
    return added;
  }

  function numberOr(value, fallback) {
    return typeof value === 'number' && isFinite(value) ? value : fallback;
  }

  function schemaColour(schema) {
    switch (schema) {
      case 'Person': return '#3d7be0';
      case 'Organization': return '#e07b3d';
      case 'PublicBody': return '#8e44ad';
      case 'Company': return '#16a085';
      default: return '#7f8c8d';
    }
  }

  // Lays the graph out, then calls done (if any); data-layout says "done" once positions are
  // final, so that a click lands where a link is drawn.
  function layout(around, done) {
    var count = cy.elements().length;
    var options;
    if (count > LARGE) {
      // Force-directed layouts grow with the square of the nodes; rings by degree stay quick.
      options = { name: 'concentric', animate: false, minNodeSpacing: 4,
        concentric: function (n) { return n.degree(); }, levelWidth: function () { return 4; } };
    } else {
      options = { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000,
        idealEdgeLength: 90, numIter: count > 400 ? 300 : 1000 };
    }
    var eles = around && around.nonempty() && count > LARGE ? around : cy.elements();
    app.setAttribute('data-layout', 'running');
    var running = eles.layout(options);
    running.one('layoutstop', function () {
      if (done) {
        done();
      }
      app.setAttribute('data-layout', 'done');
    });
    running.run();
  }

  function report(kind, graph, entity) {
    var nodes = cy.nodes().length;
    var edges = cy.edges().length;
    var text = nodes + ' entities and ' + edges + ' links shown.';
    if (graph && graph.truncated) {
      truncatedAt[entity] = true;
      text += ' The ' + kind + ' of ' + captionOf(entity) + ' is larger than the ' + limit +
        ' entities asked for, so it was cut (truncated): narrow it with the filters or a lower depth.';
    }
    if (Object.keys(truncatedAt).length > 0 && !(graph && graph.truncated)) {
      text += ' Some neighbourhoods shown were cut (truncated).';
    }
    say(text, false);
    if (Object.keys(truncatedAt).length > 0) {
      statusLine.className = 'warning';
    }
    app.setAttribute('data-truncated', Object.keys(truncatedAt).length > 0 ? 'true' : 'false');
  }

  function captionOf(entity) {
    var n = cy.getElementById(nodeId(entity));
    return n.nonempty() ? n.data('caption') : entity;
  }

  function neighbours(entity, fresh) {
    var params = filters();
    params.set('entity', entity);
    params.set('depth', fresh ? depth() : '1');
    params.set('limit', String(limit));
    say('Loading the neighbours of ' + captionOf(entity) + ' …', false);
    return api('neighbours', params).then(function (graph) {
      if (fresh) {
        cy.elements().remove();
        expanded = {};
        truncatedAt = {};
      }
      var added = add(graph);
      expanded[entity] = true;
      cy.getElementById(nodeId(entity)).addClass('expanded');
      layout(added, function () {
        if (fresh) {
          cy.fit(undefined, 30);
        }
      });
      report('neighbourhood', graph, entity);
      app.setAttribute('data-loaded', String(Date.now()));
      return graph;
    }).catch(function (e) {
      say('The network could not be loaded: ' + e.message, true);
    });
  }

  function showNode(node) {
    clear(panel);
    panel.appendChild(el('h2', node.data('caption')));
    var p = el('p');
    p.appendChild(el('span', node.data('schema'), 'schema'));
    p.appendChild(document.createTextNode(' '));
    p.appendChild(badge(node.data('tlp')));
    panel.appendChild(p);
    var link = el('a', 'Open the entity page');
    link.href = '/entities/' + encodeURIComponent(node.data('entity'));
    panel.appendChild(el('p')).appendChild(link);
    var c = node.data('centrality');
    if (c) {
      var dl = el('dl', null, 'facts');
      Object.keys(c).forEach(function (k) {
        dl.appendChild(el('dt', k));
        dl.appendChild(el('dd', typeof c[k] === 'number' ? c[k].toFixed(4) : c[k]));
      });
      panel.appendChild(dl);
    }
    if (node.data('community') !== undefined && node.data('community') !== null) {
      panel.appendChild(el('p', 'Community ' + node.data('community'), 'hint'));
    }
    panel.appendChild(el('p', node.degree() + ' links drawn.', 'hint'));
  }

  function showEdge(edge) {
    clear(panel);
    panel.setAttribute('data-link', edge.data('link'));
    var source = edge.source();
    var target = edge.target();
    panel.appendChild(el('h2', 'Evidence'));
    var head = el('p', null, 'edge-head');
    head.appendChild(el('strong', source.data('caption')));
    head.appendChild(document.createTextNode(' — ' + edge.data('label') + ' → '));
    head.appendChild(el('strong', target.data('caption')));
    panel.appendChild(head);
    var meta = el('p');
    meta.appendChild(el('span', edge.data('schema'), 'schema'));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(badge(edge.data('tlp')));
    var when = [];
    if (edge.data('start')) { when.push('from ' + edge.data('start')); }
    if (edge.data('end')) { when.push('until ' + edge.data('end')); }
    meta.appendChild(document.createTextNode(' confidence ' +
      Number(edge.data('confidence')).toFixed(2) + (when.length ? ' · ' + when.join(' ') : '')));
    panel.appendChild(meta);
    var evidence = edge.data('evidence') || [];
    if (evidence.length === 0) {
      panel.appendChild(el('p', 'No evidence you may see is recorded for this link.', 'hint'));
      return;
    }
    var list = el('ol', null, 'evidence-list');
    evidence.forEach(function (item) {
      var li = el('li', null, 'evidence-item');
      li.appendChild(el('q', item.text || '(no sentence recorded)', 'sentence'));
      var facts = el('div', null, 'hint');
      if (item.documentId) {
        var a = el('a', 'document');
        a.href = '/documents/' + encodeURIComponent(item.documentId);
        a.className = 'document-link';
        facts.appendChild(a);
        facts.appendChild(document.createTextNode(' · '));
      }
      facts.appendChild(document.createTextNode('extractor ' + (item.extractor || '?') +
        ' · confidence ' + numberOr(item.confidence, 0).toFixed(2) +
        ' · grade ' + (item.grade || 'not graded')));
      li.appendChild(facts);
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  cy.on('tap', 'node', function (event) {
    var node = event.target;
    showNode(node);
    var entity = node.data('entity');
    if (!expanded[entity]) {
      neighbours(entity, false);
    }
  });
  cy.on('tap', 'edge', function (event) {
    showEdge(event.target);
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    neighbours(start, true);
  });

  document.getElementById('colour-communities').addEventListener('click', function () {
    var params = new URLSearchParams();
    params.set('entity', start);
    params.set('depth', depth());
    say('Finding communities …', false);
    api('communities', params).then(function (graph) {
      add(graph);
      var seen = {};
      cy.batch(function () {
        (graph.nodes || []).forEach(function (n) {
          if (n.community === undefined || n.community === null) {
            return;
          }
          seen[n.community] = true;
          cy.getElementById(nodeId(n.id)).data('colour', PALETTE[Math.abs(n.community) % PALETTE.length]);
        });
      });
      app.setAttribute('data-communities', String(Object.keys(seen).length));
      say(Object.keys(seen).length + ' communities coloured (Louvain over the neighbourhood).', false);
    }).catch(function (e) { say('Communities could not be found: ' + e.message, true); });
  });

  document.getElementById('size-by').addEventListener('change', function (event) {
    var measure = event.target.value;
    if (!measure) {
      cy.nodes().data('size', 24);
      return;
    }
    var params = new URLSearchParams();
    params.set('entity', start);
    params.set('depth', depth());
    params.set('measure', measure);
    say('Computing ' + measure + ' …', false);
    api('centrality', params).then(function (graph) {
      add(graph);
      var values = {};
      var max = 0;
      (graph.nodes || []).forEach(function (n) {
        var v = n.centrality ? numberOr(n.centrality[measure], 0) : 0;
        values[n.id] = v;
        max = Math.max(max, v);
      });
      cy.batch(function () {
        cy.nodes().forEach(function (node) {
          var v = values[node.data('entity')] || 0;
          node.data('size', max > 0 ? 16 + 56 * Math.sqrt(v / max) : 24);
        });
      });
      app.setAttribute('data-sized-by', measure);
      say('Node sizes show ' + measure + '.', false);
    }).catch(function (e) { say('Centrality could not be computed: ' + e.message, true); });
  });

  var pathSearch = document.getElementById('path-search');
  var pathCandidates = document.getElementById('path-candidates');
  var pending = null;
  function lookUp() {
    var q = pathSearch.value.trim();
    if (q.length < 2) {
      return;
    }
    fetch('/api/v1/entities?limit=8&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (result) {
        clear(pathCandidates);
        result.hits.forEach(function (hit) {
          if (hit.id === start) {
            return;
          }
          var li = el('li');
          var b = el('button', hit.caption + ' · ' + hit.schema, 'candidate');
          b.type = 'button';
          b.setAttribute('data-id', hit.id);
          b.addEventListener('click', function () { findPath(hit); });
          li.appendChild(b);
          pathCandidates.appendChild(li);
        });
        if (!pathCandidates.firstChild) {
          pathCandidates.appendChild(el('li', 'No other entity matches “' + q + '”.', 'hint'));
        }
      });
  }
  pathSearch.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(lookUp, 250);
  });
  pathSearch.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(pending);
      lookUp();
    }
  });

  function findPath(hit) {
    var params = filters();
    params.set('from', start);
    params.set('to', hit.id);
    params.set('k', '3');
    say('Looking for paths to ' + hit.caption + ' …', false);
    api('path', params).then(function (result) {
      cy.elements().removeClass('path');
      clear(pathCandidates);
      var paths = result.paths || [];
      if (paths.length === 0) {
        app.setAttribute('data-paths', '0');
        say('No path to ' + hit.caption + ' through links you may see' +
          (result.truncated ? ' within the search limit (truncated).' : '.'), false);
        return;
      }
      var added = add(result);
      paths.forEach(function (p) {
        (p.nodes || []).forEach(function (id) { cy.getElementById(nodeId(id)).addClass('path'); });
        (p.edges || []).forEach(function (id) { cy.getElementById(edgeId(id)).addClass('path'); });
      });
      layout(added, function () { cy.fit(cy.elements('.path'), 40); });
      clear(panel);
      panel.appendChild(el('h2', 'Paths to ' + hit.caption));
      var list = el('ol', null, 'paths');
      paths.forEach(function (p) {
        var li = el('li', null, 'path-item');
        var names = (p.nodes || []).map(function (id) { return captionOf(id); });
        li.textContent = names.join(' → ') + ' (' + p.length + (p.length === 1 ? ' link)' : ' links)');
        list.appendChild(li);
      });
      panel.appendChild(list);
      panel.appendChild(el('p', 'Click a highlighted link to see its evidence.', 'hint'));
      app.setAttribute('data-paths', String(paths.length));
      say(paths.length + (paths.length === 1 ? ' path' : ' paths') + ' to ' + hit.caption +
        ' highlighted' + (result.truncated ? '; the search was cut (truncated).' : '.'), false);
    }).catch(function (e) { say('No path could be found: ' + e.message, true); });
  }

  neighbours(start, true);
}());
