/**
 * Sources: the files under {@code content/} read as UTF-8 text with their project-relative paths
 * ({@link org.fieldguide.source.SourceLoader}, refusing links that lead outside the folder and
 * files over the size limits in {@link org.fieldguide.source.Limits}), kept from build to build in
 * a {@link org.fieldguide.source.SourceTree} that reads again only what the watcher saw change; and
 * last-updated dates from git.
 */
package org.fieldguide.source;
