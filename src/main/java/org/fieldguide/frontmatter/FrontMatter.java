package org.fieldguide.frontmatter;

/**
 * A Markdown file split at its front matter: the YAML text, the line it starts on, the body, and
 * the line the body starts on (all 1-based), so later stages can map positions back to the file.
 */
public record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {}
