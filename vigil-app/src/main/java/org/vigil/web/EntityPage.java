/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.documents.EvidenceText;
import org.vigil.dossier.EntityDossier;
import org.vigil.dossier.EntityDossiers;
import org.vigil.http.Backend;
import org.vigil.http.RelationCaption;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.AnalystNote;
import org.vigil.model.Entity;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.names.Script;
import org.vigil.names.ScriptLabel;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.Verdict;
import org.vigil.screening.ScreeningMatch;
import org.vigil.store.Document;
import org.vigil.watchlists.ListScreening;

/**
 * The entity page: everything the viewer may see of one entity, each value one click from where it
 * came from. Names with their scripts, properties with their sources, designations and screening
 * matches with their reasons, relationships and mentions with the sentences they were read in, a
 * timeline, and the resolution controls (merge, split, judge) that {@code entity.js} posts to the
 * judgements API.
 */
public final class EntityPage {
  /** Mentions shown per page. */
  static final int MAX_MENTIONS = 40;

  private static final Set<String> NAME_PROPERTIES =
      Set.of("name", "alias", "weakAlias", "previousName", "abbreviation");

  private static final List<String> DATE_PROPERTIES =
      List.of(
          "birthDate",
          "deathDate",
          "incorporationDate",
          "dissolutionDate",
          "date",
          "startDate",
          "endDate",
          "listingDate");

  private final Supplier<Backend> backend;
  private final EntityDossiers dossiers;

  public EntityPage(Supplier<Backend> backend, ListScreening screening) {
    this.backend = requireNonNull(backend, "backend");
    this.dossiers = new EntityDossiers(requireNonNull(screening, "screening"));
  }

  public void register(Routes routes) {
    routes.page("/entities/{id}", Permission.READ, this::render);
  }

  private void render(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    Optional<EntityDossier> found = dossiers.read(b.store(), id, who.viewer());
    b.audit()
        .record(ctx, who, AuditAction.READ_ENTITY, id, found.isPresent() ? "page" : "not found");
    if (found.isEmpty()) {
      ctx.status(404);
      ctx.html(
          Html.page("Not found", who, "")
              .raw("<h1>Not found</h1><p class=\"error\">There is no entity ")
              .text(id)
              .raw(" that you may see.</p>")
              .end());
      return;
    }
    EntityDossier d = found.get();
    // A relation record (x-employment-…) is named by its kind and ends, never by its id.
    String title = new RelationCaption(b.store(), who.viewer()).caption(d.entity());
    Html page = Html.page(title, who, "");
    heading(page, title, d.entity(), d.links());
    names(page, d);
    properties(page, d);
    sanctions(page, d);
    ReportingMatchesSection.write(page, b.store(), d.entity(), who.viewer());
    relationships(page, d);
    ReportedSections.write(page, ReportedReader.of(d));
    new org.vigil.weighing.ClaimWeighings(b.store())
        .about(d.entity().id(), who.viewer())
        .ifPresent(
            facts ->
                FactsSection.render(
                    page,
                    facts,
                    Optional.of(who).filter(w -> w.viewer().may(Permission.JUDGE)),
                    Html.hrefOf(d.entity().id(), d.entity().schema())));
    mentions(page, d);
    PlacesSection.write(page, d.entity());
    timeline(page, d);
    resolution(page, d, who);
    if (who.may(Permission.WRITE)) {
      CaseForms.open(page, who, title, Optional.of(d.entity().id()));
    }
    page.raw("<script src=\"/assets/entity.js\" defer></script>");
    page.raw("<script src=\"/assets/claims.js\" defer></script>");
    ctx.html(page.end());
  }

  private static void heading(Html page, String title, Entity entity, List<Entity> links) {
    page.raw("<h1>")
        .text(title)
        .raw(" <span class=\"schema\">")
        .text(entity.schema().ftmName())
        .raw("</span></h1><p class=\"entity-bar\">");
    Set<Tlp> levels = EnumSet.noneOf(Tlp.class);
    entity.statements().forEach(s -> levels.add(s.marking().tlp()));
    links.forEach(l -> l.statements().forEach(s -> levels.add(s.marking().tlp())));
    page.raw("<span class=\"hint\">Markings on what you see here: </span>");
    for (Tlp level : levels) {
      page.showsMarking(level);
      page.raw("<span class=\"tlp tlp-")
          .raw(Html.cssName(level))
          .raw("\">")
          .text(level.label())
          .raw("</span> ");
    }
    long edges = links.stream().filter(l -> l.schema().isEdge()).count();
    page.raw("<a class=\"button\" id=\"network-link\" href=\"/graph?entity=")
        .text(encode(entity.id()))
        .raw("\">Network")
        .text(
            edges > 0
                ? " ("
                    + edges
                    + (edges >= EntityDossiers.MAX_LINKS ? "+" : "")
                    + (edges == 1 ? " link)" : " links)")
                : "")
        .raw("</a></p>");
    if (entity.memberIds().size() > 1) {
      page.raw("<p class=\"hint\">Merged from ")
          .text(entity.memberIds().size() + " records: ")
          .text(String.join(", ", entity.memberIds()))
          .raw("</p>");
    }
  }

  private static void names(Html page, EntityDossier d) {
    Entity entity = d.entity();
    List<Statement> names =
        entity.statements().stream().filter(s -> NAME_PROPERTIES.contains(s.property())).toList();
    if (names.isEmpty()) {
      return;
    }
    page.raw("<h2>Names</h2><table class=\"statements names\"><thead><tr><th>name</th>")
        .raw("<th>kind</th><th>script</th><th>source</th><th>marking</th></tr></thead><tbody>");
    for (Statement s : names) {
      page.raw("<tr><td")
          .raw(Script.detect(s.value()).isAbjad() ? " dir=\"auto\" class=\"rtl\"" : "")
          .raw(">")
          .text(s.value())
          .raw("</td><td>")
          .text(s.property())
          .raw("</td><td>")
          .text(ScriptLabel.of(s.value()))
          .raw("</td><td>");
      source(page, s, d);
      page.raw("</td><td>").marking(s.marking()).raw("</td></tr>");
    }
    page.raw("</tbody></table>");
  }

  private static void properties(Html page, EntityDossier d) {
    Entity entity = d.entity();
    page.raw("<h2>Properties</h2>");
    List<Statement> rest =
        entity.statements().stream().filter(s -> !NAME_PROPERTIES.contains(s.property())).toList();
    if (rest.isEmpty()) {
      page.raw("<p class=\"hint\">No other properties that you may see.</p>");
      return;
    }
    page.raw("<table class=\"statements\"><thead><tr><th>property</th><th>value</th>")
        .raw("<th>source</th><th>given by</th><th>marking</th><th>last seen</th></tr></thead>")
        .raw("<tbody>");
    for (Statement s : rest) {
      page.raw("<tr><td>").text(s.property()).raw("</td><td>");
      if (s.isReference()) {
        entityLink(page, s.value(), d);
      } else {
        page.text(s.value());
      }
      page.raw("</td><td>");
      source(page, s, d);
      page.raw("</td><td>")
          .text(AnalystNote.provenance(s.extractor()))
          .text(String.format(Locale.ROOT, " (%.2f)", s.confidence()))
          .raw("</td><td>")
          .marking(s.marking())
          .raw("</td><td>")
          .text(s.lastSeen().toString().substring(0, 10))
          .raw("</td></tr>");
    }
    page.raw("</tbody></table>");
  }

  private static void sanctions(Html page, EntityDossier d) {
    page.raw("<h2>Sanctions</h2>");
    List<Entity> designations =
        d.links().stream().filter(l -> l.schema() == Schema.SANCTION).toList();
    designations(page, designations, d);
    EntityDossier.Sanctions sanctions = d.sanctions();
    if (sanctions instanceof EntityDossier.NotScreened) {
      if (designations.isEmpty()) {
        page.raw("<p class=\"hint\">A ")
            .text(d.entity().schema().ftmName())
            .raw(" is not screened against the sanctions lists.</p>");
      }
    } else if (sanctions instanceof EntityDossier.Recorded recorded) {
      recordedMatches(page, recorded.matches(), d);
    } else if (sanctions instanceof EntityDossier.Preparing) {
      page.raw("<h3>Possible matches on the loaded lists</h3>")
          .raw("<p class=\"hint\">The sanctions lists are still being prepared for screening;")
          .raw(" reload the page in a few seconds.</p>");
    } else if (sanctions instanceof EntityDossier.Screened screened) {
      page.raw("<h3>Possible matches on the loaded lists</h3>");
      if (screened.matches().isEmpty()) {
        page.raw("<p class=\"hint\">No list entry matches ")
            .text(
                designations.isEmpty() ? "its names." : "its names beyond the designations above.")
            .raw("</p>");
      } else {
        screenedMatches(page, screened.matches(), d);
      }
    }
  }

  private static void designations(Html page, List<Entity> designations, EntityDossier d) {
    if (designations.isEmpty()) {
      return;
    }
    page.raw("<ul class=\"designations\">");
    for (Entity sanction : designations) {
      page.raw("<li><strong>")
          .text(String.join(", ", sanction.values("authority")))
          .raw("</strong>");
      List<String> programs = sanction.values("program");
      if (!programs.isEmpty()) {
        page.raw(" · programmes ").text(String.join(", ", programs));
      }
      sanction.first("listingDate").ifPresent(date -> page.raw(" · listed ").text(date));
      sanction.first("authorityId").ifPresent(a -> page.raw(" · list id ").text(a));
      page.raw(" <span class=\"hint\">");
      sanction.statements().stream().findFirst().ifPresent(s -> source(page, s, d));
      page.raw("</span> ")
          .marking(sanction.statements().get(0).marking())
          .raw(" <a href=\"/entities/")
          .text(encode(sanction.id()))
          .raw("\">details</a></li>");
    }
    page.raw("</ul>");
  }

  private static void screenedMatches(Html page, List<ScreeningMatch> matches, EntityDossier d) {
    page.raw("<p class=\"hint\">Each is a possible match, screened now on this entity's names: ")
        .raw("not a finding until an analyst judges it.</p><ol class=\"matches\">");
    for (ScreeningMatch m : matches) {
      String listId = SanctionsLists.storeId(m.dataset(), m.entityId());
      page.raw("<li><span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", m.score()))
          .raw("</span> ");
      if (d.other(listId).isPresent()) {
        page.raw("<a href=\"/entities/")
            .text(encode(listId))
            .raw("\">")
            .text(m.primaryName())
            .raw("</a>");
      } else {
        page.text(m.primaryName());
      }
      page.raw(" <span class=\"schema\">")
          .text(m.schema().ftmName())
          .raw("</span> on ")
          .text(m.dataset())
          .raw(" (")
          .text(m.entityId())
          .raw(")");
      if (!m.programs().isEmpty()) {
        page.raw(" · programmes ").text(String.join(", ", m.programs()));
      }
      page.raw("<div class=\"explanation\">matched “")
          .text(m.matchedName())
          .raw("”: ")
          .text(m.nameExplanation().describe());
      for (String e : m.evidence()) {
        page.raw("; ").text(e);
      }
      page.raw("</div>");
      ListedDetails.render(page, d.entity(), d.other(listId));
      page.raw("</li>");
    }
    page.raw("</ol>");
  }

  /** The possible matches cross-referencing recorded, with why each was found. */
  private static void recordedMatches(Html page, List<PossibleMatch> recorded, EntityDossier d) {
    page.raw("<h3>Possible matches on the sanctions lists</h3>")
        .raw("<p class=\"hint\">Found by cross-referencing this entity with the loaded lists:")
        .raw(" possible matches, not findings, until an analyst judges them.</p>")
        .raw("<ol class=\"matches\">");
    for (PossibleMatch m : recorded) {
      page.raw("<li><span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", m.score()))
          .raw("</span> ");
      if (d.other(m.listEntityId()).isPresent()) {
        page.raw("<a href=\"/entities/")
            .text(encode(m.listEntityId()))
            .raw("\">")
            .text(m.listCaption())
            .raw("</a>");
      } else {
        page.text(m.listCaption());
      }
      page.raw(" on ").text(m.dataset());
      if (!m.programmes().isEmpty()) {
        page.raw(" · programmes ").text(String.join(", ", m.programmes()));
      }
      page.raw(" · ")
          .text(
              d.entity().memberIds().contains(m.listEntityId())
                  ? "merged into this entity"
                  : m.reviewed() ? "reviewed" : "awaiting review")
          .raw(" · found ")
          .text(m.foundAt().toString().substring(0, 10))
          .raw("<div class=\"explanation\">")
          .text(String.join("; ", m.explanation()))
          .raw("</div>");
      ListedDetails.render(page, d.entity(), d.other(m.listEntityId()));
      page.raw("</li>");
    }
    page.raw("</ol>");
  }

  /** A link's kind as the page names it: FtM's UnknownLink is an "Other link", as in the graph. */
  private static String linkKind(Schema schema) {
    return schema == Schema.UNKNOWN_LINK ? "Other link" : schema.ftmName();
  }

  private static void relationships(Html page, EntityDossier d) {
    Entity entity = d.entity();
    List<Entity> edges = d.links().stream().filter(l -> l.schema() != Schema.SANCTION).toList();
    page.raw("<h2>Relationships</h2>");
    if (edges.isEmpty()) {
      page.raw("<p class=\"hint\">No relationships that you may see.</p>");
      return;
    }
    page.raw("<ul class=\"relationships\">");
    for (Entity edge : edges) {
      page.raw("<li><span class=\"schema\">").text(linkKind(edge.schema())).raw("</span> ");
      List<String> ends = new ArrayList<>();
      for (Statement s : edge.statements()) {
        if (s.isReference()
            && !entity.memberIds().contains(s.value())
            && !ends.contains(s.value())) {
          ends.add(s.value());
        }
      }
      if (ends.isEmpty()) {
        page.raw("with itself");
      }
      for (int i = 0; i < ends.size(); i++) {
        page.raw(i == 0 ? "" : ", ");
        entityLink(page, ends.get(i), d);
      }
      List<String> details = new ArrayList<>(edge.values("role"));
      details.addAll(edge.values("relationship"));
      edge.first("startDate").ifPresent(date -> details.add("from " + date));
      edge.first("endDate").ifPresent(date -> details.add("until " + date));
      edge.first("date").ifPresent(details::add);
      edge.first("status").ifPresent(details::add);
      if (!details.isEmpty()) {
        page.raw(" <span class=\"hint\">").text(String.join(" · ", details)).raw("</span>");
      }
      page.raw(" ").marking(edge.statements().get(0).marking());
      evidence(page, edge, d);
      page.raw("</li>");
    }
    page.raw("</ul>");
  }

  /** The distinct sentences an edge was read from, each with its document and extractor. */
  private static void evidence(Html page, Entity edge, EntityDossier d) {
    Set<String> shown = new LinkedHashSet<>();
    boolean open = false;
    for (Statement s : edge.statements()) {
      if (s.span().isEmpty()) {
        continue;
      }
      Optional<Document> document = d.document(s.sourceId());
      if (document.isEmpty()) {
        continue;
      }
      EvidenceText.Sentence sentence = EvidenceText.around(document.get().text(), s.span().get());
      if (!shown.add(s.sourceId() + "@" + sentence.start() + ":" + sentence.end())) {
        continue;
      }
      if (!open) {
        page.raw("<ul class=\"evidence\">");
        open = true;
      }
      page.raw("<li>");
      quote(page, sentence);
      page.raw(" <span class=\"hint\">— ");
      documentLink(page, document.get(), d);
      page.raw(", ")
          .text(AnalystNote.provenance(s.extractor()))
          .text(String.format(Locale.ROOT, " (%.2f)", s.confidence()));
      s.credibility()
          .ifPresent(
              c -> page.showsGrades().raw(", credibility ").text(Integer.toString(c.grade())));
      page.raw("</span></li>");
    }
    if (open) {
      page.raw("</ul>");
    }
  }

  private static void mentions(Html page, EntityDossier d) {
    Entity entity = d.entity();
    page.raw("<h2>Mentions</h2>");
    Set<String> shown = new LinkedHashSet<>();
    int count = 0;
    for (Statement s : entity.statements()) {
      if (s.span().isEmpty() || count >= MAX_MENTIONS) {
        continue;
      }
      Optional<Document> document = d.document(s.sourceId());
      if (document.isEmpty()) {
        continue;
      }
      EvidenceText.Sentence sentence = EvidenceText.around(document.get().text(), s.span().get());
      if (!shown.add(s.sourceId() + "@" + sentence.start() + ":" + sentence.end())) {
        continue;
      }
      if (count++ == 0) {
        page.raw("<ul class=\"mentions\">");
      }
      page.raw("<li>");
      quote(page, sentence);
      page.raw(" <span class=\"hint\">— ");
      documentLink(page, document.get(), d);
      page.raw("</span> ").marking(s.marking()).raw("</li>");
    }
    if (count == 0) {
      page.raw("<p class=\"hint\">No mentions in documents that you may see.</p>");
    } else {
      page.raw("</ul>");
    }
  }

  private static void timeline(Html page, EntityDossier d) {
    Entity entity = d.entity();
    record Item(PartialDate date, String what, Statement statement) {}
    List<Item> items = new ArrayList<>();
    List<Entity> about = new ArrayList<>();
    about.add(entity);
    about.addAll(d.links());
    for (Entity e : about) {
      for (Statement s : e.statements()) {
        if (!DATE_PROPERTIES.contains(s.property())) {
          continue;
        }
        PartialDate date;
        try {
          date = PartialDate.parse(s.value());
        } catch (RuntimeException notADate) {
          continue;
        }
        String what =
            e == entity
                ? s.property()
                : s.property() + " of " + linkKind(e.schema()) + describeEnds(e, entity, d);
        items.add(new Item(date, what, s));
      }
    }
    page.raw("<h2>Timeline</h2>");
    if (items.isEmpty()) {
      page.raw("<p class=\"hint\">No dated facts that you may see.</p>");
      return;
    }
    items.sort(Comparator.comparing(Item::date).thenComparing(Item::what));
    page.raw("<ol class=\"timeline\">");
    Set<String> seen = new LinkedHashSet<>();
    for (Item item : items) {
      if (!seen.add(item.date() + "|" + item.what())) {
        continue;
      }
      page.raw("<li><time>")
          .text(item.date().toString())
          .raw("</time> ")
          .text(item.what())
          .raw(" <span class=\"hint\">");
      source(page, item.statement(), d);
      page.raw("</span> ").marking(item.statement().marking()).raw("</li>");
    }
    page.raw("</ol>");
  }

  private static String describeEnds(Entity edge, Entity entity, EntityDossier d) {
    List<String> ends = new ArrayList<>();
    for (Statement s : edge.statements()) {
      if (s.isReference() && !entity.memberIds().contains(s.value())) {
        String caption = d.other(s.value()).map(EntityPage::caption).orElse(s.value());
        if (!ends.contains(caption)) {
          ends.add(caption);
        }
      }
    }
    return ends.isEmpty() ? "" : " with " + String.join(", ", ends);
  }

  private static void resolution(Html page, EntityDossier d, Principal who) {
    page.raw("<h2>Resolution</h2>");
    boolean mayJudge = who.viewer().may(Permission.JUDGE);
    page.raw("<div id=\"resolution\" data-entity=\"")
        .text(d.entity().id())
        .raw("\" data-csrf=\"")
        .text(who.csrfToken().orElse(""))
        .raw("\">");
    if (d.judgements().isEmpty()) {
      page.raw("<p class=\"hint\">No judgements name this entity.</p>");
    } else {
      judgements(page, d, mayJudge);
    }
    if (mayJudge) {
      page.raw("<form id=\"judge-form\" class=\"judge\"><label>Compare with another entity ")
          .raw("<input type=\"search\" id=\"judge-search\" autocomplete=\"off\"")
          .raw(" placeholder=\"Search by name\"></label>")
          .raw("<ul id=\"judge-candidates\" class=\"candidates\"></ul>")
          .raw("<input type=\"hidden\" id=\"judge-other\">")
          .raw("<p id=\"judge-chosen\" class=\"hint\">Choose an entity above.</p>")
          .raw("<label>Note <input type=\"text\" id=\"judge-note\" maxlength=\"500\"></label>")
          .raw("<div class=\"verdicts\">")
          .raw("<button type=\"button\" data-verdict=\"same\" disabled>Same (merge)</button>")
          .raw("<button type=\"button\" data-verdict=\"different\" disabled>Different</button>")
          .raw("<button type=\"button\" data-verdict=\"unsure\" disabled>Unsure</button>")
          .raw("</div></form>");
    } else {
      page.raw("<p class=\"hint\">Your role (")
          .text(who.user().role().code())
          .raw(") may not judge.</p>");
    }
    page.raw("<p id=\"judge-status\" role=\"status\"></p></div>");
  }

  private static void judgements(Html page, EntityDossier d, boolean mayJudge) {
    page.raw("<table class=\"statements judgements\"><thead><tr><th>verdict</th><th>with</th>")
        .raw("<th>by</th><th>when</th><th>note</th><th></th></tr></thead><tbody>");
    for (Judgement j : d.judgements()) {
      String other = d.entity().memberIds().contains(j.left()) ? j.right() : j.left();
      page.raw("<tr class=\"")
          .raw(j.inForce() ? "in-force" : "undone")
          .raw("\"><td>")
          .text(j.verdict().code())
          .raw("</td><td>");
      entityLink(page, other, d);
      if (!other.equals(d.other(other).map(Entity::id).orElse(other))) {
        page.raw(" <span class=\"hint\">record ").text(other).raw("</span>");
      }
      page.raw("</td><td>")
          .text(j.judgedBy())
          .raw("</td><td>")
          .text(j.judgedAt().toString().substring(0, 16).replace('T', ' '))
          .raw("</td><td>")
          .text(j.reason())
          .raw("</td><td>");
      if (!j.inForce()) {
        page.raw("undone by ").text(j.undoneBy().orElse("?"));
      } else if (mayJudge) {
        page.raw("<button type=\"button\" class=\"undo\" data-judgement=\"")
            .text(Long.toString(j.id()))
            .raw("\">")
            .text(j.verdict() == Verdict.SAME ? "Split (undo merge)" : "Undo")
            .raw("</button>");
      }
      page.raw("</td></tr>");
    }
    page.raw("</tbody></table>");
  }

  private static void quote(Html page, EvidenceText.Sentence sentence) {
    page.raw("<q>")
        .text(sentence.cutBefore() ? "… " : "")
        .text(sentence.before())
        .raw("<mark>")
        .text(sentence.span())
        .raw("</mark>")
        .text(sentence.after())
        .text(sentence.cutAfter() ? " …" : "")
        .raw("</q>");
  }

  private static void documentLink(Html page, Document document, EntityDossier d) {
    String title = d.source(document.sourceId()).map(Source::title).orElse(document.fileName());
    page.raw("<a href=\"/documents/")
        .text(encode(document.sourceId()))
        .raw("\">")
        .text(title)
        .raw("</a>");
  }

  private static void source(Html page, Statement s, EntityDossier d) {
    d.source(s.sourceId())
        .ifPresentOrElse(
            src -> {
              if (src.kind() == SourceKind.DOCUMENT || d.document(src.id()).isPresent()) {
                page.raw("<a href=\"/documents/")
                    .text(encode(src.id()))
                    .raw("\">")
                    .text(src.title())
                    .raw("</a>");
              } else {
                page.text(src.title());
              }
              page.showsGrades()
                  .raw(" <span class=\"grade\" title=\"")
                  .text(src.reliability().description())
                  .raw("\">")
                  .text(src.reliability().name())
                  .text(s.credibility().map(c -> Integer.toString(c.grade())).orElse(""))
                  .raw("</span>");
            },
            () -> page.text(s.sourceId()));
    s.span()
        .ifPresent(
            span ->
                page.raw(" <span class=\"span\">chars ")
                    .text(span.start() + "–" + span.end())
                    .raw("</span>"));
  }

  private static void entityLink(Html page, String id, EntityDossier d) {
    Optional<Entity> other = d.other(id);
    if (other.isEmpty()) {
      // The reader may not see it: say so without its name.
      page.raw("<span class=\"hint\">an entity you may not see</span>");
      return;
    }
    page.raw("<a href=\"/entities/")
        .text(encode(other.get().id()))
        .raw("\">")
        .text(caption(other.get()))
        .raw("</a> <span class=\"schema\">")
        .text(other.get().schema().ftmName())
        .raw("</span>");
  }

  /**
   * What to call an entity in a list of links: its caption, or for one read without a name (such as
   * "a criminal network") its description.
   */
  static String caption(Entity entity) {
    if (entity.first("name").isEmpty() && entity.first("title").isEmpty()) {
      return entity.first("description").orElse(entity.id());
    }
    return entity.caption();
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
