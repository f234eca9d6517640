package org.fieldguide.frontmatter;

import java.util.List;
import org.fieldguide.model.SiteConfig;

/** Reads {@code content/site.yaml}. */
final class SiteConfigReader {
  static final List<String> KEYS =
      List.of("title", "description", "base_url", "repository", "branch", "language");

  private SiteConfigReader() {}

  static SiteConfig read(YamlMap map) {
    map.checkKeys(KEYS, "site.yaml");
    String title = map.string("title", true).orElse(null);
    String description = map.string("description", true).orElse(null);
    String baseUrl = map.string("base_url", true).orElse(null);
    String repository = map.string("repository", false).orElse(null);
    String branch = map.string("branch", false).orElse("main");
    String language = map.string("language", false).orElse("en");
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s\"<>]+")) {
      map.errorAt(
          "base_url",
          "base_url must be an absolute http(s) address such as https://example.org/guide/");
      baseUrl = null;
    }
    if (repository != null && !repository.matches("https://[^\\s\"<>]+")) {
      map.errorAt(
          "repository",
          "repository must be an https address such as https://github.com/owner/repo");
      repository = null;
    }
    if (!language.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")) {
      map.errorAt("language", "language must be a language tag such as en or en-GB");
      language = "en";
    }
    if (title == null || description == null || baseUrl == null) {
      return null;
    }
    return new SiteConfig(title, description, baseUrl, repository, branch, language);
  }
}
