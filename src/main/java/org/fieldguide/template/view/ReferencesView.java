package org.fieldguide.template.view;

import java.util.List;

/** Every source of the site with the pages that cite it. */
public record ReferencesView(
    String title, String description, List<ReferenceView> sources, int count) {}
