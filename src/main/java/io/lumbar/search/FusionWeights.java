package io.lumbar.search;

import java.util.Locale;

/**
 * How hybrid ranking weighs meaning against words ({@link HybridFusion}). {@code floor}: cosine
 * similarity that counts as no evidence; {@code span}: the similarity range below the query's best
 * that counts; {@code low}/{@code high}: the weight of the meaning side when the sides agree or
 * not; {@code agreeBelow}/{@code disagreeAbove}: the gap between the best similarity and that of
 * the best word matches at which the weight is {@code low}, {@code high} (linear between).
 *
 * <p>The similarities depend on the embedding model, so a server on another model ({@code
 * LUMBAR_SEMANTIC_MODEL}) sets its own ({@code LUMBAR_FUSION}, tuned with {@code lumbar eval
 * --fusion}).
 */
public record FusionWeights(
    float floor, float span, float low, float high, float agreeBelow, float disagreeAbove) {
  /**
   * Tuned with {@code lumbar eval --fusion} on the tuning queries (dev, lay, outside tune;
   * BENCHMARKS.md) for the bundled model and passages embedded with their context: meaning then
   * earns more say where the sides disagree.
   */
  public static final FusionWeights DEFAULT =
      new FusionWeights(0.60f, 0.10f, 0.8f, 3.0f, 0.03f, 0.15f);

  /** Six numbers as {@link #toString} writes them: FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE. */
  public static FusionWeights parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "Fusion weights are six numbers FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE, got '" + text + "'");
    }
    float[] values = new float[6];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Float.parseFloat(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Fusion weights are six numbers FLOOR,SPAN,LOW,HIGH,AGREE,DISAGREE, got '"
                + text
                + "'");
      }
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "Fusion weights must be finite numbers, got '" + text + "'");
      }
    }
    return new FusionWeights(values[0], values[1], values[2], values[3], values[4], values[5]);
  }

  /** 0 where the sides agree, 1 where they disagree, linear between. */
  float disagreement(float gap) {
    if (disagreeAbove <= agreeBelow) {
      return gap > agreeBelow ? 1 : 0;
    }
    return Math.clamp((gap - agreeBelow) / (disagreeAbove - agreeBelow), 0f, 1f);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s,%s,%s,%s,%s,%s", floor, span, low, high, agreeBelow, disagreeAbove);
  }
}
