package org.fieldguide.starter;

/**
 * A starter file could not be written: it exists already, the project has no {@code content/}, or
 * the disk refused. {@link #usage} is true when the command was pointed at the wrong place.
 */
public final class StarterException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean usage;

  StarterException(String message, boolean usage) {
    super(message);
    this.usage = usage;
  }

  public boolean usage() {
    return usage;
  }
}
