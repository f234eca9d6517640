/**
 * The site model stage: front matter, {@code site.yaml}, the sources and the data tables read into
 * {@link org.fieldguide.model.Site}, with the position of every problem; {@code YamlDocuments}
 * reads YAML text into nodes with positions and {@code YamlMap} gives a mapping's typed values
 * under them, {@code Suggest} the one "did you mean" (and the one edit distance). {@link
 * org.fieldguide.frontmatter.ReadCache} keeps what was read from each file for the next build, by
 * the file's text.
 */
package org.fieldguide.frontmatter;
