/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.PasswordHasher;
import org.vigil.auth.Secrets;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.DocumentTerms;
import org.vigil.extract.Extractor;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.AnalystNote;
import org.vigil.model.Credibility;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoading;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.LoadOutcome;

/**
 * The demo: three organisations (two of them partners), a user in each, and a few sources about
 * public facts on Iran's intelligence ministry and its proxies, marked at different TLP levels so
 * that each user sees a different picture. Loading is idempotent: what exists is left alone.
 */
public final class DemoData {
  /** The user the demo signs in automatically for requests from this machine. */
  public static final String ANALYST = "analyst";

  public static final String HOME_ORG = "ctic";
  static final String PARTNER_ORG = "allied-svc";
  static final String OTHER_ORG = "customs";

  private record DemoOrg(String id, String name) {}

  private record DemoUser(String username, String orgId, Role role) {}

  /** A fact and, when it was read from the source's text, the words it was read from. */
  private record Fact(
      String entityId,
      Schema schema,
      String property,
      String value,
      Optional<String> quote,
      Optional<Credibility> credibility) {}

  private record DemoSource(
      String id,
      SourceKind kind,
      String title,
      Reliability reliability,
      Tlp tlp,
      String ownerOrg,
      String text,
      List<Fact> facts) {}

  private static final List<DemoOrg> ORGS =
      List.of(
          new DemoOrg(HOME_ORG, "Joint Counter-Threat Intelligence Centre"),
          new DemoOrg(PARTNER_ORG, "Allied Security Service"),
          new DemoOrg(OTHER_ORG, "Customs Investigation Service"));

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser(ANALYST, HOME_ORG, Role.ANALYST),
          new DemoUser("liaison", PARTNER_ORG, Role.ANALYST),
          new DemoUser("customs-officer", OTHER_ORG, Role.VIEWER),
          // Reads the demo tip line's queue (sign in with the password printed on first start).
          new DemoUser("tip-handler", HOME_ORG, Role.TIP_HANDLER));

  private DemoData() {}

  /**
   * Creates whatever part of the demo is missing and prints the password of each user it creates.
   */
  public static void load(Store store, PasswordHasher hasher, Clock clock, PrintWriter out) {
    requireNonNull(store, "store");
    loadSignIn(store, hasher, clock, out);
    createUsers(store, hasher, clock, out, USERS);
    loadSources(store, clock, out);
  }

  /**
   * Creates only what the first page needs, the organisations and the {@link #ANALYST} the demo
   * signs in, and prints the analyst's password if it creates the analyst. Each demo user's
   * password hash costs a fraction of a second of processor time (Argon2), so the demo starts with
   * this and calls {@link #load} once the pages answer.
   */
  public static void loadSignIn(Store store, PasswordHasher hasher, Clock clock, PrintWriter out) {
    requireNonNull(store, "store");
    for (DemoOrg org : ORGS) {
      if (store.accounts().organization(org.id()).isEmpty()) {
        store.accounts().createOrganization(org.id(), org.name());
        audit(store, clock, org.id(), "demo organisation created");
      }
    }
    if (!store.accounts().organization(HOME_ORG).orElseThrow().partners().contains(PARTNER_ORG)) {
      store.accounts().addPartners(HOME_ORG, PARTNER_ORG);
      audit(store, clock, HOME_ORG, "demo partnership with " + PARTNER_ORG);
    }
    createUsers(
        store,
        hasher,
        clock,
        out,
        USERS.stream().filter(u -> u.username().equals(ANALYST)).toList());
  }

  private static void createUsers(
      Store store, PasswordHasher hasher, Clock clock, PrintWriter out, List<DemoUser> users) {
    List<String> created = new ArrayList<>();
    for (DemoUser user : users) {
      if (store.accounts().userByName(user.username()).isEmpty()) {
        String password = Secrets.newPassword();
        store
            .accounts()
            .createUser(user.username(), user.orgId(), user.role(), hasher.hash(password));
        audit(store, clock, user.username(), "demo user created in " + user.orgId());
        created.add(
            String.format(
                Locale.ROOT,
                "  %-16s %-12s %-8s %s",
                user.username(),
                user.orgId(),
                user.role().code(),
                password));
      }
    }
    if (!created.isEmpty()) {
      out.println("Demo users (passwords are shown only this once):");
      created.forEach(out::println);
    } else if (users.size() == USERS.size()) {
      out.println(
          "Demo users exist already; to sign in as one from another machine, set a new password"
              + " with: vigil users passwd NAME --data DIR");
    }
    out.flush();
  }

  private static void loadSources(Store store, Clock clock, PrintWriter out) {
    Instant now = clock.instant();
    int written = 0;
    for (DemoSource demo : sources()) {
      if (store.statements().source(demo.id(), Viewer.system()).isPresent()) {
        continue;
      }
      Source source =
          new Source(
              demo.id(),
              demo.kind(),
              demo.title(),
              demo.reliability(),
              Marking.of(demo.tlp(), demo.ownerOrg()),
              Optional.empty(),
              Optional.empty(),
              now);
      List<Statement> statements = new ArrayList<>();
      for (Fact fact : demo.facts()) {
        statements.add(statement(demo, source, fact, now));
      }
      // Stored as a document with its text, so that every quoted fact shows the sentence it was
      // read from, like the facts of an ingested report.
      Document document =
          new Document(
              demo.id(),
              demo.id() + ".txt",
              "text/plain",
              Optional.of("en"),
              ContentFingerprint.of(demo.text()).exactHash(),
              demo.text(),
              "read",
              "written for the demo",
              Optional.empty(),
              0.0,
              now);
      store.documents().write(document, source, statements);
      audit(store, clock, demo.id(), statements.size() + " demo statements written");
      written += statements.size();
    }
    if (written > 0) {
      out.println("Loaded " + written + " demo statements.");
    }
    out.flush();
  }

  /** The public-domain lists bundled with Vigil (see lists/README.md beside this class). */
  static final List<String> BUNDLED_LISTS =
      List.of("ofac-sdn.json.gz", "UN_consolidated_2026-02-27.xml.gz");

  /** The demo reports under {@code documents/}, written for Vigil from public facts. */
  static final List<String> BUNDLED_DOCUMENTS =
      List.of(
          "mois-overview.txt",
          "zindashti-network.txt",
          "quds-force.txt",
          "cia-arrests-dispute.txt");

  /**
   * The demo's intake: the standard extractor, and resolution and cross-referencing against {@code
   * screening}'s lists before each batch's answer. The reader stays the caller's to close.
   */
  public static DocumentIntake intake(
      Store store, DocumentReader reader, ListScreening screening, Clock clock) {
    return DocumentIntake.resolvingAtOnce(
        store, new DocumentIngest(store, reader, Extractor.standard(), clock), screening, clock);
  }

  /**
   * Ingests the bundled demo reports as TLP:GREEN documents of the home organisation and leaves
   * their resolution to the caller; a report stored already is left alone (the ingest knows its
   * text).
   */
  public static void loadDocuments(Store store, Clock clock, PrintWriter out) {
    requireNonNull(store, "store");
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      DocumentIntake intake =
          new DocumentIntake(
              store,
              new DocumentIngest(store, reader, Extractor.standard(), clock),
              new DocumentIntake.ResolveByCaller());
      loadDocuments(intake, store, clock, out);
    }
  }

  /**
   * Ingests the bundled demo reports through {@code intake} (which resolves them as it is told to)
   * as TLP:GREEN documents of the home organisation; a report stored already is left alone.
   *
   * @throws IllegalStateException if a bundled report cannot be read or ingested (a broken build)
   */
  public static DocumentIntake.Outcome loadDocuments(
      DocumentIntake intake, Store store, Clock clock, PrintWriter out) {
    requireNonNull(intake, "intake");
    requireNonNull(store, "store");
    DocumentTerms terms = new DocumentTerms(Marking.of(Tlp.GREEN, HOME_ORG), Reliability.B);
    List<DocumentIntake.Item> items = new ArrayList<>();
    for (String name : BUNDLED_DOCUMENTS) {
      try (InputStream in = DemoData.class.getResourceAsStream("documents/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the bundled report " + name + " is missing");
        }
        items.add(new DocumentIntake.FromBytes(name, in.readAllBytes(), terms));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled report " + name, e);
      }
    }
    int[] stored = {0};
    DocumentIntake.Outcome outcome =
        intake.add(
            DocumentIntake.Request.unaudited(items),
            done -> {
              switch (done.kind()) {
                case STORED, NEAR_DUPLICATE -> {
                  stored[0]++;
                  audit(store, clock, done.documentId().orElseThrow(), "demo report ingested");
                }
                case EXACT_DUPLICATE -> {}
                case REJECTED ->
                    throw new IllegalStateException(
                        "the bundled report "
                            + done.name()
                            + " cannot be ingested: "
                            + done.reason());
              }
            });
    if (stored[0] > 0) {
      out.println("Ingested " + stored[0] + " demo reports.");
      out.flush();
    }
    return outcome;
  }

  /**
   * Loads the bundled lists (OFAC SDN and the UN Consolidated List) into {@code dataDir}'s lists
   * and the store, like {@code vigil lists load}, printing a line per step. A list already in force
   * is left alone, so later starts only check checksums.
   *
   * @throws IllegalStateException if a bundled list cannot be read (a broken build)
   */
  public static void loadLists(Store store, Path dataDir, Clock clock, PrintWriter out) {
    requireNonNull(store, "store");
    Path temp;
    try {
      temp = Files.createTempDirectory("vigil-demo-lists");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the demo lists", e);
    }
    try {
      List<Path> files = new ArrayList<>();
      for (String name : BUNDLED_LISTS) {
        try (InputStream in = DemoData.class.getResourceAsStream("lists/" + name)) {
          if (in == null) {
            throw new IllegalStateException("the bundled list " + name + " is missing");
          }
          Path file = temp.resolve(name);
          Files.copy(in, file);
          files.add(file);
        }
      }
      out.println("Loading the bundled sanctions lists (OFAC SDN, UN) ...");
      out.flush();
      // No screening again here: the demo resolves and screens everything after its reports.
      ListLoading.Outcome outcome =
          new ListLoading(ListLibrary.in(dataDir), store, clock, Optional.empty())
              .load(
                  new ListLoading.Request(
                      new ListLoading.Files(files, Optional.empty(), Optional.empty()),
                      "public",
                      "cli",
                      "cli"),
                  line -> {
                    if (!line.startsWith("Reading ")) {
                      out.println("  " + line.replace(temp.toString(), "(bundled)"));
                      out.flush();
                    }
                  });
      for (LoadOutcome failed : outcome.failed()) {
        throw new IllegalStateException(
            "a bundled list cannot be loaded: " + failed.error().orElseThrow());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled lists", e);
    } finally {
      try (var walk = Files.walk(temp)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a temporary folder left behind is harmless
      }
    }
  }

  private static Statement statement(DemoSource demo, Source source, Fact fact, Instant now) {
    Statement.Builder builder =
        Statement.about(fact.entityId(), fact.schema())
            .set(fact.property(), fact.value())
            .from(source)
            .extractor(AnalystNote.by(author(demo)), 1.0)
            .seen(now);
    fact.credibility().ifPresent(builder::credibility);
    fact.quote()
        .ifPresent(
            quote -> {
              int start = demo.text().indexOf(quote);
              if (start < 0) {
                throw new IllegalStateException("demo quote not in its text: " + quote);
              }
              builder.span(start, start + quote.length());
            });
    return builder.build();
  }

  /**
   * Who wrote a demo source's statements: they are written by hand, so they are stored as notes of
   * the demo analyst of the source's organisation, never as what an extractor read.
   */
  static String author(DemoSource demo) {
    return USERS.stream()
        .filter(u -> u.orgId().equals(demo.ownerOrg()) && u.role() == Role.ANALYST)
        .map(DemoUser::username)
        .findFirst()
        .orElse(ANALYST);
  }

  private static void audit(Store store, Clock clock, String target, String detail) {
    store
        .audit()
        .append(new AuditEvent("cli", AuditAction.ADMIN, target, detail, "cli", clock.instant()));
  }

  private static Fact fact(String entity, Schema schema, String property, String value) {
    return new Fact(entity, schema, property, value, Optional.of(value), Optional.empty());
  }

  private static Fact quoted(
      String entity, Schema schema, String property, String value, String quote) {
    return new Fact(entity, schema, property, value, Optional.of(quote), Optional.empty());
  }

  private static Fact unquoted(String entity, Schema schema, String property, String value) {
    return new Fact(entity, schema, property, value, Optional.empty(), Optional.empty());
  }

  private static Fact graded(Fact fact, Credibility credibility) {
    return new Fact(
        fact.entityId(),
        fact.schema(),
        fact.property(),
        fact.value(),
        fact.quote(),
        Optional.of(credibility));
  }

  // The texts below are Vigil's own summaries of public reporting (US Treasury press releases and
  // standard reference works), written for the demo.
  private static List<DemoSource> sources() {
    String ofac =
        "On 29 January 2024 the US Treasury's Office of Foreign Assets Control designated the"
            + " network of Naji Ibrahim Sharifi-Zindashti, an Iranian narcotics trafficker. Treasury"
            + " said the network targeted Iranian dissidents abroad on behalf of Iran's Ministry of"
            + " Intelligence and Security (MOIS).";
    String profile =
        "The Ministry of Intelligence of the Islamic Republic of Iran, known as MOIS or VAJA, is"
            + " Iran's main civilian intelligence service. Esmaeil Khatib has been Minister of"
            + " Intelligence since August 2021.";
    String partner =
        "The IRGC Quds Force, the arm of Iran's Islamic Revolutionary Guard Corps that runs"
            + " operations abroad, remains the principal supplier of weapons, training and money"
            + " to Hezbollah in Lebanon.";
    String assessment =
        "Assessment: by working through criminal intermediaries such as the Zindashti network,"
            + " MOIS keeps the ability to deny its part in operations against dissidents abroad.";
    return List.of(
        new DemoSource(
            "demo-ofac-2024-01-29",
            SourceKind.LIST_RELEASE,
            "US Treasury (OFAC): designation of the Zindashti network, 29 January 2024",
            Reliability.A,
            Tlp.CLEAR,
            HOME_ORG,
            ofac,
            List.of(
                fact("naji-zindashti", Schema.PERSON, "name", "Naji Ibrahim Sharifi-Zindashti"),
                quoted("naji-zindashti", Schema.PERSON, "nationality", "ir", "Iranian"),
                quoted(
                    "sanction-ofac-zindashti",
                    Schema.SANCTION,
                    "entity",
                    "naji-zindashti",
                    "Naji Ibrahim Sharifi-Zindashti"),
                fact(
                    "sanction-ofac-zindashti",
                    Schema.SANCTION,
                    "authority",
                    "Office of Foreign Assets Control"),
                quoted(
                    "sanction-ofac-zindashti",
                    Schema.SANCTION,
                    "listingDate",
                    "2024-01-29",
                    "29 January 2024"),
                unquoted("sanction-ofac-zindashti", Schema.SANCTION, "country", "us"),
                quoted(
                    "link-zindashti-mois",
                    Schema.UNKNOWN_LINK,
                    "subject",
                    "naji-zindashti",
                    "network of Naji Ibrahim Sharifi-Zindashti"),
                quoted(
                    "link-zindashti-mois",
                    Schema.UNKNOWN_LINK,
                    "object",
                    "iran-mois",
                    "Ministry of Intelligence and Security (MOIS)"),
                quoted(
                    "link-zindashti-mois",
                    Schema.UNKNOWN_LINK,
                    "role",
                    "targeted dissidents abroad on its behalf",
                    "targeted Iranian dissidents abroad on behalf of"))),
        new DemoSource(
            "demo-mois-profile",
            SourceKind.DOCUMENT,
            "Reference profile: Iran's Ministry of Intelligence",
            Reliability.B,
            Tlp.GREEN,
            HOME_ORG,
            profile,
            List.of(
                fact(
                    "iran-mois",
                    Schema.PUBLIC_BODY,
                    "name",
                    "Ministry of Intelligence of the Islamic Republic of Iran"),
                fact("iran-mois", Schema.PUBLIC_BODY, "alias", "MOIS"),
                fact("iran-mois", Schema.PUBLIC_BODY, "alias", "VAJA"),
                quoted("iran-mois", Schema.PUBLIC_BODY, "country", "ir", "Iran's"),
                fact("esmaeil-khatib", Schema.PERSON, "name", "Esmaeil Khatib"),
                fact("esmaeil-khatib", Schema.PERSON, "position", "Minister of Intelligence"),
                unquoted("esmaeil-khatib", Schema.PERSON, "nationality", "ir"),
                quoted(
                    "employment-khatib-mois",
                    Schema.EMPLOYMENT,
                    "employee",
                    "esmaeil-khatib",
                    "Esmaeil Khatib"),
                quoted(
                    "employment-khatib-mois",
                    Schema.EMPLOYMENT,
                    "employer",
                    "iran-mois",
                    "Ministry of Intelligence of the Islamic Republic of Iran"),
                quoted(
                    "employment-khatib-mois",
                    Schema.EMPLOYMENT,
                    "startDate",
                    "2021-08",
                    "August 2021"),
                fact(
                    "employment-khatib-mois",
                    Schema.EMPLOYMENT,
                    "role",
                    "Minister of Intelligence"))),
        new DemoSource(
            "demo-allied-report-017",
            SourceKind.DOCUMENT,
            "Allied Security Service report 017: Quds Force support to Hezbollah",
            Reliability.B,
            Tlp.AMBER,
            PARTNER_ORG,
            partner,
            List.of(
                fact("irgc-qf", Schema.ORGANIZATION, "name", "IRGC Quds Force"),
                unquoted("irgc-qf", Schema.ORGANIZATION, "alias", "Quds Force"),
                unquoted("irgc-qf", Schema.ORGANIZATION, "alias", "IRGC-QF"),
                unquoted("irgc-qf", Schema.ORGANIZATION, "country", "ir"),
                fact("hezbollah", Schema.ORGANIZATION, "name", "Hezbollah"),
                unquoted("hezbollah", Schema.ORGANIZATION, "alias", "Hizballah"),
                quoted("hezbollah", Schema.ORGANIZATION, "country", "lb", "Lebanon"),
                quoted(
                    "link-qf-hezbollah",
                    Schema.UNKNOWN_LINK,
                    "subject",
                    "irgc-qf",
                    "IRGC Quds Force"),
                quoted(
                    "link-qf-hezbollah", Schema.UNKNOWN_LINK, "object", "hezbollah", "Hezbollah"),
                graded(
                    fact(
                        "link-qf-hezbollah",
                        Schema.UNKNOWN_LINK,
                        "role",
                        "weapons, training and money"),
                    Credibility.PROBABLY_TRUE))),
        new DemoSource(
            "demo-ctic-assessment-004",
            SourceKind.ANALYST,
            "CTIC assessment 004: criminal proxies of MOIS",
            Reliability.C,
            Tlp.AMBER_STRICT,
            HOME_ORG,
            assessment,
            List.of(
                graded(
                    quoted(
                        "naji-zindashti",
                        Schema.PERSON,
                        "notes",
                        "Used by MOIS as a deniable criminal intermediary against dissidents"
                            + " abroad.",
                        "by working through criminal intermediaries such as the Zindashti"
                            + " network"),
                    Credibility.POSSIBLY_TRUE))),
        publicReporting());
  }

  // The sample case's map and timeline: two events, each fact of them stated in the sample reports
  // (the published articles on MOIS that Vigil's own tests read from shared data, which may not be
  // copied): the sanctions of 29 January 2024 against the network and MOIS's news conference in
  // Tehran. The reports give no dated route of a person, so the demo draws no path.
  private static DemoSource publicReporting() {
    String text =
        "Published articles on Iran's intelligence ministry, summarised in our own words. On 29"
            + " January 2024 the US Treasury's Office of Foreign Assets Control, acting with the"
            + " United Kingdom, announced sanctions against a network spearheaded by Naji Ibrahim"
            + " Sharifi-Zindashti, which one analyst describes as implicated in assassinations and"
            + " kidnappings in the Middle East, Europe and the United States. In another report, an"
            + " official of the Intelligence Ministry told a news conference in Tehran that the"
            + " ministry had arrested 17 people it said the CIA had trained; he named none of them,"
            + " and the claim could not be checked.";
    String sanctions = "event-zindashti-sanctions";
    String conference = "event-mois-news-conference";
    return new DemoSource(
        "demo-public-reporting",
        SourceKind.DOCUMENT,
        "Summary of public reporting: the Zindashti sanctions and a MOIS news conference",
        Reliability.C,
        Tlp.GREEN,
        HOME_ORG,
        text,
        List.of(
            quoted(
                sanctions,
                Schema.EVENT,
                "name",
                "Sanctions against the Zindashti network",
                "announced sanctions against a network"),
            quoted(sanctions, Schema.EVENT, "date", "2024-01-29", "29 January 2024"),
            quoted(sanctions, Schema.EVENT, "country", "us", "US Treasury"),
            quoted(
                sanctions,
                Schema.EVENT,
                "involved",
                "naji-zindashti",
                "Naji Ibrahim Sharifi-Zindashti"),
            quoted(
                conference,
                Schema.EVENT,
                "name",
                "MOIS news conference on 17 alleged CIA spies",
                "news conference in Tehran"),
            quoted(conference, Schema.EVENT, "location", "Tehran", "Tehran"),
            unquoted(conference, Schema.EVENT, "country", "ir"),
            quoted(conference, Schema.EVENT, "involved", "iran-mois", "Intelligence Ministry"),
            graded(
                quoted(
                    conference,
                    Schema.EVENT,
                    "summary",
                    "MOIS said it had arrested 17 people trained by the CIA; it named none",
                    "arrested 17 people it said the CIA had trained"),
                Credibility.CANNOT_BE_JUDGED)));
  }
}
