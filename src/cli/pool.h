/*
** pool.h -- worker threads that finish items in any order and hand them
** back in the order they came.
**
** One thread submits items, N workers run the same function on them, and
** one thread takes them back with next() in submission order; that
** thread is one of the N workers (it works while it waits).  At most
** `window` items are in flight: submit() waits while the window is full,
** so memory stays bounded however long the input is, and a slow item
** only holds back the ones behind it; of them at most `max_large` items
** the submitter calls large (a tighter bound for the ones that hold
** much memory).  The pool never looks inside an
** item.
*/
#ifndef CT_CLI_POOL_H
#define CT_CLI_POOL_H

#include <stddef.h>

typedef struct ct_cli_pool ct_cli_pool;

/* Runs in a worker: `worker` is that worker's own state.  After cancel
** the function still gets every item, with `cancelled` set, so that it
** can release what waits on it (and do nothing else). */
typedef void (*ct_cli_work_fn)(void *worker, void *item, int cancelled);

/* nworkers workers, worker i with states[i] (the array is copied):
** worker 0 is the caller of next(), which works on queued items with
** states[0] until the oldest one is done; the others are nworkers - 1
** threads started here.  NULL when out of memory or a thread cannot be
** started. */
ct_cli_pool *ct_cli_pool_new(size_t nworkers, size_t window,
                             size_t max_large, ct_cli_work_fn fn,
                             void *const *states);

/* Queues an item; waits while the window is full, or, for a large one,
** while max_large of them are in flight.  0, or -1 after cancel (the
** item stays the caller's). */
int ct_cli_pool_submit(ct_cli_pool *p, void *item, int large);

/* No more items will be submitted. */
void ct_cli_pool_close(ct_cli_pool *p);

/* The next item in submission order once it is done (working on queued
** items meanwhile); NULL when the pool is closed and every item was
** taken. */
void *ct_cli_pool_next(ct_cli_pool *p);

/* Stops the work: submit() refuses, workers pass items on told so
** (next() still returns them, to be freed). */
void ct_cli_pool_cancel(ct_cli_pool *p);

/* Is the pool cancelled?  For a submitter deciding whether to go on. */
int ct_cli_pool_cancelled(ct_cli_pool *p);

/* Joins the workers; call after next() returned NULL. */
void ct_cli_pool_free(ct_cli_pool *p);

#endif
