// SPDX-License-Identifier: MIT
/*
 * netdev_printk and friends ("<driver> <bus id> <ifname>: message", as
 * Linux prints them) and net_ratelimit().  Network drivers print MAC
 * addresses with the kernel's %pM / %pm, which the C library's
 * vsnprintf does not know; the formatter here does those itself and
 * hands every other conversion, one at a time, to vsnprintf.
 */
#include <linux/ctype.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

#include "dde_net.h"

/* Appends to buf[*pos..size); never overruns, always terminated. */
static void put(char *buf, size_t size, size_t *pos, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*pos >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *pos, size - *pos, fmt, ap);
	va_end(ap);
	if (n > 0)
		*pos = min(size - 1, *pos + n);
}

/* vsnprintf with %pM (aa:bb:..) and %pm (aabb..) added. */
static void format(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t pos = 0;

	buf[0] = 0;
	while (*fmt && pos < size - 1) {
		char spec[32];
		const char *start = fmt;
		size_t n;
		int star = 0;

		if (*fmt != '%') {
			buf[pos++] = *fmt++;
			buf[pos] = 0;
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			put(buf, size, &pos, "%%");
			fmt++;
			continue;
		}
		while (*fmt && strchr("-+ #0", *fmt))
			fmt++;
		while (isdigit(*fmt) || *fmt == '*')
			star += *fmt++ == '*';
		if (*fmt == '.')
			for (fmt++; isdigit(*fmt) || *fmt == '*';)
				star += *fmt++ == '*';
		while (*fmt && strchr("hlzjtL", *fmt))
			fmt++;
		if (!*fmt)
			break;
		n = fmt - start + 1;
		if (n >= sizeof(spec) || star > 2)
			break; /* no such conversions in kernel code */
		memcpy(spec, start, n);
		spec[n] = 0;
		if (*fmt == 'p' && (fmt[1] == 'M' || fmt[1] == 'm')) {
			const u8 *a = va_arg(ap, const u8 *);

			if (fmt[1] == 'M')
				put(buf, size, &pos, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1],
				    a[2], a[3], a[4], a[5]);
			else
				put(buf, size, &pos, "%02x%02x%02x%02x%02x%02x", a[0], a[1], a[2],
				    a[3], a[4], a[5]);
			fmt += 2;
			continue;
		}
		{
			int w1 = 0, w2 = 0;

			if (star > 0)
				w1 = va_arg(ap, int);
			if (star > 1)
				w2 = va_arg(ap, int);
#define PUT_ARG(type)                                          \
	do {                                                   \
		type v = va_arg(ap, type);                     \
		if (star == 2)                                 \
			put(buf, size, &pos, spec, w1, w2, v); \
		else if (star == 1)                            \
			put(buf, size, &pos, spec, w1, v);     \
		else                                           \
			put(buf, size, &pos, spec, v);         \
	} while (0)
			if (*fmt == 's' || *fmt == 'p')
				PUT_ARG(const void *);
			else if (strstr(spec, "ll") || strchr(spec, 'L') || strchr(spec, 'j'))
				PUT_ARG(long long);
			else if (strchr(spec, 'l') || strchr(spec, 'z') || strchr(spec, 't'))
				PUT_ARG(long);
			else
				PUT_ARG(int);
#undef PUT_ARG
		}
		fmt++;
		/* Other kernel %p extensions print as a pointer and their letters. */
	}
}

static void netdev_emit(const char *level, const struct net_device *dev, const char *fmt,
			va_list ap)
{
	char msg[384];

	if (printk_get_level(level) == '7')
		return; /* KERN_DEBUG: dropped like printk's */
	format(msg, sizeof(msg), fmt, ap);
	if (dev && dev->dev.parent)
		_printk("%s%s %s %s%s: %s", level, dev_driver_string(dev->dev.parent),
			dev_name(dev->dev.parent), netdev_name(dev), netdev_reg_state(dev), msg);
	else if (dev)
		_printk("%s%s%s: %s", level, netdev_name(dev), netdev_reg_state(dev), msg);
	else
		_printk("%s(NULL net_device): %s", level, msg);
}

void netdev_printk(const char *level, const struct net_device *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	netdev_emit(level, dev, fmt, ap);
	va_end(ap);
}

#define DDE_NETDEV_LEVEL(func, kern_level)                            \
	void func(const struct net_device *dev, const char *fmt, ...) \
	{                                                             \
		va_list ap;                                           \
		va_start(ap, fmt);                                    \
		netdev_emit(kern_level, dev, fmt, ap);                \
		va_end(ap);                                           \
	}

DDE_NETDEV_LEVEL(netdev_emerg, KERN_EMERG)
DDE_NETDEV_LEVEL(netdev_alert, KERN_ALERT)
DDE_NETDEV_LEVEL(netdev_crit, KERN_CRIT)
DDE_NETDEV_LEVEL(netdev_err, KERN_ERR)
DDE_NETDEV_LEVEL(netdev_warn, KERN_WARNING)
DDE_NETDEV_LEVEL(netdev_notice, KERN_NOTICE)
DDE_NETDEV_LEVEL(netdev_info, KERN_INFO)

/* Linux's default: bursts of 10 messages per 5 seconds. */
int net_ratelimit(void)
{
	static DEFINE_SPINLOCK(lock);
	static unsigned long begin;
	static int printed;
	unsigned long flags;
	int ok;

	spin_lock_irqsave(&lock, flags);
	if (!begin || time_after(jiffies, begin + 5 * HZ)) {
		begin = jiffies;
		printed = 0;
	}
	ok = printed < 10;
	printed += ok;
	spin_unlock_irqrestore(&lock, flags);
	return ok;
}
