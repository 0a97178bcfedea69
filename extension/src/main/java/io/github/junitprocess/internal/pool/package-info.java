/**
 * Pools: task pools (commands run to completion on N slots) and warm pools (N long-running
 * workers). Each pool owns its processes and its slot threads and stops both when it closes.
 * Depends on {@code launch} and the rooms below it.
 */
package io.github.junitprocess.internal.pool;
