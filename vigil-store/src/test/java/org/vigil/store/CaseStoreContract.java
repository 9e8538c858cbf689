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

  private static CaseMember member(CaseMember.Kind kind, String id, CaseMember.Rights rights) {
    return new CaseMember(kind, id, rights, "alice", Instant.now());
  }
}
