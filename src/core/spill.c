/*
** spill.c -- bytes kept for later in an unnamed temporary file.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/buf.h"
#include "core/spill.h"

/* A file in $TMPDIR (or /tmp), already unlinked; -1 when none. */
static int make_file(void) {
  const char *dir = getenv("TMPDIR");
  ct_buf path = {0};
  int fd = -1;
  if (dir == NULL || dir[0] == '\0') dir = "/tmp";
  if (ct_buf_printf(&path, "%s/clausetag-XXXXXX", dir) == CT_OK &&
      (fd = mkstemp(path.s)) >= 0)
    unlink(path.s);
  ct_buf_free(&path);
  return fd;
}

size_t ct_spill_put(ct_spill *sp, const void *p, size_t n) {
  const char *s = p;
  size_t done = 0;
  if (sp->state == 0) {
    sp->fd = make_file();
    sp->state = sp->fd >= 0 ? 1 : 2;
  }
  while (sp->state == 1 && done < n) {
    ssize_t k = write(sp->fd, s + done, n - done);
    if (k > 0) done += (size_t)k;
    else if (k < 0 && errno == EINTR) continue;
    else sp->state = 2;          /* full: the rest stays with the caller */
  }
  sp->len += done;
  return done;
}

ct_status ct_spill_read(const ct_spill *sp, size_t at, void *p, size_t n) {
  char *d = p;
  while (n > 0) {
    ssize_t k = pread(sp->fd, d, n, (off_t)at);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      if (k == 0) errno = EIO;   /* the file is shorter than it was written */
      return CT_EIO;
    }
    d += k, at += (size_t)k, n -= (size_t)k;
  }
  return CT_OK;
}

void ct_spill_close(ct_spill *sp) {
  if (sp->state != 0 && sp->fd >= 0) close(sp->fd);
  memset(sp, 0, sizeof *sp);
}
