package io.attune.jobs.stream;

/**
 * Sent by each subtask of the catalog store once it has sent again every item it holds after a (re)start: the profile
 * operator, which keeps no catalog of its own in checkpoints, has the whole catalog once it has one from every subtask.
 *
 * @param subtask the store subtask that is done
 * @param subtasks how many store subtasks there are
 */
public record CatalogResent(int subtask, int subtasks) {}
