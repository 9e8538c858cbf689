/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Credibility;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * The sample network of the reporting (docs/sharing.md), written by organisation {@code agency}:
 * Zindashti's network, MOIS and its minister from a GREEN Treasury release and an AMBER agency
 * report; an AMBER+STRICT note and a RED source that must never reach a partner ({@link
 * #STRICT_CANARY}, {@link #RED_CANARY}).
 */
public final class SampleNetwork {
  public static final String OWNER = "agency";
  public static final String STRICT_CANARY = "Strict Canary Safehouse";
  public static final String RED_CANARY = "Red Canary Informant";
  private static final Instant SEEN = Instant.parse("2024-01-30T12:00:00Z");

  private SampleNetwork() {}

  /** Writes the network into {@code store}; the organisation and user must exist. */
  public static void write(Store store, String redReaderUserId) {
    Source treasury =
        source(
            "src-treasury-jy2041",
            "Treasury sanctions MOIS-backed Zindashti network",
            Tlp.GREEN,
            Reliability.A);
    List<Statement> green = new ArrayList<>();
    green.add(node("zindashti", Schema.PERSON, treasury, "name", "Naji Ibrahim Sharifi-Zindashti"));
    green.add(node("zindashti", Schema.PERSON, treasury, "nationality", "ir"));
    green.add(
        node("zindashti-network", Schema.ORGANIZATION, treasury, "name", "Zindashti Network"));
    green.add(node("zindashti-network", Schema.ORGANIZATION, treasury, "topics", "crime"));
    green.add(
        node(
            "mois", Schema.PUBLIC_BODY, treasury, "name", "Ministry of Intelligence and Security"));
    green.add(node("mois", Schema.PUBLIC_BODY, treasury, "alias", "MOIS"));
    green.add(node("mois", Schema.PUBLIC_BODY, treasury, "country", "ir"));
    green.add(node("khatib", Schema.PERSON, treasury, "name", "Esmail Khatib"));
    green.add(node("khatib", Schema.PERSON, treasury, "position", "Minister of Intelligence"));
    green.add(node("m-zindashti", Schema.MEMBERSHIP, treasury, "member", "zindashti"));
    green.add(
        node("m-zindashti", Schema.MEMBERSHIP, treasury, "organization", "zindashti-network"));
    green.add(node("e-khatib", Schema.EMPLOYMENT, treasury, "employee", "khatib"));
    green.add(node("e-khatib", Schema.EMPLOYMENT, treasury, "employer", "mois"));
    green.add(
        node("u-network-mois", Schema.UNKNOWN_LINK, treasury, "subject", "zindashti-network"));
    green.add(node("u-network-mois", Schema.UNKNOWN_LINK, treasury, "object", "mois"));
    green.add(node("u-network-mois", Schema.UNKNOWN_LINK, treasury, "role", "acts for"));
    green.add(node("s-network", Schema.SANCTION, treasury, "entity", "zindashti-network"));
    green.add(node("s-network", Schema.SANCTION, treasury, "program", "IRAN-HR"));
    green.add(node("s-network", Schema.SANCTION, treasury, "authority", "OFAC"));
    green.add(node("addr-tehran", Schema.ADDRESS, treasury, "full", "Tehran"));
    green.add(node("addr-tehran", Schema.ADDRESS, treasury, "country", "ir"));
    store.statements().write(treasury, green);

    Source report =
        source(
            "src-agency-report-7",
            "Agency report 7: the network's couriers",
            Tlp.AMBER,
            Reliability.B);
    store
        .statements()
        .write(
            report,
            List.of(
                Statement.about("zindashti", Schema.PERSON)
                    .set("alias", "Naji Zindashti")
                    .from(report)
                    .credibility(Credibility.PROBABLY_TRUE)
                    .seen(SEEN)
                    .build()));

    Source strict =
        source("src-agency-strict", "Agency strict note", Tlp.AMBER_STRICT, Reliability.B);
    store
        .statements()
        .write(
            strict,
            List.of(
                node("safehouse", Schema.ADDRESS, strict, "full", STRICT_CANARY),
                node("safehouse", Schema.ADDRESS, strict, "country", "tr")));

    Source red =
        new Source(
            "src-agency-red",
            SourceKind.DOCUMENT,
            "Agency red source",
            Reliability.C,
            Marking.red(OWNER, Set.of(redReaderUserId)),
            Optional.empty(),
            Optional.empty(),
            SEEN);
    store
        .statements()
        .write(red, List.of(node("informant", Schema.PERSON, red, "name", RED_CANARY)));
  }

  private static Source source(String id, String title, Tlp tlp, Reliability reliability) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        title,
        reliability,
        Marking.of(tlp, OWNER),
        Optional.of("https://example.org/" + id),
        Optional.empty(),
        SEEN);
  }

  private static Statement node(
      String entity, Schema schema, Source source, String property, String value) {
    return Statement.about(entity, schema).set(property, value).from(source).seen(SEEN).build();
  }
}
