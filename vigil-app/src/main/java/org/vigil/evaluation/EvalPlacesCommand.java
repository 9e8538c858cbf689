/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vigil.places.Gazetteer;
import org.vigil.places.Geocoder;
import org.vigil.places.evaluation.PlacesEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil eval places}. */
@Command(
    name = "places",
    mixinStandardHelpOptions = true,
    description = {
      "Geocoding quality on Vigil's labelled place mentions (shipped with Vigil, no shared data"
          + " needed): every gold Location mention of the public-domain Dstl re3d releases"
          + " (CENTCOM and US State Department: the development set; UK Government, Open"
          + " Government Licence v3.0: a second set, labelled before the geocoder ran on it, whose"
          + " errors were then read once), labelled by hand as a city (its point),"
          + " a country, another named place or no place name.",
      "Reports precision (right placements over placements) and recall (right placements over"
          + " the city and country mentions), each mention alone and with its document's"
          + " countries as context; a city is right within 50 km of its labelled point."
    })
final class EvalPlacesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--errors", description = "Also list the mentions geocoded wrongly or missed.")
  boolean errors;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil eval places");
    out.println("machine: " + MachineDescription.describe());
    Geocoder geocoder = new Geocoder(Gazetteer.shipped());
    List<PlacesEvaluation.Outcome> dev =
        run(
            out,
            geocoder,
            "development set (CENTCOM, US State Department)",
            PlacesEvaluation.labelled());
    run(
        out,
        geocoder,
        "second set (UK Government; labelled blind, its errors read once)",
        PlacesEvaluation.second());
    if (errors) {
      out.println();
      out.println("development set, wrong or missed (with the document's countries):");
      for (PlacesEvaluation.Outcome o : dev) {
        if (o.placed() != o.right() || (o.gold().isPlace() && !o.right())) {
          out.println("  " + (o.placed() ? "WRONG  " : "MISSED ") + o.describe());
        }
      }
    }
    out.flush();
    return 0;
  }

  private static List<PlacesEvaluation.Outcome> run(
      PrintWriter out, Geocoder geocoder, String what, List<PlacesEvaluation.Labelled> set) {
    long places = set.stream().filter(PlacesEvaluation.Labelled::isPlace).count();
    out.println();
    out.println(
        what
            + ": "
            + set.size()
            + " mentions, "
            + places
            + " of them cities and countries (the rest other places or no place name)");
    List<PlacesEvaluation.Outcome> context = PlacesEvaluation.withDocumentCountries(geocoder, set);
    print(out, "each mention alone", PlacesEvaluation.tally(PlacesEvaluation.alone(geocoder, set)));
    print(out, "with the document's countries", PlacesEvaluation.tally(context));
    return context;
  }

  private static void print(PrintWriter out, String what, PlacesEvaluation.Tally t) {
    out.printf(
        Locale.ROOT,
        "%-32s placed %d, right %d: precision %.3f, recall %.3f (of %d)%n",
        what,
        t.placed(),
        t.right(),
        t.precision(),
        t.recall(),
        t.places());
  }
}
