/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static java.util.Objects.requireNonNull;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.vigil.extract.MentionType;

/**
 * A trained relation classifier: the names of its features, a multiclass logistic regression over
 * them (liblinear, one weight vector per {@link RelationLabel}), and how it was made. Immutable and
 * safe for concurrent use.
 *
 * <p>Its file is gzipped UTF-8 text: a header (format, feature version, the training data's
 * SHA-256, C, threshold, seed), the feature names one a line, then liblinear's own model text. The
 * same model always writes the same bytes.
 */
public final class RelationModel {
  private static final String MAGIC = "vigil relation model";

  /**
   * The file format written: 2 adds the line of per-label thresholds to format 1's header. Both are
   * read.
   */
  private static final int FORMAT = 2;

  private final List<String> featureNames;
  private final Map<String, Integer> index;
  private final Model model;
  private final ModelProvenance provenance;

  RelationModel(List<String> featureNames, Model model, ModelProvenance provenance) {
    this.featureNames = List.copyOf(featureNames);
    this.model = requireNonNull(model, "model");
    this.provenance = requireNonNull(provenance, "provenance");
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < this.featureNames.size(); i++) {
      byName.put(this.featureNames.get(i), i + 1);
    }
    this.index = Collections.unmodifiableMap(byName);
  }

  /** A label and the model's probability for it. */
  public record Prediction(RelationLabel label, double probability) {
    public Prediction {
      requireNonNull(label, "label");
    }
  }

  /**
   * The same model, reading relations from probability {@code threshold} on (for every label: the
   * labels' own thresholds are dropped).
   */
  public RelationModel withThreshold(double threshold) {
    return new RelationModel(
        featureNames,
        model,
        new ModelProvenance(
            provenance.trainingDataSha256(),
            provenance.featureVersion(),
            provenance.c(),
            threshold,
            provenance.seed()));
  }

  /**
   * The same model, reading each label of {@code thresholds} from its own probability on and the
   * others from the model's threshold.
   */
  public RelationModel withThresholds(Map<RelationLabel, Double> thresholds) {
    return new RelationModel(
        featureNames,
        model,
        new ModelProvenance(
            provenance.trainingDataSha256(),
            provenance.featureVersion(),
            provenance.c(),
            provenance.threshold(),
            provenance.seed(),
            thresholds));
  }

  public ModelProvenance provenance() {
    return provenance;
  }

  /** How many features the model knows. */
  public int features() {
    return featureNames.size();
  }

  /** The features' liblinear vector: the known ones, ascending, each with value 1. */
  static Feature[] vector(List<String> features, Map<String, Integer> index) {
    int[] ids =
        features.stream()
            .map(index::get)
            .filter(i -> i != null)
            .mapToInt(i -> i)
            .sorted()
            .distinct()
            .toArray();
    Feature[] out = new Feature[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = new FeatureNode(ids[i], 1.0);
    }
    return out;
  }

  /**
   * The most probable label other than NONE that fits the two types, when its probability reaches
   * that label's threshold; else NONE with that label's probability.
   */
  public Prediction classify(List<String> features, MentionType head, MentionType tail) {
    Map<RelationLabel, Double> p = probabilities(features);
    RelationLabel best = RelationLabel.NONE;
    double bestP = 0;
    for (Map.Entry<RelationLabel, Double> e : p.entrySet()) {
      if (e.getKey() != RelationLabel.NONE && e.getKey().fits(head, tail) && e.getValue() > bestP) {
        best = e.getKey();
        bestP = e.getValue();
      }
    }
    return best != RelationLabel.NONE && bestP >= provenance.threshold(best)
        ? new Prediction(best, bestP)
        : new Prediction(RelationLabel.NONE, bestP);
  }

  /** The probability of each label the model was trained on. */
  public Map<RelationLabel, Double> probabilities(List<String> features) {
    double[] p = new double[model.getNrClass()];
    Linear.predictProbability(model, vector(features, index), p);
    Map<RelationLabel, Double> out = new java.util.EnumMap<>(RelationLabel.class);
    int[] labels = model.getLabels();
    for (int i = 0; i < labels.length; i++) {
      out.put(RelationLabel.values()[labels[i]], p[i]);
    }
    return out;
  }

  /** Writes the model to {@code out}, which the caller closes. */
  public void write(OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(MAGIC).append('\n');
    line(text, "format", Integer.toString(FORMAT));
    line(text, "feature-version", Integer.toString(provenance.featureVersion()));
    line(text, "training-data-sha256", provenance.trainingDataSha256());
    line(text, "c", Double.toString(provenance.c()));
    line(text, "threshold", Double.toString(provenance.threshold()));
    line(text, "seed", Long.toString(provenance.seed()));
    line(text, "thresholds", thresholds(provenance.thresholds()));
    line(text, "features", Integer.toString(featureNames.size()));
    for (String f : featureNames) {
      text.append(escape(f)).append('\n');
    }
    StringWriter liblinear = new StringWriter();
    model.save(liblinear);
    text.append(liblinear);
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
    gzip.finish();
  }

  /** Writes the model to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    }
  }

  /**
   * Reads a model written by {@link #write}; {@code name} names it in errors.
   *
   * @throws UnreadableRelationModel when it is not a model file or was trained on another version
   *     of the features
   */
  public static RelationModel read(InputStream in, String name) throws IOException {
    String text;
    try {
      text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.util.zip.ZipException e) {
      throw new UnreadableRelationModel(name + " is not a relation model file (not gzip)");
    }
    String[] lines = text.split("\n", -1);
    if (lines.length < 9 || !lines[0].equals(MAGIC)) {
      throw new UnreadableRelationModel(name + " is not a relation model file");
    }
    // Format 1 has seven header lines, format 2 eight (the thresholds).
    int headerLines = lines[1].equals("format 1") ? 7 : 8;
    Map<String, String> header = new HashMap<>();
    for (int i = 1; i <= headerLines; i++) {
      int space = lines[i].indexOf(' ');
      if (space < 0) {
        throw new UnreadableRelationModel(name + ": line " + (i + 1) + " is not a header line");
      }
      header.put(lines[i].substring(0, space), lines[i].substring(space + 1));
    }
    if (!Integer.toString(FORMAT).equals(header.get("format"))
        && !"1".equals(header.get("format"))) {
      throw new UnreadableRelationModel(
          name
              + " has file format "
              + header.get("format")
              + "; this Vigil reads formats 1 and "
              + FORMAT);
    }
    int version = number(header, "feature-version", name);
    if (version != PairFeatures.VERSION) {
      throw new UnreadableRelationModel(
          String.format(
              Locale.ROOT,
              "%s was trained on feature version %d; this Vigil computes version %d: train a new"
                  + " one with `vigil train relations`",
              name,
              version,
              PairFeatures.VERSION));
    }
    int count = number(header, "features", name);
    int first = headerLines + 1;
    if (lines.length < first + count) {
      throw new UnreadableRelationModel(
          name + " is cut short: it names fewer features than it says");
    }
    List<String> features = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      features.add(unescape(lines[first + i]));
    }
    StringBuilder rest = new StringBuilder();
    for (int i = first + count; i < lines.length; i++) {
      rest.append(lines[i]).append('\n');
    }
    Model model;
    try {
      model = Model.load(new StringReader(rest.toString()));
    } catch (RuntimeException e) {
      throw new UnreadableRelationModel(name + ": its weights cannot be read: " + e.getMessage());
    }
    try {
      return new RelationModel(
          features,
          model,
          new ModelProvenance(
              header.getOrDefault("training-data-sha256", ""),
              version,
              Double.parseDouble(header.getOrDefault("c", "")),
              Double.parseDouble(header.getOrDefault("threshold", "")),
              Long.parseLong(header.getOrDefault("seed", "")),
              thresholds(header.getOrDefault("thresholds", NO_THRESHOLDS), name)));
    } catch (IllegalArgumentException e) {
      throw new UnreadableRelationModel(name + ": a header value is wrong: " + e.getMessage());
    }
  }

  /** Reads the model in {@code file}. */
  public static RelationModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** The thresholds line when every label has the model's threshold. */
  private static final String NO_THRESHOLDS = "none";

  /** "LABEL=p,LABEL=p" in the labels' order, or {@link #NO_THRESHOLDS}. */
  private static String thresholds(Map<RelationLabel, Double> thresholds) {
    if (thresholds.isEmpty()) {
      return NO_THRESHOLDS;
    }
    List<String> parts = new ArrayList<>();
    for (RelationLabel l : RelationLabel.values()) {
      if (thresholds.containsKey(l)) {
        parts.add(l.name() + "=" + thresholds.get(l));
      }
    }
    return String.join(",", parts);
  }

  private static Map<RelationLabel, Double> thresholds(String line, String name) {
    Map<RelationLabel, Double> out = new java.util.EnumMap<>(RelationLabel.class);
    if (line.equals(NO_THRESHOLDS)) {
      return out;
    }
    for (String part : line.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new UnreadableRelationModel(name + ": threshold " + part + " is not LABEL=p");
      }
      try {
        out.put(
            RelationLabel.valueOf(part.substring(0, eq)),
            Double.parseDouble(part.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new UnreadableRelationModel(name + ": threshold " + part + " cannot be read");
      }
    }
    return out;
  }

  private static int number(Map<String, String> header, String key, String name) {
    try {
      return Integer.parseInt(header.getOrDefault(key, ""));
    } catch (NumberFormatException e) {
      throw new UnreadableRelationModel(name + ": header " + key + " is not a number");
    }
  }

  private static void line(StringBuilder text, String key, String value) {
    text.append(key).append(' ').append(value).append('\n');
  }

  private static String escape(String feature) {
    return feature.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
