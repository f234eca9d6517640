/**
 * The output stage's pieces: {@code SiteWriter} (a staging folder beside the output, swapped in
 * whole only when the build goes through), the small files every site gets ({@code SiteFiles}:
 * sitemap, robots.txt, .nojekyll), and the check that no two sources write the same file ({@code
 * OutputPaths}).
 */
package org.fieldguide.output;
