/*
** pool.c -- an ordered worker pool on one mutex.
**
** Items live in a ring of `window` slots indexed by sequence number:
** [head, tail) are in flight, [next_work, tail) wait for a worker.  One
** lock guards it all: the work per item (reading, segmenting and
** classifying a document) dwarfs the cost of taking it.
**
** With one worker the pool has no thread of its own: next() runs the
** work on the oldest item in the caller's thread.  Handing every item
** to a worker and back costs two sleeps and wake-ups a document, which
** for small documents is much of the time the document takes.  Then the
** submitter is woken only when the window is half empty, so it queues
** items in batches rather than one per wake-up.
*/
#include <pthread.h>
#include <stdlib.h>
#include "cli/pool.h"

typedef struct slot {
  void *item;
  int done;
} slot;

struct ct_cli_pool {
  pthread_mutex_t mu;
  pthread_cond_t space;   /* a slot became free: for submit */
  pthread_cond_t work;    /* an item was queued, or the pool closed */
  pthread_cond_t ready;   /* an item was done, or the pool closed */
  slot *ring;
  size_t window;
  size_t head, next_work, tail;   /* sequence numbers */
  int closed, cancelled;
  ct_cli_work_fn fn;
  void *inline_state;     /* no threads: next() works, with this state */
  int inline_work;
  pthread_t *threads;
  void **states;
  size_t nthreads;        /* started */
};

typedef struct worker_arg {
  ct_cli_pool *p;
  size_t i;
} worker_arg;

/* Takes the next queued item; NULL when closed and none is left. */
static void *take(ct_cli_pool *p, size_t *seq) {
  while (p->next_work == p->tail && !p->closed)
    pthread_cond_wait(&p->work, &p->mu);
  if (p->next_work == p->tail) return NULL;
  *seq = p->next_work++;
  return p->ring[*seq % p->window].item;
}

static void *worker(void *arg) {
  ct_cli_pool *p = ((worker_arg *)arg)->p;
  void *state = p->states[((worker_arg *)arg)->i];
  void *item;
  size_t seq;
  int cancelled;
  free(arg);
  pthread_mutex_lock(&p->mu);
  while ((item = take(p, &seq)) != NULL) {
    cancelled = p->cancelled;
    pthread_mutex_unlock(&p->mu);
    p->fn(state, item, cancelled);
    pthread_mutex_lock(&p->mu);
    p->ring[seq % p->window].done = 1;
    if (seq == p->head) pthread_cond_signal(&p->ready);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static int start(ct_cli_pool *p, size_t i) {
  worker_arg *a = malloc(sizeof *a);
  if (a == NULL) return -1;
  a->p = p, a->i = i;
  if (pthread_create(&p->threads[i], NULL, worker, a) != 0) {
    free(a);
    return -1;
  }
  p->nthreads++;
  return 0;
}

static ct_cli_pool *alloc_pool(size_t nworkers, size_t window,
                               void *const *states) {
  ct_cli_pool *p = calloc(1, sizeof *p);
  size_t i;
  if (p == NULL) return NULL;
  p->window = window;
  p->ring = calloc(window, sizeof *p->ring);
  p->threads = calloc(nworkers ? nworkers : 1, sizeof *p->threads);
  p->states = calloc(nworkers ? nworkers : 1, sizeof *p->states);
  if (p->ring == NULL || p->threads == NULL || p->states == NULL) {
    free(p->ring), free(p->threads), free(p->states), free(p);
    return NULL;
  }
  for (i = 0; states != NULL && i < nworkers; i++) p->states[i] = states[i];
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->space, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->ready, NULL);
  return p;
}

ct_cli_pool *ct_cli_pool_new(size_t nworkers, size_t window,
                             ct_cli_work_fn fn, void *const *states) {
  ct_cli_pool *p = alloc_pool(nworkers, window, states);
  size_t i;
  if (p == NULL) return NULL;
  p->fn = fn;
  for (i = 0; i < nworkers; i++)
    if (start(p, i) != 0) {
      ct_cli_pool_close(p);
      ct_cli_pool_free(p);
      return NULL;
    }
  return p;
}

ct_cli_pool *ct_cli_pool_new_inline(size_t window, ct_cli_work_fn fn,
                                    void *state) {
  ct_cli_pool *p = alloc_pool(0, window, NULL);
  if (p == NULL) return NULL;
  p->fn = fn;
  p->inline_state = state;
  p->inline_work = 1;
  return p;
}

int ct_cli_pool_submit(ct_cli_pool *p, void *item) {
  int rc = -1;
  pthread_mutex_lock(&p->mu);
  while (p->tail - p->head == p->window && !p->cancelled)
    pthread_cond_wait(&p->space, &p->mu);
  if (!p->cancelled) {
    p->ring[p->tail % p->window].item = item;
    p->ring[p->tail % p->window].done = 0;
    p->tail++;
    pthread_cond_signal(p->inline_work ? &p->ready : &p->work);
    rc = 0;
  }
  pthread_mutex_unlock(&p->mu);
  return rc;
}

void ct_cli_pool_close(ct_cli_pool *p) {
  pthread_mutex_lock(&p->mu);
  p->closed = 1;
  pthread_cond_broadcast(&p->work);
  pthread_cond_broadcast(&p->ready);
  pthread_mutex_unlock(&p->mu);
}

/* Can next() return: the oldest item is done (inline: queued), or
** nothing will come? */
static int settled(const ct_cli_pool *p) {
  if (p->head == p->tail) return p->closed;
  return p->inline_work || p->ring[p->head % p->window].done;
}

/* Inline: the oldest item, worked on here once its slot is given back. */
static void *next_inline(ct_cli_pool *p) {
  void *item = NULL;
  int cancelled;
  pthread_mutex_lock(&p->mu);
  while (!settled(p)) pthread_cond_wait(&p->ready, &p->mu);
  if (p->head != p->tail) {
    item = p->ring[p->head++ % p->window].item;
    p->next_work = p->head;
    if (2 * (p->tail - p->head) <= p->window) pthread_cond_signal(&p->space);
  }
  cancelled = p->cancelled;
  pthread_mutex_unlock(&p->mu);
  if (item != NULL) p->fn(p->inline_state, item, cancelled);
  return item;
}

void *ct_cli_pool_next(ct_cli_pool *p) {
  void *item = NULL;
  if (p->inline_work) return next_inline(p);
  pthread_mutex_lock(&p->mu);
  while (!settled(p)) pthread_cond_wait(&p->ready, &p->mu);
  if (p->head != p->tail) {
    item = p->ring[p->head++ % p->window].item;
    pthread_cond_signal(&p->space);
  }
  pthread_mutex_unlock(&p->mu);
  return item;
}

void ct_cli_pool_cancel(ct_cli_pool *p) {
  pthread_mutex_lock(&p->mu);
  p->cancelled = 1;
  pthread_cond_broadcast(&p->space);
  pthread_mutex_unlock(&p->mu);
}

int ct_cli_pool_cancelled(ct_cli_pool *p) {
  int c;
  pthread_mutex_lock(&p->mu);
  c = p->cancelled;
  pthread_mutex_unlock(&p->mu);
  return c;
}

void ct_cli_pool_free(ct_cli_pool *p) {
  size_t i;
  if (p == NULL) return;
  for (i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->space);
  pthread_cond_destroy(&p->work);
  pthread_cond_destroy(&p->ready);
  free(p->ring), free(p->threads), free(p->states), free(p);
}
