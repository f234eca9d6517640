package org.fieldguide.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.fieldguide.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new} never overwrites: not a file, not a link, and a hostile NAME writes nothing anywhere.
 */
class NewCommandTest {
  @TempDir Path dir;

  @Test
  void aSecondNewOfTheSameNameLeavesTheFirstFileAsItWas() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), Hostile.BASE);
    assertEquals(0, fixture.cli("new", "page", "notes", "--section", "guide").status());
    Path file = fixture.path("content/guide/notes.md");
    Files.writeString(file, "my own words");
    Fixture.CliRun again = fixture.cli("new", "page", "notes", "--section", "guide");
    assertEquals(1, again.status(), again.err());
    assertEquals("my own words", Files.readString(file));
  }

  @Test
  void newDoesNotWriteThroughALinkWhereTheFileWouldGo() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), Hostile.BASE);
    Path target = dir.resolve("outside.md");
    Files.createSymbolicLink(
        fixture.path("content/guide/linked.md"), target); // dangling: the target does not exist
    Fixture.CliRun run = fixture.cli("new", "page", "linked", "--section", "guide");
    assertEquals(1, run.status(), run.err());
    assertFalse(Files.exists(target), "new wrote through the link");
  }

  @Test
  void hostileNamesAndSectionsWriteNothing() throws IOException {
    Fixture fixture = Fixture.create(dir.resolve("project"), Hostile.BASE);
    Set<String> before = Hostile.tree(dir);
    for (String[] args :
        new String[][] {
          {"page", "../../escape"},
          {"page", "/tmp/escape"},
          {"page", "a\\b"},
          {"page", "C:escape"},
          {"term", "..%2fescape"},
          {"page", "\u6587\u5b57"},
          {"page", "ok", "--section", "../.."},
          {"faq", "x\u0000y"}
        }) {
      String[] full = new String[args.length + 1];
      full[0] = "new";
      System.arraycopy(args, 0, full, 1, args.length);
      Fixture.CliRun run = fixture.cli(full);
      assertTrue(
          run.status() == 2 || run.status() == 1,
          String.join(" ", args) + " -> " + run.status() + " " + run.err());
    }
    assertEquals(before, Hostile.tree(dir));
    // An absolute-looking section is read as a folder under content/, never as a place on the disk.
    assertEquals(
        0, fixture.cli("new", "page", "ok", "--section", "/tmp", "--new-section").status());
    assertTrue(Files.isRegularFile(fixture.path("content/tmp/ok.md")));
  }
}
