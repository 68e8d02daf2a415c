/*
** xml.h -- text and attribute values for the XML and HTML reports.
**
** One escape serves JUnit XML and HTML alike: both read &amp; &lt; &gt;
** &quot; &#39;, so a string escaped once is safe as element text and as a
** double- or single-quoted attribute value in either.
*/
#ifndef CT_XML_H
#define CT_XML_H

#include <stddef.h>
#include "core/buf.h"

/* Appends s[0..n) escaped; an invalid UTF-8 sequence in it (a file name
** can be any bytes) becomes U+FFFD.  Characters XML 1.0 cannot
** carry at all, even as references (C0 controls but tab and line breaks,
** U+FFFE, U+FFFF), become U+FFFD; tab and line breaks become character
** references, so attribute-value normalization cannot turn them into
** spaces. */
ct_status ct_xml_string(ct_buf *b, const char *s, size_t n);

/* The same for a NUL-terminated string; NULL appends nothing. */
ct_status ct_xml_cstr(ct_buf *b, const char *s);

#endif
