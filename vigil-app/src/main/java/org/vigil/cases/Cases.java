/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.documents.StoredDocument;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.NetworkNode;
import org.vigil.network.UnknownEntityException;
import org.vigil.store.CaseItem;
import org.vigil.store.CaseMember;
import org.vigil.store.CaseNote;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;
import org.vigil.weighing.ClaimWeighings;

/**
 * Cases, the one front door behind {@code vigil case}, the {@code /cases} routes and the case
 * pages. Every act checks what the actor may do: a case they may not read is answered like one that
 * does not exist; one they may read but not write refuses the write; evidence they may not see
 * cannot be added (and is answered as unknown). Each write is stored with its audit row in one
 * transaction. A case only points at evidence: deleting it deletes the case and never the evidence.
 * A request a user got wrong is an outcome ({@link Refused}), not an exception.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class Cases {
  /** The most entities one pull of a neighbourhood adds. */
  public static final int MAX_PULL = 500;

  /**
   * Who acts.
   *
   * @param auditId the actor as the audit log names them
   * @param viewer what they may see, and the user and organisation their acts belong to
   * @param address where the request came from ("cli", or the peer's address)
   */
  public record Actor(String auditId, Viewer viewer, String address) {
    public Actor {
      requireNonNull(auditId, "auditId");
      requireNonNull(viewer, "viewer");
      requireNonNull(address, "address");
    }
  }

  /** What came of a request. */
  public sealed interface Outcome<T> permits Done, Refused {
    /**
     * What {@code next} makes of this outcome's value; a refusal stays the same refusal (and {@code
     * next} is not run).
     */
    default <U> Outcome<U> then(Function<? super T, Outcome<U>> next) {
      if (this instanceof Done<T> done) {
        return next.apply(done.value());
      }
      Refused<T> refused = (Refused<T>) this;
      return new Refused<>(refused.reason(), refused.message());
    }
  }

  /** It was done; {@code value} is what it made or changed. */
  public record Done<T>(T value) implements Outcome<T> {
    public Done {
      requireNonNull(value, "value");
    }
  }

  /** Why a request was refused, for the surfaces to map to a status or an exit code. */
  public enum Refusal {
    /** A value out of range or badly written. */
    INVALID_VALUE,
    /** No such case, item or member, or none the actor may see. */
    UNKNOWN,
    /** The actor may read the case but not do this to it. */
    NOT_ALLOWED,
    /** The member named may not read the case's marking. */
    MEMBER_REFUSED
  }

  /** Refused; nothing was written. */
  public record Refused<T>(Refusal reason, String message) implements Outcome<T> {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }
  }

  private final Store store;
  private final Clock clock;

  public Cases(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Opens a case owned by the actor and their organisation. */
  public Outcome<StoredCase> create(String title, String tlp, Actor actor) {
    if (actor.viewer().isSystem()) {
      return new Refused<>(Refusal.INVALID_VALUE, "a case needs an owner: act as a user");
    }
    Tlp level;
    try {
      level = Tlp.parse(tlp);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    return audited(
        () -> store.cases().create(title, level, actor.viewer()),
        c -> event(actor, c.id(), "opened " + level.label() + " case"));
  }

  /** The cases the viewer may read, the most recently changed first. */
  public List<StoredCase> list(Viewer viewer) {
    return store.cases().readableBy(viewer);
  }

  /** The case as the viewer may see it; empty if there is none they may read. */
  public Optional<CaseView> view(String id, Viewer viewer) {
    return store.cases().find(id, viewer).map(c -> new CaseReading(store, viewer).view(c));
  }

  /**
   * The entities of a case its reader may see, without the rest of its view (no timeline, no
   * places, no notes): what a report is written from. Empty when the reader may not see the case.
   */
  public Optional<List<CaseView.Item>> entities(String id, Viewer viewer) {
    return store.cases().find(id, viewer).map(c -> new CaseReading(store, viewer).entitiesOf(c));
  }

  /**
   * The notes of a case a report for {@code recipient} may carry, read by the exporting {@code
   * analyst} (see {@link ReportNote}). Empty when the analyst may not see the case.
   */
  public Optional<List<ReportNote>> reportNotes(String id, Viewer analyst, Viewer recipient) {
    return store
        .cases()
        .find(id, analyst)
        .map(c -> new CaseReading(store, analyst).reportNotesOf(c, recipient));
  }

  /**
   * The hypotheses and tasks of a case a report for {@code recipient} may carry, read by the
   * exporting {@code analyst} (see {@link ReportWork}); empty when the analyst may not see the case
   * or its marking does not reach the recipient.
   */
  public Optional<ReportWork> reportWork(String id, Viewer analyst, Viewer recipient) {
    return store
        .cases()
        .find(id, analyst)
        .flatMap(c -> new CaseReading(store, analyst).reportWorkOf(c, recipient));
  }

  /**
   * Shares the case with a user (by username) or an organisation (by id), with read or write
   * rights; only its owner shares it, and never with anyone its marking does not reach.
   */
  public Outcome<StoredCase> share(
      String id, String kind, String member, String rights, Actor actor) {
    Optional<StoredCase> found = store.cases().find(id, actor.viewer());
    if (found.isEmpty()) {
      return unknownCase(id);
    }
    StoredCase c = found.get();
    if (!c.managedBy(actor.viewer())) {
      return new Refused<>(Refusal.NOT_ALLOWED, "only the owner of case " + id + " shares it");
    }
    CaseMember.Kind k;
    CaseMember.Rights r;
    try {
      k = CaseMember.Kind.parse(kind);
      r = CaseMember.Rights.parse(rights);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    Outcome<String> checked =
        switch (k) {
          case USER -> userMay(c, member);
          case ORG -> organisationMay(c, member);
        };
    if (checked instanceof Refused<String> refused) {
      return new Refused<>(refused.reason(), refused.message());
    }
    String memberId = ((Done<String>) checked).value();
    CaseMember m = new CaseMember(k, memberId, r, actor.viewer().username(), clock.instant());
    return audited(
        () -> {
          store.cases().putMember(id, m);
          return store.cases().find(id, Viewer.system()).orElseThrow();
        },
        x -> event(actor, id, "shared with " + k.code() + " " + member + " (" + r.code() + ")"));
  }

  /**
   * Takes a member off the case; its owner only. The member's notes, ratings and tasks stay with
   * the case; from now on they read it no more (the case is answered to them as one that does not
   * exist), and a task assigned to them says they no longer read it.
   */
  public Outcome<String> unshare(String id, String kind, String member, Actor actor) {
    Optional<StoredCase> found = store.cases().find(id, actor.viewer());
    if (found.isEmpty()) {
      return unknownCase(id);
    }
    if (!found.get().managedBy(actor.viewer())) {
      return new Refused<>(Refusal.NOT_ALLOWED, "only the owner of case " + id + " unshares it");
    }
    CaseMember.Kind k;
    try {
      k = CaseMember.Kind.parse(kind);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    String memberId =
        k == CaseMember.Kind.USER
            ? store.accounts().userByName(member.strip()).map(User::id).orElse("")
            : member.strip();
    boolean named =
        found.get().members().stream()
            .anyMatch(m -> m.kind() == k && m.memberId().equals(memberId));
    if (!named) {
      return new Refused<>(
          Refusal.UNKNOWN, "case " + id + " is not shared with " + k.code() + " " + member.strip());
    }
    return audited(
        () -> {
          store.cases().removeMember(id, k, memberId);
          return member.strip();
        },
        x -> event(actor, id, "unshared with " + k.code() + " " + member.strip()));
  }

  private Outcome<String> userMay(StoredCase c, String username) {
    Optional<User> user = store.accounts().userByName(username);
    if (user.isEmpty() || !user.get().enabled()) {
      return new Refused<>(Refusal.UNKNOWN, "no user " + username);
    }
    if (user.get().id().equals(c.ownerUser())) {
      return new Refused<>(Refusal.INVALID_VALUE, username + " owns the case already");
    }
    Viewer member = store.accounts().viewer(user.get());
    // A RED case names its user members as readers, so sharing it names them; any other level
    // must reach the member as it is.
    boolean may = c.tlp() == Tlp.RED || MarkingPolicy.canSee(member, c.marking());
    return may
        ? new Done<>(member.userId())
        : new Refused<>(
            Refusal.MEMBER_REFUSED,
            "user "
                + username
                + " of organisation "
                + member.orgId()
                + " may not read "
                + c.marking().describe()
                + ": a member never reads beyond the case's marking");
  }

  private Outcome<String> organisationMay(StoredCase c, String orgId) {
    Optional<Organization> org = store.accounts().organization(orgId);
    if (org.isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN, "no organisation " + orgId);
    }
    if (c.tlp() == Tlp.RED) {
      return new Refused<>(
          Refusal.MEMBER_REFUSED,
          "a TLP:RED case names its readers one by one: share it with users of "
              + orgId
              + ", not with the organisation");
    }
    Viewer anyone =
        Viewer.of("org:" + orgId, "org:" + orgId, orgId, org.get().partners(), Role.VIEWER);
    return MarkingPolicy.canSee(anyone, c.marking())
        ? new Done<>(orgId)
        : new Refused<>(
            Refusal.MEMBER_REFUSED,
            "organisation "
                + orgId
                + " may not read "
                + c.marking().describe()
                + ": a member never reads beyond the case's marking");
  }

  /** Adds an entity, a document or a claim the actor may see. */
  public Outcome<List<String>> addItem(String id, String kind, String itemId, Actor actor) {
    Outcome<StoredCase> writable = writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    CaseItem.Kind k;
    try {
      k = CaseItem.Kind.parse(kind);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    Viewer v = actor.viewer();
    Optional<String> seen =
        switch (k) {
          case ENTITY -> store.statements().entity(itemId, v).map(e -> e.id());
          case DOCUMENT -> StoredDocument.find(store, v, itemId).map(d -> d.document().sourceId());
          case CLAIM -> new ClaimWeighings(store).claim(itemId, v).map(f -> itemId);
        };
    if (seen.isEmpty()) {
      return new Refused<>(Refusal.UNKNOWN, "no " + k.code() + " " + itemId);
    }
    return addItems(id, k, List.of(seen.get()), actor);
  }

  /**
   * Adds an entity the actor may see and its neighbourhood: the entities within {@code depth} links
   * over the link schemata named (all when empty), as the actor sees them, at most {@link
   * #MAX_PULL}.
   */
  public Outcome<List<String>> addNeighbourhood(
      String id, String entityId, int depth, List<String> schemas, Actor actor) {
    Outcome<StoredCase> writable = writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    List<String> ids;
    try {
      LinkFilter filter =
          new LinkFilter(
              new TreeSet<>(schemas), Optional.empty(), Optional.empty(), 0.0, Optional.empty());
      ids =
          store
              .network()
              .neighbours(
                  new NeighbourhoodRequest(entityId, depth, filter, MAX_PULL), actor.viewer())
              .nodes()
              .stream()
              .map(NetworkNode::id)
              .toList();
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    } catch (UnknownEntityException e) {
      return new Refused<>(Refusal.UNKNOWN, "no entity " + entityId);
    }
    return addItems(id, CaseItem.Kind.ENTITY, ids, actor);
  }

  private Outcome<List<String>> addItems(
      String id, CaseItem.Kind kind, List<String> ids, Actor actor) {
    return audited(
        () -> store.cases().addItems(id, kind, ids, actor.viewer().username()),
        added ->
            event(
                actor,
                id,
                "added "
                    + added.size()
                    + " "
                    + kind.code()
                    + " items: "
                    + String.join(" ", added)));
  }

  /** Removes a reference from the case; the evidence stays as it is. */
  public Outcome<String> removeItem(String id, String kind, String itemId, Actor actor) {
    Outcome<StoredCase> writable = writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    CaseItem.Kind k;
    try {
      k = CaseItem.Kind.parse(kind);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    boolean held =
        store.cases().items(id).stream().anyMatch(i -> i.kind() == k && i.itemId().equals(itemId));
    if (!held) {
      return new Refused<>(Refusal.UNKNOWN, "case " + id + " holds no " + k.code() + " " + itemId);
    }
    return audited(
        () -> {
          store.cases().removeItem(id, k, itemId);
          return itemId;
        },
        x -> event(actor, id, "removed " + k.code() + " item " + itemId));
  }

  /**
   * Adds a note in Markdown under its own marking (its level, owned by the actor's organisation).
   * Each citation must name evidence the actor may see.
   */
  public Outcome<CaseNote> addNote(String id, String markdown, String tlp, Actor actor) {
    Outcome<StoredCase> writable = writable(id, actor);
    if (writable instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    Tlp level;
    try {
      level = Tlp.parse(tlp);
      CaseNote.checkedBody(markdown);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    Optional<Refused<CaseNote>> bad =
        checkCitations(markdown, new StoreEvidence(store, actor.viewer()));
    if (bad.isPresent()) {
      return bad.get();
    }
    return audited(
        () -> store.cases().addNote(id, markdown, level, actor.viewer()),
        n -> event(actor, id, "note " + n.id() + " " + level.label()));
  }

  /** Why a note's citations are refused: one is malformed, or names evidence not seen. */
  static <T> Optional<Refused<T>> checkCitations(String markdown, CitedEvidence.Lookup evidence) {
    Optional<String> malformed = NoteMarkdown.malformedCitations(markdown).stream().findFirst();
    if (malformed.isPresent()) {
      return Optional.of(
          new Refused<>(
              Refusal.INVALID_VALUE,
              "'"
                  + malformed.get()
                  + "' is not a citation; write entity:ID, statement:ENTITY/STATEMENT,"
                  + " document:ID, document:ID#START-END or claim:ID"));
    }
    for (Citation c : NoteMarkdown.citations(markdown)) {
      if (evidence.find(c).isEmpty()) {
        return Optional.of(
            new Refused<>(
                Refusal.UNKNOWN, "the note cites " + c.destination() + ", which you may not see"));
      }
    }
    return Optional.empty();
  }

  /** Opens or closes the case; its owner only. */
  public Outcome<StoredCase> setStatus(String id, String status, Actor actor) {
    Outcome<StoredCase> managed = managed(id, actor);
    if (managed instanceof Refused<StoredCase> r) {
      return r;
    }
    StoredCase.Status s;
    try {
      s = StoredCase.Status.parse(status);
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
    return audited(
        () -> {
          store.cases().setStatus(id, s);
          return store.cases().find(id, Viewer.system()).orElseThrow();
        },
        c -> event(actor, id, "status " + s.code()));
  }

  /** Deletes the case, its members, references and notes; never the evidence. Its owner only. */
  public Outcome<String> delete(String id, Actor actor) {
    Outcome<StoredCase> managed = managed(id, actor);
    if (managed instanceof Refused<StoredCase> r) {
      return new Refused<>(r.reason(), r.message());
    }
    return audited(
        () -> {
          store.cases().delete(id);
          return id;
        },
        x -> event(actor, id, "deleted the case (its evidence stays)"));
  }

  Outcome<StoredCase> writable(String id, Actor actor) {
    Optional<StoredCase> found = store.cases().find(id, actor.viewer());
    if (found.isEmpty()) {
      return unknownCase(id);
    }
    if (!found.get().writableBy(actor.viewer())) {
      return new Refused<>(Refusal.NOT_ALLOWED, "you may read case " + id + " but not write to it");
    }
    if (found.get().status() == StoredCase.Status.CLOSED) {
      return new Refused<>(Refusal.NOT_ALLOWED, "case " + id + " is closed; open it again first");
    }
    return new Done<>(found.get());
  }

  private Outcome<StoredCase> managed(String id, Actor actor) {
    Optional<StoredCase> found = store.cases().find(id, actor.viewer());
    if (found.isEmpty()) {
      return unknownCase(id);
    }
    if (!found.get().managedBy(actor.viewer())) {
      return new Refused<>(Refusal.NOT_ALLOWED, "only the owner of case " + id + " does this");
    }
    return new Done<>(found.get());
  }

  static <T> Refused<T> unknownCase(String id) {
    return new Refused<>(Refusal.UNKNOWN, "no case " + id);
  }

  <T> Outcome<T> audited(Supplier<T> work, Function<T, AuditEvent> audit) {
    try {
      return new Done<>(store.audited(work, audit));
    } catch (InvalidValueException e) {
      return new Refused<>(Refusal.INVALID_VALUE, e.getMessage());
    }
  }

  AuditEvent event(Actor actor, String caseId, String detail) {
    String bounded = detail.length() > 500 ? detail.substring(0, 500) + "…" : detail;
    return new AuditEvent(
        actor.auditId(),
        AuditAction.CASE,
        "case:" + caseId,
        bounded,
        actor.address(),
        clock.instant());
  }
}
