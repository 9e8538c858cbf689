/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Tlp;
import org.vigil.stix.StixBundleReader;
import org.vigil.stix.StixImportPlan;
import org.vigil.stix.StixTime;
import org.vigil.store.Store;
import org.vigil.store.TaxiiRepository.PullState;

/**
 * The front door of TAXII pulls: reads a partner's collection page by page and stores each page as
 * the partner's source in the receiving organisation, under the markings the partner gave (see
 * {@link TaxiiPartner#markingOf}; granular markings honoured as in {@link StixImport}).
 *
 * <p>The first request asks for what was added after where the last pull stopped ({@code
 * added_after}); the following ones follow {@code next} alone, never with {@code added_after}. Each
 * page is written in one transaction with where to resume and an audit row, so a pull that stops (a
 * crash, a network failure, a refused page) resumes after the last page it stored: from the page's
 * {@code X-TAXII-Date-Added-Last} when the walk had ended, else from one microsecond before it
 * (objects that share the last date added may go on in the next page; those already stored are
 * stored again as they were, never twice). Thread-safe; the caller owns the store.
 */
public final class TaxiiPull {
  /** TAXII 2.1's media type, asked for and expected on every answer. */
  public static final String MEDIA = "application/taxii+json;version=2.1";

  /** The largest page read, in bytes. */
  public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;

  private final Store store;
  private final Clock clock;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public TaxiiPull(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Told of each page once it is stored: which URL gave it and how many objects it held. */
  @FunctionalInterface
  public interface PageListener {
    void stored(int page, URI requested, int objects);

    static PageListener none() {
      return (page, requested, objects) -> {};
    }
  }

  /** What a pull did. */
  public record Outcome(
      String partner,
      Optional<String> resumedFrom,
      int pages,
      int objects,
      int statements,
      List<StixImportPlan.Rejected> refused,
      List<DanglingReferences.Dangling> dangling,
      Optional<String> resumeFrom) {
    public Outcome {
      requireNonNull(partner, "partner");
      requireNonNull(resumedFrom, "resumedFrom");
      refused = List.copyOf(refused);
      dangling = List.copyOf(dangling);
      requireNonNull(resumeFrom, "resumeFrom");
    }
  }

  /**
   * Pulls what {@code partner} added since the last pull, at most {@code maxPages} pages.
   *
   * @throws InvalidValueException when the partner answers with an error, a wrong media type or
   *     something that is not a TAXII envelope, or the receiving organisation does not exist; the
   *     pages stored before stay stored
   */
  public Outcome pull(
      TaxiiPartner partner, String token, String actor, int maxPages, PageListener listener) {
    requireNonNull(partner, "partner");
    requireNonNull(token, "token");
    requireNonNull(listener, "listener");
    Release.organisationViewer(store, partner.receivingOrg());
    Optional<PullState> before = store.taxii().pullState(partner.name());
    Optional<String> resumedFrom = before.flatMap(PullState::addedAfter);
    long received = before.map(PullState::objectsReceived).orElse(0L);
    StixImport importer = new StixImport(store, clock);
    Set<String> readers = redReaderIds(partner);
    ReceivedMarkings markings =
        new ReceivedMarkings(
            Tlp.CLEAR, partner.unmarked(), level -> partner.markingOf(level, readers));
    URI next = request(partner, resumedFrom.map(a -> "added_after=" + encode(a)));
    Optional<String> resumeFrom = resumedFrom;
    List<StixImportPlan.Rejected> refused = new ArrayList<>();
    Dangles dangles = new Dangles(partner);
    int pages = 0;
    int objects = 0;
    int statements = 0;
    while (next != null && pages < maxPages) {
      URI requested = next;
      HttpResponse<InputStream> response = get(requested, token, partner);
      Optional<String> last = response.headers().firstValue("X-TAXII-Date-Added-Last");
      JsonNode envelope = envelope(response, partner);
      ArrayNode page =
          envelope.path("objects").isArray()
              ? (ArrayNode) envelope.path("objects")
              : JsonNodeFactory.instance.arrayNode();
      boolean more = envelope.path("more").asBoolean(false);
      Optional<String> token2 = text(envelope, "next");
      if (last.isPresent()) {
        StixTime.parse(last.get());
        resumeFrom = Optional.of(more ? justBefore(last.get()) : last.get());
      }
      Instant now = clock.instant();
      StixImport.Received r = receive(page, partner, markings, dangles, now);
      pages++;
      objects += page.size();
      statements += r.statements().size();
      refused.addAll(r.refused());
      store(
          importer, partner, r, resumeFrom, received + objects, page.size(), requested, actor, now);
      listener.stored(pages, requested, page.size());
      if (!more || page.isEmpty()) {
        next = null;
      } else if (token2.isPresent()) {
        next = request(partner, Optional.of("next=" + encode(token2.get())));
      } else {
        // A server that pages without next: ask for what came after this page's last date added.
        next =
            last.map(l -> request(partner, Optional.of("added_after=" + encode(l)))).orElse(null);
      }
    }
    List<DanglingReferences.Dangling> dangling = dangles.left();
    audit(partner, pages, objects, statements, refused.size(), dangling.size(), actor);
    return new Outcome(
        partner.name(), resumedFrom, pages, objects, statements, refused, dangling, resumeFrom);
  }

  /**
   * The dangling references of one pull. A reference is dangling when it names an object neither
   * received in any page of the pull (pages may bring a relationship before its ends) nor kept in
   * the receiving organisation's own collections; only those are looked in, so the answer never
   * tells what another organisation holds.
   */
  private final class Dangles {
    private final DanglingReferences references;
    private final Set<String> received = new HashSet<>();
    private final List<DanglingReferences.Dangling> pending = new ArrayList<>();

    Dangles(TaxiiPartner partner) {
      references = new DanglingReferences(store, partner.receivingOrg(), "pull");
    }

    /** Reads the objects one page kept: what they name, and what they are. */
    void page(List<? extends JsonNode> kept) {
      kept.forEach(o -> received.add(o.path("id").asText()));
      pending.addAll(references.of(kept, received::contains));
    }

    /** What is still dangling once the pull has ended. */
    List<DanglingReferences.Dangling> left() {
      return pending.stream().filter(d -> !received.contains(d.ref())).toList();
    }
  }

  /** The pull's summary row, with the dangling references counted once the pull has ended. */
  private void audit(
      TaxiiPartner partner,
      int pages,
      int objects,
      int statements,
      int refused,
      int dangling,
      String actor) {
    Instant now = clock.instant();
    store.audited(
        () -> {},
        new AuditEvent(
            actor,
            AuditAction.WRITE,
            source(partner, now).id(),
            "pull of TAXII partner "
                + partner.name()
                + " for "
                + partner.receivingOrg()
                + " ended: "
                + objects
                + " objects in "
                + pages
                + " pages, "
                + statements
                + " statements, "
                + refused
                + " refused, "
                + dangling
                + " dangling references",
            actor,
            now));
  }

  /** The ids of the partner's RED readers, each a user of the receiving organisation. */
  private Set<String> redReaderIds(TaxiiPartner partner) {
    Set<String> ids = new TreeSet<>();
    for (String username : partner.redReaders()) {
      ids.add(
          store
              .accounts()
              .userByName(username)
              .filter(u -> u.orgId().equals(partner.receivingOrg()))
              .orElseThrow(
                  () ->
                      new InvalidValueException(
                          "partner "
                              + partner.name()
                              + ": red reader '"
                              + username
                              + "' is no user of "
                              + partner.receivingOrg()))
              .id());
    }
    return ids;
  }

  private StixImport.Received receive(
      ArrayNode page,
      TaxiiPartner partner,
      ReceivedMarkings markings,
      Dangles dangles,
      Instant now) {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode();
    bundle.put("type", "bundle");
    bundle.set("objects", page);
    StixImportPlan plan = StixBundleReader.plan(bundle, source(partner, now));
    dangles.page(plan.kept());
    return StixImport.receive(plan, markings, now);
  }

  private void store(
      StixImport importer,
      TaxiiPartner partner,
      StixImport.Received r,
      Optional<String> resumeFrom,
      long received,
      int pageObjects,
      URI requested,
      String actor,
      Instant now) {
    Source source = source(partner, now);
    store.audited(
        () -> {
          importer.write(source, r, partner.receivingOrg(), now);
          store
              .taxii()
              .savePullState(
                  new PullState(
                      partner.name(),
                      partner.receivingOrg(),
                      partner.objectsUrl().toString(),
                      resumeFrom,
                      received,
                      StixTime.micros(now)));
          return null;
        },
        ignored ->
            new AuditEvent(
                actor,
                AuditAction.WRITE,
                source.id(),
                "pulled "
                    + pageObjects
                    + " objects of TAXII partner "
                    + partner.name()
                    + " for "
                    + partner.receivingOrg()
                    + " ("
                    + r.statements().size()
                    + " statements, "
                    + r.refused().size()
                    + " refused) from "
                    + requested,
                actor,
                now));
  }

  /**
   * The partner as a source of the receiving organisation; its existence is that organisation's.
   */
  static Source source(TaxiiPartner partner, Instant now) {
    return new Source(
        "taxii-" + partner.name(),
        SourceKind.STIX_BUNDLE,
        "TAXII collection " + partner.collection() + " of " + partner.name(),
        partner.reliability(),
        Marking.of(Tlp.AMBER_STRICT, partner.receivingOrg()),
        Optional.of(partner.objectsUrl().toString()),
        Optional.empty(),
        now);
  }

  private static URI request(TaxiiPartner partner, Optional<String> query) {
    String q = "limit=" + partner.pageSize() + query.map(s -> "&" + s).orElse("");
    return URI.create(partner.objectsUrl() + "?" + q);
  }

  private HttpResponse<InputStream> get(URI uri, String token, TaxiiPartner partner) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("Accept", MEDIA)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new InvalidValueException(
          "partner " + partner.name() + " could not be reached at " + uri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidValueException("the pull of partner " + partner.name() + " was interrupted");
    }
  }

  private JsonNode envelope(HttpResponse<InputStream> response, TaxiiPartner partner) {
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_PAGE_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidValueException(
          "partner " + partner.name() + ": the page could not be read: " + e.getMessage());
    }
    String where = "partner " + partner.name() + " answered " + response.uri();
    if (body.length > MAX_PAGE_BYTES) {
      throw new InvalidValueException(where + " with over " + MAX_PAGE_BYTES + " bytes");
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new InvalidValueException(
          where + " with HTTP " + response.statusCode() + ": " + errorTitle(body));
    }
    if (!type.replace(" ", "").toLowerCase(Locale.ROOT).startsWith("application/taxii+json")) {
      throw new InvalidValueException(where + " with Content-Type '" + type + "', not " + MEDIA);
    }
    try {
      JsonNode envelope = json.readTree(body);
      if (envelope == null || !envelope.isObject()) {
        throw new InvalidValueException(where + " with something that is not a TAXII envelope");
      }
      return envelope;
    } catch (IOException e) {
      throw new InvalidValueException(where + " with malformed JSON");
    }
  }

  private String errorTitle(byte[] body) {
    try {
      JsonNode error = json.readTree(body);
      return error == null ? "" : error.path("title").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  /** One microsecond before a TAXII timestamp: {@code added_after} then includes that moment. */
  static String justBefore(String timestamp) {
    return StixTime.formatMicros(StixTime.parse(timestamp).minusNanos(1_000));
  }

  private static Optional<String> text(JsonNode o, String field) {
    return o.path(field).isTextual() && !o.path(field).asText().isEmpty()
        ? Optional.of(o.path(field).asText())
        : Optional.empty();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
