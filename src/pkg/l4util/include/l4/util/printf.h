/* SPDX-License-Identifier: MIT */
/*
 * Formatted output of l4util.  printf() and friends write to the log
 * capability L4_BASE_LOG_CAP through l4_vcon_write, buffered per line; the
 * snprintf() family formats into memory.  Conversions: %d %i %u %x %X %o %p
 * %s %c %% with the flags '-', '0', '+', ' ', '#', a width and a precision
 * (numbers or '*') and the length modifiers hh h l ll z t j.
 *
 * The line buffer is shared by all threads of a program: only one thread
 * at a time may print (ktest and the servers print from one thread).
 * Printing preserves the caller's message registers.
 */
#ifndef L4_UTIL_PRINTF_H
#define L4_UTIL_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);

/* Write out what the line buffer holds (a partial line). */
void l4util_log_flush(void);

/*
 * The formatting engine: calls out(ctx, c) for every character and returns
 * how many there were.
 */
typedef void (*l4util_out_fn)(void *ctx, char c);
int l4util_vformat(l4util_out_fn out, void *ctx, const char *fmt, va_list ap);

#endif /* L4_UTIL_PRINTF_H */
