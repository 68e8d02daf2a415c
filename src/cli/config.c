/*
** config.c -- finding and reading the settings file (config.h).
*/
#define _XOPEN_SOURCE 700   /* realpath: X/Open, beyond the Makefile's POSIX */
#include "cli/config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A settings file is a few lines; a larger one is not one. */
#define CONFIG_MAX_BYTES (1024 * 1024)

static char *dup_n(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d == NULL) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static int fail(const char *path, int line, const char *msg, const char *arg) {
  fprintf(stderr, "clausetag: %s:%d: %s", path, line, msg);
  if (arg != NULL) fprintf(stderr, " '%s'", arg);
  fputs("\n", stderr);
  return 2;
}

static int oom(void) {
  fputs("clausetag: out of memory\n", stderr);
  return 2;
}

int ct_cli_config_find(char **path) {
  char dir[PATH_MAX];
  struct stat st;
  *path = NULL;
  if (getcwd(dir, sizeof dir) == NULL) return 0;   /* no directory: none */
  for (;;) {
    size_t len = strlen(dir);
    char *p = malloc(len + sizeof "/" CT_CLI_CONFIG_NAME);
    if (p == NULL) return oom();
    snprintf(p, len + sizeof "/" CT_CLI_CONFIG_NAME, "%s/%s",
             len == 1 ? "" : dir, CT_CLI_CONFIG_NAME);
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
      *path = p;
      return 0;
    }
    free(p);
    if (len <= 1) return 0;
    *strrchr(dir, '/') = '\0';
    if (dir[0] == '\0') strcpy(dir, "/");
  }
}

static int name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static const char *trim(const char *s, const char *end, const char **e) {
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    end--;
  *e = end;
  return s;
}

/* `[command]`: the section of the lines after it. */
static int read_section(ct_cli_config *c, char **section, const char *s,
                        const char *end, int line) {
  const char *p;
  if (end - s < 3 || end[-1] != ']')
    return fail(c->path, line, "a section is written [command]", NULL);
  for (p = s + 1; p < end - 1; p++)
    if (!name_char(*p))
      return fail(c->path, line, "a section is written [command]", NULL);
  free(*section);
  if ((*section = dup_n(s + 1, (size_t)(end - s - 2))) == NULL) return oom();
  return 0;
}

/* `name = value` or `name`. */
static int read_setting(ct_cli_config *c, const char *section, const char *s,
                        const char *end, int line) {
  const char *eq = memchr(s, '=', (size_t)(end - s)), *ne, *v, *ve;
  ct_cli_setting *grown, *st;
  const char *p;
  trim(s, eq ? eq : end, &ne);
  for (p = s; p < ne; p++)
    if (!name_char(*p)) break;
  if (p < ne || ne == s)
    return fail(c->path, line,
                "expected 'name = value' (a long option without its --), "
                "'name' or '[command]'", NULL);
  grown = realloc(c->settings, (c->n + 1) * sizeof *grown);
  if (grown == NULL) return oom();
  c->settings = grown;
  st = &c->settings[c->n++];
  memset(st, 0, sizeof *st);
  st->line = line;
  st->name = dup_n(s, (size_t)(ne - s));
  st->section = section ? dup_n(section, strlen(section)) : NULL;
  if (eq != NULL) {
    v = trim(eq + 1, end, &ve);
    st->value = dup_n(v, (size_t)(ve - v));
  }
  if (st->name == NULL || (section && st->section == NULL) ||
      (eq && st->value == NULL))
    return oom();
  return 0;
}

static int read_lines(ct_cli_config *c, const char *buf, size_t len) {
  const char *s = buf, *end = buf + len;
  char *section = NULL;
  int line = 0, rc = 0;
  while (rc == 0 && s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s)), *le = nl ? nl : end;
    const char *e, *t = trim(s, le, &e);
    line++;
    if (t == e || *t == '#') rc = 0;
    else if (*t == '[') rc = read_section(c, &section, t, e, line);
    else rc = read_setting(c, section, t, e, line);
    s = nl ? nl + 1 : end;
  }
  free(section);
  return rc;
}

/* Why a file found by the upward search is not to be trusted, or NULL.
** It may sit in a directory others share (/tmp, a parent of the
** checkout): whoever can write it chooses the rules and outputs of every
** run below it, so only the user's own file (or root's) counts, and only
** while no one else can write it -- git's ownership check. */
static const char *untrusted(const struct stat *st) {
  if (st->st_uid != geteuid() && st->st_uid != 0)
    return "owned by another user";
  if (st->st_mode & S_IWOTH) return "writable by others";
  if (st->st_mode & S_IWGRP) return "writable by its group";
  return NULL;
}

/* Opens path for reading; with check_owner, the opened file itself is
** checked (fstat: no window between the check and the read), and 1 means
** it is ignored, after a warning.  O_NONBLOCK there: a FIFO put in the
** place of the file found must not hang the open; a regular file reads
** the same with it. */
static int open_config(const char *path, int check_owner, FILE **f) {
  struct stat st;
  const char *why = NULL;
  int fd = open(path, O_RDONLY | (check_owner ? O_NONBLOCK : 0));
  *f = NULL;
  if (fd < 0 || (check_owner && fstat(fd, &st) != 0)) {
    fprintf(stderr, "clausetag: %s: cannot read: %s\n", path, strerror(errno));
    if (fd >= 0) close(fd);
    return 2;
  }
  if (check_owner)
    why = !S_ISREG(st.st_mode) ? "not a regular file" : untrusted(&st);
  if (why != NULL) {
    fprintf(stderr, "clausetag: ignoring %s: %s (--config %s reads it "
            "all the same)\n", path, why, path);
    close(fd);
    return CT_CLI_CONFIG_IGNORED;
  }
  if ((*f = fdopen(fd, "rb")) == NULL) {
    close(fd);
    return oom();
  }
  return 0;
}

static int read_file(const char *path, int check_owner, char **buf,
                     size_t *len) {
  FILE *f;
  int rc = open_config(path, check_owner, &f);
  *buf = NULL;
  if (rc != 0) return rc;
  if ((*buf = malloc(CONFIG_MAX_BYTES + 1)) == NULL) {
    fclose(f);
    return oom();
  }
  *len = fread(*buf, 1, CONFIG_MAX_BYTES + 1, f);
  if (ferror(f) || *len > CONFIG_MAX_BYTES || memchr(*buf, '\0', *len)) {
    fprintf(stderr, "clausetag: %s: %s\n", path,
            ferror(f) ? "cannot read"
            : *len > CONFIG_MAX_BYTES ? "too large for a settings file "
                                        "(more than 1 MiB)"
                                      : "a NUL byte: not a text file");
    fclose(f);
    return 2;
  }
  fclose(f);
  return 0;
}

int ct_cli_config_read(ct_cli_config *c, const char *path, int check_owner) {
  char *buf, *slash;
  size_t len = 0;
  int rc;
  memset(c, 0, sizeof *c);
  if ((c->path = dup_n(path, strlen(path))) == NULL) return oom();
  slash = strrchr(c->path, '/');
  c->dir = slash ? dup_n(c->path, (size_t)(slash - c->path) + 1)
                 : dup_n("", 0);
  if (c->dir == NULL) return oom();
  rc = read_file(path, check_owner, &buf, &len);
  if (rc == 0) rc = read_lines(c, buf, len);
  free(buf);
  return rc;
}

char *ct_cli_config_path(const ct_cli_config *c, const char *value) {
  size_t n = strlen(c->dir), m = strlen(value);
  char *p;
  if (value[0] == '/' || n == 0) return dup_n(value, m);
  if ((p = malloc(n + m + 1)) == NULL) return NULL;
  memcpy(p, c->dir, n);
  memcpy(p + n, value, m + 1);
  return p;
}

/* Whether path `p` resolved (links and all) lies in directory `root`
** (resolved too). */
static int inside(const char *root, const char *p) {
  size_t n = strlen(root);
  if (strcmp(root, "/") == 0) return 1;
  return strncmp(p, root, n) == 0 && (p[n] == '/' || p[n] == '\0');
}

/* Where the path `full` really leads, resolved as outfile.c resolves an
** output: a link at its end is followed (one that leads nowhere would
** have an output created wherever it points, and a read fail: either
** way it is refused), else the directory it is in.  *real NULL with 0:
** that directory does not exist, and the write or read fails on its
** own.  -1: a link that cannot be resolved. */
static int resolve(const char *full, char **real) {
  struct stat st;
  char *dir, *slash;
  *real = NULL;
  if (lstat(full, &st) == 0) {
    *real = realpath(full, NULL);
    return *real != NULL ? 0 : -1;
  }
  if ((dir = dup_n(full, strlen(full))) == NULL) return 0;
  slash = strrchr(dir, '/');
  if (slash == NULL) strcpy(dir, ".");
  else if (slash == dir) slash[1] = '\0';
  else *slash = '\0';
  *real = realpath(dir, NULL);
  free(dir);
  return 0;
}

/* Why path `full` (an entry of the directory named when `entry`),
** resolved, is not in the resolved `root`, or NULL. */
static const char *leads_out(const char *root, const char *full,
                             int entry) {
  char *real = NULL;
  const char *why = NULL;
  if (resolve(full, &real) != 0)
    why = entry ? "a symbolic link in it leads nowhere"
                : "a symbolic link that leads nowhere";
  else if (real != NULL && !inside(root, real))
    why = entry ? "a symbolic link in it leads out of it"
                : "a symbolic link leads out of it";
  free(real);
  return why;
}

/* The entries of directory `full` that a run reads (names ending in
** `ext`, not starting with a dot: what the rule loader lists), each
** checked as the directory itself is, since a link among them may lead
** out too; NULL when none does. */
static const char *entries_leave(const char *root, const char *full,
                                 const char *ext) {
  DIR *d;
  struct dirent *e;
  struct stat st;
  const char *why = NULL;
  size_t n = strlen(full), m = strlen(ext);
  if (stat(full, &st) != 0 || !S_ISDIR(st.st_mode) ||
      (d = opendir(full)) == NULL)
    return NULL;                  /* not a directory: the load says so */
  while (why == NULL && (e = readdir(d)) != NULL) {
    size_t k = strlen(e->d_name);
    char *p;
    if (e->d_name[0] == '.' || k <= m || strcmp(e->d_name + k - m, ext) != 0)
      continue;
    if ((p = malloc(n + k + 2)) == NULL) {
      why = "out of memory";
      break;
    }
    snprintf(p, n + k + 2, "%s/%s", full, e->d_name);
    why = leads_out(root, p, 1);
    free(p);
  }
  closedir(d);
  return why;
}

const char *ct_cli_config_escapes(const ct_cli_config *c, const char *value,
                                  const char *ext) {
  const char *p = value, *why = NULL;
  char *full, *root;
  if (value[0] == '/') return "an absolute path";
  for (;;) {                    /* a ".." component anywhere */
    size_t n = strcspn(p, "/");
    if (n == 2 && p[0] == '.' && p[1] == '.') return "a '..' in the path";
    if (p[n] == '\0') break;
    p += n + 1;
  }
  /* The names are plain; a link inside the tree may still lead out. */
  if ((full = ct_cli_config_path(c, value)) == NULL) return "out of memory";
  root = realpath(c->dir[0] != '\0' ? c->dir : ".", NULL);
  if (root == NULL) why = "the settings file's directory cannot be resolved";
  else why = leads_out(root, full, 0);
  if (why == NULL && root != NULL && ext != NULL)
    why = entries_leave(root, full, ext);
  free(full);
  free(root);
  return why;
}

void ct_cli_config_free(ct_cli_config *c) {
  size_t i;
  for (i = 0; i < c->n; i++) {
    free(c->settings[i].name);
    free(c->settings[i].value);
    free(c->settings[i].section);
  }
  free(c->settings);
  free(c->path);
  free(c->dir);
  memset(c, 0, sizeof *c);
}
