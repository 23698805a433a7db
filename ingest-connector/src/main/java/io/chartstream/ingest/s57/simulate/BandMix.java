package io.chartstream.ingest.s57.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The share of a delivery's cells in each usage band, 1 (overview) to 6 (berthing), as weights
 * (any positive scale; {@code 1=1,4=38,5=61} and {@code 1=2,4=76,5=122} are the same mix).
 *
 * <p>The default is an approximation of NOAA's catalogue of legacy-scheme ENCs by usage band:
 * mostly approach and harbour cells, a few overview and general cells, some coastal and berthing
 * cells. It is not a measurement; give {@code --mix} with a catalogue's real counts to model it.
 */
public record BandMix(double[] weights) {
  public static final int BANDS = 6;
  public static final BandMix DEFAULT = parse("1=1,2=3,3=15,4=31,5=47,6=3");
  private static final String[] NAMES = {"", "overview", "general", "coastal", "approach", "harbour", "berthing"};

  public BandMix {
    if (weights.length != BANDS + 1) {
      throw new IllegalArgumentException("a mix has a weight for each band 1 to 6");
    }
    weights = weights.clone();
    double sum = 0;
    for (int band = 1; band <= BANDS; band++) {
      if (!(weights[band] >= 0) || Double.isInfinite(weights[band])) {
        throw new IllegalArgumentException("band " + band + " has weight " + weights[band] + ": weights are >= 0");
      }
      sum += weights[band];
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("every band has weight 0: give at least one band a positive weight");
    }
  }

  /**
   * Reads {@code BAND=WEIGHT,…}, e.g. {@code 1=1,4=38,5=61}; a band not named has weight 0.
   *
   * @throws IllegalArgumentException with what is wrong, for the command line
   */
  public static BandMix parse(String text) {
    double[] weights = new double[BANDS + 1];
    for (String part : text.split(",")) {
      String[] pair = part.strip().split("=");
      int band;
      double weight;
      try {
        band = Integer.parseInt(pair[0].strip());
        weight = pair.length == 2 ? Double.parseDouble(pair[1].strip()) : Double.NaN;
      } catch (NumberFormatException e) {
        band = -1;
        weight = Double.NaN;
      }
      if (band < 1 || band > BANDS || Double.isNaN(weight)) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not BAND=WEIGHT with a band 1 to 6 "
            + "(e.g. --mix 1=1,4=38,5=61)");
      }
      weights[band] = weight;
    }
    return new BandMix(weights);
  }

  /** Cells per band for a delivery of {@code n}: each band's share rounded so that they add up to n. */
  public long[] counts(long n) {
    double sum = Arrays.stream(weights).sum();
    long[] counts = new long[BANDS + 1];
    double[] remainders = new double[BANDS + 1];
    long given = 0;
    for (int band = 1; band <= BANDS; band++) {
      double exact = n * weights[band] / sum;
      counts[band] = (long) Math.floor(exact);
      remainders[band] = exact - counts[band];
      given += counts[band];
    }
    // Largest remainders first; a tie goes to the lower band, so the result is the same everywhere.
    while (given < n) {
      int best = 0;
      for (int band = 1; band <= BANDS; band++) {
        if (weights[band] > 0 && (best == 0 || remainders[band] > remainders[best])) {
          best = band;
        }
      }
      counts[best]++;
      remainders[best] = -1;
      given++;
    }
    return counts;
  }

  public static String bandName(int band) {
    return NAMES[band];
  }

  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(",");
    for (int band = 1; band <= BANDS; band++) {
      if (weights[band] > 0) {
        text.add(band + "=" + String.format(Locale.ROOT, "%s", stripZero(weights[band])));
      }
    }
    return text.toString();
  }

  private static String stripZero(double weight) {
    return weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BandMix mix && Arrays.equals(weights, mix.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }
}
