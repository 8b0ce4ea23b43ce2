// SPDX-License-Identifier: MIT
/* Reading string vargs of create requests (see <l4/re/c/util/varg.h>). */
#include <l4/re/c/util/varg.h>
#include <l4/sys/consts.h>
#include <l4/sys/err.h>
#include <l4/sys/utcb.h>

int l4re_util_varg_str(l4_msgtag_t tag, unsigned w, char *buf, unsigned long size)
{
	l4_msg_regs_t *m = l4_utcb_mr();
	unsigned words = l4_msgtag_words(tag);
	const char *s = (const char *)&m->mr[w + 1];
	unsigned long len, i;

	if (!size)
		return -L4_EINVAL;
	buf[0] = 0;
	if (w + 1 > words || (m->mr[w] & 0xff) != L4_VARG_TYPE_STRING)
		return -L4_EINVAL;
	len = m->mr[w] >> 16;
	if (l4_bytes_to_mwords((unsigned)len) > words - w - 1)
		return -L4_EINVAL;
	/* Byte loop: libl4re uses no C library.  Strings may carry their NUL. */
	for (i = 0; i < len && i + 1 < size && s[i]; i++)
		buf[i] = s[i];
	buf[i] = 0;
	return 0;
}
