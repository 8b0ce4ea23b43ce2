/* SPDX-License-Identifier: MIT */
/*
 * Server side of L4Re's factory "vargs": the typed arguments of a create
 * request (header word `type | size << 16`, then the value).  Servers that
 * implement create operations (moe, cons) read the string arguments with
 * this one helper.
 */
#ifndef L4RE_C_UTIL_VARG_H
#define L4RE_C_UTIL_VARG_H

#include <l4/sys/types.h>

/*
 * The string varg whose header is message register `w` of the current
 * UTCB, copied NUL-terminated into buf (truncated to size - 1 bytes; a NUL
 * inside the string ends it).  buf is "" and the result -L4_EINVAL when
 * there is no string varg at w or it reaches beyond the message; 0 else.
 */
int l4re_util_varg_str(l4_msgtag_t tag, unsigned w, char *buf, unsigned long size);

#endif
