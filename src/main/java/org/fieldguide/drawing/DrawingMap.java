package org.fieldguide.drawing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kind of drawing (formulas, diagrams) by its input: those this JVM has used, and those the
 * drawing cache file held that no build has asked for yet. A drawing asked for moves from the
 * second to the first, so that {@link #inUse} is what the next file should hold. Thread-safe.
 */
final class DrawingMap<K> {
  private final int max;
  private final Map<K, String> used = new ConcurrentHashMap<>();
  private final Map<K, String> stored = new ConcurrentHashMap<>();

  /** Whether something was drawn anew since the file was read or written. */
  private volatile boolean drawn;

  /**
   * A map that forgets what it used once it holds {@code max} drawings (a long {@code serve}
   * session).
   */
  DrawingMap(int max) {
    this.max = max;
  }

  /** The drawing for {@code key} if this JVM used it or the file held it, else null. */
  String known(K key) {
    String html = used.get(key);
    if (html == null) {
      html = stored.remove(key);
      if (html != null) {
        use(key, html);
      }
    }
    return html;
  }

  /** Keeps {@code html}, just drawn for {@code key}. */
  void drawn(K key, String html) {
    drawn = true;
    use(key, html);
  }

  private void use(K key, String html) {
    if (used.size() >= max) {
      used.clear();
    }
    used.putIfAbsent(key, html);
  }

  /** Takes in what the drawing cache file held. */
  void load(Map<K, String> fromFile) {
    stored.putAll(fromFile);
  }

  /**
   * Whether the file should be written again: something was drawn anew, or something it held was
   * not used.
   */
  boolean changed() {
    return drawn || !stored.isEmpty();
  }

  Map<K, String> inUse() {
    return used;
  }

  /** Notes that the file now holds {@link #inUse}. */
  void saved() {
    drawn = false;
    stored.clear();
  }
}
