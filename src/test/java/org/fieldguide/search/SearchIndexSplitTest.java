package org.fieldguide.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SearchIndex#split} gives back the parts {@link SearchIndex#join} joined, or nothing. */
class SearchIndexSplitTest {
  private static byte[] part(String titles, String text) {
    return (titles + "\n" + text).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void givesBackTheJoinedPartsEmptyOnesIncluded() {
    List<byte[]> parts =
        List.of(
            part("{\"t\":\"A\"}", "{\"x\":\"a, b\"}"),
            new byte[0],
            part("{\"t\":\"B\"},{\"t\":\"C\"}", "{\"x\":\"ü\"},{\"x\":\"]\"}"),
            new byte[0]);
    byte[] index = SearchIndex.join(parts);
    int[] lengths = parts.stream().mapToInt(p -> p.length).toArray();
    int[] cuts = parts.stream().mapToInt(SearchIndex::cut).toArray();

    Optional<List<byte[]>> split = SearchIndex.split(index, lengths, cuts);

    assertTrue(split.isPresent());
    assertEquals(parts.size(), split.get().size());
    for (int i = 0; i < parts.size(); i++) {
      assertArrayEquals(parts.get(i), split.get().get(i), "part " + i);
    }
  }

  @Test
  void refusesAnIndexThatTheNumbersDoNotDescribe() {
    List<byte[]> parts = List.of(part("{\"t\":\"A\"}", "{\"x\":\"a\"}"), part("{}", "{}"));
    byte[] index = SearchIndex.join(parts);
    int[] cuts = parts.stream().mapToInt(SearchIndex::cut).toArray();

    assertEquals(Optional.empty(), SearchIndex.split(index, new int[] {17, 5}, cuts));
    assertEquals(
        Optional.empty(),
        SearchIndex.split(
            java.util.Arrays.copyOf(index, index.length - 1),
            parts.stream().mapToInt(p -> p.length).toArray(),
            cuts));
  }
}
