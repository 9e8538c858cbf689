/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ReportMapTest {
  private static final ReportMap ROUTE =
      new ReportMap(
          List.of(
              new ReportMap.Marker(41.0138, 28.9497, "Istanbul", 3, true),
              new ReportMap.Marker(35.6944, 51.4215, "Tehran", 1, true),
              new ReportMap.Marker(33.8938, 35.5018, "Beirut", 1, false)),
          List.of(
              new ReportMap.Route(
                  "A. Courier",
                  List.of(new double[] {41.0138, 28.9497}, new double[] {35.6944, 51.4215}))),
          5,
          0);

  @Test
  void theFrameHoldsEveryMarkerInsideThePictureAtItsProportions() {
    ReportMap.Frame f = ROUTE.frame();
    for (ReportMap.Marker m : ROUTE.markers()) {
      assertThat(f.x(m.lng())).isBetween(0.0, (double) ReportMap.WIDTH);
      assertThat(f.y(m.lat())).isBetween(0.0, (double) ReportMap.HEIGHT);
    }
    assertThat((f.east() - f.west()) / (f.north() - f.south()))
        .isCloseTo((double) ReportMap.WIDTH / ReportMap.HEIGHT, Offset.offset(0.01));
  }

  @Test
  void theSvgDrawsOutlinesMarkersAndTheRouteAndNamesNothingOutside() {
    String svg = ROUTE.svg();
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(svg.split("<circle ", -1)).hasSize(4);
    assertThat(svg).contains("<polyline ").contains("stroke-dasharray").contains(">Istanbul (3)<");
    assertThat(svg.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http")
        .doesNotContain("<script");
    assertThat(svg).containsPattern("<path fill=\"#f4f1ea\"[^>]* d=\"M[-0-9.]+,[-0-9.]+L");
  }

  @Test
  void theCaptionCountsNamesAndPointsAndSaysWhereTheOutlinesComeFrom() {
    assertThat(ROUTE.caption("allied-svc"))
        .isEqualTo(
            "Figure 2. Map of the places named in this report that allied-svc may read: 5 names"
                + " placed at 3 points; orange where a dated event happened; dashed lines are"
                + " movements in time order. Country outlines: Natural Earth (public domain).");
    assertThat(new ReportMap(List.of(), List.of(), 0, 0).caption("allied-svc"))
        .isEqualTo("No place named in this report could be placed on a map.");
  }

  @Test
  void thePngIsTheSamePictureAtTwiceItsSize() throws Exception {
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(ROUTE.png(new Font(Font.SANS_SERIF, Font.PLAIN, 9))));
    assertThat(png.getWidth()).isEqualTo(2 * ReportMap.WIDTH);
    assertThat(png.getHeight()).isEqualTo(2 * ReportMap.HEIGHT);
    ReportMap.Frame f = ROUTE.frame();
    ReportMap.Marker beirut = ROUTE.markers().get(2);
    int rgb = png.getRGB((int) (2 * f.x(beirut.lng())), (int) (2 * f.y(beirut.lat()))) & 0xffffff;
    assertThat(rgb).as("Beirut's marker, blue: no dated event").isEqualTo(0x2b6cb0);
  }
}
