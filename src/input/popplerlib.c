/*
** popplerlib.c -- opening poppler-glib on first use (popplerlib.h).
**
** The library stays open for the life of the process: poppler and GLib
** keep state of their own (types, caches) that closing would strand.
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "input/popplerlib.h"

/* The build passes the soname it compiled against; an empty one (the
** Makefile could not read it) falls back to Debian 12's. */
#ifndef CT_POPPLER_SONAME
#define CT_POPPLER_SONAME ""
#endif
#define DEFAULT_SONAME "libpoppler-glib.so.8"

static ct_popplerlib lib;
static int opened;
static char why[300];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Looks name up into the function pointer at slot.  A data pointer from
** dlsym becomes a function pointer by copying its bytes, as POSIX allows
** (a cast is what ISO C leaves undefined). */
static int bind(void *h, const char *path, const char *name, void *slot,
                size_t size) {
  void *sym = dlsym(h, name);
  if (sym == NULL || size != sizeof sym) {
    snprintf(why, sizeof why, "%.200s has no %s", path, name);
    return 0;
  }
  memcpy(slot, &sym, size);
  return 1;
}

#define BIND(field, name) \
  (ok = ok && bind(h, path, name, &lib.field, sizeof lib.field))

static void open_lib(void) {
  const char *path = getenv("CLAUSETAG_POPPLER");
  void *h;
  int ok = 1;
  if (path == NULL || path[0] == '\0') path = CT_POPPLER_SONAME;
  if (path[0] == '\0') path = DEFAULT_SONAME;
  if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
    snprintf(why, sizeof why, "%.280s", dlerror());
    return;
  }
  BIND(document_new_from_bytes, "poppler_document_new_from_bytes");
  BIND(document_get_n_pages, "poppler_document_get_n_pages");
  BIND(document_get_page, "poppler_document_get_page");
  BIND(page_get_text, "poppler_page_get_text");
  BIND(page_get_text_attributes, "poppler_page_get_text_attributes");
  BIND(page_free_text_attributes, "poppler_page_free_text_attributes");
  BIND(page_get_text_layout, "poppler_page_get_text_layout");
  BIND(error_quark, "poppler_error_quark");
  BIND(bytes_new_static, "g_bytes_new_static");
  BIND(bytes_unref, "g_bytes_unref");
  BIND(error_free, "g_error_free");
  BIND(object_unref, "g_object_unref");
  BIND(gfree, "g_free");
  if (!ok) {
    dlclose(h);
    return;
  }
  opened = 1;
}

ct_status ct_popplerlib_get(const char *name, const ct_popplerlib **out,
                            ct_error *err) {
  pthread_once(&once, open_lib);
  *out = opened ? &lib : NULL;
  if (opened) return CT_OK;
  return ct_fail(err, CT_EIO, "%s: cannot read PDF: poppler-glib is not "
                 "available (%s)", name, why);
}
