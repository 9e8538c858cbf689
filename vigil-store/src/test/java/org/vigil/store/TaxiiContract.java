/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Tlp;
import org.vigil.store.TaxiiRepository.Cursor;
import org.vigil.store.TaxiiRepository.Filter;
import org.vigil.store.TaxiiRepository.NewObject;
import org.vigil.store.TaxiiRepository.Page;
import org.vigil.store.TaxiiRepository.StoredObject;

/** TAXII collections' pages, run against every store. */
abstract class TaxiiContract {
  private static final String COLLECTION = "c0ffee00-0000-4000-8000-000000000001";
  private static final Filter LAST =
      new Filter(List.of(), List.of(), false, true, false, List.of(), List.of(), Optional.empty());

  @TempDir Path dataDir;
  private Store store;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = Store.open(freshConfig(dataDir));
    store.taxii().ensureCollection(COLLECTION, "org-a", Tlp.GREEN);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void pagesOfEverySizeGiveEachVersionOnceInOrderWhenHundredsShareOneDateAdded() {
    List<NewObject> shared = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      shared.add(object("indicator", i, 1_000));
      if (i % 7 == 0) {
        shared.add(object("indicator", i, 2_000));
      }
    }
    store.taxii().add(COLLECTION, shared, 10);
    for (int batch = 0; batch < 5; batch++) {
      List<NewObject> small = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        small.add(object("identity", batch * 100 + i, 1_000));
      }
      store.taxii().add(COLLECTION, small, 10);
    }
    List<String> all = walk(Filter.everything(), 10_000);
    assertThat(all).hasSize(600 + 86 + 150).doesNotHaveDuplicates();
    for (int pageSize : new int[] {1, 7, 100, 599, 1_000}) {
      assertThat(walk(Filter.everything(), pageSize)).as("pages of " + pageSize).isEqualTo(all);
    }
    List<String> latest = walk(LAST, 13);
    assertThat(latest).hasSize(750).doesNotHaveDuplicates();
    assertThat(latest)
        .contains(key("indicator", 7, 2_000))
        .doesNotContain(key("indicator", 7, 1_000));
  }

  @Test
  void aPageResumedAfterALaterAddGoesOnWithTheNewObjectsLast() {
    List<NewObject> first = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      first.add(object("identity", i, 1_000));
    }
    store.taxii().add(COLLECTION, first, 10);
    Page page = store.taxii().objects(COLLECTION, Filter.everything(), Optional.empty(), 20);
    store
        .taxii()
        .add(COLLECTION, List.of(object("identity", 5, 3_000), object("report", 1, 1)), 10);
    Set<String> seen = new LinkedHashSet<>(keys(page));
    Page rest =
        store.taxii().objects(COLLECTION, Filter.everything(), Optional.of(after(page)), 100);
    assertThat(rest.more()).isFalse();
    seen.addAll(keys(rest));
    assertThat(seen).hasSize(52);
    assertThat(keys(rest).subList(rest.objects().size() - 2, rest.objects().size()))
        .containsExactlyInAnyOrder(key("identity", 5, 3_000), key("report", 1, 1));
  }

  @Test
  void heldNamesTheIdsWithAVersionInTheCollectionAndAnAddSkipsWhatIsStored() {
    List<NewObject> objects = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      objects.add(object("identity", i, 1_000));
    }
    store.taxii().add(COLLECTION, objects, 10);
    // the same versions again, and one new one: only the new version is added
    List<NewObject> again = new ArrayList<>(objects.subList(0, 700));
    again.add(object("identity", 3, 2_000));
    store.taxii().add(COLLECTION, again, 10);
    assertThat(walk(Filter.everything(), 10_000)).hasSize(1_201);
    List<String> asked = new ArrayList<>();
    for (int i = 1_190; i < 1_210; i++) {
      asked.add(id("identity", i));
    }
    asked.add(id("identity", 3));
    assertThat(store.taxii().held(COLLECTION, asked))
        .hasSize(11)
        .contains(id("identity", 3), id("identity", 1_199))
        .doesNotContain(id("identity", 1_200));
    assertThat(store.taxii().held("c0ffee00-0000-4000-8000-00000000ffff", asked)).isEmpty();
  }

  private List<String> walk(Filter filter, int pageSize) {
    List<String> out = new ArrayList<>();
    Optional<Cursor> cursor = Optional.empty();
    while (true) {
      Page page = store.taxii().objects(COLLECTION, filter, cursor, pageSize);
      assertThat(page.objects().size()).isLessThanOrEqualTo(pageSize);
      out.addAll(keys(page));
      if (!page.more()) {
        return out;
      }
      assertThat(page.objects()).hasSize(pageSize);
      cursor = Optional.of(after(page));
    }
  }

  private static Cursor after(Page page) {
    StoredObject last = page.objects().get(page.objects().size() - 1);
    return new Cursor(last.dateAddedMicros(), last.objectId(), last.versionMicros());
  }

  private static List<String> keys(Page page) {
    return page.objects().stream().map(o -> o.objectId() + "@" + o.versionMicros()).toList();
  }

  private static String key(String type, int i, long version) {
    return id(type, i) + "@" + version;
  }

  private static String id(String type, int i) {
    return String.format(Locale.ROOT, "%s--00000000-0000-4000-8000-%012d", type, i);
  }

  private static NewObject object(String type, int i, long version) {
    String id = id(type, i);
    return new NewObject(
        id,
        version,
        "v" + version,
        type,
        "2.1",
        "{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}");
  }
}
