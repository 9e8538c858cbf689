/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Tlp;

/**
 * The STIX objects of TAXII 2.1 collections and the status of the requests that added them. Who may
 * read or write a collection is decided by the caller from its owner and level; this repository
 * stores and pages.
 */
public interface TaxiiRepository {

  /** Creates the collection's row if it is missing; its owner and level never change. */
  void ensureCollection(String collectionId, String ownerOrg, Tlp tlp);

  /**
   * Adds objects to a collection, all with one date added that is later than every date added
   * before in it (the collection's row is locked until the transaction ends, so dates added grow in
   * commit order). An object already stored with the same version is left as it was.
   *
   * @return the date added given to the batch, in microseconds since the epoch
   */
  long add(String collectionId, List<NewObject> objects, long nowMicros);

  /**
   * One page of a collection's objects in (date added, id, version) order, after {@code cursor}
   * when given: at most {@code limit}, and whether more follow.
   */
  Page objects(String collectionId, Filter filter, Optional<Cursor> cursor, int limit);

  /** Deletes the versions of an object that {@code filter} selects; returns how many. */
  int delete(String collectionId, String objectId, Filter filter);

  /** Which of {@code ids} have a version in the collection (none when it does not exist). */
  Set<String> held(String collectionId, Collection<String> ids);

  void saveStatus(Status status);

  /** A status resource, if it belongs to this collection and organisation. */
  Optional<Status> status(String statusId, String collectionId, String ownerOrg);

  /** Where the pulls of a partner's collection stopped, if it was ever pulled. */
  Optional<PullState> pullState(String partner);

  /**
   * Records where the pull of a partner's collection stopped: written in the caller's transaction
   * with the page it follows, so the two are stored together or not at all.
   */
  void savePullState(PullState state);

  /**
   * Where a partner's pulls stopped.
   *
   * @param partner the partner's name in the configuration
   * @param receivingOrg the organisation that receives its objects
   * @param collectionUrl the objects URL of the partner's collection
   * @param addedAfter the {@code added_after} to send next, empty before the first stored page
   * @param objectsReceived how many objects all its pulls have received
   * @param updatedMicros when this was written
   */
  record PullState(
      String partner,
      String receivingOrg,
      String collectionUrl,
      Optional<String> addedAfter,
      long objectsReceived,
      long updatedMicros) {
    public PullState {
      requireNonNull(partner, "partner");
      requireNonNull(receivingOrg, "receivingOrg");
      requireNonNull(collectionUrl, "collectionUrl");
      requireNonNull(addedAfter, "addedAfter");
    }
  }

  /** An object to store: its id, version (modified or created), type, spec version and JSON. */
  record NewObject(
      String objectId,
      long versionMicros,
      String versionText,
      String type,
      String specVersion,
      String json) {
    public NewObject {
      requireNonNull(objectId, "objectId");
      requireNonNull(versionText, "versionText");
      requireNonNull(type, "type");
      requireNonNull(specVersion, "specVersion");
      requireNonNull(json, "json");
    }
  }

  /** A stored object version. */
  record StoredObject(
      String objectId,
      long versionMicros,
      String versionText,
      long dateAddedMicros,
      String type,
      String specVersion,
      String json) {}

  /** Where the previous page ended. */
  record Cursor(long dateAddedMicros, String objectId, long versionMicros) {
    public Cursor {
      requireNonNull(objectId, "objectId");
    }
  }

  /** A page and whether more objects follow it. */
  record Page(List<StoredObject> objects, boolean more) {
    public Page {
      objects = List.copyOf(objects);
    }
  }

  /**
   * TAXII's match filters: ids, types, versions ({@code first}, {@code last}, {@code all} or exact
   * versions), spec versions, and added after; an empty list matches everything.
   */
  record Filter(
      List<String> ids,
      List<String> types,
      boolean first,
      boolean last,
      boolean all,
      List<Long> versions,
      List<String> specVersions,
      Optional<Long> addedAfterMicros) {
    public Filter {
      ids = List.copyOf(ids);
      types = List.copyOf(types);
      versions = List.copyOf(versions);
      specVersions = List.copyOf(specVersions);
      requireNonNull(addedAfterMicros, "addedAfterMicros");
    }

    /** Every version of every object. */
    public static Filter everything() {
      return new Filter(
          List.of(), List.of(), false, false, true, List.of(), List.of(), Optional.empty());
    }
  }

  /** The outcome of one add-objects request. */
  record Status(
      String id,
      String collectionId,
      String ownerOrg,
      long requestMicros,
      int total,
      int success,
      int failure,
      String detailsJson) {
    public Status {
      requireNonNull(id, "id");
      requireNonNull(collectionId, "collectionId");
      requireNonNull(ownerOrg, "ownerOrg");
      requireNonNull(detailsJson, "detailsJson");
    }
  }
}
