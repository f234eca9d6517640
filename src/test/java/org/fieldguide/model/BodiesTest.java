package org.fieldguide.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Bodies} against a plain {@link HashMap} given the same replacements, one after another.
 */
class BodiesTest {
  @Test
  void behavesAsACopyOfTheMapWithTheReplacementsPutIn() {
    Random random = new Random(3);
    Map<String, String> expected = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      expected.put("p" + i, "body " + i);
    }
    Bodies bodies = Bodies.of(expected);
    for (int step = 0; step < 500; step++) {
      Map<String, String> replacements = new HashMap<>();
      for (int n = random.nextInt(4); n >= 0; n--) {
        // mostly bodies of pages the map has, sometimes a page it does not have yet
        String key = "p" + random.nextInt(random.nextInt(10) == 0 ? 260 : 200);
        replacements.put(key, "body " + key + " at step " + step);
      }
      Bodies before = bodies;
      Map<String, String> beforeCopy = new HashMap<>(before);
      bodies = bodies.with(replacements);
      expected.putAll(replacements);
      assertEquals(expected, bodies, "step " + step);
      assertEquals(bodies, expected, "step " + step);
      assertEquals(expected.size(), bodies.size());
      assertEquals(expected.size(), bodies.entrySet().stream().count());
      assertEquals(expected.hashCode(), bodies.hashCode());
      assertEquals(beforeCopy, before, "the old map changed at step " + step);
      java.util.Set<String> differing = new java.util.HashSet<>();
      replacements.forEach(
          (key, text) -> {
            if (!text.equals(beforeCopy.get(key))) {
              differing.add(key);
            }
          });
      assertEquals(differing, bodies.differingFrom(before), "step " + step);
      assertEquals(
          differing,
          Bodies.of(new HashMap<>(bodies)).differingFrom(before),
          "step " + step + ", copied");
      assertEquals(null, bodies.get("missing"));
    }
  }

  @Test
  void isNotCopiedAgainAndCannotBeChanged() {
    Bodies bodies = Bodies.of(Map.of("a", "A"));
    assertSame(bodies, Bodies.of(bodies));
    assertThrows(UnsupportedOperationException.class, () -> bodies.put("b", "B"));
    assertThrows(
        UnsupportedOperationException.class,
        () -> bodies.entrySet().iterator().next().setValue("x"));
  }
}
