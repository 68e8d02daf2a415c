/*
** pool.c -- an ordered worker pool on one mutex.
**
** Items live in a ring of `window` slots indexed by sequence number:
** [head, tail) are in flight, [next_work, tail) wait for a worker.  One
** lock guards it all: the work per item (reading, segmenting and
** classifying a document) dwarfs the cost of taking it.
**
** The caller of next() is one of the workers: while the oldest item is
** not done it works on the next queued one itself, and it waits only
** when there is nothing to take.  So -j N runs N threads that compute,
** not N plus one that mostly sleeps and wakes: on two cores a writer
** woken for every document takes the core from a worker each time, and
** every hand-off costs a sleep and a wake-up.  With one worker the pool
** starts no thread at all.
**
** Small items (files read ahead) fill a wide window, so that the
** submitter queues them in batches; large ones (a document still to be
** read, a piece of a large file, a record) have a bound of their own,
** which is what bounds memory.
**
** Wake-ups are few and cost one system call each: a thread is signalled
** only when it waits (the counts below); submit() and next() signal
** after giving up the lock (signalled under it, the feeder woke only to
** block on the lock at once, and the unlock had to wake it again); a
** worker wakes the caller only for the oldest item, and the submitter is
** woken only when a quarter of the window is free, so it queues items in batches rather than one per wake-up, yet early
** enough that the workers do not run dry while it reads (woken at half,
** each thread of -j2 waited for work 0.2 s of 1.4 s on a busy machine;
** at a quarter, paired wall time 0.92).
*/
#include <pthread.h>
#include <stdlib.h>
#include "cli/pool.h"

typedef struct slot {
  void *item;
  int done;
  int large;
} slot;

struct ct_cli_pool {
  pthread_mutex_t mu;
  pthread_cond_t space;   /* a quarter of the window is free: for submit */
  pthread_cond_t work;    /* an item was queued, or the pool closed */
  pthread_cond_t ready;   /* for next(): the oldest item was done, one was
                          ** queued, or the pool closed */
  slot *ring;
  size_t window;
  size_t head, next_work, tail;   /* sequence numbers */
  size_t nlarge, max_large;       /* large items in flight, their bound */
  size_t idle;            /* worker threads waiting on `work` */
  int caller_waits;       /* next() waits on `ready` */
  int closed, cancelled;
  ct_cli_work_fn fn;
  pthread_t *threads;
  void **states;          /* states[0] is the caller's */
  size_t nthreads;        /* started */
};

typedef struct worker_arg {
  ct_cli_pool *p;
  size_t i;
} worker_arg;

/* Works on the next queued item with `state`, the lock given up
** meanwhile; its slot is marked done. */
static void work_one(ct_cli_pool *p, void *state) {
  size_t seq = p->next_work++;
  void *item = p->ring[seq % p->window].item;
  int cancelled = p->cancelled;
  pthread_mutex_unlock(&p->mu);
  p->fn(state, item, cancelled);
  pthread_mutex_lock(&p->mu);
  p->ring[seq % p->window].done = 1;
  if (seq == p->head && p->caller_waits) pthread_cond_signal(&p->ready);
}

static void *worker(void *arg) {
  ct_cli_pool *p = ((worker_arg *)arg)->p;
  void *state = p->states[((worker_arg *)arg)->i];
  free(arg);
  pthread_mutex_lock(&p->mu);
  for (;;) {
    if (p->next_work != p->tail) {
      work_one(p, state);
    } else if (p->closed) {
      break;
    } else {
      p->idle++;
      pthread_cond_wait(&p->work, &p->mu);
      p->idle--;
    }
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static int start(ct_cli_pool *p, size_t i) {
  worker_arg *a = malloc(sizeof *a);
  if (a == NULL) return -1;
  a->p = p, a->i = i;
  if (pthread_create(&p->threads[p->nthreads], NULL, worker, a) != 0) {
    free(a);
    return -1;
  }
  p->nthreads++;
  return 0;
}

ct_cli_pool *ct_cli_pool_new(size_t nworkers, size_t window,
                             size_t max_large, ct_cli_work_fn fn,
                             void *const *states) {
  ct_cli_pool *p = calloc(1, sizeof *p);
  size_t i;
  if (p == NULL) return NULL;
  if (nworkers == 0) nworkers = 1;
  p->window = window;
  p->max_large = max_large ? max_large : 1;
  p->fn = fn;
  p->ring = calloc(window, sizeof *p->ring);
  p->threads = calloc(nworkers, sizeof *p->threads);
  p->states = calloc(nworkers, sizeof *p->states);
  if (p->ring == NULL || p->threads == NULL || p->states == NULL) {
    free(p->ring), free(p->threads), free(p->states), free(p);
    return NULL;
  }
  for (i = 0; i < nworkers; i++) p->states[i] = states[i];
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->space, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->ready, NULL);
  for (i = 1; i < nworkers; i++)
    if (start(p, i) != 0) {
      ct_cli_pool_close(p);
      ct_cli_pool_free(p);
      return NULL;
    }
  return p;
}

int ct_cli_pool_submit(ct_cli_pool *p, void *item, int large) {
  pthread_cond_t *wake = NULL;
  int rc = -1;
  pthread_mutex_lock(&p->mu);
  while ((p->tail - p->head == p->window ||
          (large && p->nlarge >= p->max_large)) && !p->cancelled)
    pthread_cond_wait(&p->space, &p->mu);
  if (!p->cancelled) {
    p->ring[p->tail % p->window].item = item;
    p->ring[p->tail % p->window].done = 0;
    p->ring[p->tail % p->window].large = large != 0;
    p->nlarge += large != 0;
    p->tail++;
    if (p->idle > 0) wake = &p->work;
    else if (p->caller_waits) wake = &p->ready;
    rc = 0;
  }
  pthread_mutex_unlock(&p->mu);
  if (wake != NULL) pthread_cond_signal(wake);
  return rc;
}

void ct_cli_pool_close(ct_cli_pool *p) {
  pthread_mutex_lock(&p->mu);
  p->closed = 1;
  pthread_cond_broadcast(&p->work);
  pthread_cond_broadcast(&p->ready);
  pthread_mutex_unlock(&p->mu);
}

void *ct_cli_pool_next(ct_cli_pool *p) {
  void *item = NULL;
  int wake = 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    if (p->head != p->tail && p->ring[p->head % p->window].done) {
      slot *s = &p->ring[p->head++ % p->window];
      item = s->item;
      p->nlarge -= s->large;
      wake = s->large || 4 * (p->tail - p->head) <= 3 * p->window;
      break;
    }
    if (p->head == p->tail && p->closed) break;
    if (p->next_work != p->tail) {
      work_one(p, p->states[0]);
    } else {
      p->caller_waits = 1;
      pthread_cond_wait(&p->ready, &p->mu);
      p->caller_waits = 0;
    }
  }
  pthread_mutex_unlock(&p->mu);
  if (wake) pthread_cond_signal(&p->space);
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
