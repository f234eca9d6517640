/**
 * Robustness tests: the build must survive hostile content from strangers' pull requests.
 *
 * <p>Nothing in {@code content/} or {@code templates/} may crash the build, make it hang or run out
 * of memory, write outside the output folder, read outside the project, or put script into a
 * reader's page. Four Jazzer fuzz tests ({@code *FuzzTest}) replay their seed corpora under plain
 * {@code mvn test} (from {@code src/test/resources/org/fieldguide/robust/<Class>Inputs/<method>/})
 * and fuzz with {@code JAZZER_FUZZ=1}; the other tests feed hand-made hostile input: paths,
 * escaping, sizes, encodings and interrupted writes. {@code SECURITY.md} at the repository root
 * says what these tests guarantee and how to run the fuzzers.
 */
package org.fieldguide.robust;
