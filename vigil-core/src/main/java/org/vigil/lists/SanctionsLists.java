/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.Marking;
import org.vigil.model.PartialDate;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;

/** The front door to list files: format detection, reading, and conversion to statements. */
public final class SanctionsLists {

  private static final List<SanctionsListReader> READERS =
      List.of(
          new OfacLegacyCsvReader(),
          new UkSanctionsListCsvReader(),
          new UnConsolidatedXmlReader(),
          new OfacSdnXmlReader(),
          new UkConListCsvReader(),
          new AgencyCsvReader(),
          new FtmJsonLinesReader(),
          new OfacSdnJsonReader(),
          new UsConsolidatedScreeningListCsvReader(),
          new EuFinancialSanctionsXmlReader());

  private SanctionsLists() {}

  /** The known readers, in the order detection tries them. */
  public static List<SanctionsListReader> readers() {
    return READERS;
  }

  /**
   * Reads a list file or directory in whichever known format it is; a {@code .gz} file is
   * decompressed first (into a temporary file, deleted after), so that its release and checksum are
   * those of the list inside, as when it is loaded.
   *
   * @throws ListFormatException when no reader recognises it, or it is truncated or malformed, or a
   *     {@code .gz} is not complete or decompresses to more than {@link ListFiles#MAX_BYTES}
   */
  public static ListRelease read(Path path) throws IOException {
    if (!GzipLists.isGzip(path)) {
      return detect(path).read(path);
    }
    Path folder = Files.createTempDirectory("vigil-list-");
    try {
      Path plain = GzipLists.decompress(path, folder);
      try {
        return detect(plain).read(plain);
      } catch (ListFormatException e) {
        String prefix = e.file() + (e.location().isEmpty() ? "" : " (" + e.location() + ")") + ": ";
        String problem =
            e.getMessage().startsWith(prefix)
                ? e.getMessage().substring(prefix.length())
                : e.getMessage();
        throw new ListFormatException(
            path.toString(), e.location(), problem.replace(plain.toString(), path.toString()), e);
      }
    } finally {
      GzipLists.deleteTree(folder);
    }
  }

  /**
   * The reader for {@code path}.
   *
   * @throws ListFormatException naming the known formats when none recognises it
   */
  public static SanctionsListReader detect(Path path) throws IOException {
    for (SanctionsListReader reader : READERS) {
      if (reader.accepts(path)) {
        return reader;
      }
    }
    throw new ListFormatException(
        path.toString(),
        "",
        "not a known list format; known: "
            + String.join(", ", READERS.stream().map(SanctionsListReader::format).toList()));
  }

  /** The source a release's statements cite: a list release, graded A, its checksum as hash. */
  public static Source source(ListRelease release, Marking marking, Instant retrievedAt) {
    String date = release.published().map(Object::toString).orElse("undated");
    return new Source(
        sourceId(release.dataset(), release.published(), release.sha256()),
        SourceKind.LIST_RELEASE,
        release.dataset() + " " + date,
        Reliability.A,
        marking,
        Optional.empty(),
        Optional.of("sha256:" + release.sha256()),
        retrievedAt);
  }

  /**
   * The id of the source that a release's statements cite, from the release's dataset, publication
   * date and checksum: the same release always has the same source.
   */
  public static String sourceId(
      String dataset, java.util.Optional<java.time.LocalDate> published, String sha256) {
    String date = published.map(Object::toString).orElse("undated");
    return ("list-" + dataset + "-" + date + "-" + sha256.substring(0, 12))
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._:-]+", "-");
  }

  /**
   * The release as statements from {@code source}: for each entry, its names, aliases (weak ones as
   * weakAlias), birth dates and places, countries (as nationality for people, country otherwise)
   * and programmes, and one Sanction entity holding authority, programme and listing date.
   */
  public static List<Statement> toStatements(ListRelease release, Source source) {
    List<Statement> out = new ArrayList<>();
    String prefix = datasetPrefix(release.dataset());
    for (ListEntry entry : release.entries()) {
      String entityId = entityId(prefix, entry.id());
      Schema schema = entry.schema();
      out.add(statement(entityId, schema, "name", entry.name(), source));
      for (Alias alias : entry.aliases()) {
        out.add(
            statement(
                entityId, schema, alias.weak() ? "weakAlias" : "alias", alias.name(), source));
      }
      if (schema == Schema.PERSON) {
        for (PartialDate date : entry.birthDates()) {
          out.add(statement(entityId, schema, "birthDate", date.toString(), source));
        }
        for (String place : entry.birthPlaces()) {
          out.add(statement(entityId, schema, "birthPlace", place, source));
        }
      }
      for (String country : entry.countries()) {
        out.add(
            statement(
                entityId,
                schema,
                schema == Schema.PERSON ? "nationality" : "country",
                country,
                source));
      }
      String sanctionId = entityId(prefix + "-sanction", entry.id());
      out.add(statement(sanctionId, Schema.SANCTION, "entity", entityId, source));
      out.add(statement(sanctionId, Schema.SANCTION, "authority", entry.authority(), source));
      out.add(statement(sanctionId, Schema.SANCTION, "authorityId", entry.id(), source));
      for (String program : entry.programs()) {
        out.add(statement(sanctionId, Schema.SANCTION, "program", program, source));
      }
      entry
          .listingDate()
          .ifPresent(
              d ->
                  out.add(
                      statement(sanctionId, Schema.SANCTION, "listingDate", d.toString(), source)));
    }
    return out;
  }

  /**
   * The store's entity id of a list entry: what {@link #toStatements} writes for the entry {@code
   * entryId} of {@code dataset} (OFAC SDN's uid "10481" is "ofac-sdn-10481").
   */
  public static String storeId(String dataset, String entryId) {
    return entityId(datasetPrefix(dataset), entryId);
  }

  /** The prefix of a dataset's entity ids: its name in lower case, other characters as "-". */
  public static String datasetPrefix(String dataset) {
    return dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String entityId(String prefix, String id) {
    String cleaned = (prefix + "-" + id).replaceAll("[^A-Za-z0-9._:-]+", "-");
    return cleaned.length() > 128 ? cleaned.substring(0, 128) : cleaned;
  }

  private static Statement statement(
      String entityId, Schema schema, String property, String value, Source source) {
    return Statement.about(entityId, schema)
        .set(property, value)
        .from(source)
        .extractor("list-reader", 1.0)
        .seen(source.retrievedAt())
        .build();
  }
}
