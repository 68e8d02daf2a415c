/*
** test_inputs.c -- operands to inputs (src/cli/inputs.h): what the
** listing learnt of each file travels with it, so that the reader does
** not stat it again; what it could not learn is left for the reader.  A
** file that the directory itself says is regular (d_type) is not
** stat'ed by the listing at all: the thread that lists is the one every
** worker waits for, and the reader stats it in parallel.
*/
#define _DEFAULT_SOURCE   /* d_type, DT_REG */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "cli/inputs.h"

static char dir[] = "/tmp/clausetag-inputs.XXXXXX";

static void put(const char *name, size_t n) {
  char path[256];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  assert_non_null(f = fopen(path, "wb"));
  while (n-- > 0) fputc('x', f);
  fclose(f);
}

static const ct_cli_source *find(const ct_cli_input_list *l,
                                 const char *tail) {
  size_t i, k = strlen(tail);
  for (i = 0; i < l->n; i++) {
    size_t n = strlen(l->v[i].path);
    if (n >= k && strcmp(l->v[i].path + n - k, tail) == 0) return &l->v[i];
  }
  return NULL;
}

/* Does this file system type the entries of d (d_type)?  Where it does
** not, the listing stats every file and carries its size. */
static int typed_entries(const char *d) {
  DIR *h = opendir(d);
  struct dirent *e;
  int typed = 0;
  assert_non_null(h);
  while ((e = readdir(h)) != NULL)
    if (e->d_name[0] != '.') typed |= e->d_type == DT_REG;
  closedir(h);
  return typed;
}

/* A file listed from a directory: its size when the listing stat'ed it,
** else nothing (the reader stats it). */
static void listed(const ct_cli_source *s, int typed, size_t size) {
  assert_non_null(s);
  assert_int_equal(s->regular, !typed);
  assert_int_equal(s->size, typed ? 0 : size);
}

static void test_sizes_carried(void **state) {
  ct_cli_filter f = {0};
  ct_cli_input_list l;
  const ct_cli_source *s;
  char sub[256], link[256], target[256], file[256];
  const char *ops[4];
  int typed;
  (void)state;
  assert_non_null(mkdtemp(dir));
  snprintf(sub, sizeof sub, "%s/sub", dir);
  assert_int_equal(mkdir(sub, 0700), 0);
  put("a.txt", 0);
  put("b.txt", 1234);
  put("sub/c.md", 77);
  snprintf(target, sizeof target, "%s/b.txt", dir);
  snprintf(link, sizeof link, "%s/l.txt", dir);
  assert_int_equal(symlink(target, link), 0);   /* the target's size */
  snprintf(file, sizeof file, "%s/sub/c.md", dir);
  ops[0] = dir, ops[1] = file, ops[2] = "-", ops[3] = "/nonexistent/x.txt";
  assert_int_equal(ct_cli_inputs_expand(ops, 4, &f, &l), 0);
  assert_int_equal(l.n, 7);
  typed = typed_entries(dir);
  listed(find(&l, "/a.txt"), typed, 0);
  listed(find(&l, "/b.txt"), typed, 1234);
  assert_non_null(s = find(&l, "/l.txt"));      /* a link: followed */
  assert_true(s->regular);
  assert_int_equal(s->size, 1234);
  listed(&l.v[3], typed, 77);                   /* dir/sub/c.md, listed */
  assert_string_equal(l.v[4].path, file);       /* and named */
  assert_true(l.v[4].regular);
  assert_int_equal(l.v[4].size, 77);
  assert_string_equal(l.v[5].path, "-");        /* the reader finds out */
  assert_false(l.v[5].regular);
  assert_false(l.v[6].regular);
  assert_int_equal(l.v[6].errnum, 0);
  ct_cli_inputs_free(&l);
  /* a directory operand: its files */
  ops[0] = sub;
  f.include = (const char *const[]){"*"};
  f.ninclude = 1;
  assert_int_equal(ct_cli_inputs_expand(ops, 1, &f, &l), 0);
  assert_int_equal(l.n, 1);
  listed(&l.v[0], typed_entries(sub), 77);
  ct_cli_inputs_free(&l);
  unlink(link), unlink(target), unlink(file);
  snprintf(target, sizeof target, "%s/a.txt", dir);
  unlink(target);
  rmdir(sub), rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_sizes_carried),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
