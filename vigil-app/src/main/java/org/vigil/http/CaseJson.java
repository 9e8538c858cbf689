/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.cases.CaseGraph;
import org.vigil.cases.CaseView;
import org.vigil.cases.CitedEvidence;
import org.vigil.model.Marking;
import org.vigil.places.Geocoding;
import org.vigil.store.CaseNote;
import org.vigil.store.StoredCase;

/** Cases as the JSON routes answer them, mapped here at the edge. */
final class CaseJson {
  private CaseJson() {}

  static Map<String, Object> summary(StoredCase c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.id());
    out.put("title", c.title());
    out.put("tlp", c.tlp().code());
    out.put("marking", c.marking().describe());
    out.put("status", c.status().code());
    out.put("ownerOrg", c.ownerOrg());
    out.put("createdAt", c.createdAt().toString());
    out.put("updatedAt", c.updatedAt().toString());
    return out;
  }

  static Map<String, Object> view(CaseView v) {
    Map<String, Object> out = summary(v.stored());
    List<Map<String, Object>> members = new ArrayList<>();
    for (CaseView.Member m : v.members()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", m.kind().code());
      row.put("id", m.id());
      row.put("label", m.label());
      row.put("rights", m.rights().code());
      members.add(row);
    }
    out.put("members", members);
    out.put("entities", items(v.entities()));
    out.put("documents", items(v.documents()));
    out.put("claims", items(v.claims()));
    out.put("notes", v.notes().stream().map(CaseJson::note).toList());
    List<Map<String, Object>> timeline = new ArrayList<>();
    for (CaseView.Dated d : v.timeline()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("date", d.date());
      row.put("label", d.label());
      row.put("entity", d.entity());
      row.put("href", d.href());
      d.quote().ifPresent(q -> row.put("quote", q));
      timeline.add(row);
    }
    out.put("timeline", timeline);
    out.put("timelineRecords", v.timelineRecords());
    out.put("graph", graph(v.graph()));
    List<Map<String, Object>> places = new ArrayList<>();
    for (CaseView.Located l : v.places()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", l.geocoding().mention());
      row.put("entity", l.entity());
      row.put("href", l.href());
      row.put("property", l.property());
      l.date().ifPresent(d -> row.put("date", d));
      l.grade().ifPresent(g -> row.put("credibility", g));
      if (!l.involves().isEmpty()) {
        row.put("involves", l.involves());
      }
      if (l.geocoding() instanceof Geocoding.Placed p) {
        row.put("lat", p.place().lat());
        row.put("lng", p.place().lng());
        row.put("place", p.place().name());
        row.put("country", p.place().country());
        row.put("how", p.how());
      } else if (l.geocoding() instanceof Geocoding.Unplaced u) {
        row.put("unplaced", u.reason().name().toLowerCase(Locale.ROOT));
        row.put("why", u.why());
      }
      places.add(row);
    }
    out.put("places", places);
    out.put("paths", paths(v.paths()));
    out.put("mayWrite", v.mayWrite());
    out.put("mayManage", v.mayManage());
    return out;
  }

  private static List<Map<String, Object>> paths(List<CaseView.Path> all) {
    List<Map<String, Object>> paths = new ArrayList<>();
    for (CaseView.Path p : all) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("entity", p.entity());
      row.put("href", p.href());
      List<Map<String, Object>> stops = new ArrayList<>();
      for (CaseView.Located l : p.stops()) {
        Geocoding.Placed placed = (Geocoding.Placed) l.geocoding();
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("date", l.date().orElse(""));
        stop.put("event", l.entityId());
        stop.put("place", placed.place().name());
        stop.put("country", placed.place().country());
        stop.put("lat", placed.place().lat());
        stop.put("lng", placed.place().lng());
        stops.add(stop);
      }
      row.put("stops", stops);
      paths.add(row);
    }
    return paths;
  }

  private static List<Map<String, Object>> items(List<CaseView.Item> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CaseView.Item i : items) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", i.id());
      row.put("caption", i.caption());
      row.put("kind", i.kind());
      row.put("href", i.href());
      i.marking().ifPresent(m -> row.put("marking", m.describe()));
      out.add(row);
    }
    return out;
  }

  private static Map<String, Object> note(CaseView.Note n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", n.id());
    out.put("author", n.author());
    out.put("writtenAt", n.writtenAt().toString());
    out.put("tlp", n.marking().tlp().code());
    out.put("html", n.rendered().html());
    List<Map<String, Object>> citations = new ArrayList<>();
    int number = 0;
    for (CitedEvidence e : n.rendered().citations()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("n", ++number);
      row.put("cites", e.citation().destination());
      row.put("label", e.label());
      row.put("href", e.href());
      e.quote().ifPresent(q -> row.put("quote", q));
      e.source().ifPresent(s -> row.put("source", s));
      e.marking().map(Marking::describe).ifPresent(m -> row.put("marking", m));
      citations.add(row);
    }
    out.put("citations", citations);
    n.markdown().ifPresent(md -> out.put("markdown", md));
    return out;
  }

  static Map<String, Object> written(CaseNote n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", n.id());
    out.put("caseId", n.caseId());
    out.put("tlp", n.tlp().code());
    out.put("writtenAt", n.writtenAt().toString());
    return out;
  }

  /** The case's own graph: its drawn entities (with their places) and the links among them. */
  static Map<String, Object> graph(CaseGraph g) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (CaseGraph.Node n : g.nodes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", n.id());
      row.put("caption", n.caption());
      row.put("schema", n.schema());
      row.put("x", Math.round(n.x()));
      row.put("y", Math.round(n.y()));
      nodes.add(row);
    }
    List<Map<String, Object>> links = new ArrayList<>();
    for (CaseGraph.Link l : g.links()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", g.nodes().get(l.from()).id());
      row.put("target", g.nodes().get(l.to()).id());
      row.put("label", l.label());
      row.put("tlp", l.tlp());
      links.add(row);
    }
    out.put("nodes", nodes);
    out.put("links", links);
    out.put("entities", g.entities());
    out.put("left", g.left());
    return out;
  }
}
