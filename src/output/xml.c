/*
** xml.c -- XML/HTML escaping.
**
** Bytes that need no escape are copied in runs, as in json.c.  Whatever
** the bytes, the result is well-formed UTF-8: an invalid sequence (a file
** name is any bytes) becomes U+FFFD.
*/
#include <stdint.h>
#include <string.h>
#include "output/xml.h"
#include "text/utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */

/* The escape for the character at s[i] (of n bytes), or NULL when it is
** copied as it is; *len is how many bytes the escape replaces. */
static const char *escape_of(const unsigned char *s, size_t i, size_t n,
                             size_t *len) {
  *len = 1;
  switch (s[i]) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\t': return "&#9;";
    case '\n': return "&#10;";
    case '\r': return "&#13;";
    default: break;
  }
  if (s[i] < 0x20) return REPLACEMENT;
  if (s[i] >= 0x80) {
    int32_t cp;
    *len = ct_utf8_decode(s + i, n - i, &cp);
    if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF) return REPLACEMENT;
  }
  return NULL;
}

ct_status ct_xml_string(ct_buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0, len;
  if (ct_buf_reserve(b, n) != CT_OK) return CT_ENOMEM;
  while (i < n) {
    const char *esc = escape_of(u, i, n, &len);
    if (esc == NULL) {
      i += len;
      continue;
    }
    if (ct_buf_add(b, s + run, i - run) != CT_OK ||
        ct_buf_adds(b, esc) != CT_OK)
      return CT_ENOMEM;
    i += len;
    run = i;
  }
  return ct_buf_add(b, s + run, n - run);
}

ct_status ct_xml_cstr(ct_buf *b, const char *s) {
  if (s == NULL) return CT_OK;
  return ct_xml_string(b, s, strlen(s));
}

char *ct_xml_escape(const char *s, size_t n) {
  ct_buf b = {0};
  return ct_buf_take_if(&b, ct_xml_string(&b, s, n));
}
