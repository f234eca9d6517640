/**
 * Diagnostics: one {@link org.fieldguide.diag.Diagnostic} per problem ({@code path:line:col:
 * severity: what is wrong; what to do}), the {@link org.fieldguide.diag.Diagnostics} collector
 * every stage adds to (thread-safe, sorted, without duplicates), and their formatting for the
 * terminal and GitHub Actions. Depends on nothing else.
 */
package org.fieldguide.diag;
