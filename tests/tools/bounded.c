/*
** bounded.c -- runs a command under a wall-clock and a peak-memory bound,
** for the tests of attacks that must fail fast (tests/bad/).
**
**   bounded SECONDS MIB COMMAND [ARG]...
**
** The command's output passes through untouched and bounded exits with
** its status, so a case compares exactly what clausetag printed.  Only
** when a bound is broken does bounded speak: the command is killed after
** SECONDS of wall clock (exit 124), and a peak resident set over MIB
** MiB, measured by the kernel (ru_maxrss), is reported (exit 125).
** BOUNDED_MEMORY_FACTOR=K multiplies the memory bound by K, for builds
** whose runtime takes memory of its own (AddressSanitizer's shadow and
** quarantine); BOUNDED_TIME_FACTOR=X multiplies the time bound by X, for
** builds that run slower (an attack that takes 3 s plainly takes 9 s
** under AddressSanitizer, and twice that on a loaded machine).  The bounds
** are there to catch work that grows out of proportion, which a constant
** factor does not hide.  BOUNDED_FAULTS=N also bounds the page faults
** the kernel served the command without I/O (ru_minflt: fresh pages
** touched), reported with exit 126.
*/
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int usage(void) {
  fprintf(stderr, "usage: bounded SECONDS MIB COMMAND [ARG]...\n");
  return 2;
}

/* Waits for pid until `limit` seconds have passed since `start`; kills it
** (and its group) then.  Returns 1 when it had to be killed. */
static int wait_bounded(pid_t pid, double start, double limit, int *status,
                        struct rusage *ru) {
  const struct timespec tick = {0, 5 * 1000 * 1000};
  int killed = 0;
  for (;;) {
    pid_t r = wait4(pid, status, WNOHANG, ru);
    if (r == pid) return killed;
    if (r < 0 && errno != EINTR) return killed;
    if (!killed && now() - start > limit) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      killed = 1;
    }
    nanosleep(&tick, NULL);
  }
}

int main(int argc, char **argv) {
  double seconds, start;
  long mib, faults = 0;
  char *end;
  int status = 0, killed;
  struct rusage ru;
  pid_t pid;
  if (argc < 4) return usage();
  seconds = strtod(argv[1], &end);
  if (*end || !(seconds > 0)) return usage();
  mib = strtol(argv[2], &end, 10);
  if (*end || mib <= 0) return usage();
  if (getenv("BOUNDED_MEMORY_FACTOR"))
    mib *= strtol(getenv("BOUNDED_MEMORY_FACTOR"), NULL, 10);
  if (getenv("BOUNDED_TIME_FACTOR") &&
      strtod(getenv("BOUNDED_TIME_FACTOR"), NULL) > 0)
    seconds *= strtod(getenv("BOUNDED_TIME_FACTOR"), NULL);
  if (getenv("BOUNDED_FAULTS"))
    faults = strtol(getenv("BOUNDED_FAULTS"), NULL, 10);
  start = now();
  if ((pid = fork()) < 0) {
    perror("bounded: fork");
    return 2;
  }
  if (pid == 0) {
    setpgid(0, 0);
    execvp(argv[3], argv + 3);
    fprintf(stderr, "bounded: cannot run %s: %s\n", argv[3], strerror(errno));
    _exit(127);
  }
  memset(&ru, 0, sizeof ru);
  killed = wait_bounded(pid, start, seconds, &status, &ru);
  if (killed) {
    fprintf(stderr, "bounded: %s still running after %g s, killed\n",
            argv[3], seconds);
    return 124;
  }
  if (ru.ru_maxrss / 1024 > mib) {
    fprintf(stderr, "bounded: %s peaked at %ld MiB, over %ld MiB\n", argv[3],
            ru.ru_maxrss / 1024, mib);
    return 125;
  }
  if (faults > 0 && ru.ru_minflt > faults) {
    fprintf(stderr, "bounded: %s took %ld page faults, over %ld\n", argv[3],
            ru.ru_minflt, faults);
    return 126;
  }
  if (getenv("BOUNDED_REPORT"))
    fprintf(stderr, "bounded: %.2f s, %ld MiB\n", now() - start,
            ru.ru_maxrss / 1024);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
