// SPDX-License-Identifier: MIT
/*
 * Log objects for the programs ned starts: one per program, made by the
 * loader's log factory (moe's allocator, L4Re's user factory) with the tag
 * the script chose, so that every line the program prints appears as
 * "<tag> | <line>".
 */
#include <l4/re/c/mem_alloc.h>
#include <l4/re/c/util/cap_alloc.h>
#include <l4/sys/err.h>

#include "ned.h"

long ned_log_create(l4_cap_idx_t fab, char const *tag, l4_cap_idx_t *log)
{
	l4_cap_idx_t cap = l4re_util_cap_alloc();
	long err;

	if (l4_is_invalid_cap(cap))
		return -L4_ENOMEM;
	err = l4re_ma_create_log_srv(fab, cap, tag);
	if (err < 0) {
		l4re_util_cap_free(cap);
		return err;
	}
	*log = cap;
	return 0;
}
