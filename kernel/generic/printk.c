// SPDX-License-Identifier: MIT
/* Kernel console output: a small printf (%d %u %x %lx %p %s %c, widths, zero padding). */
#include <plat/uart.h>
#include <printk.h>

void console_write(const char *s, size_t n)
{
	while (n--)
		uart_putc(*s++);
}

static void put_num(unsigned long v, unsigned int base, int width, char pad, bool neg)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		buf[i++] = '-';
	while (i < width--)
		uart_putc(pad);
	while (i)
		uart_putc(buf[--i]);
}

int vprintk(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, longs = 0;
		char pad = ' ';

		if (*fmt != '%') {
			uart_putc(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 'd': {
			long v = longs ? va_arg(ap, long) : va_arg(ap, int);

			put_num(v < 0 ? -(unsigned long)v : (unsigned long)v, 10, width, pad,
				v < 0);
			break;
		}
		case 'u':
			put_num(longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 10,
				width, pad, false);
			break;
		case 'x':
			put_num(longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 16,
				width, pad, false);
			break;
		case 'p':
			uart_putc('0');
			uart_putc('x');
			put_num((unsigned long)va_arg(ap, void *), 16, 16, '0', false);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			while (s && *s)
				uart_putc(*s++);
			break;
		}
		case 'c':
			uart_putc((char)va_arg(ap, int));
			break;
		case '%':
			uart_putc('%');
			break;
		default:
			uart_putc('?');
			break;
		}
	}
	return 0;
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	return 0;
}
