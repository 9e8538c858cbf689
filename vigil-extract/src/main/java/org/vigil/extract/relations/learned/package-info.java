/* SPDX-License-Identifier: GPL-3.0-or-later */
/**
 * A learned relation classifier beside the rules: candidate pairs of mentions in one sentence
 * ({@link org.vigil.extract.relations.learned.Candidates}), their features from the dependency
 * path, the words between, the types and the trigger lemmas ({@link
 * org.vigil.extract.relations.learned.PairFeatures}), and a multiclass model with a NONE class
 * ({@link org.vigil.extract.relations.learned.RelationModel}), trained by {@code vigil train
 * relations} ({@link org.vigil.extract.relations.learned.RelationTraining}) and run as one step of
 * extraction ({@link org.vigil.extract.relations.learned.ReadLearnedRelations}, joined with the
 * rules by {@link org.vigil.extract.relations.learned.MergeLearned}).
 *
 * <p>The model is L2-regularised logistic regression from liblinear-java (de.bwaldvogel:liblinear,
 * BSD-3-Clause): sparse binary features of this kind are what linear models do well; the library is
 * 80 KB with no dependencies (the runnable jar has a 200 MB limit), trains the whole set in seconds
 * on two cores, is deterministic for a given seed, and is a faithful, long-maintained port of the
 * reference C library. Smile 3.1.1 would also do (its Maxent takes the same sparse features) but
 * brings several megabytes of numeric code we do not need; Tribuo brings a larger tree of
 * dependencies for the same model.
 */
package org.vigil.extract.relations.learned;
