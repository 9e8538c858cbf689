/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.claims.AchRating;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;

/** The case repository's contract, run on every store (H2, PostgreSQL). */
abstract class CaseStoreContract {
  private static final Viewer OWNER = Viewer.of("u-a1", "alice", "org-a", Set.of(), Role.ANALYST);
  private static final Viewer COLLEAGUE =
      Viewer.of("u-a2", "amir", "org-a", Set.of(), Role.ANALYST);
  private static final Viewer PARTNER =
      Viewer.of("u-c1", "carol", "org-c", Set.of("org-a"), Role.ANALYST);
  private static final Viewer STRANGER = Viewer.of("u-b1", "bob", "org-b", Set.of(), Role.ANALYST);

  @TempDir Path dataDir;
  private Store store;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = Store.open(freshConfig(dataDir));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aCaseIsReadOnlyByItsOwnerAndMembersItsMarkingReaches() {
    StoredCase c = store.cases().create("  Ministry ties ", Tlp.AMBER, OWNER);
    assertThat(c.title()).isEqualTo("Ministry ties");
    assertThat(c.id()).matches("case-[0-9a-f]{20}");
    assertThat(store.cases().find(c.id(), OWNER)).isPresent();
    assertThat(store.cases().find(c.id(), COLLEAGUE)).as("not a member").isEmpty();
    assertThat(store.cases().find(c.id(), PARTNER)).isEmpty();

    store.cases().putMember(c.id(), member(CaseMember.Kind.ORG, "org-c", CaseMember.Rights.READ));
    store.cases().putMember(c.id(), member(CaseMember.Kind.ORG, "org-b", CaseMember.Rights.READ));
    assertThat(store.cases().find(c.id(), PARTNER)).isPresent();
    assertThat(store.cases().find(c.id(), STRANGER))
        .as("a member the marking does not reach reads nothing")
        .isEmpty();
    assertThat(store.cases().readableBy(PARTNER))
        .extracting(StoredCase::id)
        .containsExactly(c.id());
    assertThat(store.cases().readableBy(STRANGER)).isEmpty();
    assertThat(store.cases().find(c.id(), PARTNER).orElseThrow().writableBy(PARTNER)).isFalse();

    store.cases().putMember(c.id(), member(CaseMember.Kind.ORG, "org-c", CaseMember.Rights.WRITE));
    StoredCase shared = store.cases().find(c.id(), PARTNER).orElseThrow();
    assertThat(shared.members()).hasSize(2);
    assertThat(shared.writableBy(PARTNER)).isTrue();
    assertThat(shared.managedBy(PARTNER)).isFalse();
    assertThat(store.cases().removeMember(c.id(), CaseMember.Kind.ORG, "org-c")).isTrue();
    assertThat(store.cases().find(c.id(), PARTNER)).isEmpty();
  }

  @Test
  void aRedCaseNamesItsOwnerAndUserMembersOnly() {
    StoredCase c = store.cases().create("Red", Tlp.RED, OWNER);
    store.cases().putMember(c.id(), member(CaseMember.Kind.USER, "u-c1", CaseMember.Rights.READ));
    assertThat(store.cases().find(c.id(), PARTNER)).isPresent();
    assertThat(store.cases().find(c.id(), COLLEAGUE)).isEmpty();
    assertThat(store.cases().find(c.id(), OWNER).orElseThrow().marking().namedUsers())
        .containsExactly("u-a1", "u-c1");
  }

  @Test
  void itemsAreReferencesAddedOnceAndNotesKeepTheirOwnMarking() {
    StoredCase c = store.cases().create("Items", Tlp.GREEN, OWNER);
    assertThat(store.cases().addItems(c.id(), CaseItem.Kind.ENTITY, List.of("p-1", "p-2"), "alice"))
        .containsExactly("p-1", "p-2");
    assertThat(store.cases().addItems(c.id(), CaseItem.Kind.ENTITY, List.of("p-2", "p-3"), "alice"))
        .containsExactly("p-3");
    store.cases().addItems(c.id(), CaseItem.Kind.DOCUMENT, List.of("p-1"), "alice");
    assertThat(store.cases().items(c.id())).hasSize(4);
    assertThat(store.cases().removeItem(c.id(), CaseItem.Kind.ENTITY, "p-1")).isTrue();
    assertThat(store.cases().removeItem(c.id(), CaseItem.Kind.ENTITY, "p-1")).isFalse();

    CaseNote note = store.cases().addNote(c.id(), "# Strict\nthoughts", Tlp.AMBER_STRICT, OWNER);
    assertThat(store.cases().notes(c.id()))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(note.id());
              assertThat(n.body()).isEqualTo("# Strict\nthoughts");
              assertThat(n.marking(Set.of()).tlp()).isEqualTo(Tlp.AMBER_STRICT);
              assertThat(n.ownerOrg()).isEqualTo("org-a");
            });
    assertThatThrownBy(() -> store.cases().addNote(c.id(), " ", Tlp.GREEN, OWNER))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void deletingACaseDeletesItsRowsOnly() {
    StoredCase c = store.cases().create("Gone", Tlp.AMBER, OWNER);
    StoredCase kept = store.cases().create("Kept", Tlp.AMBER, OWNER);
    store.cases().addItems(c.id(), CaseItem.Kind.ENTITY, List.of("p-1"), "alice");
    store.cases().addItems(kept.id(), CaseItem.Kind.ENTITY, List.of("p-1"), "alice");
    store.cases().addNote(c.id(), "note", Tlp.GREEN, OWNER);
    store.cases().putMember(c.id(), member(CaseMember.Kind.ORG, "org-c", CaseMember.Rights.READ));
    store.cases().setStatus(c.id(), StoredCase.Status.CLOSED);
    assertThat(store.cases().find(c.id(), OWNER).orElseThrow().status())
        .isEqualTo(StoredCase.Status.CLOSED);

    assertThat(store.cases().delete(c.id())).isTrue();
    assertThat(store.cases().find(c.id(), OWNER)).isEmpty();
    assertThat(store.cases().items(c.id())).isEmpty();
    assertThat(store.cases().notes(c.id())).isEmpty();
    assertThat(store.cases().items(kept.id())).hasSize(1);
    assertThat(store.cases().delete(c.id())).isFalse();
  }

  @Test
  void hypothesesRatingsTasksAndNoteVersionsAreKeptAndGoWithTheirCase() {
    StoredCase c = store.cases().create("Work", Tlp.AMBER, OWNER);
    StoredCase kept = store.cases().create("Kept", Tlp.AMBER, OWNER);
    CaseHypothesis h = store.cases().addHypothesis(c.id(), " Orders ", OWNER);
    CaseHypothesis other = store.cases().addHypothesis(c.id(), "Own ends", OWNER);
    assertThat(h.text()).isEqualTo("Orders");
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    assertThat(
            store
                .cases()
                .rate(
                    c.id(),
                    h.id(),
                    new CaseHypothesis.Rating("claim:m-1", AchRating.CONSISTENT, "alice", at)))
        .isTrue();
    store
        .cases()
        .rate(
            c.id(),
            h.id(),
            new CaseHypothesis.Rating("claim:m-1", AchRating.INCONSISTENT, "amir", at));
    store
        .cases()
        .rate(
            c.id(),
            other.id(),
            new CaseHypothesis.Rating("claim:m-1", AchRating.NEUTRAL, "amir", at));
    assertThat(
            store
                .cases()
                .rate(
                    kept.id(),
                    h.id(),
                    new CaseHypothesis.Rating("claim:m-1", AchRating.NEUTRAL, "x", at)))
        .as("a hypothesis of another case")
        .isFalse();
    List<CaseHypothesis> read = store.cases().hypotheses(c.id());
    assertThat(read).extracting(CaseHypothesis::text).containsExactly("Orders", "Own ends");
    assertThat(read.get(0).ratings())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rating()).isEqualTo(AchRating.INCONSISTENT);
              assertThat(r.ratedBy()).isEqualTo("amir");
            });

    CaseTask t =
        store
            .cases()
            .addTask(
                c.id(),
                "Find the money",
                java.util.Optional.of("u-a2"),
                java.util.Optional.of(java.time.LocalDate.parse("2027-01-15")),
                "alice");
    assertThat(
            store
                .cases()
                .updateTask(
                    new CaseTask(
                        t.id(),
                        c.id(),
                        t.title(),
                        java.util.Optional.empty(),
                        CaseTask.Status.DOING,
                        t.due(),
                        t.createdBy(),
                        t.createdAt(),
                        Instant.now())))
        .isTrue();
    CaseTask readTask = store.cases().tasks(c.id()).get(0);
    assertThat(readTask.status()).isEqualTo(CaseTask.Status.DOING);
    assertThat(readTask.assignee()).isEmpty();
    assertThat(readTask.due()).contains(java.time.LocalDate.parse("2027-01-15"));

    CaseNote n = store.cases().addNote(c.id(), "first", Tlp.GREEN, OWNER);
    store.cases().editNote(c.id(), n.id(), "second", Tlp.AMBER, COLLEAGUE).orElseThrow();
    CaseNote now = store.cases().editNote(c.id(), n.id(), "third", Tlp.AMBER, OWNER).orElseThrow();
    assertThat(now.editedBy()).contains("alice");
    assertThat(store.cases().editNote(kept.id(), n.id(), "x", Tlp.AMBER, OWNER)).isEmpty();
    CaseNote stored = store.cases().notes(c.id()).get(0);
    assertThat(stored.body()).isEqualTo("third");
    assertThat(stored.authorName()).isEqualTo("alice");
    assertThat(stored.editedBy()).contains("alice");
    assertThat(store.cases().noteVersions(n.id()))
        .extracting(CaseNoteVersion::body, CaseNoteVersion::tlp, CaseNoteVersion::writtenBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("first", Tlp.GREEN, "alice"),
            org.assertj.core.groups.Tuple.tuple("second", Tlp.AMBER, "amir"));

    store.cases().addHypothesis(kept.id(), "Kept", OWNER);
    assertThat(store.cases().delete(c.id())).isTrue();
    assertThat(store.cases().hypotheses(c.id())).isEmpty();
    assertThat(store.cases().tasks(c.id())).isEmpty();
    assertThat(store.cases().noteVersions(n.id())).isEmpty();
    assertThat(store.cases().hypotheses(kept.id())).hasSize(1);
  }

  private static CaseMember member(CaseMember.Kind kind, String id, CaseMember.Rights rights) {
    return new CaseMember(kind, id, rights, "alice", Instant.now());
  }
}
