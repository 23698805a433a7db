package io.chartstream.app.ops;

/** Lag of the consuming stages at one moment, a point of the operator page's lag chart. */
public record LagSample(long epochMillis, long topology, long sink) {}
