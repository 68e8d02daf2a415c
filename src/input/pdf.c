/* placeholder */
#include "core/error.h"
#include "input/input.h"
ct_status ct_pdf_extract(const char *name, const void *data, size_t len,
                         ct_text **out, ct_error *err) {
  (void)data, (void)len;
  *out = NULL;
  return ct_fail(err, CT_ESYNTAX, "%s: PDF not yet", name);
}
