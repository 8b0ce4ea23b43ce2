// SPDX-License-Identifier: MIT
/*
 * snprintf() and vsnprintf(): formatting into a caller's buffer, with the
 * C semantics: at most size - 1 characters and a terminating NUL are
 * stored, the return value is the length the whole output would have.
 */
#include <l4/util/printf.h>

struct buf_ctx {
	char *buf;
	size_t size;
	size_t pos;
};

static void buf_out(void *ctx, char c)
{
	struct buf_ctx *b = ctx;

	if (b->pos + 1 < b->size)
		b->buf[b->pos] = c;
	b->pos++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buf_ctx b = { buf, size, 0 };
	int n = l4util_vformat(buf_out, &b, fmt, ap);

	if (size)
		buf[b.pos < size ? b.pos : size - 1] = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
