package org.fieldguide.model;

/** {@code content/site.yaml}: what the whole site is called and where it lives. */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String repositoryUrl,
    String branch,
    String language) {

  /** The base URL with exactly one trailing slash. */
  public String normalizedBaseUrl() {
    return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  }
}
