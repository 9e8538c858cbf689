/* SPDX-License-Identifier: GPL-3.0-or-later */
// The graph explorer: draws an entity's neighbourhood from the graph API with Cytoscape.js, expands
// a node's neighbours when it is clicked, filters by relation, date and confidence, finds paths to
// a person or organisation, colours communities, sizes nodes by centrality, and opens the evidence
// of a link in the side panel. The API applies the reader's markings; this file only shows what it
// answers. All text reaches the page as text, never as markup, and no style attribute is written
// (the Content-Security-Policy allows none).
//
// Readability: the layout is fCoSE with its random choices drawn from a generator seeded by the
// starting entity, so one network is drawn the same way on every load; node boxes include their
// labels, and a last pass pushes apart any two that still overlap; the view is fitted with padding
// and never zoomed in past FIT_MAX_ZOOM; parallel links of one kind between two entities are drawn
// as one edge that counts them.
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
  var legend = document.getElementById('graph-legend');
  var expanded = {};
  var truncatedAt = {};
  // Which drawn edge stands for each link of the API (parallel links share one).
  var edgeOfLink = {};
  // Past this many elements, drawing switches to the cheaper settings.
  var LARGE = 1500;
  // Edge labels are drawn up to this many edges; past it, on hover and selection only.
  var EDGE_LABELS = 80;
  // Fitting never zooms in further than this, so a handful of nodes is not drawn huge.
  var FIT_MAX_ZOOM = 1.4;
  var FIT_PADDING = 40;
  // Node captions are wrapped at this many characters a line, on at most two lines.
  var LINE = 18;
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
    '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173'];
  var TLP_COLOURS = { 'CLEAR': '#9aa5b1', 'GREEN': '#2e9d3a', 'AMBER': '#e0a000',
    'AMBER+STRICT': '#e0a000', 'RED': '#d62020' };
  var TLP_ORDER = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
  // One shape and colour per schema; the legend and vigil.css (.swatch-*) use the same.
  var SCHEMAS = [
    { schema: 'Person', label: 'person', shape: 'ellipse', colour: '#3d7be0' },
    { schema: 'Organization', label: 'organisation', shape: 'round-rectangle', colour: '#e07b3d' },
    { schema: 'PublicBody', label: 'public body', shape: 'hexagon', colour: '#8e44ad' },
    { schema: 'Company', label: 'company', shape: 'rectangle', colour: '#16a085' },
    { schema: 'LegalEntity', label: 'legal entity', shape: 'diamond', colour: '#b7950b' },
    { schema: 'Vessel', label: 'vessel', shape: 'triangle', colour: '#2c3e50' },
    { schema: 'Airplane', label: 'aircraft', shape: 'vee', colour: '#34495e' },
    { schema: 'Address', label: 'place', shape: 'tag', colour: '#27ae60' },
    { schema: 'Event', label: 'event', shape: 'star', colour: '#c0392b' }
  ];
  var OTHER = { schema: 'other', label: 'other', shape: 'barrel', colour: '#7f8c8d' };
  // A path leads to people and organisations; documents and relation records are no destination.
  var DESTINATIONS = { Person: true, Organization: true, PublicBody: true, Company: true,
    LegalEntity: true };
  var RELIABILITY = { A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable',
    D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged' };
  var CREDIBILITY = { 1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true',
    4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged' };

  // What a schema is called on screen: "public body", not PublicBody.
  function schemaLabel(schema) {
    var style = schemaStyle(schema);
    return style === OTHER ? schema : style.label;
  }

  function schemaStyle(schema) {
    for (var i = 0; i < SCHEMAS.length; i++) {
      if (SCHEMAS[i].schema === schema) {
        return SCHEMAS[i];
      }
    }
    return OTHER;
  }

  // Cytoscape adds a <style> element unless one with this id exists; an inline style sheet is
  // refused by the Content-Security-Policy, and vigil.css already positions the canvas.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    var marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  if (typeof window.cytoscapeFcose === 'function') {
    window.cytoscape.use(window.cytoscapeFcose);
  }

  var style = [
    { selector: 'node', style: {
      'label': 'data(display)', 'font-size': 12, 'color': '#14202e',
      'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 4,
      'text-wrap': 'wrap', 'text-max-width': 400, 'line-height': 1.15,
      'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
      'text-background-padding': 2, 'text-background-shape': 'round-rectangle',
      'width': 'data(size)', 'height': 'data(size)', 'background-color': 'data(colour)',
      'border-width': 1, 'border-color': '#ffffff' } }
  ];
  SCHEMAS.forEach(function (s) {
    style.push({ selector: 'node[schema = "' + s.schema + '"]', style: { 'shape': s.shape } });
  });
  style.push(
    { selector: 'node.other-schema', style: { 'shape': OTHER.shape } },
    { selector: 'node.start', style: { 'border-width': 4, 'border-color': '#14202e' } },
    { selector: 'node.expanded', style: { 'border-style': 'double', 'border-width': 4,
      'border-color': '#14202e' } },
    { selector: 'edge', style: {
      'width': 'mapData(confidence, 0, 1, 1, 4)', 'line-color': 'data(colour)',
      'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'target-arrow-color': 'data(colour)', 'arrow-scale': 0.8, 'opacity': 0.9 } },
    { selector: 'edge[tlp = "AMBER+STRICT"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge.labelled, edge.hover, edge:selected', style: {
      'label': 'data(display)', 'font-size': 10, 'color': '#38506b',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.9,
      'text-background-padding': 1 } },
    { selector: 'edge.path', style: { 'line-color': '#c2185b', 'target-arrow-color': '#c2185b',
      'width': 5, 'opacity': 1 } },
    { selector: 'node.path', style: { 'border-color': '#c2185b', 'border-width': 4 } },
    { selector: ':selected', style: { 'overlay-color': '#3d7be0', 'overlay-opacity': 0.25 } });

  var cy = window.cytoscape({
    container: document.getElementById('cy'),
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 3,
    style: style
  });
  // Reachable from the console and from browser tests, which click links at their drawn place.
  window.vigilGraph = cy;
  var canvas = document.getElementById('cy');
  cy.on('mouseover', 'node', function (event) {
    canvas.classList.add('pointing');
    canvas.title = event.target.data('caption') + ' · ' + schemaLabel(event.target.data('schema'));
  });
  cy.on('mouseover', 'edge', function (event) {
    canvas.classList.add('pointing');
    event.target.addClass('hover');
    canvas.title = event.target.data('display');
  });
  cy.on('mouseout', 'node, edge', function (event) {
    canvas.classList.remove('pointing');
    event.target.removeClass('hover');
    canvas.removeAttribute('title');
  });

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

  function plural(count, one, many) {
    return count + ' ' + (count === 1 ? one : many);
  }

  function badge(tlp) {
    var b = el('span', 'TLP:' + (tlp || '?'), 'tlp tlp-' + String(tlp || 'clear').toLowerCase().replace('+', '-'));
    b.title = tlpMeaning(tlp);
    return b;
  }

  function tlpMeaning(tlp) {
    switch (tlp) {
      case 'CLEAR': return 'TLP:CLEAR: may be shared without limit';
      case 'GREEN': return 'TLP:GREEN: within the community, not publicly';
      case 'AMBER': return 'TLP:AMBER: within the reader\'s organisation and its clients';
      case 'AMBER+STRICT': return 'TLP:AMBER+STRICT: within the reader\'s organisation only';
      case 'RED': return 'TLP:RED: named recipients only';
      default: return 'marking unknown';
    }
  }

  // An analyst's hand-written statement ("note:NAME", see AnalystNote) is never shown as an
  // extractor's reading.
  function provenanceText(extractor) {
    if (extractor && extractor.indexOf('note:') === 0 && extractor.length > 5) {
      return 'note by analyst ' + extractor.substring(5);
    }
    return 'extractor ' + (extractor || '?');
  }

  // "B2 (source usually reliable; information probably true)".
  function gradeText(grade) {
    if (!grade) {
      return 'not graded';
    }
    var parts = [];
    if (RELIABILITY[grade.charAt(0)]) {
      parts.push('source ' + RELIABILITY[grade.charAt(0)]);
    }
    if (grade.length > 1 && CREDIBILITY[grade.charAt(1)]) {
      parts.push('information ' + CREDIBILITY[grade.charAt(1)]);
    }
    return grade + (parts.length ? ' (' + parts.join('; ') + ')' : '');
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
    var credibility = String(data.get('credibility') || '');
    if (credibility) {
      params.set('credibility', credibility);
    }
    if (data.get('hideDisputed')) {
      params.set('hideDisputed', 'true');
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

  // A caption on at most two lines of about LINE characters, cut with an ellipsis; the whole name
  // is shown on hover and in the side panel.
  function wrap(caption) {
    var words = String(caption).split(/\s+/).filter(function (w) { return w.length > 0; });
    var lines = [];
    var line = '';
    var cut = false;
    for (var i = 0; i < words.length; i++) {
      if (line.length > 0 && line.length + 1 + words[i].length > LINE) {
        lines.push(line);
        line = '';
        if (lines.length === 2) {
          cut = true;
          break;
        }
      }
      line = line.length > 0 ? line + ' ' + words[i] : words[i];
    }
    if (line.length > 0) {
      lines.push(line);
    }
    lines = lines.map(function (l) {
      return l.length > LINE + 2 ? l.substring(0, LINE) + '…' : l;
    });
    if (cut) {
      var last = lines[lines.length - 1];
      lines[lines.length - 1] = (last.length > LINE - 1 ? last.substring(0, LINE - 1) : last) + '…';
    }
    return lines.join('\n');
  }

  function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  // Parallel links of one kind (schema and reading) between two entities share one drawn edge.
  function groupKey(e) {
    var ends = [e.source, e.target].sort();
    return 'g:' + e.schema + '|' + (e.label || '') + '|' + ends[0] + '|' + ends[1];
  }

  function edgeLabel(data) {
    return data.label + (data.links.length > 1 ? ' ×' + data.links.length : '');
  }

  function stricter(a, b) {
    return TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a;
  }

  // Adds what the API answered, keeping what is drawn already; returns the new elements.
  function add(graph) {
    var added = cy.collection();
    cy.batch(function () {
      (graph.nodes || []).slice().sort(byId).forEach(function (n) {
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
        var look = schemaStyle(n.schema);
        var node = cy.add({ group: 'nodes', data: {
          id: id, entity: n.id, caption: n.caption || n.id, display: wrap(n.caption || n.id),
          schema: n.schema, tlp: n.tlp, community: n.community, centrality: n.centrality || null,
          size: 28, colour: look.colour } });
        if (look === OTHER) {
          node.addClass('other-schema');
        }
        added = added.union(node);
      });
      (graph.edges || []).slice().sort(byId).forEach(function (e) {
        if (edgeOfLink[e.id]) {
          return;
        }
        if (cy.getElementById(nodeId(e.source)).empty() || cy.getElementById(nodeId(e.target)).empty()) {
          return;
        }
        var key = groupKey(e);
        var drawn = cy.getElementById(key);
        edgeOfLink[e.id] = key;
        if (drawn.nonempty()) {
          var links = drawn.data('links').concat([e.id]);
          var seen = {};
          drawn.data('evidence').forEach(function (item) { seen[item.statementId] = true; });
          var evidence = drawn.data('evidence').concat((e.evidence || []).filter(function (item) {
            return !seen[item.statementId];
          }));
          var tlp = stricter(drawn.data('tlp'), e.tlp);
          drawn.data({ links: links, evidence: evidence, tlp: tlp,
            colour: TLP_COLOURS[tlp] || '#9aa5b1',
            confidence: Math.max(drawn.data('confidence'), numberOr(e.confidence, 0.5)),
            start: earliest(drawn.data('start'), e.start), end: latest(drawn.data('end'), e.end),
            disputed: drawn.data('disputed') || e.disputed === true,
            notGraded: drawn.data('notGraded') || e.notGraded === true });
          drawn.data('display', edgeLabel(drawn.data()));
          return;
        }
        var data = {
          id: key, link: e.id, links: [e.id], source: nodeId(e.source), target: nodeId(e.target),
          schema: e.schema, label: e.label || e.schema, confidence: numberOr(e.confidence, 0.5),
          start: e.start || null, end: e.end || null, tlp: e.tlp, disputed: e.disputed === true,
          notGraded: e.notGraded === true,
          colour: TLP_COLOURS[e.tlp] || '#9aa5b1', evidence: e.evidence || [] };
        data.display = edgeLabel(data);
        added = added.union(cy.add({ group: 'edges', data: data }));
      });
      cy.edges().toggleClass('labelled', cy.edges().length <= EDGE_LABELS);
    });
    cy.getElementById(nodeId(start)).addClass('start');
    showLegend();
    return added;
  }

  function earliest(a, b) {
    return !a ? (b || null) : !b ? a : (a < b ? a : b);
  }

  function latest(a, b) {
    return !a ? (b || null) : !b ? a : (a > b ? a : b);
  }

  function numberOr(value, fallback) {
    return typeof value === 'number' && isFinite(value) ? value : fallback;
  }

  // The legend names the shapes and colours of the schemata drawn, and what edges show.
  function showLegend() {
    if (!legend) {
      return;
    }
    var present = {};
    cy.nodes().forEach(function (n) { present[schemaStyle(n.data('schema')).schema] = true; });
    var key = Object.keys(present).sort().join(',');
    if (legend.getAttribute('data-schemas') === key) {
      return;
    }
    legend.setAttribute('data-schemas', key);
    clear(legend);
    var nodes = el('ul', null, 'legend-nodes');
    SCHEMAS.concat([OTHER]).forEach(function (s) {
      if (!present[s.schema]) {
        return;
      }
      var li = el('li');
      li.appendChild(el('span', null, 'swatch swatch-' + s.schema.toLowerCase()));
      li.appendChild(document.createTextNode(s.label));
      nodes.appendChild(li);
    });
    legend.appendChild(nodes);
    var edges = el('ul', null, 'legend-edges');
    [['line line-green', 'link, coloured by its TLP marking'],
      ['line line-dashed', 'TLP:AMBER+STRICT link'],
      ['count', 'n links of one kind, drawn as one'],
      ['ring ring-start', 'the entity you started from'],
      ['ring ring-expanded', 'neighbours shown (click a node to expand it)']].forEach(function (item) {
      var li = el('li');
      li.appendChild(el('span', item[0] === 'count' ? '×n' : null, 'swatch ' + item[0]));
      li.appendChild(document.createTextNode(item[1]));
      edges.appendChild(li);
    });
    legend.appendChild(edges);
  }

  // A small fast generator (mulberry32) seeded from a text: the layout's random choices.
  function seeded(text) {
    var a = 2166136261;
    for (var i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    }
    return function () {
      a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Pushes apart, in a few deterministic rounds, any two nodes whose boxes (labels included)
  // overlap; the layout leaves a few where labels are long.
  function separate(nodes) {
    var GAP = 6;
    var items = [];
    nodes.forEach(function (n) {
      var p = n.position();
      var bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
      items.push({ node: n, x: p.x, y: p.y, left: p.x - bb.x1, right: bb.x2 - p.x,
        top: p.y - bb.y1, bottom: bb.y2 - p.y });
    });
    for (var round = 0; round < 60; round++) {
      var moved = false;
      for (var i = 0; i < items.length; i++) {
        for (var j = i + 1; j < items.length; j++) {
          var a = items[i];
          var b = items[j];
          var overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + GAP;
          var overlapY = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y - a.top, b.y - b.top) + GAP;
          if (overlapX <= 0 || overlapY <= 0) {
            continue;
          }
          moved = true;
          if (overlapX < overlapY) {
            var dx = (a.x < b.x || (a.x === b.x && i < j) ? -1 : 1) * overlapX / 2;
            a.x += dx;
            b.x -= dx;
          } else {
            var dy = (a.y < b.y || (a.y === b.y && i < j) ? -1 : 1) * overlapY / 2;
            a.y += dy;
            b.y -= dy;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    cy.batch(function () {
      items.forEach(function (item) { item.node.position({ x: item.x, y: item.y }); });
    });
  }

  // Fits the view to eles with padding, never zooming in past FIT_MAX_ZOOM.
  function fitView(eles) {
    cy.fit(eles, FIT_PADDING);
    if (cy.zoom() > FIT_MAX_ZOOM) {
      cy.zoom(FIT_MAX_ZOOM);
      cy.center(eles);
    }
  }

  // Lays the graph out, then calls done (if any); data-layout says "done" once positions are
  // final, so that a click lands where a link is drawn. fresh: place everything anew; otherwise
  // keep what is drawn and place the new elements near the node they hang from.
  function layout(around, fresh, done) {
    var count = cy.elements().length;
    var options;
    var large = count > LARGE;
    var fcose = typeof window.cytoscapeFcose === 'function';
    if (large) {
      // Force-directed layouts grow with the square of the nodes; rings by degree stay quick.
      options = { name: 'concentric', animate: false, minNodeSpacing: 4,
        concentric: function (n) { return n.degree(); }, levelWidth: function () { return 4; } };
    } else if (fcose) {
      options = { name: 'fcose', quality: 'proof', randomize: fresh, animate: false, fit: false,
        nodeDimensionsIncludeLabels: true, uniformNodeDimensions: false, packComponents: true,
        nodeRepulsion: function () { return 12000; }, idealEdgeLength: function () { return 120; },
        edgeElasticity: function () { return 0.45; }, nodeSeparation: 90, gravity: 0.25,
        numIter: 2500, tile: true };
    } else {
      options = { name: 'cose', animate: false, randomize: false, fit: false,
        nodeDimensionsIncludeLabels: true, nodeRepulsion: function () { return 9000; },
        idealEdgeLength: function () { return 120; }, numIter: count > 400 ? 300 : 1000 };
    }
    if (!fresh && !large) {
      placeNear(around);
    }
    var eles = around && around.nonempty() && large ? around : cy.elements();
    app.setAttribute('data-layout', 'running');
    var running = eles.layout(options);
    running.one('layoutstop', function () {
      if (!large) {
        separate(cy.nodes());
      }
      if (done) {
        done();
      }
      app.setAttribute('data-layout', 'done');
    });
    // The layout runs at once (animate: false) with Math.random seeded by the starting entity,
    // so the same network is drawn the same way every time.
    var random = Math.random;
    Math.random = seeded(start + '|' + cy.nodes().length);
    try {
      running.run();
    } finally {
      Math.random = random;
    }
  }

  // New nodes start beside a drawn neighbour, on a small circle, so the layout keeps its shape.
  function placeNear(added) {
    var fresh = added.nodes();
    fresh.forEach(function (n, i) {
      var anchor = n.neighborhood('node').difference(fresh).first();
      var centre = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
      var angle = 2 * Math.PI * i / Math.max(1, fresh.length);
      n.position({ x: centre.x + 80 * Math.cos(angle), y: centre.y + 80 * Math.sin(angle) });
    });
  }

  function report(kind, graph, entity) {
    var nodes = cy.nodes().length;
    var edges = cy.edges().length;
    var links = Object.keys(edgeOfLink).length;
    var text = plural(nodes, 'entity', 'entities') + ' and ' + plural(links, 'link', 'links') +
      ' shown' + (edges < links ? ' (' + plural(edges, 'line', 'lines') + ')' : '') + '.';
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
        edgeOfLink = {};
      }
      var added = add(graph);
      expanded[entity] = true;
      cy.getElementById(nodeId(entity)).addClass('expanded');
      layout(added, fresh, function () {
        fitView(cy.elements());
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
    panel.removeAttribute('data-link');
    panel.appendChild(el('h2', node.data('caption')));
    var p = el('p');
    p.appendChild(el('span', schemaLabel(node.data('schema')), 'schema'));
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
    panel.appendChild(el('p', plural(node.degree(), 'line', 'lines') + ' drawn.', 'hint'));
  }

  // The sentence with the words the link was read from marked.
  function sentence(item) {
    var quote = el('blockquote', null, 'sentence');
    var text = item.sentence;
    var from = item.sentenceSpanStart;
    var to = item.sentenceSpanEnd;
    if (text && typeof from === 'number' && typeof to === 'number' && from >= 0 && to >= from &&
        to <= text.length) {
      quote.appendChild(document.createTextNode(text.substring(0, from)));
      quote.appendChild(el('mark', text.substring(from, to)));
      quote.appendChild(document.createTextNode(text.substring(to)));
    } else {
      quote.textContent = item.text || '(no sentence recorded)';
    }
    return quote;
  }

  function showEdge(edge) {
    clear(panel);
    panel.setAttribute('data-link', edge.data('links').join(' '));
    var source = edge.source();
    var target = edge.target();
    panel.appendChild(el('h2', 'Evidence'));
    var head = el('p', null, 'edge-head');
    head.appendChild(el('strong', source.data('caption')));
    head.appendChild(document.createTextNode(' — ' + edge.data('label') + ' → '));
    head.appendChild(el('strong', target.data('caption')));
    panel.appendChild(head);
    var meta = el('p');
    meta.appendChild(el('span', edge.data('schema') === 'UnknownLink' ? 'other link' : edge.data('schema'), 'schema'));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(badge(edge.data('tlp')));
    var when = [];
    if (edge.data('start')) { when.push('from ' + edge.data('start')); }
    if (edge.data('end')) { when.push('until ' + edge.data('end')); }
    var count = edge.data('links').length;
    meta.appendChild(document.createTextNode(' confidence ' +
      Number(edge.data('confidence')).toFixed(2) + (when.length ? ' · ' + when.join(' ') : '') +
      (count > 1 ? ' · ' + count + ' records of this link' : '') +
      (edge.data('disputed') ? ' · disputed' : '') +
      (edge.data('notGraded') ? ' · not graded (no claim\'s credibility to filter by)' : '')));
    panel.appendChild(meta);
    var evidence = edge.data('evidence') || [];
    if (evidence.length === 0) {
      panel.appendChild(el('p', 'No evidence you may see is recorded for this link.', 'hint'));
      return;
    }
    var list = el('ol', null, 'evidence-list');
    evidence.forEach(function (item) {
      var li = el('li', null, 'evidence-item');
      li.appendChild(sentence(item));
      var origin = el('div', null, 'evidence-source');
      var title = item.sourceTitle || 'a source you may not see';
      if (item.documentId) {
        var a = el('a', title, 'document-link');
        a.href = '/documents/' + encodeURIComponent(item.documentId);
        origin.appendChild(a);
      } else {
        origin.appendChild(el('span', title, 'source-title'));
      }
      if (item.sourceDate) {
        origin.appendChild(document.createTextNode(' · received ' + item.sourceDate));
      }
      if (item.sourceTlp) {
        origin.appendChild(document.createTextNode(' '));
        origin.appendChild(badge(item.sourceTlp));
      }
      li.appendChild(origin);
      li.appendChild(el('div', 'grade ' + gradeText(item.grade) + ' · ' +
        provenanceText(item.extractor) + ' · confidence ' +
        numberOr(item.confidence, 0).toFixed(2), 'hint'));
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
    // The filters apply here too: links the weighing drops are left out before Louvain runs.
    var params = filters();
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
      say(plural(Object.keys(seen).length, 'community', 'communities') +
        ' coloured (Louvain over the neighbourhood); the legend\'s colours no longer apply.', false);
    }).catch(function (e) { say('Communities could not be found: ' + e.message, true); });
  });

  document.getElementById('size-by').addEventListener('change', function (event) {
    var measure = event.target.value;
    if (!measure) {
      cy.nodes().data('size', 28);
      return;
    }
    var params = filters();
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
          node.data('size', max > 0 ? 16 + 56 * Math.sqrt(v / max) : 28);
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
    fetch('/api/v1/entities?limit=25&q=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { hits: [] }; })
      .then(function (result) {
        clear(pathCandidates);
        var shown = 0;
        (result.hits || []).forEach(function (hit) {
          if (hit.id === start || !DESTINATIONS[hit.schema] || !hit.caption ||
              hit.caption === hit.id || shown >= 8) {
            return;
          }
          shown++;
          var li = el('li');
          var b = el('button', hit.caption + ' · ' + schemaLabel(hit.schema), 'candidate');
          b.type = 'button';
          b.setAttribute('data-id', hit.id);
          b.addEventListener('click', function () { findPath(hit); });
          li.appendChild(b);
          pathCandidates.appendChild(li);
        });
        if (!pathCandidates.firstChild) {
          pathCandidates.appendChild(el('li', 'No other person or organisation matches “' + q + '”.', 'hint'));
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
    // /graph/path names its two entities from and to, so the date range goes there as since/until.
    [['from', 'since'], ['to', 'until']].forEach(function (names) {
      if (params.has(names[0])) {
        params.set(names[1], params.get(names[0]));
        params.delete(names[0]);
      }
    });
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
        (p.edges || []).forEach(function (id) {
          if (edgeOfLink[id]) {
            cy.getElementById(edgeOfLink[id]).addClass('path');
          }
        });
      });
      layout(added, false, function () { fitView(cy.elements('.path')); });
      clear(panel);
      panel.appendChild(el('h2', 'Paths to ' + hit.caption));
      var list = el('ol', null, 'paths');
      paths.forEach(function (p) {
        var li = el('li', null, 'path-item');
        var names = (p.nodes || []).map(function (id) { return captionOf(id); });
        li.textContent = names.join(' → ') + ' (' + plural(p.length, 'link', 'links') + ')';
        list.appendChild(li);
      });
      panel.appendChild(list);
      panel.appendChild(el('p', 'Click a highlighted link to see its evidence.', 'hint'));
      app.setAttribute('data-paths', String(paths.length));
      say(plural(paths.length, 'path', 'paths') + ' to ' + hit.caption +
        ' highlighted' + (result.truncated ? '; the search was cut (truncated).' : '.'), false);
    }).catch(function (e) { say('No path could be found: ' + e.message, true); });
  }

  neighbours(start, true);
}());
