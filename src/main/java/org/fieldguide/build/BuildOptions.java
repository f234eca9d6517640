package org.fieldguide.build;

import java.nio.file.Path;

/**
 * What a build reads and writes. {@code write} is false for {@code check}. {@code baseUrl}
 * overrides {@code site.yaml}'s when not null.
 */
public record BuildOptions(Path projectRoot, Path contentDir, Path templatesDir, Path outDir, String baseUrl,
    boolean drafts, boolean write, boolean strict, String version) {

  public static BuildOptions defaults(Path projectRoot) {
    Path root = projectRoot.toAbsolutePath().normalize();
    return new BuildOptions(root, root.resolve("content"), root.resolve("templates"), root.resolve("site"), null,
        false, true, false, "dev");
  }

  public BuildOptions withWrite(boolean value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, outDir, baseUrl, drafts, value, strict, version);
  }

  public BuildOptions withOut(Path value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, value, baseUrl, drafts, write, strict, version);
  }

  public BuildOptions withBaseUrl(String value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, outDir, value, drafts, write, strict, version);
  }

  public BuildOptions withDrafts(boolean value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, outDir, baseUrl, value, write, strict, version);
  }

  public BuildOptions withStrict(boolean value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, outDir, baseUrl, drafts, write, value, version);
  }

  public BuildOptions withVersion(String value) {
    return new BuildOptions(projectRoot, contentDir, templatesDir, outDir, baseUrl, drafts, write, strict, value);
  }
}
