package org.fieldguide.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Collects diagnostics from every stage; thread-safe, deduplicating, sorted on read. */
public final class Diagnostics {
  private final TreeSet<Diagnostic> items = new TreeSet<>();

  public synchronized void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void error(String path, int line, int column, String message) {
    add(new Diagnostic(path, line, column, Severity.ERROR, message));
  }

  public void warning(String path, int line, int column, String message) {
    add(new Diagnostic(path, line, column, Severity.WARNING, message));
  }

  public synchronized boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public synchronized boolean hasWarnings() {
    return items.stream().anyMatch(d -> d.severity() == Severity.WARNING);
  }

  /** Every diagnostic, sorted by path, line and column. */
  public synchronized List<Diagnostic> all() {
    return new ArrayList<>(items);
  }

  public synchronized boolean hasErrorsFor(String path) {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR && d.path().equals(path));
  }

  public synchronized int errorCount() {
    return (int) items.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }
}
