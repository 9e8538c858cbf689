/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.access.Viewer;
import org.vigil.auth.Principal;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.resolution.Judging;
import org.vigil.resolution.VisibleAlerts;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ReviewItem;
import org.vigil.resolve.Verdict;
import org.vigil.store.JudgementRepository;
import org.vigil.store.ListAlert;
import org.vigil.store.Store;

/**
 * Judgements (record, undo, history), the review queue of uncertain pairs, and the alert feed of
 * possible list matches. Everything answers from what the caller may see: a judgement on an entity
 * the caller cannot see is refused as if the entity did not exist, another organisation's judgement
 * (and what the machine derived for another audience) does not exist for the caller, and queue
 * items and alerts that name an entity the caller cannot see are left out.
 */
public final class ResolutionRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = VisibleAlerts.SCAN;

  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  ResolutionRoutes(Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.post("/judgements", Permission.JUDGE, this::judge);
    routes.post("/judgements/{id}/undo", Permission.JUDGE, this::undo);
    routes.get("/judgements", Permission.READ, this::history);
    routes.get("/review", Permission.READ, this::review);
    routes.get("/alerts", Permission.READ, this::alerts);
    routes.post("/alerts/{id}/review", Permission.JUDGE, this::reviewAlert);
    routes.get("/list-alerts", Permission.READ, this::listAlerts);
    routes.post("/list-alerts/{id}/review", Permission.JUDGE, this::reviewListAlert);
    routes.get("/entities/{id}/matches", Permission.READ, this::matches);
  }

  record JudgementView(
      long id,
      String left,
      String right,
      String verdict,
      String author,
      String at,
      String note,
      Double score,
      List<Long> contradicts,
      boolean undone,
      String undoneBy,
      String undoneAt) {}

  record EntityRef(String id, String caption, String schema) {}

  record ListRef(
      String id, String listId, String caption, String dataset, List<String> programmes) {}

  record ReviewView(
      EntityRef left, EntityRef right, double score, List<String> reasons, double impact) {}

  record AlertView(
      long id,
      String at,
      EntityRef entity,
      ListRef listEntity,
      double score,
      List<String> explanation,
      String status,
      String change,
      String reviewedBy,
      String reviewedAt) {
    static AlertView of(PossibleMatch m, EntityRef entity) {
      return new AlertView(
          m.id(),
          m.foundAt().toString(),
          entity,
          listRef(m),
          m.score(),
          m.explanation(),
          VisibleAlerts.status(m),
          m.change().code(),
          m.review().map(PossibleMatch.Review::by).orElse(null),
          m.review().map(r -> r.at().toString()).orElse(null));
    }
  }

  record ListAlertView(
      long id,
      String at,
      String source,
      String detail,
      String status,
      String reviewedBy,
      String reviewedAt) {
    static ListAlertView of(ListAlert a) {
      return new ListAlertView(
          a.id(),
          a.raisedAt().toString(),
          a.listSource(),
          a.detail(),
          a.review().isPresent() ? "reviewed" : "new",
          a.review().map(PossibleMatch.Review::by).orElse(null),
          a.review().map(r -> r.at().toString()).orElse(null));
    }
  }

  record MatchView(ListRef listEntity, double score, List<String> explanation, String at) {}

  record Page<T>(List<T> items, int total) {}

  record Items<T>(List<T> items) {}

  private void judge(Context ctx) {
    Principal who = Requests.principal(ctx);
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    Verdict verdict;
    try {
      verdict = Verdict.parse(Json.text(body, "verdict", ""));
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    Judging.Outcome outcome =
        judging()
            .judge(
                new Judging.Judge(
                    Json.text(body, "left", ""),
                    Json.text(body, "right", ""),
                    verdict,
                    Json.optionalText(body, "note", "").orElse(""),
                    actor(ctx, who)));
    if (!(outcome instanceof Judging.Recorded recorded)) {
      throw refused(outcome);
    }
    ctx.status(201);
    ctx.json(
        view(recorded.judgement(), recorded.contradicted().stream().map(Judgement::id).toList()));
  }

  private void undo(Context ctx) {
    Principal who = Requests.principal(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue("'" + ctx.pathParam("id") + "' is not a judgement id");
    }
    Judging.Outcome outcome = judging().undo(new Judging.Undo(id, actor(ctx, who)));
    if (!(outcome instanceof Judging.Undone undone)) {
      throw refused(outcome);
    }
    ctx.json(view(undone.judgement(), List.of()));
  }

  private Judging judging() {
    return new Judging(backend.get().store(), clock);
  }

  private static Judging.Actor actor(Context ctx, Principal who) {
    return new Judging.Actor(
        who.user().username(), who.user().id(), who.viewer(), Requests.remoteAddress(ctx));
  }

  private static ApiException refused(Judging.Outcome outcome) {
    if (!(outcome instanceof Judging.Refused refused)) {
      throw new IllegalStateException("not a refusal: " + outcome);
    }
    return switch (refused.reason()) {
      case INVALID_VALUE -> ApiException.invalidValue(refused.message());
      case UNKNOWN_ENTITY, UNKNOWN_JUDGEMENT -> ApiException.notFound(refused.message());
      case ALREADY_UNDONE -> new ApiException(409, "already_undone", refused.message());
    };
  }

  private void history(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    String raw = Optional.ofNullable(ctx.queryParam("entity")).orElse("");
    if (raw.isBlank()) {
      throw ApiException.badRequest("the query parameter entity (an entity id) is missing");
    }
    String id = entityId(raw, "entity");
    visible(b.store(), id, who.viewer());
    JudgementRepository judgements = b.store().judgements();
    Map<Long, Judgement> all = new LinkedHashMap<>();
    for (String member : judgements.members(id, who.viewer())) {
      judgements.history(member, who.viewer()).forEach(j -> all.put(j.id(), j));
    }
    List<Judgement> newestFirst = new ArrayList<>(all.values());
    newestFirst.sort(Comparator.comparingLong(Judgement::id).reversed());
    List<JudgementView> items = new ArrayList<>();
    for (Judgement j : newestFirst) {
      items.add(view(j, contradicted(j, newestFirst)));
    }
    ctx.json(new Items<>(items));
  }

  private void review(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    int limit = limit(ctx);
    Store store = b.store();
    List<ReviewView> visible = new ArrayList<>();
    for (ReviewItem item : store.resolution().reviewQueue(who.viewer(), MAX_LIMIT)) {
      Optional<Entity> left = store.statements().entity(item.pair().left(), who.viewer());
      Optional<Entity> right = store.statements().entity(item.pair().right(), who.viewer());
      if (left.isPresent() && right.isPresent()) {
        visible.add(
            new ReviewView(
                ref(item.pair().left(), left.get()),
                ref(item.pair().right(), right.get()),
                item.pair().score(),
                item.pair().reasons(),
                item.impact()));
      }
    }
    ctx.json(new Page<>(visible.stream().limit(limit).toList(), visible.size()));
  }

  private void alerts(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    int limit = limit(ctx);
    Store store = b.store();
    List<AlertView> visible =
        VisibleAlerts.newest(store, who.viewer())
            .map(a -> AlertView.of(a.match(), ref(a.match().entityId(), a.entity())))
            .toList();
    ctx.json(new Page<>(visible.stream().limit(limit).toList(), visible.size()));
  }

  private void reviewAlert(Context ctx) {
    Backend b = backend.get();
    PossibleMatch reviewed = AlertReviewRequests.reviewAlert(ctx, b, clock);
    Viewer viewer = Requests.principal(ctx).viewer();
    Entity entity = b.store().statements().entity(reviewed.entityId(), viewer).orElseThrow();
    ctx.json(AlertView.of(reviewed, ref(reviewed.entityId(), entity)));
  }

  private void listAlerts(Context ctx) {
    int limit = limit(ctx);
    ctx.json(
        new Items<>(
            backend.get().store().resolution().listAlerts(limit).stream()
                .map(ListAlertView::of)
                .toList()));
  }

  private void reviewListAlert(Context ctx) {
    ctx.json(ListAlertView.of(AlertReviewRequests.reviewListAlert(ctx, backend.get(), clock)));
  }

  private void matches(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    String id = entityId(ctx.pathParam("id"), "id");
    visible(b.store(), id, who.viewer());
    List<PossibleMatch> found = new ArrayList<>();
    for (String member : b.store().judgements().members(id, who.viewer())) {
      found.addAll(b.store().resolution().matchesOf(member, who.viewer()));
    }
    found.sort(
        Comparator.comparingDouble(PossibleMatch::score)
            .reversed()
            .thenComparing(PossibleMatch::listEntityId));
    List<MatchView> items = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (PossibleMatch m : found) {
      if (seen.add(m.listEntityId())) {
        items.add(new MatchView(listRef(m), m.score(), m.explanation(), m.foundAt().toString()));
      }
    }
    ctx.json(new Items<>(items));
  }

  private static List<Long> contradicted(Judgement j, List<Judgement> all) {
    return all.stream()
        .filter(
            e ->
                e.id() < j.id()
                    && e.inForce()
                    && e.concerns(j.left(), j.right())
                    && e.verdict() != j.verdict())
        .map(Judgement::id)
        .sorted()
        .toList();
  }

  private static JudgementView view(Judgement j, List<Long> contradicts) {
    return new JudgementView(
        j.id(),
        j.left(),
        j.right(),
        j.verdict().code(),
        j.judgedBy(),
        j.judgedAt().toString(),
        j.reason(),
        j.score().isPresent() ? j.score().getAsDouble() : null,
        contradicts,
        !j.inForce(),
        j.undoneBy().orElse(null),
        j.undoneAt().map(Object::toString).orElse(null));
  }

  private static EntityRef ref(String id, Entity entity) {
    return new EntityRef(id, entity.caption(), entity.schema().ftmName());
  }

  private static ListRef listRef(PossibleMatch m) {
    return new ListRef(
        m.listEntityId(), m.listEntryId(), m.listCaption(), m.dataset(), m.programmes());
  }

  private static String entityId(String raw, String field) {
    String id = raw.strip();
    if (!PropertyType.isEntityId(id)) {
      throw ApiException.invalidValue(field + ": '" + raw + "' is not a valid entity id");
    }
    return id;
  }

  private static void visible(Store store, String id, Viewer viewer) {
    if (store.statements().entity(id, viewer).isEmpty()) {
      throw ApiException.notFound("no entity " + id);
    }
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue("limit '" + raw + "' is not a number");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalidValue("limit " + limit + " is outside 1-" + MAX_LIMIT);
    }
    return limit;
  }
}
