/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import java.util.Locale;
import org.vigil.cases.CaseView;
import org.vigil.places.Geocoding;

/**
 * The case map's data, written into the case page as a JSON block ({@code <script
 * type="application/json">}, which no browser runs, so the Content-Security-Policy stays as it is)
 * for map.js: the placed names as markers, the paths, and how many names were left unplaced. Every
 * {@code <}, {@code >} and {@code &} is written as a JSON escape, so no text can close the block.
 */
final class CaseMapData {
  private CaseMapData() {}

  static String json(List<CaseView.Located> places, List<CaseView.Path> paths) {
    StringBuilder out = new StringBuilder(places.size() * 160 + 64);
    out.append("{\"markers\":[");
    int unplaced = 0;
    boolean first = true;
    for (CaseView.Located l : places) {
      if (!(l.geocoding() instanceof Geocoding.Placed)) {
        unplaced++;
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      marker(l, out);
    }
    out.append("],\"paths\":[");
    for (int i = 0; i < paths.size(); i++) {
      CaseView.Path p = paths.get(i);
      out.append(i == 0 ? "" : ",").append("{\"entity\":");
      string(p.entity(), out);
      out.append(",\"href\":");
      string(p.href(), out);
      out.append(",\"stops\":[");
      for (int j = 0; j < p.stops().size(); j++) {
        out.append(j == 0 ? "" : ",");
        marker(p.stops().get(j), out);
      }
      out.append("]}");
    }
    return out.append("],\"unplaced\":").append(unplaced).append('}').toString();
  }

  private static void marker(CaseView.Located l, StringBuilder out) {
    Geocoding.Placed p = (Geocoding.Placed) l.geocoding();
    out.append(
        String.format(Locale.ROOT, "{\"lat\":%.5f,\"lng\":%.5f", p.place().lat(), p.place().lng()));
    out.append(",\"name\":");
    string(l.geocoding().mention(), out);
    out.append(",\"place\":");
    string(p.place().name() + " (" + p.place().country() + ")", out);
    out.append(",\"entity\":");
    string(l.entity(), out);
    out.append(",\"href\":");
    string(l.href(), out);
    out.append(",\"property\":");
    string(l.property(), out);
    if (l.date().isPresent()) {
      out.append(",\"date\":");
      string(l.date().get(), out);
    }
    l.grade().ifPresent(g -> out.append(",\"grade\":").append(g));
    out.append('}');
  }

  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
