/*
** popplerlib.h -- poppler-glib, opened the first time a PDF is read.
**
** Linking poppler-glib would load it and the fifty libraries under it
** (cairo, NSS, X11 ...) at every start of every program built on
** clausetag, some 18 ms, for the few runs that read a PDF.  So it is
** opened by name (CT_POPPLER_SONAME, the library the build compiled
** against; the environment variable CLAUSETAG_POPPLER names another) on
** first use, and the functions the PDF reader calls are looked up there.
*/
#ifndef CT_INPUT_POPPLERLIB_H
#define CT_INPUT_POPPLERLIB_H

#include <poppler.h>
#include "clausetag.h"

typedef struct ct_popplerlib {
  PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *,
                                              GError **);
  int (*document_get_n_pages)(PopplerDocument *);
  PopplerPage *(*document_get_page)(PopplerDocument *, int);
  char *(*page_get_text)(PopplerPage *);
  GList *(*page_get_text_attributes)(PopplerPage *);
  void (*page_free_text_attributes)(GList *);
  gboolean (*page_get_text_layout)(PopplerPage *, PopplerRectangle **,
                                   guint *);
  GQuark (*error_quark)(void);
  GBytes *(*bytes_new_static)(gconstpointer, gsize);
  void (*bytes_unref)(GBytes *);
  void (*error_free)(GError *);
  void (*object_unref)(gpointer);
  void (*gfree)(gpointer);
} ct_popplerlib;

/* The library in *out, opened on the first call (thread-safe); CT_EIO
** when it cannot be, with the reason, for the input `name`. */
ct_status ct_popplerlib_get(const char *name, const ct_popplerlib **out,
                            ct_error *err);

#endif
