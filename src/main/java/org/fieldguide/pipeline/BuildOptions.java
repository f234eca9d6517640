package org.fieldguide.pipeline;

import java.nio.file.Path;

/**
 * What a build reads and writes. {@code write} is false for {@code check}. {@code baseUrl}
 * overrides {@code site.yaml}'s when not null. {@code keepOutput} says whether the {@link
 * BuildResult} holds every file's bytes; without it (the command line's {@code build} and {@code
 * check}), each page goes to the staging folder, or is dropped, as soon as it is made and scanned,
 * so that memory does not grow with the size of the whole output. {@code drawingCache}, when not
 * null, is the file in which builds keep their typeset formulas and laid-out diagrams for the next
 * build (the command line's {@code .fieldguide-cache/drawings.bin}; see {@code DrawingCache}).
 */
public record BuildOptions(
    Path projectRoot,
    Path contentDir,
    Path templatesDir,
    Path outDir,
    String baseUrl,
    boolean drafts,
    boolean write,
    boolean strict,
    String version,
    boolean keepOutput,
    Path drawingCache) {

  public static BuildOptions defaults(Path projectRoot) {
    Path root = projectRoot.toAbsolutePath().normalize();
    return new BuildOptions(
        root,
        root.resolve("content"),
        root.resolve("templates"),
        root.resolve("site"),
        null,
        false,
        true,
        false,
        "dev",
        true,
        null);
  }

  public BuildOptions withWrite(boolean value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        drafts,
        value,
        strict,
        version,
        keepOutput,
        drawingCache);
  }

  public BuildOptions withOut(Path value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        value,
        baseUrl,
        drafts,
        write,
        strict,
        version,
        keepOutput,
        drawingCache);
  }

  public BuildOptions withBaseUrl(String value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        value,
        drafts,
        write,
        strict,
        version,
        keepOutput,
        drawingCache);
  }

  public BuildOptions withDrafts(boolean value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        value,
        write,
        strict,
        version,
        keepOutput,
        drawingCache);
  }

  public BuildOptions withStrict(boolean value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        drafts,
        write,
        value,
        version,
        keepOutput,
        drawingCache);
  }

  public BuildOptions withVersion(String value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        drafts,
        write,
        strict,
        value,
        keepOutput,
        drawingCache);
  }

  /** The same options with {@code file} (or none, if null) for {@code drawingCache}. */
  public BuildOptions withDrawingCache(Path file) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        drafts,
        write,
        strict,
        version,
        keepOutput,
        file);
  }

  /** Where the command line keeps the drawing cache of the project at {@code projectRoot}. */
  public Path defaultDrawingCache() {
    return projectRoot
        .resolve(org.fieldguide.drawing.DrawingCache.FOLDER)
        .resolve(org.fieldguide.drawing.DrawingCache.FILE);
  }

  public BuildOptions withKeepOutput(boolean value) {
    return new BuildOptions(
        projectRoot,
        contentDir,
        templatesDir,
        outDir,
        baseUrl,
        drafts,
        write,
        strict,
        version,
        value,
        drawingCache);
  }
}
