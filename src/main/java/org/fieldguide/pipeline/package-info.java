/**
 * The build: {@link org.fieldguide.pipeline.Build} runs the stages of {@code Pipeline} in order,
 * sources → site model → linked bodies → rendered bodies → link graph → pages → checked site →
 * output, each a function of the values before it. {@code Memo} holds the last build's values, from
 * which each stage makes its own by looking again only at what changed ({@code Changes}) and
 * keeping what is equal by value. {@link org.fieldguide.pipeline.BuildState} is what one build
 * leaves for the next; {@link org.fieldguide.pipeline.BuildOptions} and {@link
 * org.fieldguide.pipeline.BuildResult} are the rest of the API. See {@code docs/architecture.md}.
 */
package org.fieldguide.pipeline;
