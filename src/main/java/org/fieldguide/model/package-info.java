/**
 * The site model: plain immutable records ({@link org.fieldguide.model.Site}, {@link
 * org.fieldguide.model.Page}, {@link org.fieldguide.model.Term}, citations, tables), equal when
 * their values are, with no library types. {@link org.fieldguide.model.PageKind} holds the kinds of
 * page as data, generated pages included; {@link org.fieldguide.model.Bodies} is the
 * structure-sharing map of the pages' Markdown.
 */
package org.fieldguide.model;
