package io.chartstream.ingest.s57.simulate;

/**
 * Numbers drawn from the simulation's seed: the same seed and salt give the same number on every
 * machine and Java version (SplitMix64's finaliser), which {@link java.util.Random}'s algorithm
 * also guarantees but not for every method a caller might reach for.
 */
final class Seeds {
  private Seeds() {}

  /** A well-mixed non-negative long from {@code seed} and {@code salt}. */
  static long mix(long seed, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
