/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;

/**
 * {@link org.vigil.access.MarkingPolicy} expressed as index fields and a Lucene filter, so that a
 * search never scores, counts or shows a document its reader may not see. Each indexed document
 * holds statements of one marking, stored in the fields below; {@link #forViewer} must agree with
 * {@code MarkingPolicy.canSee} on every marking (a unit test checks all combinations).
 */
final class MarkingFilter {
  static final String TLP = "m_tlp";
  static final String OWNER = "m_owner";
  static final String NAMED = "m_named";
  static final String RESTRICTED = "m_restricted";

  /** Set on documents whose marking names no organisations to restrict it to. */
  static final String UNRESTRICTED = "m_open";

  private static final String YES = "1";

  private MarkingFilter() {}

  /** Adds the marking's fields to a document. */
  static void addFields(Document doc, Marking marking) {
    doc.add(new StringField(TLP, marking.tlp().name(), Field.Store.NO));
    doc.add(new StringField(OWNER, marking.ownerOrg(), Field.Store.NO));
    for (String user : marking.namedUsers()) {
      doc.add(new StringField(NAMED, user, Field.Store.NO));
    }
    if (marking.restrictedToOrgs().isEmpty()) {
      doc.add(new StringField(UNRESTRICTED, YES, Field.Store.NO));
    }
    for (String org : marking.restrictedToOrgs()) {
      doc.add(new StringField(RESTRICTED, org, Field.Store.NO));
    }
  }

  /**
   * The documents {@code viewer} may see: (CLEAR or GREEN, or AMBER owned by their organisation or
   * a partner, or AMBER+STRICT owned by their organisation, or RED naming them) and (restricted to
   * no one, or to a set that holds their organisation).
   */
  static Query forViewer(Viewer viewer) {
    if (viewer.isSystem()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder level = new BooleanQuery.Builder();
    level.add(tlp(Tlp.CLEAR), Occur.SHOULD);
    level.add(tlp(Tlp.GREEN), Occur.SHOULD);
    List<BytesRef> amberOwners = new ArrayList<>();
    amberOwners.add(new BytesRef(viewer.orgId()));
    for (String partner : viewer.partnerOrgs()) {
      amberOwners.add(new BytesRef(partner));
    }
    level.add(both(tlp(Tlp.AMBER), new TermInSetQuery(OWNER, amberOwners)), Occur.SHOULD);
    level.add(
        both(tlp(Tlp.AMBER_STRICT), new TermQuery(new Term(OWNER, viewer.orgId()))), Occur.SHOULD);
    level.add(both(tlp(Tlp.RED), new TermQuery(new Term(NAMED, viewer.userId()))), Occur.SHOULD);

    BooleanQuery.Builder reach = new BooleanQuery.Builder();
    reach.add(new TermQuery(new Term(UNRESTRICTED, YES)), Occur.SHOULD);
    reach.add(new TermQuery(new Term(RESTRICTED, viewer.orgId())), Occur.SHOULD);

    return new BooleanQuery.Builder()
        .add(level.build(), Occur.FILTER)
        .add(reach.build(), Occur.FILTER)
        .build();
  }

  private static Query tlp(Tlp tlp) {
    return new TermQuery(new Term(TLP, tlp.name()));
  }

  private static Query both(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
  }
}
