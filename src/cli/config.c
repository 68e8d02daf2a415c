/*
** config.c -- finding and reading the settings file (config.h).
*/
#include "cli/config.h"

#include <errno.h>
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

static int read_file(const char *path, char **buf, size_t *len) {
  FILE *f = fopen(path, "rb");
  *buf = NULL;
  if (f == NULL) {
    fprintf(stderr, "clausetag: %s: cannot read: %s\n", path, strerror(errno));
    return 2;
  }
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

int ct_cli_config_read(ct_cli_config *c, const char *path) {
  char *buf, *slash;
  size_t len = 0;
  int rc;
  memset(c, 0, sizeof *c);
  if ((c->path = dup_n(path, strlen(path))) == NULL) return oom();
  slash = strrchr(c->path, '/');
  c->dir = slash ? dup_n(c->path, (size_t)(slash - c->path) + 1)
                 : dup_n("", 0);
  if (c->dir == NULL) return oom();
  if ((rc = read_file(path, &buf, &len)) == 0) rc = read_lines(c, buf, len);
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
