// SPDX-License-Identifier: MIT
/*
 * String helpers of lib/string_helpers.c and lib/string.c that drivers
 * call (the C library has the standard ones).
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>
#include <linux/string_helpers.h>

/* size blocks of blk_size bytes as "1.07 GB" / "1.00 GiB": three significant digits. */
void string_get_size(u64 size, u64 blk_size, enum string_size_units units, char *buf, int len)
{
	static const char *const names[2][9] = {
		{ "B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB" },
		{ "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB" },
	};
	const unsigned div = units == STRING_UNITS_2 ? 1024 : 1000;
	/* bytes in thousandths of the unit, without overflowing for any disk */
	u64 whole = size * blk_size, frac = 0;
	unsigned i = 0;

	if (blk_size && size > U64_MAX / blk_size) {
		whole = div64_u64(size, div) * blk_size;
		i = 1;
	}
	while (whole >= div && i < 8) {
		frac = (whole % div) * 1000 / div;
		whole /= div;
		i++;
	}
	if (!i || whole >= 100)
		snprintf(buf, len, "%llu %s", (unsigned long long)whole,
			 names[units == STRING_UNITS_2][i]);
	else if (whole >= 10)
		snprintf(buf, len, "%llu.%01llu %s", (unsigned long long)whole,
			 (unsigned long long)frac / 100, names[units == STRING_UNITS_2][i]);
	else
		snprintf(buf, len, "%llu.%02llu %s", (unsigned long long)whole,
			 (unsigned long long)frac / 10, names[units == STRING_UNITS_2][i]);
}

/* Like sysfs_streq(): a trailing newline of s does not count. */
int __sysfs_match_string(const char *const *array, size_t n, const char *s)
{
	size_t i, l = strlen(s);

	if (l && s[l - 1] == '\n')
		l--;
	for (i = 0; i < n; i++) {
		if (array[i] && strlen(array[i]) == l && !strncmp(array[i], s, l))
			return i;
	}
	return -EINVAL;
}

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t n = strnlen(src, count);

	if (!count)
		return -E2BIG;
	if (n == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, n + 1);
	return n;
}
