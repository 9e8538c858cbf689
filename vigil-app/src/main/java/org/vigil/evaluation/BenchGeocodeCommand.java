/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.places.Gazetteer;
import org.vigil.places.Geocoder;
import org.vigil.places.Geocoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench geocode}: place names geocoded a second against the shipped gazetteer, on one
 * thread, after the gazetteer is loaded (its load time printed apart), over a fixed mix of names:
 * cities of one name, countries, names of several places, common words, unknown names and names in
 * Persian script.
 */
@Command(
    name = "geocode",
    mixinStandardHelpOptions = true,
    description = {
      "Measures geocoding against the offline gazetteer: place names a second on one thread,"
          + " over a fixed mix of names (with and without a country), and the gazetteer's load"
          + " time."
    })
public final class BenchGeocodeCommand implements Callable<Integer> {
  private static final List<String[]> NAMES =
      List.of(
          new String[] {"Tbilisi", null},
          new String[] {"Georgia", null},
          new String[] {"Georgia", "GE"},
          new String[] {"Iran", null},
          new String[] {"Mashhad", null},
          new String[] {"Mashhad, Iran", null},
          new String[] {"Paris", null},
          new String[] {"Paris", "France"},
          new String[] {"Reading", null},
          new String[] {"Reading, United Kingdom", null},
          new String[] {"Istanbul", null},
          new String[] {"Erbil", "Iraq"},
          new String[] {"Dubai", null},
          new String[] {"Zürich", null},
          new String[] {"Amsterdam", "NL"},
          new String[] {"Baku", null},
          new String[] {"Atlantis Undersea", null},
          new String[] {"تهران", null},
          new String[] {"Santa Cruz", null},
          new String[] {"Springfield", "United States"});

  @Spec CommandSpec spec;

  @Option(
      names = "--rounds",
      defaultValue = "20000",
      paramLabel = "N",
      description = "Default 20000.")
  int rounds = 20_000;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(MachineDescription.describe());
    long start = System.nanoTime();
    Gazetteer gazetteer = Gazetteer.shipped();
    out.printf(
        Locale.ROOT,
        "gazetteer: %d places loaded in %.0f ms%n",
        gazetteer.size(),
        (System.nanoTime() - start) / 1e6);
    Geocoder geocoder = new Geocoder(gazetteer);
    Map<Geocoding.Reason, Integer> unplaced = new EnumMap<>(Geocoding.Reason.class);
    int placed = 0;
    for (String[] n : NAMES) {
      Geocoding g = geocoder.geocode(n[0], Optional.ofNullable(n[1]));
      if (g instanceof Geocoding.Unplaced u) {
        unplaced.merge(u.reason(), 1, Integer::sum);
      } else {
        placed++;
      }
    }
    for (int i = 0; i < Math.min(rounds, 1000); i++) {
      NAMES.forEach(n -> geocoder.geocode(n[0], Optional.ofNullable(n[1])));
    }
    start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      for (String[] n : NAMES) {
        geocoder.geocode(n[0], Optional.ofNullable(n[1]));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "geocoding: %d names in %.2f s, %.0f names/s on one thread (of the %d names of the mix, %d"
            + " placed, unplaced %s); load average %.1f%n",
        (long) rounds * NAMES.size(),
        seconds,
        rounds * NAMES.size() / seconds,
        NAMES.size(),
        placed,
        unplaced,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return 0;
  }
}
