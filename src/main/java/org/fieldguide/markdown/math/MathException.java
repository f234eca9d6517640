package org.fieldguide.markdown.math;

/**
 * A formula that cannot be typeset. The message is one sentence in the project's diagnostic style
 * (lower case, what is wrong, then what to do), e.g. {@code unknown command \foo; check the
 * spelling}; {@link #offset()} says where in the TeX the problem is, when known, so that the caller
 * can turn it into a line and column of the Markdown file.
 */
public final class MathException extends Exception {
  private final int offset;

  public MathException(String message) {
    this(message, -1);
  }

  public MathException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /**
   * The index into the TeX (as given to the renderer) where the problem starts, or -1 if unknown.
   */
  public int offset() {
    return offset;
  }
}
