/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.cases.CaseView;
import org.vigil.places.Geocoding;

/**
 * The map of a report, projected and drawn by Vigil itself (no browser, no tiles, nothing fetched):
 * the countries' outlines Vigil ships (Natural Earth 1:110m from world-atlas, the case page's own),
 * a marker per placed point (its names counted; orange where a dated event happened), and each
 * entity's movements as a dashed path in time order. Equirectangular, framed on the markers.
 * Written as SVG (HTML and PDF) and PNG (DOCX) from the same projection.
 *
 * @param markers the placed points, the most named first
 * @param routes the movements, each a list of points in time order
 * @param placed how many names of the report were placed (a point may hold several)
 * @param left how many points are not drawn (past {@link #MAX_MARKERS})
 */
public record ReportMap(List<Marker> markers, List<Route> routes, int placed, int left) {
  /** The most points one map draws. */
  public static final int MAX_MARKERS = 1_000;

  /** Markers named in words on the map; the others are counted in the caption. */
  static final int LABELLED = 25;

  static final int WIDTH = 640;
  static final int HEIGHT = 380;

  private static final String OUTLINES = "/org/vigil/http/assets/countries.geo.json";

  public ReportMap {
    markers = List.copyOf(markers);
    routes = List.copyOf(routes);
    if (placed < 0 || left < 0) {
      throw new IllegalArgumentException("placed " + placed + ", left " + left);
    }
  }

  /** A placed point: where, its place's name, how many names it holds, whether an event's. */
  public record Marker(double lat, double lng, String name, int count, boolean event) {
    public Marker {
      requireNonNull(name, "name");
    }
  }

  /** An entity's movements: its name and its stops, {@code [lat, lng]}, in time order. */
  public record Route(String entity, List<double[]> stops) {
    public Route {
      requireNonNull(entity, "entity");
      stops = List.copyOf(stops);
    }
  }

  /** The map of the places and paths found (only placed names are drawn). */
  static ReportMap of(List<CaseView.Located> places, List<CaseView.Path> paths) {
    Map<String, Marker> byPoint = new LinkedHashMap<>();
    int placed = 0;
    for (CaseView.Located l : places) {
      if (l.geocoding() instanceof Geocoding.Placed p) {
        placed++;
        String key = String.format(Locale.ROOT, "%.4f,%.4f", p.place().lat(), p.place().lng());
        boolean event = l.date().isPresent();
        byPoint.merge(
            key,
            new Marker(p.place().lat(), p.place().lng(), p.place().name(), 1, event),
            (a, b) -> new Marker(a.lat(), a.lng(), a.name(), a.count() + 1, a.event() || event));
      }
    }
    List<Marker> markers =
        byPoint.values().stream()
            .sorted(Comparator.comparing((Marker m) -> -m.count()).thenComparing(Marker::name))
            .toList();
    List<Marker> drawn = markers.stream().limit(MAX_MARKERS).toList();
    List<Route> routes = new ArrayList<>();
    for (CaseView.Path path : paths) {
      List<double[]> stops = new ArrayList<>();
      for (CaseView.Located s : path.stops()) {
        Geocoding.Placed p = (Geocoding.Placed) s.geocoding();
        stops.add(new double[] {p.place().lat(), p.place().lng()});
      }
      routes.add(new Route(path.entity(), stops));
    }
    return new ReportMap(drawn, routes, placed, markers.size() - drawn.size());
  }

  public boolean isEmpty() {
    return markers.isEmpty();
  }

  /** The figure's caption (after its portion marking), or the words saying there is no map. */
  public String caption(String recipientName) {
    if (isEmpty()) {
      return "No place named in this report could be placed on a map.";
    }
    StringBuilder out =
        new StringBuilder("Figure 2. Map of the places named in this report that ")
            .append(recipientName)
            .append(" may read: ")
            .append(placed)
            .append(placed == 1 ? " name" : " names")
            .append(" placed at ")
            .append(markers.size() + left)
            .append(markers.size() + left == 1 ? " point" : " points")
            .append("; orange where a dated event happened");
    if (!routes.isEmpty()) {
      out.append("; dashed lines are movements in time order");
    }
    out.append('.');
    if (left > 0) {
      out.append(" The ").append(left).append(" points named least are not drawn.");
    }
    return out.append(" Country outlines: Natural Earth (public domain).").toString();
  }

  /** The map as an SVG element (no script, no external reference), sized in CSS pixels. */
  public String svg() {
    Frame f = frame();
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"9\">");
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#dce8f2\" stroke=\"#999999\"/>");
    out.append("<path fill=\"#f4f1ea\" stroke=\"#9a9a9a\" stroke-width=\"0.6\" d=\"");
    for (double[][] ring : Outlines.RINGS) {
      if (f.touches(ring)) {
        ringPath(out, ring, f);
      }
    }
    out.append("\"/>");
    for (Route r : routes) {
      out.append("<polyline fill=\"none\" stroke=\"#8b1a1a\" stroke-width=\"1.6\"")
          .append(" stroke-dasharray=\"5 3\" points=\"");
      for (double[] s : r.stops()) {
        out.append(num(f.x(s[1]))).append(',').append(num(f.y(s[0]))).append(' ');
      }
      out.append("\"/>");
    }
    for (int i = markers.size() - 1; i >= 0; i--) {
      Marker m = markers.get(i);
      out.append("<circle cx=\"")
          .append(num(f.x(m.lng())))
          .append("\" cy=\"")
          .append(num(f.y(m.lat())))
          .append("\" r=\"")
          .append(num(radius(m)))
          .append("\" fill=\"")
          .append(m.event() ? "#e8833a" : "#2b6cb0")
          .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
    }
    for (int i = 0; i < Math.min(LABELLED, markers.size()); i++) {
      Marker m = markers.get(i);
      out.append("<text x=\"")
          .append(num(f.x(m.lng()) + radius(m) + 2))
          .append("\" y=\"")
          .append(num(f.y(m.lat()) + 3))
          .append("\" fill=\"#111111\">")
          .append(ReportText.xml(label(m)))
          .append("</text>");
    }
    return out.append("</svg>").toString();
  }

  /** The map as a PNG image at twice the SVG's size, drawn with the report's font. */
  public byte[] png(Font font) {
    Frame f = frame();
    int scale = 2;
    BufferedImage image =
        new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      g.setColor(new Color(0xdce8f2));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Path2D.Double land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
      for (double[][] ring : Outlines.RINGS) {
        if (f.touches(ring)) {
          ringPath(land, ring, f);
        }
      }
      g.setColor(new Color(0xf4f1ea));
      g.fill(land);
      g.setColor(new Color(0x9a9a9a));
      g.setStroke(new BasicStroke(0.6f));
      g.draw(land);
      g.setColor(new Color(0x8b1a1a));
      g.setStroke(
          new BasicStroke(
              1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5, 3}, 0));
      for (Route r : routes) {
        Path2D.Double line = new Path2D.Double();
        for (double[] s : r.stops()) {
          if (line.getCurrentPoint() == null) {
            line.moveTo(f.x(s[1]), f.y(s[0]));
          } else {
            line.lineTo(f.x(s[1]), f.y(s[0]));
          }
        }
        g.draw(line);
      }
      g.setStroke(new BasicStroke(1f));
      for (int i = markers.size() - 1; i >= 0; i--) {
        Marker m = markers.get(i);
        double r = radius(m);
        Ellipse2D disc = new Ellipse2D.Double(f.x(m.lng()) - r, f.y(m.lat()) - r, 2 * r, 2 * r);
        g.setColor(m.event() ? new Color(0xe8833a) : new Color(0x2b6cb0));
        g.fill(disc);
        g.setColor(Color.WHITE);
        g.draw(disc);
      }
      g.setFont(font.deriveFont(9f));
      g.setColor(new Color(0x111111));
      for (int i = 0; i < Math.min(LABELLED, markers.size()); i++) {
        Marker m = markers.get(i);
        g.drawString(label(m), (float) (f.x(m.lng()) + radius(m) + 2), (float) (f.y(m.lat()) + 3));
      }
      g.setColor(new Color(0x999999));
      g.drawRect(0, 0, WIDTH - 1, HEIGHT - 1);
    } finally {
      g.dispose();
    }
    return NetworkPicture.png(image);
  }

  private static String label(Marker m) {
    String name = m.name().length() > 24 ? m.name().substring(0, 23) + "…" : m.name();
    return m.count() > 1 ? name + " (" + m.count() + ")" : name;
  }

  private static double radius(Marker m) {
    return Math.min(9, 3.5 + Math.log(m.count()) * 1.5);
  }

  /**
   * The part of the world drawn: the markers and routes with a margin, at least 12 degrees high,
   * widened to the picture's proportions.
   */
  Frame frame() {
    double minLat = 90;
    double maxLat = -90;
    double minLng = 180;
    double maxLng = -180;
    List<double[]> points = new ArrayList<>();
    markers.forEach(m -> points.add(new double[] {m.lat(), m.lng()}));
    routes.forEach(r -> points.addAll(r.stops()));
    for (double[] p : points) {
      minLat = Math.min(minLat, p[0]);
      maxLat = Math.max(maxLat, p[0]);
      minLng = Math.min(minLng, p[1]);
      maxLng = Math.max(maxLng, p[1]);
    }
    if (points.isEmpty()) {
      return new Frame(-180, 180, -60, 85);
    }
    double height = Math.max(12, (maxLat - minLat) * 1.25);
    double width = Math.max((maxLng - minLng) * 1.15, height * WIDTH / HEIGHT);
    height = Math.max(height, width * HEIGHT / WIDTH);
    double midLat = (minLat + maxLat) / 2;
    double midLng = (minLng + maxLng) / 2;
    return new Frame(
        midLng - width / 2, midLng + width / 2, midLat - height / 2, midLat + height / 2);
  }

  /** A frame of longitudes and latitudes, projected onto the picture. */
  record Frame(double west, double east, double south, double north) {
    double x(double lng) {
      return (lng - west) / (east - west) * WIDTH;
    }

    double y(double lat) {
      return (north - lat) / (north - south) * HEIGHT;
    }

    boolean touches(double[][] ring) {
      double w = 180;
      double e = -180;
      double s = 90;
      double n = -90;
      for (double[] p : ring) {
        w = Math.min(w, p[0]);
        e = Math.max(e, p[0]);
        s = Math.min(s, p[1]);
        n = Math.max(n, p[1]);
      }
      return e >= west && w <= east && n >= south && s <= north;
    }
  }

  /** A ring as SVG path data; a step across the antimeridian starts a new piece. */
  private static void ringPath(StringBuilder out, double[][] ring, Frame f) {
    for (int i = 0; i < ring.length; i++) {
      boolean jump = i == 0 || Math.abs(ring[i][0] - ring[i - 1][0]) > 180;
      out.append(jump ? 'M' : 'L')
          .append(num(f.x(ring[i][0])))
          .append(',')
          .append(num(f.y(ring[i][1])));
    }
    out.append('Z');
  }

  private static void ringPath(Path2D.Double out, double[][] ring, Frame f) {
    for (int i = 0; i < ring.length; i++) {
      boolean jump = i == 0 || Math.abs(ring[i][0] - ring[i - 1][0]) > 180;
      if (jump) {
        out.moveTo(f.x(ring[i][0]), f.y(ring[i][1]));
      } else {
        out.lineTo(f.x(ring[i][0]), f.y(ring[i][1]));
      }
    }
    out.closePath();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** The countries' outer rings as {@code [lng, lat]} points, read once from the shipped file. */
  private static final class Outlines {
    static final List<double[][]> RINGS = read();

    private static List<double[][]> read() {
      try (InputStream in = ReportMap.class.getResourceAsStream(OUTLINES)) {
        if (in == null) {
          throw new IllegalStateException("the country outlines " + OUTLINES + " are missing");
        }
        List<double[][]> rings = new ArrayList<>();
        for (JsonNode feature : new ObjectMapper().readTree(in).path("features")) {
          JsonNode geometry = feature.path("geometry");
          JsonNode coordinates = geometry.path("coordinates");
          if (geometry.path("type").asText().equals("Polygon")) {
            coordinates.forEach(ring -> rings.add(ring(ring)));
          } else {
            coordinates.forEach(polygon -> polygon.forEach(ring -> rings.add(ring(ring))));
          }
        }
        return List.copyOf(rings);
      } catch (IOException e) {
        throw new UncheckedIOException("reading " + OUTLINES, e);
      }
    }

    private static double[][] ring(JsonNode ring) {
      double[][] out = new double[ring.size()][];
      for (int i = 0; i < ring.size(); i++) {
        out[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
      }
      return out;
    }
  }
}
