/* SPDX-License-Identifier: MIT */
/*
 * Log output (L4Re's <l4/re/c/log.h>).  A log object speaks the kernel's
 * vcon protocol (L4_PROTO_LOG), so these are l4_vcon_write() in chunks;
 * moe's log objects prefix every line with the name they were created
 * with ("<name> | text").  The stubs keep the caller's message registers.
 */
#ifndef L4_RE_C_LOG_H
#define L4_RE_C_LOG_H

#include <l4/re/env.h>

EXTERN_C_BEGIN

void l4re_log_print_srv(const l4_cap_idx_t logcap, char const *string);
void l4re_log_printn_srv(const l4_cap_idx_t logcap, char const *string, int len);

L4_INLINE void l4re_log_print(char const *string)
{
	l4re_log_print_srv(l4re_global_env->log, string);
}

L4_INLINE void l4re_log_printn(char const *string, int len)
{
	l4re_log_printn_srv(l4re_global_env->log, string, len);
}

EXTERN_C_END

#endif /* L4_RE_C_LOG_H */
