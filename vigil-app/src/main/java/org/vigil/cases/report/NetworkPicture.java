/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import static java.util.Objects.requireNonNull;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.vigil.cases.GraphLayout;

/**
 * The network picture of a report, laid out and drawn by Vigil itself (no browser): nodes in a
 * seeded force layout ({@link GraphLayout}), so one case gives one picture. It is written as SVG
 * (HTML and PDF) and as PNG (DOCX) from the same positions.
 *
 * @param nodes the entities drawn
 * @param edges the links among them, by node index
 * @param left how many entities of the report were left out of the picture (it draws the most
 *     linked {@link #MAX_NODES})
 */
public record NetworkPicture(List<Node> nodes, List<Edge> edges, int left) {
  /** The most entities one picture draws. */
  public static final int MAX_NODES = 120;

  static final int WIDTH = 640;
  static final int HEIGHT = 420;
  // Room for the labels, centred under their discs.
  private static final int MARGIN_X = 90;
  private static final int MARGIN_Y = 30;

  public NetworkPicture {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    for (Edge e : edges) {
      if (e.from() >= nodes.size() || e.to() >= nodes.size()) {
        throw new IllegalArgumentException("edge " + e + " names a node the picture lacks");
      }
    }
    if (left < 0) {
      throw new IllegalArgumentException("left out " + left);
    }
  }

  /** An entity at its place; {@code person} draws it as a person (a filled disc). */
  public record Node(String label, boolean person, double x, double y) {
    public Node {
      requireNonNull(label, "label");
    }
  }

  /** A link between two nodes. */
  public record Edge(int from, int to) {
    public Edge {
      if (from < 0 || to < 0) {
        throw new IllegalArgumentException("node indexes are not negative: " + from + ", " + to);
      }
    }
  }

  /** Lays out labelled nodes and the links among them (pairs of indexes). */
  static NetworkPicture layout(
      List<String> labels, List<Boolean> persons, List<int[]> links, int left) {
    int n = labels.size();
    double[] at = GraphLayout.positions(n, links, WIDTH, HEIGHT, MARGIN_X, MARGIN_Y);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(new Node(labels.get(i), persons.get(i), at[2 * i], at[2 * i + 1]));
    }
    List<Edge> edges = new ArrayList<>();
    for (int[] l : links) {
      edges.add(new Edge(l[0], l[1]));
    }
    return new NetworkPicture(nodes, edges, left);
  }

  /** The picture as an SVG element (no script, no external reference), sized in CSS pixels. */
  public String svg() {
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
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" stroke=\"#999999\"/>");
    for (Edge e : edges) {
      Node a = nodes.get(e.from());
      Node b = nodes.get(e.to());
      out.append("<line x1=\"")
          .append(num(a.x()))
          .append("\" y1=\"")
          .append(num(a.y()))
          .append("\" x2=\"")
          .append(num(b.x()))
          .append("\" y2=\"")
          .append(num(b.y()))
          .append("\" stroke=\"#8a8a8a\" stroke-width=\"1\"/>");
    }
    for (Node node : nodes) {
      out.append("<circle cx=\"")
          .append(num(node.x()))
          .append("\" cy=\"")
          .append(num(node.y()))
          .append("\" r=\"6\" fill=\"")
          .append(node.person() ? "#1f4e79" : "#ffffff")
          .append("\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>");
      out.append("<text x=\"")
          .append(num(node.x()))
          .append("\" y=\"")
          .append(num(node.y() + 16))
          .append("\" text-anchor=\"middle\" fill=\"#111111\">")
          .append(ReportText.xml(shortLabel(node.label())))
          .append("</text>");
    }
    return out.append("</svg>").toString();
  }

  /** The picture as a PNG image at twice the SVG's size, drawn with the report's font. */
  public byte[] png(Font font) {
    int scale = 2;
    BufferedImage image =
        new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(new Color(0x999999));
      g.drawRect(0, 0, WIDTH - 1, HEIGHT - 1);
      g.setStroke(new BasicStroke(1f));
      g.setColor(new Color(0x8a8a8a));
      for (Edge e : edges) {
        Node a = nodes.get(e.from());
        Node b = nodes.get(e.to());
        g.draw(new Line2D.Double(a.x(), a.y(), b.x(), b.y()));
      }
      g.setFont(font.deriveFont(9f));
      FontMetrics metrics = g.getFontMetrics();
      g.setStroke(new BasicStroke(1.5f));
      for (Node node : nodes) {
        Ellipse2D disc = new Ellipse2D.Double(node.x() - 6, node.y() - 6, 12, 12);
        g.setColor(node.person() ? new Color(0x1f4e79) : Color.WHITE);
        g.fill(disc);
        g.setColor(new Color(0x1f4e79));
        g.draw(disc);
        String label = shortLabel(node.label());
        g.setColor(new Color(0x111111));
        g.drawString(
            label, (float) (node.x() - metrics.stringWidth(label) / 2.0), (float) node.y() + 16);
      }
    } finally {
      g.dispose();
    }
    return png(image);
  }

  /** The image as PNG bytes, written in memory (the map's picture uses it too). */
  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PNG in memory", e);
    }
    return out.toByteArray();
  }

  private static String shortLabel(String label) {
    return label.length() > 28 ? label.substring(0, 27) + "…" : label;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
