/**
 * Templates: {@link org.fieldguide.template.Templates} (strict Mustache: a missing value is an
 * error at the tag), the view mapping that turns each page into its kind's view and the layout's
 * ({@link org.fieldguide.template.MainViews}, {@link org.fieldguide.template.PageViews}, {@link
 * org.fieldguide.template.Navigation}), and the JSON-LD writer. Templates see only the records in
 * {@code view}.
 */
package org.fieldguide.template;
