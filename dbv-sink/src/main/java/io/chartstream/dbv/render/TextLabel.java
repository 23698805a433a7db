package io.chartstream.dbv.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;

/**
 * One text of a {@code TX} or {@code TE} instruction, laid out and waiting to be placed.
 *
 * @param text     what it says
 * @param font     its font
 * @param colour   its colour in the render's palette
 * @param x        left end of the baseline, pixels
 * @param y        the baseline, pixels
 * @param bounds   the box it covers, pixels
 * @param priority the feature's display priority: higher is placed first
 * @param order    the order in which it was met, for ties
 */
record TextLabel(String text, Font font, Color colour, float x, float y, Rectangle2D bounds, int priority, int order) {}
