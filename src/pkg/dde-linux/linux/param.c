// SPDX-License-Identifier: MIT
/*
 * Module parameter types (kernel/params.c) that drivers name in
 * module_param() and module_param_array().  The server does not set parameters yet (each keeps
 * the driver's default); the operations are real for when it does.
 */
#include <linux/moduleparam.h>
#include <linux/string.h>

/* Decimal, an optional '-' when neg_ok; at most max in magnitude. */
static int parse_dec(const char *s, bool neg_ok, unsigned long long max, long long *out)
{
	unsigned long long v = 0;
	bool neg = neg_ok && *s == '-';

	s += neg;
	if (!*s || *s == '\n')
		return -EINVAL;
	for (; *s && *s != '\n'; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		v = v * 10 + (unsigned)(*s - '0');
		if (v > max + neg)
			return -ERANGE;
	}
	*out = neg ? -(long long)v : (long long)v;
	return 0;
}

static int parse_uint(const char *s, unsigned int *out)
{
	long long v;
	int err = parse_dec(s, false, UINT_MAX, &v);

	if (!err)
		*out = (unsigned int)v;
	return err;
}

int param_set_uint(const char *val, const struct kernel_param *kp)
{
	return parse_uint(val, kp->arg);
}

int param_get_uint(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%u\n", *(unsigned int *)kp->arg);
}

const struct kernel_param_ops param_ops_uint = {
	.set = param_set_uint,
	.get = param_get_uint,
};

int param_set_int(const char *val, const struct kernel_param *kp)
{
	long long v;
	int err = parse_dec(val, true, INT_MAX, &v);

	if (!err)
		*(int *)kp->arg = (int)v;
	return err;
}

int param_get_int(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%d\n", *(int *)kp->arg);
}

const struct kernel_param_ops param_ops_int = {
	.set = param_set_int,
	.get = param_get_int,
};

/* module_param_array(): comma-separated elements, each set by the element type's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int n = 0;
	char buf[32];

	while (*val && *val != '\n') {
		size_t len = strcspn(val, ",\n");
		int err;

		if (n == arr->max || len >= sizeof(buf))
			return -EINVAL;
		memcpy(buf, val, len);
		buf[len] = '\0';
		elem.arg = (char *)arr->elem + n * arr->elemsize;
		err = arr->ops->set(buf, &elem);
		if (err)
			return err;
		n++;
		val += len + (val[len] == ',');
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int off = 0;

	for (i = 0; i < n; i++) {
		elem.arg = (char *)arr->elem + i * arr->elemsize;
		off += arr->ops->get(buffer + off, &elem);
		buffer[off - 1] = i + 1 < n ? ',' : '\n'; /* each element's '\n' */
	}
	return off;
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
};
