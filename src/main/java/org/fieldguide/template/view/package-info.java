/**
 * The records templates read: one per page kind's main view, the layout's, and their parts. Plain
 * values (equal views render alike); a field holding HTML we made ends in {@code Html}.
 */
package org.fieldguide.template.view;
