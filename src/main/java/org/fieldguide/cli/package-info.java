/**
 * The command line (picocli): {@code build}, {@code check}, {@code serve} and {@code new}, their
 * options and exit codes (0 success, 1 content errors, 2 usage errors), and the relaunch of a
 * one-off command in a second JVM tuned for a short batch job ({@code ShortLivedJvm}). Nothing else
 * knows about the command line.
 */
package org.fieldguide.cli;
