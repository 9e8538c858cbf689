/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded synthetic news reports for the ingest benchmark: plain English text of about a given
 * number of words, naming people, agencies, places and dates in the sentence shapes the extractor
 * reads (leadership, affiliation, sanctions, arrests), each report different from the others.
 */
final class SyntheticReports {
  private static final String[] GIVEN = {
    "Naji", "Esmaeil", "Qasem", "Mohammad", "Hossein", "Ali", "Reza", "Mahmoud", "Abbas", "Hassan",
    "Yusuf", "Karim", "Omar", "Farid", "Javad", "Majid", "Saeed", "Hamid", "Nasser", "Kamal"
  };
  private static final String[] FAMILY = {
    "Sharifi", "Karimi", "Moradi", "Jafari", "Tehrani", "Ahmadi", "Rezaei", "Mousavi", "Hashemi",
    "Sadeghi", "Ghorbani", "Kazemi", "Alavi", "Bagheri", "Najafi", "Rahimi", "Hosseini", "Amini"
  };
  private static final String[] AGENCIES = {
    "MOIS", "the Quds Force", "Hezbollah", "the IRGC", "OFAC", "the FBI", "the Treasury"
  };
  private static final String[] PLACES = {
    "Istanbul", "Baghdad", "Beirut", "Dubai", "Erbil", "Damascus", "London", "Vienna", "Toronto"
  };
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] FILLER = {
    "Officials in two capitals said the case showed how the networks adapt to pressure.",
    "The investigation relied on financial records, travel data and intercepted messages.",
    "Analysts cautioned that several of the claims could not be verified independently.",
    "The report described couriers moving cash across the border in small amounts.",
    "Lawyers for the accused said they would contest the charges in court."
  };

  private final SplittableRandom random;

  SyntheticReports(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next report, of at least {@code words} words. */
  String next(int words) {
    StringBuilder text = new StringBuilder("Report on ").append(person()).append("\n\n");
    int written = 3;
    while (written < words) {
      String sentence = sentence();
      text.append(sentence).append(random.nextInt(4) == 0 ? "\n\n" : " ");
      written += sentence.split("\\s+").length;
    }
    return text.toString().strip() + "\n";
  }

  private String sentence() {
    return switch (random.nextInt(6)) {
      case 0 -> "The network was led by " + person() + ", who acted on behalf of " + agency() + ".";
      case 1 ->
          "On "
              + date()
              + ", OFAC sanctioned "
              + person()
              + " for moving money to "
              + agency()
              + ".";
      case 2 -> person() + " was arrested in " + place() + " on " + date() + ", police said.";
      case 3 ->
          person() + " has been a member of " + agency() + " since " + month() + " " + year() + ".";
      case 4 -> person() + " met " + person() + " in " + place() + " to plan the operation.";
      default -> FILLER[random.nextInt(FILLER.length)];
    };
  }

  private String person() {
    return GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
  }

  private String agency() {
    return AGENCIES[random.nextInt(AGENCIES.length)];
  }

  private String place() {
    return PLACES[random.nextInt(PLACES.length)];
  }

  private String month() {
    return MONTHS[random.nextInt(MONTHS.length)];
  }

  private int year() {
    return 2015 + random.nextInt(10);
  }

  private String date() {
    return String.format(Locale.ROOT, "%d %s %d", 1 + random.nextInt(28), month(), year());
  }
}
